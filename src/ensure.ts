// ensureServiceBinding: the safe create users write by hand. It never leaves a
// duplicate: it lists before creating, and when a create's answer is lost it
// lists again to find what that create made before trying again.
import { BindingConflictError, ConnectionError } from "./errors.ts";
import type { CallOptions } from "./options.ts";
import type { CreateServiceBindingBody, OperationParams, Result, ServiceBinding } from "./types.ts";
import type { WaitOptions } from "./wait.ts";

/** What to bind: a CIDR of a prefix, to a service (create's parameters, its body's members spread). */
export type EnsureParams = Omit<OperationParams<"createServiceBinding">, "body"> & CreateServiceBindingBody;

/** What `ensureServiceBinding` did: the binding, and whether this call created it or found it. */
export interface EnsureResult {
  /** The binding of the CIDR to the service (after the wait, with `wait`). */
  binding: ServiceBinding;
  /**
   * True when the binding did not exist when the call began, so this call created it (also when a create's
   * answer was lost and the binding was found by listing again); false when it was found as it was.
   */
  created: boolean;
}

/** Options of `ensureServiceBinding`. */
export interface EnsureOptions {
  /** Then wait for the binding to be active: `true`, or the waiter's options. @default false */
  wait?: boolean | WaitOptions | undefined;
  /** Stops at once, between or during the calls. */
  signal?: AbortSignal | undefined;
}

/**
 * The calls `ensure` makes, typed from the generated operations and the call options rather than from the
 * client (which builds on this file), so that no import goes both ways: the client's own methods fit them.
 */
export interface EnsureCalls {
  list: (
    params: OperationParams<"listServiceBindings">,
    options: CallOptions,
  ) => Promise<Result<"listServiceBindings">>;
  create: (
    params: OperationParams<"createServiceBinding">,
    options: CallOptions,
  ) => Promise<Result<"createServiceBinding">>;
  wait: (params: OperationParams<"getServiceBinding">, options: WaitOptions) => Promise<ServiceBinding>;
}

/**
 * The binding of `cidr` to `service_id`: the one that exists, or a new one. A create whose answer is lost
 * (the connection failed after it was sent) is followed by a new list, so what it made is found rather
 * than made twice; `attempts` bounds the creates.
 */
export async function ensure(
  calls: EnsureCalls,
  { cidr, service_id, ...prefix }: EnsureParams,
  { wait, signal }: EnsureOptions,
  attempts: number,
): Promise<EnsureResult> {
  let binding: ServiceBinding | undefined;
  // Set by the first pass, which always runs: true when the first list did not hold the binding.
  let created!: boolean;
  for (let attempt = 1; !binding; attempt++) {
    const existing = (await calls.list(prefix, { signal })).find((b) => b.cidr === cidr);
    if (attempt === 1) created = existing === undefined;
    if (existing && existing.service_id !== service_id) {
      throw new BindingConflictError(
        `${cidr} of prefix ${prefix.prefix_id} is already bound to ${existing.service_name ?? `service ${existing.service_id}`} (binding ${existing.id}), not to service ${service_id}: delete that binding first`,
        existing,
      );
    }
    try {
      binding =
        existing ??
        (await calls.create({ ...prefix, body: { cidr, service_id } }, { signal, maxRetries: 0 }));
    } catch (error) {
      // The create may have been made with its answer lost: list again before another try.
      if (!(error instanceof ConnectionError) || attempt >= attempts) throw error;
    }
  }
  if (!wait) return { binding, created };
  // Stryker disable next-line ConditionalExpression,BooleanLiteral: spreading `true` adds nothing, so either branch gives the same options.
  const waitOptions = wait === true ? {} : wait;
  return {
    binding: await calls.wait({ ...prefix, binding_id: binding.id }, { signal, ...waitOptions }),
    created,
  };
}
