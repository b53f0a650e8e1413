// Faults on demand, for testing a client's retries and recovery: failures
// answered instead of an operation's answer, and answers lost after the
// request was applied. Each fault waits for its request: the next one, or the
// nth of one operation; faults wait in the order they were asked for.
import { OPERATIONS } from "../../generated/operations.ts";

/** Which request a fault is for: the nth (1-based) from now of one operation, or of any. */
export interface FakeFaultTarget {
  /** Only requests of this operation (an operationId of the spec, e.g. `createServiceBinding`) count. @default any */
  operation?: string;
  /** The nth matching request from now, 1-based: `{ operation: "getServiceBinding", nth: 3 }` is the third get. @default 1 */
  nth?: number;
  /** How many matching requests in a row, from the nth. @default 1 */
  times?: number;
}

/** A failure to answer on demand, for testing retries. */
export interface FakeFailure extends FakeFaultTarget {
  /** The status to answer; the body is the spec's failure envelope for it (of its range, e.g. 4XX, if need be). */
  status: number;
  /** Adds a `Retry-After` header with this many seconds. */
  retryAfterSeconds?: number;
}

/** What a fault does to its request: answer a failure instead (nothing applied), or apply it and lose the answer. */
export type FaultEffect = { status: number; headers: Record<string, string> } | "lose";

interface Fault {
  operation: string | undefined;
  /** Matching requests to let pass before this fault takes one. */
  skip: number;
  /** Matching requests it still takes. */
  left: number;
  effect: FaultEffect;
}

/** The faults waiting: `add` what `failNext` and `loseNextAnswer` ask for, `take` the one a request meets. */
export interface Faults {
  add(method: string, target: FakeFaultTarget, effect: FaultEffect): void;
  take(operationId: string): FaultEffect | undefined;
}

function wholeAtLeastOne(method: string, name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${method}: ${name} must be a whole number from 1, got ${value}`);
  }
  return value;
}

/** An empty list of faults. */
export function createFaults(): Faults {
  const faults: Fault[] = [];
  return {
    add: (method, { operation, nth = 1, times = 1 }, effect) => {
      if (operation !== undefined && !Object.hasOwn(OPERATIONS, operation)) {
        const known = Object.keys(OPERATIONS).join(", ");
        throw new Error(
          `${method}: operation must be an operationId of the spec (${known}), got ${operation}`,
        );
      }
      const skip = wholeAtLeastOne(method, "nth", nth) - 1;
      faults.push({ operation, skip, left: wholeAtLeastOne(method, "times", times), effect });
    },
    take: (operationId) => {
      let taken: Fault | undefined;
      for (const fault of faults) {
        if (fault.operation !== undefined && fault.operation !== operationId) continue;
        // Every fault still counting sees the request; the first one due takes it.
        if (fault.skip > 0) fault.skip--;
        else taken ??= fault;
      }
      if (!taken) return undefined;
      if (--taken.left === 0) faults.splice(faults.indexOf(taken), 1);
      return taken.effect;
    },
  };
}

/** A failure's effect: its status, checked, and its Retry-After header. */
export function failureEffect({ status, retryAfterSeconds }: FakeFailure): FaultEffect {
  // Every operation has 4XX and 5XX examples, so any failure status has a body to answer with.
  if (!Number.isInteger(status) || status < 400 || status > 599) {
    throw new Error(`failNext: status must be a whole number from 400 to 599, got ${status}`);
  }
  const headers: Record<string, string> =
    retryAfterSeconds === undefined ? {} : { "retry-after": String(retryAfterSeconds) };
  return { status, headers };
}

/** The errors `lostAnswerError` made: only these are lost answers, whatever else a fetch rejects with. */
const LOST = new WeakSet<object>();

/**
 * What a fetch rejects with when its answer is lost, as Node's (undici's) does on a reset connection:
 * a TypeError "fetch failed" whose cause has code ECONNRESET. Marked, so that `listen` resets the socket.
 */
export function lostAnswerError(): TypeError {
  const cause = Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET", syscall: "read" });
  const error = new TypeError("fetch failed", { cause });
  LOST.add(error);
  return error;
}

/** Whether an error is a lost answer's, which `listen` turns into a reset connection. */
export function isLostAnswer(error: unknown): boolean {
  // A WeakSet answers false for what is not an object, so anything a fetch rejects with can be asked about.
  return LOST.has(error as object);
}
