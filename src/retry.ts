// The retry policy, as data: which statuses, how long to wait. Which operations
// may be repeated at all is the spec's to say: each one safe to repeat carries
// `x-idempotent` with the reason, read into the generated operation table.

/** Statuses worth another attempt of an operation that is safe to repeat. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([
  408, // Request Timeout: the server gave up waiting; the request was not processed.
  429, // Too Many Requests: rate limited; Retry-After says when to come back.
]);

/** Server errors (5xx) are retried, except those that will answer the same every time. */
export const NEVER_RETRIED_SERVER_STATUSES: ReadonlySet<number> = new Set([
  501, // Not Implemented: the method is not supported; it never will be on a retry.
  505, // HTTP Version Not Supported: a protocol mismatch, not a passing fault.
]);

/** Whether an answer with this status is worth another attempt. */
export function isRetryableStatus(status: number): boolean {
  if (RETRYABLE_STATUSES.has(status)) return true;
  return status >= 500 && status <= 599 && !NEVER_RETRIED_SERVER_STATUSES.has(status);
}

/** How long to wait between attempts. */
export interface Backoff {
  /**
   * Wait before the first retry; each later retry waits twice as long.
   * @default 500
   */
  initialDelayMs: number;
  /**
   * The longest exponential wait.
   * @default 8000
   */
  maxDelayMs: number;
  /**
   * The longest wait a `Retry-After` header can impose; a longer one is capped.
   * @default 60000
   */
  maxRetryAfterMs: number;
}

/** The default backoff: 0.5 s, 1 s, 2 s ... up to 8 s; `Retry-After` honoured up to 60 s. */
export const DEFAULT_BACKOFF: Readonly<Backoff> = {
  initialDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
};

/** Each exponential wait is shortened by up to this fraction at random, so clients do not retry in step. */
export const JITTER = 0.25;

/** The default number of retries after the first attempt. */
export const DEFAULT_MAX_RETRIES = 2;

/** The longest delay a timer can hold (2^31 - 1 ms, about 24.8 days); Node fires a longer one at once. */
export const MAX_TIMER_MS = 2_147_483_647;

/** The most retries a caller may ask for: attempts stay bounded whatever the options say. */
export const MAX_RETRIES_LIMIT = 10;

/**
 * The wait before retry number `retry` (1 for the first retry): the server's
 * `Retry-After` when it sent one, capped; else exponential backoff with jitter.
 */
export function retryDelayMs(
  retry: number,
  retryAfterSeconds: number | undefined,
  backoff: Backoff,
  random: () => number = Math.random,
): number {
  if (retryAfterSeconds !== undefined) return Math.min(retryAfterSeconds * 1000, backoff.maxRetryAfterMs);
  const exponential = Math.min(backoff.initialDelayMs * 2 ** (retry - 1), backoff.maxDelayMs);
  return Math.round(exponential * (1 - random() * JITTER));
}

// The three date formats RFC 9110 (section 5.6.7) requires a recipient to accept.
const HTTP_DATE = [
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/,
  /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \d{2}-(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-\d{2} \d{2}:\d{2}:\d{2} GMT$/,
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d \d{2}:\d{2}:\d{2} \d{4}$/,
];

/**
 * A `Retry-After` header in seconds: a number of seconds or an HTTP date
 * (RFC 9110 section 10.2.3). Undefined when absent or unreadable, so the
 * usual backoff applies.
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  if (!HTTP_DATE.some((format) => format.test(trimmed))) return undefined;
  // asctime dates carry no zone; HTTP dates are always UTC.
  // Stryker disable next-line Regex: only a string matching HTTP_DATE gets here, where GMT can only come at the end
  const date = Date.parse(/GMT$/.test(trimmed) ? trimmed : `${trimmed} GMT`);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      // Stryker disable next-line OptionalChaining: only the signal calls this listener, so the signal is always there
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
