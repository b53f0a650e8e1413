// One method per operation of the spec, built from the generated operation
// table: its parameters checked, then sent by `call`. A new operation in the
// spec is a new method after `npm run generate`, with nothing to add here.
import { OPERATIONS, PATH_PARAMETERS } from "../generated/operations.ts";
import { InvalidArgumentError } from "./errors.ts";
import { type CallOptions, type ClientConfig, type CreateCallOptions, callSettings } from "./options.ts";
import { type CallContext, call } from "./request.ts";
import type { Operation, OperationId, OperationParams, OperationTable, Result } from "./types.ts";
import { type Checked, checkBody, checkPathParam } from "./validate.ts";

/** The call options of an operation: one the spec does not mark safe to repeat also takes `idempotent`. */
export type OperationOptions<Op extends OperationId> = OperationTable[Op]["idempotent"] extends true
  ? CallOptions
  : CreateCallOptions;

/** What an operation's method resolves to: the envelope's `result`, or nothing when it has none. */
export type OperationResult<Op extends OperationId> = OperationTable[Op]["result"] extends "none"
  ? // biome-ignore lint/suspicious/noConfusingVoidType: it is only ever a method's return type, Promise<void>, as delete's has always been.
    void
  : Result<Op>;

/** The method of one operation; its parameters may be left out when none is required (an empty object satisfies them). */
export type OperationMethod<Op extends OperationId> =
  Record<never, never> extends OperationParams<Op>
    ? (params?: OperationParams<Op>, options?: OperationOptions<Op>) => Promise<OperationResult<Op>>
    : (params: OperationParams<Op>, options?: OperationOptions<Op>) => Promise<OperationResult<Op>>;

/**
 * One method per operation of the spec, named by its operationId, each with the spec's summary and
 * description as its doc comment (mapped over the generated table, so the docs follow the spec). It is
 * what a hand-written test double of the client implements: no `raw` needed.
 */
export type ServiceBindingsMethods = {
  [Op in keyof OperationTable]: Op extends OperationId ? OperationMethod<Op> : never;
};

/** Parameters of List Service Bindings. */
export type ListServiceBindingsParams = OperationParams<"listServiceBindings">;
/** Parameters of Get Service Binding. */
export type GetServiceBindingParams = OperationParams<"getServiceBinding">;
/** Parameters of Delete Service Binding. */
export type DeleteServiceBindingParams = OperationParams<"deleteServiceBinding">;
/** Parameters of List Services. */
export type ListServicesParams = OperationParams<"listServices">;
/** Parameters of Create Service Binding: the prefix and the binding to create. */
export type CreateServiceBindingParams = OperationParams<"createServiceBinding">;

/** The checked path parameters of an operation: every placeholder present and within its schema, `account_id` the client's when not given. */
export function pathParamsFor(
  operation: Operation,
  given: Record<string, unknown>,
  accountId: string | undefined,
): Record<string, string> {
  const checked: Record<string, string> = {};
  for (const name of operation.pathParams) {
    if (name === "account_id" && given.account_id === undefined) {
      if (accountId === undefined) {
        throw new InvalidArgumentError(
          "account_id",
          "is required: pass it to the call or set accountId on the client",
        );
      }
      checked.account_id = accountId;
    } else {
      checked[name] = checkPathParam(
        name,
        given[name],
        (PATH_PARAMETERS as Record<string, Checked>)[name] ?? {},
      );
    }
  }
  return checked;
}

/** One method per entry of the table; async, so a refused argument rejects the returned promise. */
export function createMethods(context: CallContext & ClientConfig): ServiceBindingsMethods {
  const methods: Record<string, (params?: unknown, callOptions?: CreateCallOptions) => Promise<unknown>> = {};
  for (const [operationId, operation] of Object.entries(OPERATIONS) as [string, Operation][]) {
    methods[operationId] = async (params, callOptions) => {
      if (params !== undefined && (typeof params !== "object" || params === null)) {
        throw new InvalidArgumentError("params", "must be an object");
      }
      const given = (params ?? {}) as Record<string, unknown>;
      const body = "body" in operation ? checkBody(operation.body, given.body) : undefined;
      const pathParams = pathParamsFor(operation, given, context.accountId);
      return call(context, operation, pathParams, body, callSettings(context, callOptions));
    };
  }
  return methods as unknown as ServiceBindingsMethods;
}
