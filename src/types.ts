// Friendly names for the spec's types. Every one is derived from generated/,
// so none restates a schema by hand.
import type { components, operations } from "../generated/openapi.ts";

type Schemas = components["schemas"];

/** A binding of a CIDR of a BYOIP prefix to one Cloudflare service. */
export type ServiceBinding = Schemas["ServiceBinding"];

/**
 * Where a binding is in its rollout. Cloudflare has added states before: treat
 * a value you do not know as "not active yet", never as an error.
 */
export type ProvisioningState = Schemas["ProvisioningState"];

/** A Cloudflare service that a prefix can be bound to. */
export type Service = Schemas["Service"];

/** The body of Create Service Binding. */
export type CreateServiceBindingBody = Schemas["CreateServiceBindingRequest"];

/** One entry of an envelope's `errors` or `messages`. */
export type ResponseMessage = Schemas["ResponseMessage"];

/** The operations of the spec, by operationId. */
export type OperationId = keyof operations;

/** The path parameters of an operation, as the spec names them. */
export type PathParams<Op extends OperationId> = operations[Op]["parameters"]["path"];

/** The JSON body of an operation's 2xx response. */
export type SuccessBody<Op extends OperationId> = {
  [Status in keyof operations[Op]["responses"]]: Status extends 200 | 201
    ? operations[Op]["responses"][Status] extends { content: { "application/json": infer Body } }
      ? Body
      : never
    : never;
}[keyof operations[Op]["responses"]];

/** What an operation resolves to: the envelope's `result`, or nothing when the envelope has none. */
export type Result<Op extends OperationId> = SuccessBody<Op> extends { result: infer R } ? R : undefined;
