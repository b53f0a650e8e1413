// Input refused before any request is sent, with an error that names the argument.
// Limits come from the spec; nothing stricter is imposed, except what a URL
// cannot carry safely.
import { InvalidArgumentError } from "./errors.ts";
import { type Backoff, DEFAULT_BACKOFF, MAX_TIMER_MS } from "./retry.ts";
import type { CreateServiceBindingBody } from "./types.ts";

/** The spec's `maxLength` of every identifier. */
export const ID_MAX_LENGTH = 32;

/**
 * Checks one path identifier. Besides the spec's limits, "." and ".." are
 * refused: URL parsers resolve them (even percent-encoded) as path steps, so
 * no encoding can keep them from changing the request path.
 */
export function checkId(argument: string, value: unknown): string {
  if (value === undefined) throw new InvalidArgumentError(argument, "is required");
  if (typeof value !== "string")
    throw new InvalidArgumentError(argument, `must be a string, got ${kind(value)}`);
  if (value === "") throw new InvalidArgumentError(argument, "must not be empty");
  // JSON Schema counts maxLength in code points, not UTF-16 units.
  const length = [...value].length;
  if (length > ID_MAX_LENGTH) {
    throw new InvalidArgumentError(argument, `must be at most ${ID_MAX_LENGTH} characters, got ${length}`);
  }
  if (!value.isWellFormed())
    throw new InvalidArgumentError(argument, "must be well-formed Unicode (it has a lone surrogate)");
  if (value === "." || value === "..") {
    throw new InvalidArgumentError(argument, `must not be "." or "..", which a URL resolves as a path step`);
  }
  return value;
}

/** Checks the body of Create Service Binding: both members present, strings, within the spec's limits (no stricter: the CIDR's syntax is the API's to judge). */
export function checkCreateBody(body: unknown): CreateServiceBindingBody {
  if (body === undefined)
    throw new InvalidArgumentError("body", "is required: an object with cidr and service_id");
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new InvalidArgumentError("body", `must be an object with cidr and service_id, got ${kind(body)}`);
  }
  const { cidr, service_id } = body as Record<string, unknown>;
  if (cidr === undefined) throw new InvalidArgumentError("body.cidr", "is required");
  if (typeof cidr !== "string")
    throw new InvalidArgumentError("body.cidr", `must be a string, got ${kind(cidr)}`);
  if (service_id === undefined) throw new InvalidArgumentError("body.service_id", "is required");
  checkId("body.service_id", service_id);
  return body as CreateServiceBindingBody;
}

/** Checks a per-attempt timeout: a positive number of milliseconds a timer can hold. */
export function checkTimeout(argument: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0 || value > MAX_TIMER_MS) {
    throw new InvalidArgumentError(
      argument,
      `must be a positive number of milliseconds up to ${MAX_TIMER_MS}, got ${kind(value)}`,
    );
  }
  return value;
}

/** Checks a delay: a non-negative number of milliseconds a timer can hold. */
export function checkDelay(argument: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > MAX_TIMER_MS) {
    throw new InvalidArgumentError(
      argument,
      `must be a non-negative number of milliseconds up to ${MAX_TIMER_MS}`,
    );
  }
  return value;
}

/** Checks a retry count: a whole number from 0 to `limit`. */
export function checkRetries(argument: string, value: unknown, limit: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > limit) {
    throw new InvalidArgumentError(argument, `must be a whole number from 0 to ${limit}, got ${kind(value)}`);
  }
  return value;
}

/** A short, value-free description of what was given, safe to print. */
function kind(value: unknown): string {
  return typeof value === "number" ? String(value) : typeOf(value);
}

/** What kind of value this is ("null", "an array", "a string"), never the value itself: safe for secrets and bodies. */
export function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/** Checks the base URL: an absolute http(s) URL with no query, fragment or credentials; returned without trailing slashes. */
export function checkBaseUrl(value: unknown): string {
  // The value is not echoed: a base URL may carry credentials in its userinfo.
  if (typeof value !== "string") throw new InvalidArgumentError("baseUrl", "must be a string");
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError("baseUrl", "must be an absolute http(s) URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new InvalidArgumentError("baseUrl", "must be an absolute http(s) URL");
  }
  if (url.search || url.hash) {
    throw new InvalidArgumentError("baseUrl", "must not have a query or a fragment");
  }
  if (url.username || url.password) {
    throw new InvalidArgumentError("baseUrl", "must not contain credentials (user:password@); use apiToken");
  }
  return value.replace(/\/+$/, "");
}

/** The backoff with defaults filled in, every delay checked. */
export function checkBackoff(value: Partial<Backoff> | undefined): Backoff {
  const backoff = { ...DEFAULT_BACKOFF, ...value };
  for (const key of Object.keys(DEFAULT_BACKOFF) as (keyof Backoff)[])
    checkDelay(`backoff.${key}`, backoff[key]);
  return backoff;
}
