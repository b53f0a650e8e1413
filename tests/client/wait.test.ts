// waitForServiceBinding against the stateful fake, on fake timers: it resolves
// once the binding is active, fails with WaitError on a state that will not
// move on or when time runs out, ends at once on an abort or when the binding
// disappears, and rides out transient failures and rate limits.
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import {
  createServiceBindingsClient,
  InvalidArgumentError,
  NotFoundError,
  RequestAbortedError,
  type RetryEvent,
  type ServiceBindingsClientOptions,
  WaitError,
} from "../../src/index.ts";
import { createServiceBindingsFake, type ServiceBindingsFake } from "../../src/testing/index.ts";
import { ACCOUNT, BASE_BINDING, CDN, PREFIX } from "../testing/fake-support.ts";

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
});
afterEach(() => {
  vi.useRealTimers();
});

async function setup(options: Partial<ServiceBindingsClientOptions> = {}, provisioningReads = 3) {
  const fake = createServiceBindingsFake({ provisioningReads });
  const client = createServiceBindingsClient({
    apiToken: "t",
    accountId: ACCOUNT,
    fetch: fake.fetch,
    ...options,
  });
  const { id } = await client.createServiceBinding({
    prefix_id: PREFIX,
    body: { cidr: "192.0.2.1/32", service_id: CDN },
  });
  return { fake, client, id };
}

/** Runs a promise to its end while fake time passes, in steps, so timers and network interleave. */
async function settle<T>(
  promise: Promise<T>,
  step = 500,
  limit = 40_000_000,
): Promise<{ value?: T; error?: unknown }> {
  let outcome: { value?: T; error?: unknown } | undefined;
  promise.then(
    (value) => (outcome = { value }),
    (error: unknown) => (outcome = { error }),
  );
  for (let passed = 0; !outcome && passed < limit; passed += step) await vi.advanceTimersByTimeAsync(step);
  if (!outcome) throw new Error("the wait never ended");
  return outcome;
}

const gets = (fake: ServiceBindingsFake) => fake.requests.filter((r) => r.method === "GET").length;

describe("waitForServiceBinding", () => {
  test("polls until the binding is active and resolves with it; onPoll hears each poll", async () => {
    const { fake, client, id } = await setup();
    const polls: [string, number][] = [];
    const { value } = await settle(
      client.waitForServiceBinding(
        { prefix_id: PREFIX, binding_id: id },
        { intervalMs: 1_000, onPoll: (binding, poll) => polls.push([binding.provisioning.state, poll]) },
      ),
    );
    expect(value).toMatchObject({ id, provisioning: { state: "active" } });
    expect(polls).toEqual([
      ["provisioning", 1],
      ["provisioning", 2],
      ["provisioning", 3],
      ["active", 4],
    ]);
    expect(gets(fake)).toBe(4);
  });

  test("waits 30 s first by default, then half as long again each time, shortened by at most a quarter, up to the cap", async () => {
    const { client, id } = await setup({}, 6);
    const at: number[] = [];
    await settle(
      client.waitForServiceBinding(
        { prefix_id: PREFIX, binding_id: id },
        { maxIntervalMs: 60_000, onPoll: () => at.push(Date.now()) },
      ),
    );
    const waits = at.slice(1).map((t, i) => t - (at[i] ?? 0));
    const planned = [30_000, 45_000, 60_000, 60_000, 60_000, 60_000];
    expect(waits).toHaveLength(6);
    for (const [i, wait] of waits.entries()) {
      // The settle loop moves time in 500 ms steps: a wait is seen rounded up to the next step.
      expect(wait).toBeGreaterThanOrEqual((planned[i] ?? 0) * 0.75);
      expect(wait).toBeLessThanOrEqual((planned[i] ?? 0) + 500);
    }
    // Jittered: not every wait is the planned one (each has a few percent chance of looking so).
    expect(waits.some((wait, i) => wait < (planned[i] ?? 0) - 500)).toBe(true);
  });

  test("ends at once with options.until", async () => {
    const { fake, client, id } = await setup();
    const { value } = await settle(
      client.waitForServiceBinding({ prefix_id: PREFIX, binding_id: id }, { until: "provisioning" }),
    );
    expect(value?.provisioning.state).toBe("provisioning");
    expect(gets(fake)).toBe(1);
  });

  test("magic_transit_route_missing: WaitError naming the state, and what to do", async () => {
    const { fake, client, id } = await setup();
    fake.setProvisioningState(id, "magic_transit_route_missing");
    const { error } = await settle(client.waitForServiceBinding({ prefix_id: PREFIX, binding_id: id }));
    expect(error).toBeInstanceOf(WaitError);
    expect(error).toMatchObject({
      reason: "magic_transit_route_missing",
      state: "magic_transit_route_missing",
      polls: 1,
      last: { id },
    });
    expect((error as Error).message).toBe(
      `binding ${id} of prefix ${PREFIX} is magic_transit_route_missing: it will not become active until a Magic Transit route covers its CIDR; add the route, then wait again (after 1 polls)`,
    );
  });

  test("a state it does not know keeps it polling", async () => {
    const { fake, client, id } = await setup();
    fake.setProvisioningState(id, "draining");
    const polls: string[] = [];
    const waiting = settle(
      client.waitForServiceBinding(
        { prefix_id: PREFIX, binding_id: id },
        {
          intervalMs: 1_000,
          onPoll: (binding, poll) => {
            polls.push(binding.provisioning.state);
            if (poll === 3) fake.setProvisioningState(id, "active");
          },
        },
      ),
    );
    expect((await waiting).value?.provisioning.state).toBe("active");
    expect(polls).toEqual(["draining", "draining", "draining", "active"]);
  });

  test("when timeoutMs passes: WaitError with the last state and the number of polls", async () => {
    const { fake, client, id } = await setup();
    fake.setProvisioningState(id, "provisioning");
    const { error } = await settle(
      client.waitForServiceBinding(
        { prefix_id: PREFIX, binding_id: id },
        { intervalMs: 1_000, timeoutMs: 10_000 },
      ),
    );
    expect(error).toBeInstanceOf(WaitError);
    const { polls } = error as WaitError;
    expect((error as WaitError).state).toBe("provisioning");
    expect((error as WaitError).reason).toBe("timeout");
    expect((error as Error).message).toBe(
      `binding ${id} of prefix ${PREFIX} did not become active in time: its last state was provisioning (after ${polls} polls)`,
    );
    expect(polls).toBeGreaterThanOrEqual(5);
  });

  test("the default timeout is 8 hours", async () => {
    const { fake, client, id } = await setup();
    fake.setProvisioningState(id, "provisioning");
    const started = Date.now();
    const { error } = await settle(
      client.waitForServiceBinding({ prefix_id: PREFIX, binding_id: id }),
      60_000,
    );
    expect(error).toBeInstanceOf(WaitError);
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(8 * 3_600_000);
    expect(waited).toBeLessThan(8 * 3_600_000 + 60_000);
  });

  test("aborting during a wait between polls stops at once, with no further request", async () => {
    const { fake, client, id } = await setup();
    const started = Date.now();
    const controller = new AbortController();
    const waiting = client.waitForServiceBinding(
      { prefix_id: PREFIX, binding_id: id },
      {
        signal: controller.signal,
        onPoll: () => setTimeout(() => controller.abort(new Error("stop")), 1_000),
      },
    );
    const { error } = await settle(waiting);
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect(gets(fake)).toBe(1);
    // The abort came a second after the first poll, 29 s before the second was due.
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  test("aborting during a poll stops at once", async () => {
    const fake = createServiceBindingsFake();
    const hanging = (request: Request) =>
      request.method === "GET" ? new Promise<Response>(() => {}) : fake.fetch(request);
    const client = createServiceBindingsClient({ apiToken: "t", accountId: ACCOUNT, fetch: hanging });
    const started = Date.now();
    const controller = new AbortController();
    const waiting = client.waitForServiceBinding(
      { prefix_id: PREFIX, binding_id: BASE_BINDING },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 2_000);
    const { error } = await settle(waiting);
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  test("a binding deleted while waiting: NotFoundError", async () => {
    const { client, id } = await setup();
    const waiting = client.waitForServiceBinding(
      { prefix_id: PREFIX, binding_id: id },
      {
        onPoll: (_, poll) => {
          if (poll === 2) void client.deleteServiceBinding({ prefix_id: PREFIX, binding_id: id });
        },
      },
    );
    const { error } = await settle(waiting);
    expect(error).toBeInstanceOf(NotFoundError);
  });

  test("a 429 with Retry-After in the middle: the client waits as told, and the wait goes on", async () => {
    const retries: RetryEvent[] = [];
    const { fake, client, id } = await setup({ onRetry: (event) => retries.push(event) });
    const waiting = client.waitForServiceBinding(
      { prefix_id: PREFIX, binding_id: id },
      {
        intervalMs: 1_000,
        onPoll: (_, poll) => {
          if (poll === 1) fake.failNext({ status: 429, retryAfterSeconds: 7 });
        },
      },
    );
    expect((await settle(waiting)).value?.provisioning.state).toBe("active");
    expect(retries.map((r) => [r.error.name, r.delayMs])).toEqual([["RateLimitError", 7_000]]);
    expect(fake.requests.map((r) => r.status)).toContain(429);
  });

  test("a poll that still fails after the client's retries only waits for the next one", async () => {
    const { fake, client, id } = await setup({ maxRetries: 1 });
    const waiting = client.waitForServiceBinding(
      { prefix_id: PREFIX, binding_id: id },
      {
        intervalMs: 1_000,
        onPoll: (_, poll) => {
          if (poll === 1) fake.failNext({ status: 503, times: 2 });
        },
      },
    );
    expect((await settle(waiting)).value?.provisioning.state).toBe("active");
    expect(fake.requests.filter((r) => r.status === 503)).toHaveLength(2);
  });

  test("a timeout names the last poll's failure when it failed", async () => {
    const { fake, client, id } = await setup({ maxRetries: 0 });
    const { error } = await settle(
      client.waitForServiceBinding(
        { prefix_id: PREFIX, binding_id: id },
        { intervalMs: 1_000, timeoutMs: 3_000, onPoll: () => fake.failNext({ status: 503, times: 100 }) },
      ),
    );
    expect(error).toBeInstanceOf(WaitError);
    expect((error as Error).message).toMatch(
      /did not become active in time: its last state was provisioning; the last poll failed: GET \S+ -> 503: Internal server error \(code 1010\) \(after \d+ polls\)$/,
    );
  });

  test("a timeout before any poll succeeded says the binding was never read, and why", async () => {
    const { fake, client, id } = await setup({ maxRetries: 0 });
    fake.failNext({ status: 503, times: 100 });
    const { error } = await settle(
      client.waitForServiceBinding(
        { prefix_id: PREFIX, binding_id: id },
        { intervalMs: 1_000, timeoutMs: 3_000 },
      ),
    );
    expect(error).toBeInstanceOf(WaitError);
    expect((error as WaitError).state).toBeUndefined();
    expect((error as Error).message).toMatch(
      /did not become active in time: it was never read; the last poll failed: GET \S+ -> 503: /,
    );
  });

  test("refuses bad options and ids before polling", async () => {
    const { fake, client, id } = await setup();
    const before = fake.requests.length;
    await expect(
      client.waitForServiceBinding({ prefix_id: PREFIX, binding_id: id }, { intervalMs: -1 }),
    ).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(client.waitForServiceBinding({ prefix_id: PREFIX, binding_id: "" })).rejects.toThrow(
      "binding_id must not be empty",
    );
    expect(fake.requests.length).toBe(before);
  });
});
