// When the client waits and for how long, on fake timers: the backoff option,
// its cap, the per-call timeout, and Retry-After (seconds, an HTTP date, and
// its cap), observed through the requests a fake fetch receives and onRetry;
// and what a call leaves behind on the caller's AbortSignal.
import { getEventListeners } from "node:events";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import {
  createServiceBindingsClient,
  RequestAbortedError,
  RequestError,
  type RetryEvent,
  type ServiceBindingsClientOptions,
  TimeoutError,
} from "../../src/index.ts";
import { failure, fakeFetch, ok } from "../support/fake-fetch.ts";
import { ACCOUNT, BINDING, PREFIX, TOKEN } from "../support/fixtures.ts";

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
});
afterEach(() => {
  vi.useRealTimers();
});

function setup(answers: Parameters<typeof fakeFetch>, options: Partial<ServiceBindingsClientOptions> = {}) {
  const fake = fakeFetch(...answers);
  const retries: RetryEvent[] = [];
  const client = createServiceBindingsClient({
    apiToken: TOKEN,
    accountId: ACCOUNT,
    fetch: fake.fetch,
    onRetry: (event) => retries.push(event),
    ...options,
  });
  return { client, seen: fake.seen, retries };
}

const list = () => ({ prefix_id: PREFIX });
const LIST_PATH = `/accounts/${ACCOUNT}/addressing/prefixes/${PREFIX}/bindings`;

/** The error a call rejects with (undefined when it resolves), without an unhandled rejection meanwhile. */
const settled = (call: Promise<unknown>) =>
  call.then(
    () => undefined,
    (e: unknown) => e,
  );

describe("the backoff option", () => {
  test("sets the wait before a retry: nothing is sent again before it has passed", async () => {
    const { client, seen } = setup([failure(503, 1010, "busy"), ok([BINDING])], {
      backoff: { initialDelayMs: 10_000, maxDelayMs: 10_000 },
    });
    const call = client.listServiceBindings(list());
    await vi.advanceTimersByTimeAsync(7_400); // less than 10 s shortened by the largest jitter (a quarter)
    expect(seen).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2_700);
    await expect(call).resolves.toEqual([BINDING]);
    expect(seen).toHaveLength(2);
  });

  test("doubles each wait, up to maxDelayMs", async () => {
    const busy = failure(503, 1010, "busy");
    const { client, retries } = setup([busy, busy, busy, ok([])], {
      maxRetries: 3,
      backoff: { initialDelayMs: 1_000, maxDelayMs: 1_500 },
    });
    const call = client.listServiceBindings(list());
    await vi.advanceTimersByTimeAsync(10_000);
    await call;
    const delays = retries.map((r) => r.delayMs);
    expect(delays).toHaveLength(3);
    expect(delays[0]).toBeGreaterThanOrEqual(750);
    expect(delays[0]).toBeLessThanOrEqual(1_000);
    for (const delay of delays.slice(1)) {
      expect(delay).toBeGreaterThanOrEqual(1_125);
      expect(delay).toBeLessThanOrEqual(1_500);
    }
  });
});

describe("Retry-After", () => {
  test("in seconds is honoured exactly", async () => {
    const { client, retries } = setup([failure(429, 971, "slow down", { "retry-after": "7" }), ok([])]);
    const call = client.listServiceBindings(list());
    await vi.advanceTimersByTimeAsync(7_000);
    await call;
    expect(retries.map((r) => r.delayMs)).toEqual([7_000]);
  });

  test("as an HTTP date is the time until that date", async () => {
    const at = new Date(Date.now() + 5_000).toUTCString();
    const { client, retries } = setup([failure(429, 971, "slow down", { "retry-after": at }), ok([])]);
    const call = client.listServiceBindings(list());
    await vi.advanceTimersByTimeAsync(6_000);
    await call;
    expect(retries).toHaveLength(1);
    expect(retries[0]?.delayMs).toBeGreaterThan(4_000);
    expect(retries[0]?.delayMs).toBeLessThanOrEqual(5_000);
  });

  test("is capped at backoff.maxRetryAfterMs: 60 s by default, or what the option says", async () => {
    const slow = failure(429, 971, "slow down", { "retry-after": "120" });
    const byDefault = setup([slow, ok([])]);
    const first = byDefault.client.listServiceBindings(list());
    await vi.advanceTimersByTimeAsync(60_000);
    await first;
    expect(byDefault.retries.map((r) => r.delayMs)).toEqual([60_000]);

    const capped = setup([slow, ok([])], { backoff: { maxRetryAfterMs: 5_000 } });
    const second = capped.client.listServiceBindings(list());
    await vi.advanceTimersByTimeAsync(5_000);
    await second;
    expect(capped.retries.map((r) => r.delayMs)).toEqual([5_000]);
  });
});

describe("timeouts", () => {
  test("a call's timeoutMs overrides the client's", async () => {
    const hanging = () => new Promise<Response>(() => {});
    const client = createServiceBindingsClient({
      apiToken: TOKEN,
      accountId: ACCOUNT,
      fetch: hanging,
      timeoutMs: 60_000,
      maxRetries: 0,
    });
    const call = client.listServiceBindings(list(), { timeoutMs: 100 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    await vi.advanceTimersByTimeAsync(100);
    const error = await call;
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toMatch(/-> timed out after 100 ms$/);
  });

  test("a timeout's cause is a TimeoutError that says after how many ms the attempt timed out", async () => {
    const hanging = () => new Promise<Response>(() => {});
    const client = createServiceBindingsClient({ apiToken: TOKEN, accountId: ACCOUNT, fetch: hanging });
    const call = settled(client.listServiceBindings(list(), { timeoutMs: 250, maxRetries: 0 }));
    await vi.advanceTimersByTimeAsync(250);
    const cause = ((await call) as Error).cause as Error;
    expect(cause).toBeInstanceOf(Error);
    expect(cause.name).toBe("TimeoutError");
    expect(cause.message).toBe("attempt timed out after 250 ms");
  });
});

describe("the caller's AbortSignal", () => {
  test("a call that finished, after a retry, leaves no listener on the signal and no timer running", async () => {
    const { client } = setup([failure(503, 1010, "busy"), ok([BINDING])]);
    const { signal } = new AbortController();
    const call = client.listServiceBindings(list(), { signal });
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(call).resolves.toEqual([BINDING]);
    expect(getEventListeners(signal, "abort")).toEqual([]);
    // Neither the wait nor a per-attempt timeout is left to fire later.
    expect(vi.getTimerCount()).toBe(0);
  });

  test("an abort during the wait between attempts says which request it stopped, and leaves no listener", async () => {
    const busy = failure(503, 1010, "busy");
    const { client, seen } = setup([busy, busy, ok([])], {
      backoff: { initialDelayMs: 10_000, maxDelayMs: 10_000 },
    });
    const controller = new AbortController();
    const call = settled(client.listServiceBindings(list(), { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(10_000); // the first wait, and the second attempt
    expect(seen).toHaveLength(2);
    controller.abort(new Error("user pressed stop"));
    const error = await call;
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect(error).toMatchObject({ attempts: 2 });
    expect((error as Error).message).toBe(`GET ${LIST_PATH} -> aborted by the caller (after 2 attempts)`);
    expect(getEventListeners(controller.signal, "abort")).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
    expect(seen).toHaveLength(2);
  });

  test("an abort during an attempt takes the call's listener off the signal as it fires", async () => {
    const hanging = () => new Promise<Response>(() => {});
    const client = createServiceBindingsClient({ apiToken: TOKEN, accountId: ACCOUNT, fetch: hanging });
    const controller = new AbortController();
    const call = settled(client.listServiceBindings(list(), { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(10);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(1);
    controller.abort();
    // Gone at once, not only once the call has settled.
    expect(getEventListeners(controller.signal, "abort")).toEqual([]);
    const error = await call;
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect((error as Error).message).toBe(`GET ${LIST_PATH} -> aborted by the caller`);
  });
});

describe("a request that cannot be built", () => {
  test("is never sent and never retried, even when the call opts in to retries", async () => {
    const { client, seen } = setup([ok(BINDING, 201)], { maxRetries: 3 });
    const body = { cidr: "192.0.2.1/32", service_id: BINDING.service_id, note: 1n } as never;
    const error = await client.createServiceBinding({ prefix_id: PREFIX, body }, { idempotent: true }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RequestError);
    expect(error).toMatchObject({ name: "RequestError", attempts: 1 });
    expect((error as Error).message).toMatch(/-> request not sent: /);
    expect(seen).toHaveLength(0);
  });
});
