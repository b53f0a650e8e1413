// The one place that turns an answer of the API into an error.

import { readEnvelope } from "./envelope.ts";
import {
  type ApiErrorDetails,
  AuthenticationError,
  BadRequestError,
  CloudflareApiError,
  ConflictError,
  InternalServerError,
  MalformedResponseError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RouteNotFoundError,
  requestMessage,
  UnprocessableEntityError,
} from "./errors.ts";
import type { Redactor } from "./redact.ts";
import { parseRetryAfter } from "./retry.ts";
import type { ResponseMessage } from "./types.ts";

/** The error class for each status; other 5xx map to InternalServerError, anything else to the base class. */
export const ERROR_CLASS_BY_STATUS: ReadonlyMap<number, typeof CloudflareApiError> = new Map([
  [400, BadRequestError],
  [401, AuthenticationError],
  [403, PermissionDeniedError],
  [404, NotFoundError],
  [409, ConflictError],
  [422, UnprocessableEntityError],
  [429, RateLimitError],
]);

/**
 * Answers whose error code means more than their status: when any error of
 * the envelope has the code, the row's class wins over the status's. Each row
 * was seen from the live API; the spec's failure examples say the same.
 */
export const ERROR_CLASS_BY_CODE: readonly {
  status: number;
  code: number;
  errorClass: typeof CloudflareApiError;
}[] = [
  // "Missing X-Auth-Key, X-Auth-Email or Authorization headers": the API answers
  // missing credentials with 400, not 401. Seen with its status in
  // https://github.com/cloudflare/cloudflare-python/issues/2678.
  { status: 400, code: 9106, errorClass: AuthenticationError },
  // "No route for that URI" (7000): the URL names no endpoint, usually a wrong
  // baseUrl. Seen as 400, alone (https://github.com/Jazee6/cloudflare-ai-web/issues/52)
  // and after 7003 "Could not route to …, perhaps your object identifier is
  // invalid?" (https://github.com/cloudflare/cloudflare-go/issues/118,
  // https://github.com/cloudflare/wrangler/issues/211); 7003 was not seen alone.
  { status: 400, code: 7000, errorClass: RouteNotFoundError },
];

/** How many characters of a non-envelope body an error keeps. */
export const EXCERPT_LENGTH = 200;

/** Everything known about a failed answer. */
export interface FailedAnswer {
  /** The client's base URL, named when the answer says the URL reaches no endpoint. */
  baseUrl: string;
  method: string;
  path: string;
  attempts: number;
  status: number;
  headers: Headers;
  /** The body: parsed JSON, raw text when it was not JSON, undefined when empty. */
  body: unknown;
  /** For a 2xx: why the body is not the envelope the operation promises. */
  problem?: string;
  redact: Redactor;
}

/** Builds the error for a failed answer: the class follows the status, the message reads well in a log line. */
export function errorFromResponse(answer: FailedAnswer): CloudflareApiError {
  const { redact, status, body } = answer;
  // Read leniently: an error body with `errors` but no `messages` still names its errors. A string, number
  // or array has neither member, so reading them from any body is safe.
  const lenient = body as { errors?: unknown; messages?: unknown } | null | undefined;
  const errors = Array.isArray(lenient?.errors) ? lenient.errors.map((m) => cleanMessage(m, redact)) : [];
  const messages = Array.isArray(lenient?.messages)
    ? lenient.messages.map((m) => cleanMessage(m, redact))
    : [];
  const reading = readEnvelope(body);
  const envelope = "envelope" in reading ? reading.envelope : undefined;
  const isEnvelope = envelope !== undefined;
  const bodyExcerpt = isEnvelope && !answer.problem ? undefined : excerpt(body, redact);

  let summary: string;
  if (answer.problem) summary = `${answer.problem}${bodyExcerpt ? `: ${JSON.stringify(bodyExcerpt)}` : ""}`;
  else if (errors.length > 0)
    summary = errors
      .map((e) => (Number.isFinite(e.code) ? `${e.message} (code ${e.code})` : e.message))
      .join("; ");
  else if (envelope)
    summary = envelope.success ? "error without details" : "success is false, with no error details";
  else if (bodyExcerpt === undefined) summary = "empty response body";
  else
    summary = `${typeof body === "string" ? "body is not JSON" : "body is not the Cloudflare envelope"}: ${JSON.stringify(bodyExcerpt)}`;

  const rayId = answer.headers.get("cf-ray") ?? undefined;
  const retryAfterSeconds = parseRetryAfter(answer.headers.get("retry-after"));
  const details: ApiErrorDetails = {
    method: answer.method,
    path: answer.path,
    attempts: answer.attempts,
    status,
    errors,
    messages,
    rayId: rayId === undefined ? undefined : redact(rayId),
    bodyExcerpt,
    retryAfterSeconds,
  };
  const ErrorClass = answer.problem
    ? MalformedResponseError
    : status === 404 && !isEnvelope
      ? RouteNotFoundError
      : classFor(status, errors);
  if (ErrorClass === RouteNotFoundError) {
    const hint = `check baseUrl ${answer.baseUrl}`;
    summary = isEnvelope ? `${summary}; ${hint}` : `no such API endpoint; ${hint} (${summary})`;
  }
  const ray = details.rayId ? `, cf-ray ${details.rayId}` : "";
  return new ErrorClass(redact(requestMessage(answer, `${status}: ${summary}${ray}`)), details);
}

function classFor(status: number, errors: ResponseMessage[]): typeof CloudflareApiError {
  const byCode = ERROR_CLASS_BY_CODE.find(
    (row) => row.status === status && errors.some((error) => error.code === row.code),
  );
  if (byCode) return byCode.errorClass;
  const known = ERROR_CLASS_BY_STATUS.get(status);
  if (known) return known;
  return status >= 500 && status <= 599 ? InternalServerError : CloudflareApiError;
}

/** A message of the envelope, kept to its documented members and redacted. */
function cleanMessage(raw: unknown, redact: Redactor): ResponseMessage {
  const m = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
  const clean: ResponseMessage = {
    code: typeof m.code === "number" ? m.code : Number.NaN,
    message: redact(String(m.message ?? "")),
  };
  if (typeof m.documentation_url === "string") clean.documentation_url = redact(m.documentation_url);
  const source = m.source as Record<string, unknown> | undefined;
  if (typeof source === "object" && source !== null) {
    clean.source = typeof source.pointer === "string" ? { pointer: redact(source.pointer) } : {};
  }
  return clean;
}

/** The start of a body that was not the envelope, whitespace folded, secrets removed. */
function excerpt(body: unknown, redact: Redactor): string | undefined {
  if (body === undefined || body === "") return undefined;
  const text = typeof body === "string" ? body : JSON.stringify(body);
  const folded = redact(text).replace(/\s+/g, " ").trim();
  return folded.length > EXCERPT_LENGTH ? `${folded.slice(0, EXCERPT_LENGTH)}…` : folded;
}
