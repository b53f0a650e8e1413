// createServiceBindingsClient: one typed call per operation of the spec.
import createClient, { type Client } from "openapi-fetch";
import type { paths } from "../generated/openapi.ts";
import { authenticate, type Credentials } from "./credentials.ts";
import { InvalidArgumentError } from "./errors.ts";
import { ROUTES, type Route } from "./operations.ts";
import { createRedactor } from "./redact.ts";
import { type CallContext, type CallSettings, call } from "./request.ts";
import { type Backoff, DEFAULT_MAX_RETRIES, MAX_RETRIES_LIMIT } from "./retry.ts";
import type { CreateServiceBindingBody, PathParams, Result } from "./types.ts";
import {
  checkBackoff,
  checkBaseUrl,
  checkCreateBody,
  checkId,
  checkRetries,
  checkTimeout,
} from "./validate.ts";
import { PACKAGE_NAME, PACKAGE_VERSION } from "./version.ts";

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

/** Per-call options of create, the one call that is not retried by default. */
export interface CreateCallOptions extends CallOptions {
  /**
   * Retry this create like a GET. Off by default: when an answer is lost, the binding may already exist and a
   * retry would create a second one. Set it only when a duplicate is acceptable or you check for one.
   * @default false
   */
  idempotent?: boolean | undefined;
}

/** An operation's path parameters, with `account_id` optional when the client has a default account. */
type Params<Op extends keyof typeof ROUTES> = Omit<PathParams<Op>, "account_id"> & {
  account_id?: string | undefined;
};

/** Parameters of List Service Bindings. */
export type ListServiceBindingsParams = Params<"listServiceBindings">;
/** Parameters of Get Service Binding. */
export type GetServiceBindingParams = Params<"getServiceBinding">;
/** Parameters of Delete Service Binding. */
export type DeleteServiceBindingParams = Params<"deleteServiceBinding">;
/** Parameters of List Services. */
export type ListServicesParams = Params<"listServices">;
/** Parameters of Create Service Binding: the prefix and the binding to create. */
export type CreateServiceBindingParams = Params<"createServiceBinding"> & { body: CreateServiceBindingBody };

/** The client: one method per operation of the spec, named by its operationId. */
export interface ServiceBindingsClient {
  /** Lists the service bindings of a prefix (not paginated). */
  listServiceBindings(
    params: ListServiceBindingsParams,
    options?: CallOptions,
  ): Promise<Result<"listServiceBindings">>;
  /** Fetches one service binding. */
  getServiceBinding(
    params: GetServiceBindingParams,
    options?: CallOptions,
  ): Promise<Result<"getServiceBinding">>;
  /** Creates a service binding. Never retried unless `idempotent: true`. */
  createServiceBinding(
    params: CreateServiceBindingParams,
    options?: CreateCallOptions,
  ): Promise<Result<"createServiceBinding">>;
  /** Deletes a service binding; resolves once the API confirms. */
  deleteServiceBinding(params: DeleteServiceBindingParams, options?: CallOptions): Promise<void>;
  /** Lists the services a prefix can be bound to, with their ids. */
  listServices(params?: ListServicesParams, options?: CallOptions): Promise<Result<"listServices">>;
  /** The underlying typed openapi-fetch client, authenticated, for anything else (no retries, no unwrapping). */
  readonly raw: Client<paths>;
}

/** Creates a client. Throws `InvalidArgumentError` at once on missing or conflicting credentials or bad options. */
export function createServiceBindingsClient(options: ServiceBindingsClientOptions): ServiceBindingsClient {
  if (typeof options !== "object" || options === null) {
    throw new InvalidArgumentError("options", "must be an object with credentials");
  }
  const { headers, secrets } = authenticate(options);
  const accountId = options.accountId === undefined ? undefined : checkId("accountId", options.accountId);
  const baseUrl = checkBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL);
  const timeoutMs = checkTimeout("timeoutMs", options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const maxRetries = checkRetries("maxRetries", options.maxRetries ?? DEFAULT_MAX_RETRIES, MAX_RETRIES_LIMIT);
  const backoff = checkBackoff(options.backoff);
  if (options.fetch !== undefined && typeof options.fetch !== "function") {
    throw new InvalidArgumentError("fetch", "must be a function");
  }
  const ownAgent = `${PACKAGE_NAME}/${PACKAGE_VERSION}`;
  if (options.userAgent !== undefined && !/^[\x20-\x7e]+$/.test(String(options.userAgent))) {
    throw new InvalidArgumentError("userAgent", "must be printable ASCII characters only");
  }
  const userAgent = options.userAgent ? `${options.userAgent} ${ownAgent}` : ownAgent;

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

  /** The checked path parameters of a route: every placeholder present and a valid id. */
  function pathParamsFor(route: Route, params: unknown): Record<string, string> {
    if (params !== undefined && (typeof params !== "object" || params === null)) {
      throw new InvalidArgumentError("params", "must be an object");
    }
    const given = (params ?? {}) as Record<string, unknown>;
    const checked: Record<string, string> = {};
    for (const name of parameterNames(route)) {
      if (name === "account_id" && given.account_id === undefined) {
        if (accountId === undefined) {
          throw new InvalidArgumentError(
            "account_id",
            "is required: pass it to the call or set accountId on the client",
          );
        }
        checked.account_id = accountId;
      } else {
        checked[name] = checkId(name, given[name]);
      }
    }
    return checked;
  }

  // async, so a refused argument rejects the returned promise instead of throwing synchronously.
  async function run(
    route: Route,
    params: unknown,
    body: unknown,
    callOptions: CreateCallOptions | undefined,
  ) {
    const settings = settingsFor(callOptions);
    return call(context, route, pathParamsFor(route, params), body, settings);
  }

  return {
    raw,
    listServiceBindings: (params, callOptions) =>
      run(ROUTES.listServiceBindings, params, undefined, callOptions) as Promise<
        Result<"listServiceBindings">
      >,
    getServiceBinding: (params, callOptions) =>
      run(ROUTES.getServiceBinding, params, undefined, callOptions) as Promise<Result<"getServiceBinding">>,
    createServiceBinding: async (params, callOptions) => {
      const body = checkCreateBody((params as { body?: unknown } | undefined)?.body);
      return run(ROUTES.createServiceBinding, params, body, callOptions) as Promise<
        Result<"createServiceBinding">
      >;
    },
    deleteServiceBinding: async (params, callOptions) => {
      await run(ROUTES.deleteServiceBinding, params, undefined, callOptions);
    },
    listServices: (params, callOptions) =>
      run(ROUTES.listServices, params, undefined, callOptions) as Promise<Result<"listServices">>,
  };
}

const PARAMETER_NAMES = new Map<string, string[]>();

/** The placeholders of a route's path, worked out once per route. */
function parameterNames(route: Route): string[] {
  let names = PARAMETER_NAMES.get(route.path);
  if (!names) {
    names = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? "");
    PARAMETER_NAMES.set(route.path, names);
  }
  return names;
}
