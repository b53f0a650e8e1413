// Friendly names for the spec's types. Every one is derived from generated/
// (the types and the operation table), so none restates a schema by hand.
import type { components, operations } from "../generated/openapi.ts";
import type { OPERATIONS } from "../generated/operations.ts";

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

/** A BYOIP prefix of the account. */
export type Prefix = Schemas["Prefix"];

/** A network of a prefix that Cloudflare announces over BGP, with its on-demand advertisement. */
export type BgpPrefix = Schemas["BgpPrefix"];

/** The body of Create Service Binding. */
export type CreateServiceBindingBody = Schemas["CreateServiceBindingRequest"];

/** One entry of an envelope's `errors` or `messages`. */
export type ResponseMessage = Schemas["ResponseMessage"];

/** The generated operation table: one entry per operation of the spec. */
export type OperationTable = typeof OPERATIONS;

/** The operations of the spec, by operationId. */
export type OperationId = keyof OperationTable & keyof operations;

/** How the client reaches one operation, and what its `result` is: one entry of the generated table. */
export type Operation = OperationTable[OperationId];

/** The path parameters of an operation, as the spec names them. */
export type PathParams<Op extends OperationId> = operations[Op]["parameters"]["path"];

/** The JSON body of an operation, or `never` when it takes none. */
export type RequestBody<Op extends OperationId> = operations[Op] extends {
  requestBody: { content: { "application/json": infer Body } };
}
  ? Body
  : never;

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

/** The parameters of an operation's method: its path parameters (`account_id` optional when the client has one), and its body. */
export type OperationParams<Op extends OperationId> = Omit<PathParams<Op>, "account_id"> &
  ("account_id" extends keyof PathParams<Op> ? { account_id?: string | undefined } : unknown) &
  ([RequestBody<Op>] extends [never] ? unknown : { body: RequestBody<Op> });
