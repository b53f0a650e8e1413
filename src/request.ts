// One operation call: attempts with a per-attempt timeout, safe retries, the
// envelope unwrapped, and every failure turned into this package's errors.
import type { Client } from "openapi-fetch";
import type { paths } from "../generated/openapi.ts";
import { parseSuccessBody } from "./envelope.ts";
import { errorFromResponse } from "./error-from-response.ts";
import {
  ConnectionError,
  RequestAbortedError,
  RequestError,
  requestMessage,
  type ServiceBindingsError,
  TimeoutError,
} from "./errors.ts";
import { type Redactor, safeCause } from "./redact.ts";
import { type Backoff, isRetryableStatus, retryDelayMs, sleep } from "./retry.ts";
import type { Operation } from "./types.ts";

/** What `onRetry` hears before each wait between attempts: never a credential (the error is redacted). */
export interface RetryEvent {
  method: string;
  /** The request path, ids percent-encoded. */
  path: string;
  /** The attempt that failed (1 for the first). */
  attempt: number;
  /** How long the client waits before the next attempt. */
  delayMs: number;
  /** Why the attempt failed. */
  error: ServiceBindingsError;
}

/** What every call of one client shares. */
export interface CallContext {
  raw: Client<paths>;
  /** Called before each wait between attempts. */
  onRetry: ((event: RetryEvent) => void) | undefined;
  /** The base URL, for errors that say the URL reaches no endpoint. */
  baseUrl: string;
  fetch: (request: Request) => Promise<Response>;
  /** Whether `fetch` is known to honour its AbortSignal (the built-in one does). */
  trustsSignal: boolean;
  redact: Redactor;
}

/** The settings of one call, defaults already applied. */
export interface CallSettings {
  timeoutMs: number;
  maxRetries: number;
  backoff: Backoff;
  signal: AbortSignal | undefined;
  /** Retry even a POST: the caller accepts that a lost create may be repeated. */
  idempotent: boolean;
}

/** How one attempt ended when it did not produce the result. */
interface Failure {
  error: ServiceBindingsError;
  retryable: boolean;
  retryAfterSeconds?: number | undefined;
}

/** What a finished attempt holds: the result, or why there is none. */
type Outcome = { result: unknown } | Failure;

/** The generic shape of openapi-fetch's `request`; the typed signatures live in methods.ts. */
type RawRequest = (
  method: string,
  path: string,
  init: Record<string, unknown>,
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

// Marks an abort as the per-attempt timeout's, never the caller's.
const TIMED_OUT = Symbol("timed out");

/** Sends one operation and resolves to the envelope's `result` (undefined for delete). */
export async function call(
  context: CallContext,
  route: Operation,
  pathParams: Record<string, string>,
  body: unknown,
  settings: CallSettings,
): Promise<unknown> {
  const { signal } = settings;
  // Whether repeating the operation is safe is the spec's to say (x-idempotent), or the caller's to accept.
  const mayRetry = settings.idempotent || route.idempotent;
  const maxAttempts = mayRetry ? settings.maxRetries + 1 : 1;

  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) throw aborted(context, route, pathParams, attempt - 1, signal.reason);
    const outcome = await attemptOnce(context, route, pathParams, body, settings, attempt);
    if ("result" in outcome) return outcome.result;
    if (!outcome.retryable || attempt >= maxAttempts) throw outcome.error;
    const wait = retryDelayMs(attempt, outcome.retryAfterSeconds, settings.backoff);
    context.onRetry?.({
      method: route.method,
      path: pathOf(route, pathParams),
      attempt,
      delayMs: wait,
      error: outcome.error,
    });
    try {
      await sleep(wait, signal);
      // (Stryker reads a directive only before a node that starts on the mutated line, hence inline below.)
    } catch (reason) /* Stryker disable next-line BlockStatement: sleep rejects only once the signal has aborted, and the next turn's aborted check then throws the very same error */ {
      throw aborted(context, route, pathParams, attempt, reason);
    }
  }
}

async function attemptOnce(
  context: CallContext,
  route: Operation,
  pathParams: Record<string, string>,
  body: unknown,
  settings: CallSettings,
  attempt: number,
): Promise<Outcome> {
  const { signal } = settings;
  const controller = new AbortController();
  let sent = false;
  let onAbort: (() => void) | undefined;
  // A fetch passed in by the caller may ignore its signal: race it against the
  // abort, so a timeout or an abort still settles the attempt at once. The
  // built-in fetch honours the signal, so it is spared the extra promise.
  const abortedAttempt = context.trustsSignal
    ? undefined
    : new Promise<never>((_, reject) => {
        onAbort = () => reject(controller.signal.reason);
        // Stryker disable next-line ObjectLiteral,BooleanLiteral: this signal is the attempt's own, never handed out; it fires abort at most once and the finally removes the listener
        controller.signal.addEventListener("abort", onAbort, { once: true });
      });
  // Stryker disable next-line OptionalChaining: only the caller's signal calls this listener, so the signal is always there
  const onCallerAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener("abort", onCallerAbort, { once: true });
  const timer = setTimeout(() => controller.abort(TIMED_OUT), settings.timeoutMs);
  try {
    const request = context.raw.request as unknown as RawRequest;
    const sending = request(route.method, route.path, {
      params: { path: pathParams },
      body,
      signal: controller.signal,
      parseAs: "text",
      fetch: (outgoing: Request) => {
        sent = true;
        return context.fetch(outgoing);
      },
    });
    const { data, error, response } = await (abortedAttempt
      ? Promise.race([sending, abortedAttempt])
      : sending);
    return interpret(context, route, pathParams, attempt, response, response.ok ? data : error);
  } catch (cause) {
    if (signal?.aborted) throw aborted(context, route, pathParams, attempt, signal.reason);
    const facts = { method: route.method, path: pathOf(route, pathParams), attempts: attempt };
    if (controller.signal.reason === TIMED_OUT) {
      const message = requestMessage(facts, `timed out after ${settings.timeoutMs} ms`);
      const cause = new DOMException(`attempt timed out after ${settings.timeoutMs} ms`, "TimeoutError");
      return { error: new TimeoutError(message, facts, safeCause(cause, context.redact)), retryable: true };
    }
    const reason = context.redact(describeCause(cause));
    if (!sent) {
      // The request could not even be built: a local fault that no retry can mend.
      const message = requestMessage(facts, `request not sent: ${reason}`);
      const error = new RequestError(message, facts, safeCause(cause, context.redact));
      return { error, retryable: false };
    }
    const message = requestMessage(facts, `connection failed: ${reason}`);
    return { error: new ConnectionError(message, facts, safeCause(cause, context.redact)), retryable: true };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onCallerAbort);
    // Stryker disable next-line ConditionalExpression,StringLiteral: removing an undefined listener does nothing, and a listener left on the attempt's own signal never runs (its timer is cleared, the caller's listener gone)
    if (onAbort) controller.signal.removeEventListener("abort", onAbort);
  }
}

function interpret(
  context: CallContext,
  route: Operation,
  pathParams: Record<string, string>,
  attempt: number,
  response: Response,
  body: unknown,
): Outcome {
  if (response.ok) {
    const reading = parseSuccessBody(body as string | undefined, route.result);
    if ("envelope" in reading && reading.envelope.success) {
      return { result: route.result === "none" ? undefined : reading.envelope.result };
    }
    // Everything below builds an error; none of it runs for a success.
    const answer = failedAnswer(context, route, pathParams, attempt, response);
    if ("problem" in reading) {
      return { error: errorFromResponse({ ...answer, body, problem: reading.problem }), retryable: false };
    }
    return { error: errorFromResponse({ ...answer, body: reading.envelope }), retryable: false };
  }
  const error = errorFromResponse({ ...failedAnswer(context, route, pathParams, attempt, response), body });
  return { error, retryable: isRetryableStatus(response.status), retryAfterSeconds: error.retryAfterSeconds };
}

function failedAnswer(
  context: CallContext,
  route: Operation,
  pathParams: Record<string, string>,
  attempt: number,
  response: Response,
) {
  return {
    baseUrl: context.baseUrl,
    method: route.method,
    path: pathOf(route, pathParams),
    attempts: attempt,
    status: response.status,
    headers: response.headers,
    redact: context.redact,
  };
}

/** The request path with its ids percent-encoded, as sent; built only when an error needs it. */
function pathOf(route: Operation, pathParams: Record<string, string>): string {
  // Stryker disable next-line StringLiteral: unreachable: the client fills every placeholder of the path (the operation table lists them with this same pattern)
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(pathParams[name] ?? ""));
}

function aborted(
  context: CallContext,
  route: Operation,
  pathParams: Record<string, string>,
  attempts: number,
  reason: unknown,
) {
  const facts = { method: route.method, path: pathOf(route, pathParams), attempts };
  return new RequestAbortedError(
    requestMessage(facts, "aborted by the caller"),
    facts,
    safeCause(reason, context.redact),
  );
}

/** The fetch error's message, with the lower-level cause (e.g. ECONNREFUSED) that undici hides inside it. */
function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return typeof cause === "string" ? cause : "non-Error thrown";
  const inner = cause.cause instanceof Error ? cause.cause : undefined;
  const code = inner && "code" in inner ? String((inner as { code: unknown }).code) : undefined;
  return inner ? `${cause.message} (${code ?? inner.message})` : cause.message;
}
