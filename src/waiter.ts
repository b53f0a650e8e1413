// The one waiter engine, in the shape of the AWS SDK's (@smithy/util-waiter):
// a waiter is data (how to read the thing, and a table of acceptors that end
// the wait as a success or a failure); the engine polls, the first poll at
// once, then waits longer each time, rides through transient failures, and
// gives up at its deadline. Every other outcome polls again.
import { CloudflareApiError, ConnectionError, type ServiceBindingsError, WaitError } from "./errors.ts";
import { isRetryableStatus, sleep } from "./retry.ts";

/** One row of a waiter's table: when `matches` holds for what a poll read, the wait ends. */
export interface Acceptor<T> {
  /** How the wait ends. */
  state: "success" | "failure";
  /** What it ends on, for the result or the error: the state reached, e.g. `active` or `magic_transit_route_missing`. */
  reason: string;
  /** For a failure: why it will not move on by itself, and what to do. */
  why?: string;
  matches(value: T): boolean;
}

/** The timing of a waiter. */
export interface WaitTiming {
  /**
   * The wait after the first poll (which is made at once); each later one is half as long again, up to
   * `maxIntervalMs`, and each is shortened by up to a quarter at random so that many waiters do not poll in step.
   */
  intervalMs?: number | undefined;
  /** The longest wait between polls. */
  maxIntervalMs?: number | undefined;
  /** When to give up, counted from the first poll. */
  timeoutMs?: number | undefined;
  /** Stops the wait at once, during a poll or between polls. */
  signal?: AbortSignal | undefined;
}

/** A waiter: what it waits for, how to read it, and the table that ends the wait. */
export interface Waiter<T> {
  /** What is waited for, for messages, e.g. `binding … of prefix …`. */
  subject: string;
  /** What a poll shows, for messages and `WaitError.state`, e.g. the provisioning state. */
  describe(value: T): string;
  acceptors: readonly Acceptor<T>[];
  /** Reads the thing once. */
  poll(signal: AbortSignal | undefined): Promise<T>;
  /** The timing when the options give none. */
  defaults: { intervalMs: number; maxIntervalMs: number; timeoutMs: number };
}

/** How a wait ended, when it ended well. */
export interface WaitOutcome<T> {
  /** The success acceptor that ended it, e.g. `active`. */
  reason: string;
  /** What the last poll read. */
  value: T;
  polls: number;
  elapsedMs: number;
}

/**
 * Runs a waiter. Resolves when a success acceptor matches; rejects with `WaitError` when a failure acceptor
 * matches or the deadline passes (its `reason` says which: the failure's, or `timeout`), and with the poll's
 * own error for anything that is not transient (a 404, a refusal, an abort). A transient failure (a lost
 * connection, a 5xx or a 429 that the client's own retries did not get past) only waits for the next poll.
 */
export async function runWaiter<T>(
  waiter: Waiter<T>,
  options: WaitTiming & { onPoll?: ((value: T, poll: number) => void) | undefined },
): Promise<WaitOutcome<T>> {
  const { signal, onPoll } = options;
  const maxIntervalMs = options.maxIntervalMs ?? waiter.defaults.maxIntervalMs;
  const started = Date.now();
  const deadline = started + (options.timeoutMs ?? waiter.defaults.timeoutMs);
  let interval = options.intervalMs ?? waiter.defaults.intervalMs;
  let last: { value: T } | undefined;
  let lastError: ServiceBindingsError | undefined;
  for (let poll = 1; ; poll++) {
    try {
      const value = await waiter.poll(signal);
      last = { value };
      lastError = undefined;
      onPoll?.(value, poll);
      const ended = waiter.acceptors.find((acceptor) => acceptor.matches(value));
      if (ended?.state === "success") {
        return { reason: ended.reason, value, polls: poll, elapsedMs: Date.now() - started };
      }
      if (ended) {
        throw new WaitError(
          `${waiter.subject} is ${waiter.describe(value)}: ${ended.why ?? "it will not move on by itself"} (after ${poll} polls)`,
          { reason: ended.reason, state: waiter.describe(value), polls: poll, last: value },
        );
      }
    } catch (error) {
      const transient =
        error instanceof ConnectionError ||
        (error instanceof CloudflareApiError && isRetryableStatus(error.status));
      if (!transient) throw error;
      lastError = error;
    }
    const left = deadline - Date.now();
    if (left <= 0) {
      const success = waiter.acceptors.find((acceptor) => acceptor.state === "success")?.reason ?? "done";
      const state = last ? `its last state was ${waiter.describe(last.value)}` : "it was never read";
      const cause = lastError ? `; the last poll failed: ${lastError.message}` : "";
      throw new WaitError(
        `${waiter.subject} did not become ${success} in time: ${state}${cause} (after ${poll} polls)`,
        {
          reason: "timeout",
          state: last && waiter.describe(last.value),
          polls: poll,
          last: last?.value,
        },
      );
    }
    // An abort ends the sleep at once; the next poll, with the aborted signal, then throws RequestAbortedError.
    await sleep(Math.min(Math.round(interval * (1 - Math.random() / 4)), left), signal).catch(() => {});
    interval = Math.min(interval * 1.5, maxIntervalMs);
  }
}
