// The waiter engine on its own, with a waiter made for the test (a counter that
// reads one more at each poll), on fake timers: what its messages say when a
// table leaves something out, and which row names what a timeout waited for.
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { WaitError } from "../src/errors.ts";
import { type Acceptor, runWaiter, type Waiter } from "../src/waiter.ts";

beforeEach(() => vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] }));
afterEach(() => vi.useRealTimers());

/** A waiter on a counter that reads 1, 2, 3, … with this table, polling each second for ten seconds. */
function counter(acceptors: Acceptor<number>[]): Waiter<number> {
  let reads = 0;
  return {
    subject: "the counter",
    describe: (value) => `at ${value}`,
    acceptors,
    poll: async () => ++reads,
    defaults: { intervalMs: 1_000, maxIntervalMs: 1_000, timeoutMs: 10_000 },
  };
}

/** The WaitError the waiter ends with, once its ten seconds have passed. */
async function waitError(waiter: Waiter<number>): Promise<WaitError> {
  const waiting = runWaiter(waiter, {}).catch((error: unknown) => error);
  await vi.advanceTimersByTimeAsync(11_000);
  const error = await waiting;
  expect(error).toBeInstanceOf(WaitError);
  return error as WaitError;
}

const NEVER = (): boolean => false;

describe("runWaiter", () => {
  test("a failure row without a why says the thing will not move on by itself", async () => {
    const error = await waitError(
      counter([
        { state: "success", reason: "at ten", matches: (value) => value === 10 },
        { state: "failure", reason: "stuck", matches: (value) => value === 2 },
      ]),
    );
    expect(error).toMatchObject({ reason: "stuck", state: "at 2", polls: 2 });
    expect(error.message).toBe("the counter is at 2: it will not move on by itself (after 2 polls)");
  });

  test("a timeout names the success row it waited for, wherever that row stands in the table", async () => {
    const error = await waitError(
      counter([
        { state: "failure", reason: "negative", matches: NEVER },
        { state: "success", reason: "a million", matches: NEVER },
      ]),
    );
    expect(error.reason).toBe("timeout");
    expect(error.message).toMatch(
      /^the counter did not become a million in time: its last state was at \d+ /,
    );
  });

  test("a table without a success row times out saying the thing did not become done", async () => {
    const error = await waitError(counter([{ state: "failure", reason: "negative", matches: NEVER }]));
    expect(error.message).toMatch(/^the counter did not become done in time: its last state was at \d+ /);
  });
});
