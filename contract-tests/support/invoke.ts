// Calls any operation of the spec through the client's method for it. The
// `satisfies` clause fails to compile when the spec gains an operation that
// the client has no method for.
import type { operations } from "../../generated/openapi.ts";
import type { CreateServiceBindingBody, ServiceBindingsClient } from "../../src/index.ts";

/** The inputs any operation may take; each uses the ones its path needs. */
export interface Inputs {
  account_id: string;
  prefix_id: string;
  binding_id: string;
  body: CreateServiceBindingBody;
}

/** How to call each operation of the spec with the client. */
export const INVOKE = {
  listServiceBindings: (client, i) =>
    client.listServiceBindings({ account_id: i.account_id, prefix_id: i.prefix_id }),
  createServiceBinding: (client, i) =>
    client.createServiceBinding({ account_id: i.account_id, prefix_id: i.prefix_id, body: i.body }),
  getServiceBinding: (client, i) =>
    client.getServiceBinding({ account_id: i.account_id, prefix_id: i.prefix_id, binding_id: i.binding_id }),
  deleteServiceBinding: (client, i) =>
    client.deleteServiceBinding({
      account_id: i.account_id,
      prefix_id: i.prefix_id,
      binding_id: i.binding_id,
    }),
  listServices: (client, i) => client.listServices({ account_id: i.account_id }),
} satisfies { [Op in keyof operations]: (client: ServiceBindingsClient, inputs: Inputs) => Promise<unknown> };

/** Calls an operation by its operationId; fails clearly when the client lacks a method for it. */
export function invoke(client: ServiceBindingsClient, operationId: string, inputs: Inputs): Promise<unknown> {
  const call = (
    INVOKE as Record<string, (client: ServiceBindingsClient, inputs: Inputs) => Promise<unknown>>
  )[operationId];
  if (!call) throw new Error(`the spec's operation ${operationId} has no client method`);
  return call(client, inputs);
}
