// The client's options: their types and defaults, and the checks that turn
// them into the settings every call runs with, so a bad option is refused
// before any request is sent.
import { PATH_PARAMETERS } from "../generated/operations.ts";
import { authenticate, type Credentials } from "./credentials.ts";
import { InvalidArgumentError } from "./errors.ts";
import { createRedactor, type Redactor } from "./redact.ts";
import type { CallSettings, RetryEvent } from "./request.ts";
import { type Backoff, DEFAULT_MAX_RETRIES, MAX_RETRIES_LIMIT } from "./retry.ts";
import { checkBackoff, checkBaseUrl, checkPathParam, checkRetries, checkTimeout } from "./validate.ts";
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
   * Retries after a failed attempt (connection error, timeout, 408, 429, 5xx) of an operation the spec marks
   * safe to repeat (`x-idempotent`: every read, Delete Service Binding and Update BGP Prefix). Create Service
   * Binding is never retried unless a call passes `idempotent: true`.
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

/** Per-call options of an operation the spec does not mark safe to repeat (a create), so not retried by default. */
export interface CreateCallOptions extends CallOptions {
  /**
   * Retry this call like a read. Off by default: when a create's answer is lost, the binding may already exist
   * and a retry would create a second one. Set it only when a duplicate is acceptable or you check for one.
   * @default false
   */
  idempotent?: boolean | undefined;
}
/** The client's options, checked, with their defaults applied: with the raw client, what every call shares. */
export interface ClientConfig {
  /** The headers of every request: the credentials' and the User-Agent. */
  headers: Record<string, string>;
  /** Removes the credentials' values from anything an error shows. */
  redact: Redactor;
  accountId: string | undefined;
  baseUrl: string;
  timeoutMs: number;
  maxRetries: number;
  backoff: Backoff;
  fetch: (request: Request) => Promise<Response>;
  /** Whether `fetch` is known to honour its AbortSignal: the built-in one does. */
  trustsSignal: boolean;
  onRetry: ((event: RetryEvent) => void) | undefined;
}

/** Checks the client's options, in a fixed order; throws `InvalidArgumentError` naming the first one refused. */
export function resolveOptions(options: ServiceBindingsClientOptions): ClientConfig {
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
  return {
    headers: { ...headers, "User-Agent": userAgent },
    redact: createRedactor(secrets),
    accountId,
    baseUrl,
    timeoutMs,
    maxRetries,
    backoff,
    fetch: options.fetch ?? ((request: Request) => globalThis.fetch(request)),
    trustsSignal: options.fetch === undefined,
    onRetry: options.onRetry,
  };
}

/** The settings of one call: its own options, checked, over the client's. */
export function callSettings(config: ClientConfig, callOptions: CreateCallOptions | undefined): CallSettings {
  return {
    timeoutMs:
      callOptions?.timeoutMs === undefined
        ? config.timeoutMs
        : checkTimeout("timeoutMs", callOptions.timeoutMs),
    maxRetries:
      callOptions?.maxRetries === undefined
        ? config.maxRetries
        : checkRetries("maxRetries", callOptions.maxRetries, MAX_RETRIES_LIMIT),
    backoff: config.backoff,
    signal: callOptions?.signal,
    idempotent: callOptions?.idempotent === true,
  };
}
