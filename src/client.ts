// createServiceBindingsClient: one typed call per operation of the spec, each
// built from the generated operation table, so a new operation in the spec is
// a new method after `npm run generate`, with nothing to add here.
import createClient, { type Client } from "openapi-fetch";
import type { paths } from "../generated/openapi.ts";
import { OPERATIONS, PATH_PARAMETERS } from "../generated/operations.ts";
import { authenticate, type Credentials } from "./credentials.ts";
import { type EnsureOptions, type EnsureParams, ensure } from "./ensure.ts";
import { InvalidArgumentError } from "./errors.ts";
import { createRedactor } from "./redact.ts";
import { type CallContext, type CallSettings, call, type RetryEvent } from "./request.ts";
import { type Backoff, DEFAULT_MAX_RETRIES, MAX_RETRIES_LIMIT } from "./retry.ts";
import type {
  Operation,
  OperationId,
  OperationParams,
  OperationTable,
  Result,
  ServiceBinding,
} from "./types.ts";
import {
  type Checked,
  checkBackoff,
  checkBaseUrl,
  checkBody,
  checkDelay,
  checkPathParam,
  checkRetries,
  checkTimeout,
} from "./validate.ts";
import { PACKAGE_NAME, PACKAGE_VERSION } from "./version.ts";
import { type WaitOptions, type WaitParams, waitFor } from "./wait.ts";

/** Cloudflare's API v4, where the spec's paths live. */
export const DEFAULT_BASE_URL = "https://api.cloudflare.com/client/v4";

/** How long one attempt may take before it is abandoned (and, if allowed, retried). */
export const DEFAULT_TIMEOUT_MS = 60_000;

/** Options of `createServiceBindingsClient`. Credentials: `apiToken`, or `apiEmail` with `apiKey`. */
export interface ServiceBindingsClientOptions extends Credentials {
  /** The account used when a call does not pass `account_id`. */
  accountId?: string | undefined;
  /**
   * Where the API lives; point it at a mock or a validation proxy.
   * @default "https://api.cloudflare.com/client/v4"
   */
  baseUrl?: string | undefined;
  /**
   * The fetch to send requests with.
   * @default globalThis.fetch
   */
  fetch?: ((request: Request) => Promise<Response>) | undefined;
  /**
   * Milliseconds one attempt may take, body included.
   * @default 60000
   */
  timeoutMs?: number | undefined;
  /**
   * Retries after a failed GET or DELETE (connection error, timeout, 408, 429, 5xx). POST is never retried
   * unless a call passes `idempotent: true`.
   * @default 2
   */
  maxRetries?: number | undefined;
  /** Waits between attempts; see `DEFAULT_BACKOFF`. */
  backoff?: Partial<Backoff> | undefined;
  /** Your application's name and version, sent before this package's in the User-Agent header. */
  userAgent?: string | undefined;
  /**
   * Called before each wait between attempts, so retries are not silent: method, path, the attempt that
   * failed, the wait in milliseconds and the (redacted) error. Never given a credential.
   */
  onRetry?: ((event: RetryEvent) => void) | undefined;
}

/** Per-call options. */
export interface CallOptions {
  /** Aborts the call at once: no further attempt is made. */
  signal?: AbortSignal | undefined;
  /** Overrides the client's `timeoutMs` for this call. */
  timeoutMs?: number | undefined;
  /** Overrides the client's `maxRetries` for this call. */
  maxRetries?: number | undefined;
}

/** Per-call options of a POST (create), the one kind of call that is not retried by default. */
export interface CreateCallOptions extends CallOptions {
  /**
   * Retry this create like a GET. Off by default: when an answer is lost, the binding may already exist and a
   * retry would create a second one. Set it only when a duplicate is acceptable or you check for one.
   * @default false
   */
  idempotent?: boolean | undefined;
}
/** The call options of an operation: a POST also takes `idempotent`, since it is not retried by default. */
export type OperationOptions<Op extends OperationId> = OperationTable[Op]["method"] extends "POST"
  ? CreateCallOptions
  : CallOptions;

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

/** The client: one method per operation of the spec, named by its operationId, the lifecycle helpers, and `raw`. */
export interface ServiceBindingsClient extends ServiceBindingsMethods {
  /**
   * Waits for a binding's rollout to end: polls Get Service Binding until `provisioning.state` is `active`
   * (or `options.until`) and resolves with the binding. Cloudflare's documentation says propagation takes four
   * to six hours, so the first wait is 30 s, growing to 5 min, and the wait gives up after 8 h.
   *
   * Rejects with `WaitError` (naming the last state) on `magic_transit_route_missing`, which needs a Magic
   * Transit route before it moves on, and when `timeoutMs` passes; with `NotFoundError` when the binding
   * disappears. A state it does not know keeps it polling; a poll that fails for a transient reason (after the
   * client's own retries) only waits for the next one.
   */
  waitForServiceBinding(params: GetServiceBindingParams, options?: WaitOptions): Promise<ServiceBinding>;
  /**
   * The safe create: resolves with the binding of `cidr` to `service_id`, creating it only when none exists.
   * It lists first, and returns a binding of that CIDR and service as it is; a binding of that CIDR to another
   * service is a `BindingConflictError` that names it. When a create's answer is lost (the connection failed
   * after it was sent), it lists again to find what that create made before it tries again (up to
   * `maxRetries` more times), so it never leaves a duplicate. With `{ wait: true }` (or the waiter's options)
   * it then waits for the binding to be active, as `waitForServiceBinding` does.
   */
  ensureServiceBinding(params: EnsureParams, options?: EnsureOptions): Promise<ServiceBinding>;
  /** The underlying typed openapi-fetch client, authenticated, for anything else (no retries, no unwrapping). */
  readonly raw: Client<paths>;
}

/** Creates a client. Throws `InvalidArgumentError` at once on missing or conflicting credentials or bad options. */
export function createServiceBindingsClient(options: ServiceBindingsClientOptions): ServiceBindingsClient {
  if (typeof options !== "object" || options === null) {
    throw new InvalidArgumentError("options", "must be an object with credentials");
  }
  const { headers, secrets } = authenticate(options);
  const accountId =
    options.accountId === undefined
      ? undefined
      : checkPathParam("accountId", options.accountId, PATH_PARAMETERS.account_id);
  const baseUrl = checkBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL);
  const timeoutMs = checkTimeout("timeoutMs", options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const maxRetries = checkRetries("maxRetries", options.maxRetries ?? DEFAULT_MAX_RETRIES, MAX_RETRIES_LIMIT);
  const backoff = checkBackoff(options.backoff);
  for (const name of ["fetch", "onRetry"] as const) {
    if (options[name] !== undefined && typeof options[name] !== "function") {
      throw new InvalidArgumentError(name, "must be a function");
    }
  }
  const ownAgent = `${PACKAGE_NAME}/${PACKAGE_VERSION}`;
  const { userAgent: theirs } = options;
  if (theirs !== undefined && (typeof theirs !== "string" || !/^[\x20-\x7e]+$/.test(theirs))) {
    throw new InvalidArgumentError("userAgent", "must be a string of printable ASCII characters only");
  }
  const userAgent = theirs ? `${theirs} ${ownAgent}` : ownAgent;

  const fetch = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  const raw = createClient<paths>({
    baseUrl,
    headers: { ...headers, "User-Agent": userAgent },
    fetch,
    // A redirect is an error here, never followed: following one would send the
    // legacy X-Auth-Key header to whatever host the redirect names.
    redirect: "manual",
  });
  const context: CallContext = {
    raw,
    onRetry: options.onRetry,
    baseUrl,
    fetch,
    trustsSignal: options.fetch === undefined,
    redact: createRedactor(secrets),
  };

  function settingsFor(callOptions: CreateCallOptions | undefined): CallSettings {
    return {
      timeoutMs:
        callOptions?.timeoutMs === undefined ? timeoutMs : checkTimeout("timeoutMs", callOptions.timeoutMs),
      maxRetries:
        callOptions?.maxRetries === undefined
          ? maxRetries
          : checkRetries("maxRetries", callOptions.maxRetries, MAX_RETRIES_LIMIT),
      backoff,
      signal: callOptions?.signal,
      idempotent: callOptions?.idempotent === true,
    };
  }

  /** The checked path parameters of an operation: every placeholder present and within its schema. */
  function pathParamsFor(operation: Operation, given: Record<string, unknown>): Record<string, string> {
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

  // One method per entry of the table; async, so a refused argument rejects the returned promise.
  const methods: Record<string, (params?: unknown, callOptions?: CreateCallOptions) => Promise<unknown>> = {};
  for (const [operationId, operation] of Object.entries(OPERATIONS) as [string, Operation][]) {
    methods[operationId] = async (params, callOptions) => {
      if (params !== undefined && (typeof params !== "object" || params === null)) {
        throw new InvalidArgumentError("params", "must be an object");
      }
      const given = (params ?? {}) as Record<string, unknown>;
      const body = "body" in operation ? checkBody(operation.body, given.body) : undefined;
      return call(context, operation, pathParamsFor(operation, given), body, settingsFor(callOptions));
    };
  }
  const client = { raw, ...methods } as unknown as ServiceBindingsClient;
  client.waitForServiceBinding = async (params, waitOptions = {}) => {
    for (const name of ["intervalMs", "maxIntervalMs", "timeoutMs"] as const) {
      if (waitOptions[name] !== undefined) checkDelay(name, waitOptions[name]);
    }
    const ids = pathParamsFor(OPERATIONS.getServiceBinding, { ...params }) as WaitParams;
    return waitFor(client.getServiceBinding, ids, waitOptions);
  };
  client.ensureServiceBinding = async (params, ensureOptions = {}) =>
    ensure(
      {
        list: client.listServiceBindings,
        create: client.createServiceBinding,
        wait: client.waitForServiceBinding,
      },
      params,
      ensureOptions,
      maxRetries + 1,
    );
  return client;
}
