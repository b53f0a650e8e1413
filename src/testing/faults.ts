// Faults on demand, for testing a client's retries: a queue of failures the
// next requests answer with instead of their operation's answer.

/** A failure to answer on demand, for testing retries. */
export interface FakeFailure {
  /** The status to answer; the body is the spec's failure envelope for it (of its range, e.g. 4XX, if need be). */
  status: number;
  /** Adds a `Retry-After` header with this many seconds. */
  retryAfterSeconds?: number;
  /** How many requests in a row fail. @default 1 */
  times?: number;
}

/** One queued fault: the status to answer with, and the headers to add. */
export interface Fault {
  status: number;
  headers: Record<string, string>;
}

/** The queue of faults: `add` what `failNext` is told, `take` the one the next request answers with. */
export interface Faults {
  add(failure: FakeFailure): void;
  take(): Fault | undefined;
}

/** An empty queue of faults. */
export function createFaults(): Faults {
  const queue: Fault[] = [];
  return {
    add: ({ status, retryAfterSeconds, times = 1 }) => {
      // Every operation has 4XX and 5XX examples, so any failure status has a body to answer with.
      if (!Number.isInteger(status) || status < 400 || status > 599) {
        throw new Error(`failNext: status must be a whole number from 400 to 599, got ${status}`);
      }
      const headers: Record<string, string> =
        retryAfterSeconds === undefined ? {} : { "retry-after": String(retryAfterSeconds) };
      for (let i = 0; i < times; i++) queue.push({ status, headers });
    },
    take: () => queue.shift(),
  };
}
