// One operation call: attempts with a per-attempt timeout, safe retries, the
// envelope unwrapped, and every failure turned into this package's errors.
import type { Client } from "openapi-fetch";
import type { paths } from "../generated/openapi.ts";
import { parseSuccessBody } from "./envelope.ts";
import { errorFromResponse } from "./error-from-response.ts";
import { ConnectionError, RequestAbortedError, type ServiceBindingsError, TimeoutError } from "./errors.ts";
import type { Route } from "./operations.ts";
import { type Redactor, safeCause } from "./redact.ts";
import { type Backoff, IDEMPOTENT_METHODS, isRetryableStatus, retryDelayMs, sleep } from "./retry.ts";

/** What every call of one client shares. */
export interface CallContext {
  raw: Client<paths>;
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

// Marks an abort as ours (the per-attempt timeout), never the caller's.
const TIMED_OUT = Symbol("timed out");

/** Sends one operation and resolves to the envelope's `result` (undefined for delete). */
export async function call(
  context: CallContext,
  route: Route,
  pathParams: Record<string, string>,
  body: unknown,
  settings: CallSettings,
): Promise<unknown> {
  const { signal } = settings;
  const mayRetry = settings.idempotent || IDEMPOTENT_METHODS.has(route.method);
  const maxAttempts = mayRetry ? settings.maxRetries + 1 : 1;

  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) throw aborted(context, route, pathParams, attempt - 1, signal.reason);
    const outcome = await attemptOnce(context, route, pathParams, body, settings, attempt);
    if (!("error" in outcome)) return outcome.result;
    if (!outcome.retryable || attempt >= maxAttempts) throw outcome.error;
    const wait = retryDelayMs(attempt, outcome.retryAfterSeconds, settings.backoff);
    try {
      await sleep(wait, signal);
    } catch (reason) {
      throw aborted(context, route, pathParams, attempt, reason);
    }
  }
}

async function attemptOnce(
  context: CallContext,
  route: Route,
  pathParams: Record<string, string>,
  body: unknown,
  settings: CallSettings,
  attempt: number,
): Promise<{ result: unknown } | Failure> {
  const { signal } = settings;
  const controller = new AbortController();
  const onCallerAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener("abort", onCallerAbort, { once: true });
  const timer = setTimeout(() => controller.abort(TIMED_OUT), settings.timeoutMs);
  try {
    // The typed per-operation signatures live in client.ts; here one generic call serves them all.
    const request = context.raw.request as unknown as (
      method: string,
      path: string,
      init: Record<string, unknown>,
    ) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
    const { data, error, response } = await request(route.method.toLowerCase(), route.path, {
      params: { path: pathParams },
      body,
      signal: controller.signal,
      parseAs: "text",
    });
    return interpret(context, route, pathParams, attempt, response, response.ok ? data : error);
  } catch (cause) {
    if (signal?.aborted) throw aborted(context, route, pathParams, attempt, signal.reason);
    const facts = { method: route.method, path: pathOf(route, pathParams), attempts: attempt };
    const safe = safeCause(cause, context.redact);
    if (controller.signal.reason === TIMED_OUT) {
      const message = `${facts.method} ${facts.path} -> timed out after ${settings.timeoutMs} ms${suffix(attempt)}`;
      return { error: new TimeoutError(message, facts, safe), retryable: true };
    }
    const reason = context.redact(describeCause(cause));
    const message = `${facts.method} ${facts.path} -> connection failed: ${reason}${suffix(attempt)}`;
    return { error: new ConnectionError(message, facts, safe), retryable: true };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onCallerAbort);
  }
}

function interpret(
  context: CallContext,
  route: Route,
  pathParams: Record<string, string>,
  attempt: number,
  response: Response,
  body: unknown,
): { result: unknown } | Failure {
  const answer = {
    method: route.method,
    path: pathOf(route, pathParams),
    attempts: attempt,
    status: response.status,
    headers: response.headers,
    redact: context.redact,
  };
  if (response.ok) {
    const envelope = parseSuccessBody(body as string | undefined, route.result);
    if ("problem" in envelope) {
      const raw = body === undefined ? undefined : (body as string);
      return {
        error: errorFromResponse({ ...answer, body: raw, problem: envelope.problem }),
        retryable: false,
      };
    }
    if (envelope.success) return { result: route.result === "none" ? undefined : envelope.result };
    return { error: errorFromResponse({ ...answer, body: envelope }), retryable: false };
  }
  const error = errorFromResponse({ ...answer, body });
  return { error, retryable: isRetryableStatus(response.status), retryAfterSeconds: error.retryAfterSeconds };
}

/** The request path with its ids percent-encoded, as sent; built only when an error needs it. */
function pathOf(route: Route, pathParams: Record<string, string>): string {
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(pathParams[name] ?? ""));
}

function aborted(
  context: CallContext,
  route: Route,
  pathParams: Record<string, string>,
  attempts: number,
  reason: unknown,
) {
  const facts = { method: route.method, path: pathOf(route, pathParams), attempts };
  const message = `${facts.method} ${facts.path} -> aborted by the caller${attempts > 0 ? suffix(attempts) : ""}`;
  return new RequestAbortedError(message, facts, safeCause(reason, context.redact));
}

function suffix(attempt: number): string {
  return attempt > 1 ? ` (after ${attempt} attempts)` : "";
}

/** The fetch error's message, with the lower-level cause (e.g. ECONNREFUSED) that undici hides inside it. */
function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = cause.cause instanceof Error ? cause.cause : undefined;
  const code = inner && "code" in inner ? String((inner as { code: unknown }).code) : undefined;
  return inner ? `${cause.message} (${code ?? inner.message})` : cause.message;
}
