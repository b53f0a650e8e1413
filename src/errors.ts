// One error hierarchy for everything this package throws. `errorFromResponse`
// (error-from-response.ts) is the only place that turns a response into one.
import type { BgpPrefix, Prefix, ResponseMessage, ServiceBinding } from "./types.ts";

/** The root of every error this package throws. */
export class ServiceBindingsError extends Error {
  override name = "ServiceBindingsError";

  /** A plain, secret-free object for structured logs: name, message and every own field. */
  toJSON(): Record<string, unknown> {
    const fields: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this)) if (key !== "cause") fields[key] = value;
    if (this.cause instanceof Error) fields.cause = { name: this.cause.name, message: this.cause.message };
    return fields;
  }
}

/** An argument or option was refused before any request was sent; `argument` names it. */
export class InvalidArgumentError extends ServiceBindingsError {
  override name = "InvalidArgumentError";
  /** The offending argument or option, e.g. `binding_id` or `body.cidr`. */
  readonly argument: string;

  constructor(argument: string, problem: string) {
    super(`${argument} ${problem}`);
    this.argument = argument;
  }
}

/** What every failed request carries, whatever the reason. */
export interface RequestFacts {
  /** The HTTP method, e.g. `GET`. */
  method: string;
  /** The request path below the base URL, with its ids percent-encoded. */
  path: string;
  /** How many attempts were made, retries included. */
  attempts: number;
}

/**
 * The message of an error about a request, the one place its shape is set: `METHOD path -> what`, then
 * ` (after N attempts)` when it took more than one, so every such error reads alike in a log line.
 */
export function requestMessage(facts: RequestFacts, what: string): string {
  const after = facts.attempts > 1 ? ` (after ${facts.attempts} attempts)` : "";
  return `${facts.method} ${facts.path} -> ${what}${after}`;
}

/** What the API's answer said, for errors built from a response. */
export interface ApiErrorDetails extends RequestFacts {
  status: number;
  errors: ResponseMessage[];
  messages: ResponseMessage[];
  /** The `cf-ray` header: quote it to Cloudflare support. */
  rayId: string | undefined;
  /** The start of the body when it was not the JSON envelope (an HTML error page, an empty body). */
  bodyExcerpt: string | undefined;
  /** The `Retry-After` header in seconds, when the answer carried one. */
  retryAfterSeconds: number | undefined;
}

/** A request that failed, for whatever reason: it names the method, the path and how many attempts were made. */
export class RequestError extends ServiceBindingsError {
  override name = "RequestError";
  declare readonly method: string;
  declare readonly path: string;
  declare readonly attempts: number;

  /** Every member of `facts` becomes a field: the request's, and for an API error the answer's too. */
  constructor(message: string, facts: RequestFacts, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    Object.assign(this, facts);
  }
}

/** The API answered, and the answer is an error: a 4xx or 5xx, or `success: false`. */
export class CloudflareApiError extends RequestError {
  override name = "CloudflareApiError";
  // Set from `details` by RequestError's constructor; `declare`, so no field initialiser resets them.
  declare readonly status: number;
  declare readonly errors: ResponseMessage[];
  declare readonly messages: ResponseMessage[];
  declare readonly rayId: string | undefined;
  declare readonly bodyExcerpt: string | undefined;
  declare readonly retryAfterSeconds: number | undefined;

  /** `details` holds the request's facts and the answer's: each becomes a field. */
  constructor(message: string, details: ApiErrorDetails) {
    super(message, details);
  }

  /** The first error code of the envelope (e.g. 1002), if it had one. */
  get code(): number | undefined {
    return this.errors[0]?.code;
  }
}

/** 400: the request was refused as invalid, e.g. a malformed CIDR or an unknown service id. */
export class BadRequestError extends CloudflareApiError {
  override name = "BadRequestError";
}

/** 401, or a 400 whose code says the credentials are missing (9106): credentials are missing or refused. */
export class AuthenticationError extends CloudflareApiError {
  override name = "AuthenticationError";
}

/** 403: the credentials lack a permission for this account or operation. */
export class PermissionDeniedError extends CloudflareApiError {
  override name = "PermissionDeniedError";
}

/** 404: the prefix or the binding does not exist. */
export class NotFoundError extends CloudflareApiError {
  override name = "NotFoundError";
}

/**
 * The URL names no endpoint of the API, so nothing was looked up: a 404 whose
 * body is not the API's envelope (a mock's or a proxy's route-not-found page),
 * or Cloudflare's "No route for that URI". The message names the base URL,
 * the likely cause. Deliberately not a NotFoundError: code that creates what
 * is "not found" must not act on it.
 */
export class RouteNotFoundError extends CloudflareApiError {
  override name = "RouteNotFoundError";
}

/** 409: the request conflicts with the current state, e.g. an overlapping binding. */
export class ConflictError extends CloudflareApiError {
  override name = "ConflictError";
}

/** 422: the request was well-formed but cannot be processed. */
export class UnprocessableEntityError extends CloudflareApiError {
  override name = "UnprocessableEntityError";
}

/** 429: the rate limit was exceeded; `retryAfterSeconds` says how long to wait. */
export class RateLimitError extends CloudflareApiError {
  override name = "RateLimitError";
}

/** 5xx: Cloudflare failed to handle the request. */
export class InternalServerError extends CloudflareApiError {
  override name = "InternalServerError";
}

/** A 2xx answer that is not the envelope the spec promises (not JSON, or a member missing). */
export class MalformedResponseError extends CloudflareApiError {
  override name = "MalformedResponseError";
}

/** No answer arrived: the connection was refused, reset or cut mid-body. `cause` holds the fetch error. */
export class ConnectionError extends RequestError {
  override name = "ConnectionError";
}

/** An attempt took longer than `timeoutMs` and was abandoned. */
export class TimeoutError extends ConnectionError {
  override name = "TimeoutError";
}

/** The caller's AbortSignal fired; `cause` is the signal's reason. No further attempt is made. */
export class RequestAbortedError extends RequestError {
  override name = "RequestAbortedError";
}

/** How a wait ended without what it waited for. */
export interface WaitErrorDetails {
  /** Why: `timeout`, or the state that will not move on by itself (e.g. `magic_transit_route_missing`). */
  reason: string;
  /** The state the last poll read, undefined when no poll read anything. */
  state: string | undefined;
  polls: number;
  /** What the last poll read (the binding, or the BGP prefix). */
  last: unknown;
}

/**
 * A wait ended without what it waited for: a state that will not move on by itself (the message says what to
 * do), or the time ran out. `reason` says which (`timeout`, or that state), `state` is the state last read,
 * `last` what the last poll read, `polls` how many polls were made.
 */
export class WaitError extends ServiceBindingsError {
  override name = "WaitError";
  readonly reason: string;
  readonly state: string | undefined;
  readonly polls: number;
  readonly last: unknown;

  constructor(message: string, details: WaitErrorDetails) {
    super(message);
    this.reason = details.reason;
    this.state = details.state;
    this.polls = details.polls;
    this.last = details.last;
  }
}

/** The CIDR is already bound to another service: `existing` is that binding. Nothing was created. */
export class BindingConflictError extends ServiceBindingsError {
  override name = "BindingConflictError";
  readonly existing: ServiceBinding;

  constructor(message: string, existing: ServiceBinding) {
    super(message);
    this.existing = existing;
  }
}

/** What an `AdvertisementRefusedError` knows: the rule, its fix, and what was read. */
export interface AdvertisementRefusal {
  /** The name of the rule broken, one of ADVERTISEMENT_RULES. */
  rule: string;
  fix: string;
  prefix: Prefix;
  /** The BGP prefix that spans the prefix, when there is one. */
  bgpPrefix: BgpPrefix | undefined;
}

/**
 * An advertisement (or withdrawal) was refused before anything was sent: the API reports a state that one of
 * the documented rules forbids. `rule` names it, `fix` says what to do; the message says both.
 */
export class AdvertisementRefusedError extends ServiceBindingsError {
  override name = "AdvertisementRefusedError";
  readonly rule: string;
  readonly fix: string;
  readonly prefix: Prefix;
  readonly bgpPrefix: BgpPrefix | undefined;

  constructor(message: string, refusal: AdvertisementRefusal) {
    super(message);
    this.rule = refusal.rule;
    this.fix = refusal.fix;
    this.prefix = refusal.prefix;
    this.bgpPrefix = refusal.bgpPrefix;
  }
}
