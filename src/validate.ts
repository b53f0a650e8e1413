// Input refused before any request is sent, with an error that names the argument.
// Limits come from the spec, through the generated operation table; nothing
// stricter is imposed, except what a URL cannot carry safely.
import { InvalidArgumentError } from "./errors.ts";
import { type Backoff, DEFAULT_BACKOFF, MAX_TIMER_MS } from "./retry.ts";

/**
 * The schema keywords the client checks before sending, as the operation table carries them: a value's type,
 * a string's `maxLength`, a number's `minimum` and `maximum` (the only limits the spec gives). Anything else,
 * such as a CIDR's syntax, is the API's to judge.
 */
export interface Checked {
  type?: string | readonly string[];
  maxLength?: number;
  minimum?: number;
  maximum?: number;
}

/** The JSON body of an operation, as the operation table carries it. */
export interface BodySchema {
  required: readonly string[];
  properties: Readonly<Record<string, Checked>>;
}

/** What each JSON Schema type admits, and how an error names it (in the words `typeOf` uses for what was given). */
const TYPES: Readonly<Record<string, { admits: (value: unknown) => boolean; name: string }>> = {
  string: { admits: (value) => typeof value === "string", name: "a string" },
  boolean: { admits: (value) => typeof value === "boolean", name: "a boolean" },
  integer: { admits: (value) => Number.isInteger(value), name: "a whole number" },
  number: { admits: (value) => Number.isFinite(value), name: "a number" },
  object: {
    admits: (value) => typeof value === "object" && value !== null && !Array.isArray(value),
    name: "an object",
  },
  array: { admits: (value) => Array.isArray(value), name: "an array" },
  null: { admits: (value) => value === null, name: "null" },
};

/** Checks a value against the schema keywords the table gives it; `argument` names it in the error. */
function checkValue(argument: string, value: unknown, schema: Checked): void {
  // Stryker disable next-line ConditionalExpression,ArrayDeclaration: no type and a type the client does not know both leave the value to the API.
  const types = schema.type === undefined ? [] : [schema.type].flat();
  // A type the client does not know (a later JSON Schema's) is the API's to judge.
  if (types.length > 0 && !types.some((type) => TYPES[type]?.admits(value) ?? true)) {
    // Stryker disable next-line OptionalChaining: only known types reach here, since an unknown one admits the value.
    const wanted = types.map((type) => TYPES[type]?.name).join(" or ");
    throw new InvalidArgumentError(argument, `must be ${wanted}, got ${kind(value)}`);
  }
  // JSON Schema counts lengths in code points, not UTF-16 units.
  const length = typeof value === "string" ? [...value].length : 0;
  if (length > (schema.maxLength ?? length)) {
    throw new InvalidArgumentError(argument, `must be at most ${schema.maxLength} characters, got ${length}`);
  }
  if (typeof value === "number" && (value < (schema.minimum ?? value) || value > (schema.maximum ?? value))) {
    throw new InvalidArgumentError(
      argument,
      `must be from ${schema.minimum} to ${schema.maximum}, got ${value}`,
    );
  }
}

/**
 * Checks one path parameter against its schema. Besides the spec's limits, an
 * empty value, a lone surrogate, and "." or ".." are refused: a URL cannot
 * carry them as one path segment (URL parsers resolve "." and "..", even
 * percent-encoded, as path steps).
 */
export function checkPathParam(argument: string, value: unknown, schema: Checked): string {
  if (value === undefined) throw new InvalidArgumentError(argument, "is required");
  if (typeof value !== "string")
    throw new InvalidArgumentError(argument, `must be a string, got ${kind(value)}`);
  if (value === "") throw new InvalidArgumentError(argument, "must not be empty");
  checkValue(argument, value, schema);
  if (!value.isWellFormed())
    throw new InvalidArgumentError(argument, "must be well-formed Unicode (it has a lone surrogate)");
  if (value === "." || value === "..") {
    throw new InvalidArgumentError(argument, `must not be "." or "..", which a URL resolves as a path step`);
  }
  return value;
}

/** Checks a JSON body against the operation's schema: an object, its required members present, each within its limits (no stricter: a CIDR's syntax is the API's to judge). */
export function checkBody(schema: BodySchema, body: unknown): unknown {
  const wanted = schema.required.length > 0 ? `an object with ${schema.required.join(" and ")}` : "an object";
  if (body === undefined) throw new InvalidArgumentError("body", `is required: ${wanted}`);
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new InvalidArgumentError("body", `must be ${wanted}, got ${kind(body)}`);
  }
  for (const [name, property] of Object.entries(schema.properties)) {
    const value = (body as Record<string, unknown>)[name];
    if (value === undefined) {
      if (schema.required.includes(name)) throw new InvalidArgumentError(`body.${name}`, "is required");
    } else checkValue(`body.${name}`, value, property);
  }
  return body;
}

/** Checks a per-attempt timeout: a positive number of milliseconds a timer can hold. */
export function checkTimeout(argument: string, value: unknown): number {
  if (!isFiniteNumber(value) || value <= 0 || value > MAX_TIMER_MS) {
    throw new InvalidArgumentError(
      argument,
      `must be a positive number of milliseconds up to ${MAX_TIMER_MS}, got ${kind(value)}`,
    );
  }
  return value;
}

/** Checks a delay: a non-negative number of milliseconds a timer can hold. */
export function checkDelay(argument: string, value: unknown): number {
  if (!isFiniteNumber(value) || value < 0 || value > MAX_TIMER_MS) {
    throw new InvalidArgumentError(
      argument,
      `must be a non-negative number of milliseconds up to ${MAX_TIMER_MS}`,
    );
  }
  return value;
}

/** Checks a retry count: a whole number from 0 to `limit`. */
export function checkRetries(argument: string, value: unknown, limit: number): number {
  if (!isWholeNumber(value) || value < 0 || value > limit) {
    throw new InvalidArgumentError(argument, `must be a whole number from 0 to ${limit}, got ${kind(value)}`);
  }
  return value;
}

/** A number that is not NaN or infinite (Number.isFinite converts nothing: "5" is not one). */
function isFiniteNumber(value: unknown): value is number {
  return Number.isFinite(value);
}

/** A number with no fractional part (Number.isInteger converts nothing either). */
function isWholeNumber(value: unknown): value is number {
  return Number.isInteger(value);
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
