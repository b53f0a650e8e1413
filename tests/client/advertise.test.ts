// The guarded advertisement: each documented rule refuses, naming itself and
// sending nothing, and a change that passes them is sent once to the BGP prefix
// that spans the prefix, then waited for. The API's answers are the spec's own
// examples, served by calls that record what they were asked; the client's own
// methods are shown on the fake, checking their options before any request.
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { RESPONSE_EXAMPLES } from "../../generated/examples.ts";
import { type AdvertiseCalls, changeAdvertisement, waitForAdvertisement } from "../../src/advertise.ts";
import {
  ADVERTISEMENT_RULES,
  AdvertisementRefusedError,
  type BgpPrefix,
  type Prefix,
  type ServiceBinding,
  WaitError,
} from "../../src/index.ts";
import type { CallOptions } from "../../src/options.ts";
import { createServiceBindingsFake } from "../../src/testing/index.ts";
import { BGP_PREFIX, clientOf, PREFIX } from "../testing/fake-support.ts";

/** The `result` of a named example of the spec. */
function example<T>(operationId: string, status: string, name: string): T {
  const value = RESPONSE_EXAMPLES[operationId]?.[status]?.[name] as { result: T } | undefined;
  if (!value) throw new Error(`the spec has no ${status} example ${name} for ${operationId}`);
  return structuredClone(value.result);
}

const APPROVED = example<Prefix>("getPrefix", "200", "approved");
const PENDING = example<Prefix>("getPrefix", "200", "pending_validation");
const WITHDRAWN = example<BgpPrefix>("getBgpPrefix", "200", "withdrawn");
const ADVERTISED = example<BgpPrefix>("getBgpPrefix", "200", "advertised");
const LOCKED = example<BgpPrefix>("getBgpPrefix", "200", "locked");
const ACTIVE = example<ServiceBinding>("getServiceBinding", "200", "active");

/**
 * Calls that answer from a state, record every call by name, and let a test move the state on. The call
 * named by `hang` never answers: like the client's, it ends only when its signal aborts, with the reason.
 */
function api(state: {
  prefix: Prefix;
  bgp: BgpPrefix[];
  bindings?: ServiceBinding[];
  reads?: BgpPrefix[];
  hang?: keyof AdvertiseCalls;
}) {
  const made: string[] = [];
  const sent: unknown[] = [];
  /** Records the call, then answers (or hangs). */
  const answer =
    <P, T>(name: keyof AdvertiseCalls, value: (params: P) => T) =>
    async (params: P, { signal }: CallOptions): Promise<T> => {
      made.push(name);
      if (name !== state.hang) return value(params);
      return new Promise((_, reject) => {
        if (signal?.aborted) reject(signal.reason);
        signal?.addEventListener("abort", () => reject(signal.reason));
      });
    };
  const calls: AdvertiseCalls = {
    getPrefix: answer("getPrefix", () => state.prefix),
    listBgpPrefixes: answer("listBgpPrefixes", () => state.bgp),
    listServiceBindings: answer("listServiceBindings", () => state.bindings ?? [ACTIVE]),
    getBgpPrefix: answer("getBgpPrefix", () => state.reads?.shift() ?? (state.bgp[0] as BgpPrefix)),
    updateBgpPrefix: answer("updateBgpPrefix", (params: { bgp_prefix_id: string }) => {
      sent.push(params);
      return state.bgp.find((b) => b.id === params.bgp_prefix_id) as BgpPrefix;
    }),
  };
  return { calls, made, sent };
}

/** How a promise stands once `ms` of fake time have passed: its value, its error, or undefined if pending. */
async function outcomeAfter<T>(
  ms: number,
  promise: Promise<T>,
): Promise<{ value?: T; error?: unknown } | undefined> {
  let outcome: { value?: T; error?: unknown } | undefined;
  promise.then(
    (value) => (outcome = { value }),
    (error: unknown) => (outcome = { error }),
  );
  await vi.advanceTimersByTimeAsync(ms);
  return outcome;
}

const PARAMS = { prefix_id: APPROVED.id };

async function refusal(promise: Promise<unknown>): Promise<AdvertisementRefusedError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AdvertisementRefusedError);
  return error as AdvertisementRefusedError;
}

describe("advertising a prefix: the rules, each refusing with its name and sending nothing", () => {
  test("a prefix that is not approved", async () => {
    const { calls, made } = api({ prefix: PENDING, bgp: [WITHDRAWN] });
    const error = await refusal(changeAdvertisement(calls, { prefix_id: PENDING.id }, true, {}));
    expect(error.rule).toBe("prefix_approved");
    expect(error.fix).toBe(ADVERTISEMENT_RULES.prefix_approved.fix);
    expect(error.message).toBe(
      `advertising prefix ${PENDING.id} (${PENDING.cidr}) needs the prefix is approved (approved: V), but approved is P: ${ADVERTISEMENT_RULES.prefix_approved.fix}. Nothing was sent.`,
    );
    expect(made).not.toContain("updateBgpPrefix");
  });

  test("no BGP prefix spans the prefix (a more specific one does not count)", async () => {
    const specific = { ...WITHDRAWN, id: "1d4b1c7e2f3a4b5c6d7e8f9a0b1c2d3e", cidr: "192.0.2.0/25" };
    const { calls, made } = api({ prefix: APPROVED, bgp: [specific] });
    const error = await refusal(changeAdvertisement(calls, PARAMS, true, {}));
    expect(error.rule).toBe("bgp_prefix_spans_prefix");
    expect(error.message).toContain(
      `needs a BGP prefix spans the whole prefix, but no BGP prefix spans it: ${ADVERTISEMENT_RULES.bgp_prefix_spans_prefix.fix}.`,
    );
    expect(error.bgpPrefix).toBeUndefined();
    expect(made).not.toContain("updateBgpPrefix");
  });

  test("a prefix whose CIDR cannot be read is spanned by no BGP prefix: refused, not a crash", async () => {
    const unreadable = { ...APPROVED, cidr: "192.0.2.0" };
    const { calls, made } = api({ prefix: unreadable, bgp: [WITHDRAWN] });
    expect((await refusal(changeAdvertisement(calls, PARAMS, true, {}))).rule).toBe(
      "bgp_prefix_spans_prefix",
    );
    expect(made).not.toContain("updateBgpPrefix");
  });

  test("a BGP prefix whose CIDR cannot be read is passed over for the one that spans the prefix", async () => {
    const unreadable = { ...WITHDRAWN, id: "1d4b1c7e2f3a4b5c6d7e8f9a0b1c2d3e", cidr: "not a cidr" };
    const { calls, sent } = api({ prefix: APPROVED, bgp: [unreadable, WITHDRAWN] });
    await changeAdvertisement(calls, PARAMS, true, {});
    expect(sent).toMatchObject([{ bgp_prefix_id: WITHDRAWN.id }]);
  });

  test("on-demand advertisement not enabled", async () => {
    const off = {
      ...WITHDRAWN,
      on_demand: { ...WITHDRAWN.on_demand, on_demand_enabled: false, advertised: null },
    };
    const { calls, made } = api({ prefix: APPROVED, bgp: [off] });
    const error = await refusal(changeAdvertisement(calls, PARAMS, true, {}));
    expect(error.rule).toBe("on_demand_enabled");
    expect(error.message).toContain(
      `but BGP prefix ${off.id} has it off: ${ADVERTISEMENT_RULES.on_demand_enabled.fix}.`,
    );
    expect(made).not.toContain("updateBgpPrefix");
  });

  test("a locked advertisement, for a withdrawal too", async () => {
    const { calls, made } = api({
      prefix: APPROVED,
      bgp: [{ ...LOCKED, on_demand: { ...LOCKED.on_demand, advertised: true } }],
    });
    const error = await refusal(changeAdvertisement(calls, PARAMS, false, {}));
    expect(error.rule).toBe("not_locked");
    expect(error.message).toMatch(/^withdrawing prefix .* is locked: ask your Cloudflare account team/);
    expect(made).not.toContain("updateBgpPrefix");
  });

  test("bindings still provisioning block an advertisement, naming each; force skips that rule only", async () => {
    const provisioning = example<ServiceBinding>("createServiceBinding", "201", "created");
    const missing = {
      ...provisioning,
      cidr: "192.0.2.128/25",
      provisioning: { state: "magic_transit_route_missing" },
    };
    const { calls, made, sent } = api({
      prefix: APPROVED,
      bgp: [WITHDRAWN],
      bindings: [ACTIVE, provisioning, missing],
    });
    const error = await refusal(changeAdvertisement(calls, PARAMS, true, {}));
    expect(error.rule).toBe("bindings_active");
    expect(error.message).toContain(
      `not active yet: ${provisioning.cidr} (provisioning), 192.0.2.128/25 (magic_transit_route_missing):`,
    );
    expect(made).not.toContain("updateBgpPrefix");

    await changeAdvertisement(calls, PARAMS, true, { force: true });
    expect(sent).toHaveLength(1);
  });

  test("a withdrawal does not wait for bindings (it does not even read them)", async () => {
    const { calls, made } = api({ prefix: APPROVED, bgp: [ADVERTISED] });
    const result = await changeAdvertisement(calls, PARAMS, false, {});
    expect(result.changed).toBe(true);
    expect(made).toEqual(["getPrefix", "listBgpPrefixes", "updateBgpPrefix"]);
  });
});

describe("advertising a prefix that passes the rules", () => {
  test("sends on_demand.advertised once, to the BGP prefix that spans the prefix", async () => {
    const specific = { ...WITHDRAWN, id: "1d4b1c7e2f3a4b5c6d7e8f9a0b1c2d3e", cidr: "192.0.2.0/25" };
    const { calls, sent } = api({ prefix: APPROVED, bgp: [specific, WITHDRAWN] });
    const result = await changeAdvertisement(calls, PARAMS, true, {});
    expect(sent).toEqual([
      { prefix_id: APPROVED.id, bgp_prefix_id: WITHDRAWN.id, body: { on_demand: { advertised: true } } },
    ]);
    expect(result).toMatchObject({ changed: true, prefix: APPROVED, bgpPrefix: WITHDRAWN });
    expect(result.waited).toBeUndefined();
  });

  test("already as asked: nothing is sent, and the result says so", async () => {
    const { calls, made } = api({ prefix: APPROVED, bgp: [ADVERTISED] });
    expect(await changeAdvertisement(calls, PARAMS, true, {})).toMatchObject({
      changed: false,
      bgpPrefix: ADVERTISED,
    });
    expect(made).not.toContain("updateBgpPrefix");
  });
});

describe("waiting for the advertisement", () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] }));
  afterEach(() => vi.useRealTimers());

  test("with wait, polls Fetch BGP Prefix, the first poll at once, until it reports the change", async () => {
    const { calls, made } = api({
      prefix: APPROVED,
      bgp: [WITHDRAWN],
      reads: [WITHDRAWN, WITHDRAWN, ADVERTISED],
    });
    const advertising = changeAdvertisement(calls, PARAMS, true, { wait: true });
    await vi.advanceTimersByTimeAsync(0);
    // The update, then one poll at once.
    expect(made.slice(-2)).toEqual(["updateBgpPrefix", "getBgpPrefix"]);
    const { value: result } = (await outcomeAfter(60_000, advertising)) ?? {};
    expect(result?.waited).toMatchObject({ advertised: true, polls: 3, bgpPrefix: ADVERTISED });
    expect(result?.bgpPrefix).toEqual(ADVERTISED);
  });

  test("a BGP prefix that is locked ends the wait with WaitError, reason locked", async () => {
    const { calls } = api({ prefix: APPROVED, bgp: [LOCKED] });
    const waiting = waitForAdvertisement(calls, { prefix_id: APPROVED.id, bgp_prefix_id: LOCKED.id });
    const { error } = (await outcomeAfter(0, waiting)) ?? {};
    expect(error).toBeInstanceOf(WaitError);
    expect(error).toMatchObject({ reason: "locked", state: "locked", polls: 1 });
    expect((error as Error).message).toBe(
      `BGP prefix ${LOCKED.id} of prefix ${APPROVED.id} is locked: its advertisement will not change while it is locked: ${ADVERTISEMENT_RULES.not_locked.fix} (after 1 polls)`,
    );
  });

  test("on-demand advertisement turned off ends the wait with WaitError, reason on_demand_disabled, and the fix", async () => {
    const off = {
      ...WITHDRAWN,
      on_demand: { ...WITHDRAWN.on_demand, on_demand_enabled: false, advertised: null },
    };
    const { calls } = api({ prefix: APPROVED, bgp: [WITHDRAWN], reads: [WITHDRAWN, off] });
    const waiting = waitForAdvertisement(calls, { prefix_id: APPROVED.id, bgp_prefix_id: WITHDRAWN.id });
    const { error } = (await outcomeAfter(20_000, waiting)) ?? {};
    expect(error).toBeInstanceOf(WaitError);
    expect(error).toMatchObject({
      reason: "on_demand_disabled",
      state: "not enabled for on-demand advertisement",
      polls: 2,
    });
    expect((error as Error).message).toBe(
      `BGP prefix ${WITHDRAWN.id} of prefix ${APPROVED.id} is not enabled for on-demand advertisement: its advertisement will not change on demand: ${ADVERTISEMENT_RULES.on_demand_enabled.fix} (after 2 polls)`,
    );
  });

  test("waits for an advertisement unless told otherwise, and says how long it took", async () => {
    const { calls } = api({ prefix: APPROVED, bgp: [WITHDRAWN], reads: [WITHDRAWN, WITHDRAWN, ADVERTISED] });
    const started = Date.now();
    let lastPollAt = started;
    const waiting = waitForAdvertisement(
      calls,
      { prefix_id: APPROVED.id, bgp_prefix_id: WITHDRAWN.id },
      { intervalMs: 1_000, onPoll: () => (lastPollAt = Date.now()) },
    );
    const { value } = (await outcomeAfter(5_000, waiting)) ?? {};
    expect(value).toMatchObject({ advertised: true, polls: 3, bgpPrefix: ADVERTISED });
    expect(value?.elapsedMs).toBe(lastPollAt - started);
    // Two waits, of a second and of a second and a half, each shortened at random by up to a quarter.
    expect(value?.elapsedMs).toBeGreaterThanOrEqual(0.75 * 2_500);
  });

  test("an advertisement that does not happen in time: the timeout names what it waited for and the last state", async () => {
    const { calls } = api({ prefix: APPROVED, bgp: [WITHDRAWN] });
    const waiting = waitForAdvertisement(
      calls,
      { prefix_id: APPROVED.id, bgp_prefix_id: WITHDRAWN.id },
      { intervalMs: 1_000, timeoutMs: 3_000 },
    );
    const { error } = (await outcomeAfter(5_000, waiting)) ?? {};
    expect(error).toMatchObject({ name: "WaitError", reason: "timeout", state: "withdrawn" });
    expect((error as Error).message).toMatch(
      new RegExp(
        `^BGP prefix ${WITHDRAWN.id} of prefix ${APPROVED.id} did not become advertised in time: its last state was withdrawn \\(after \\d+ polls\\)$`,
      ),
    );
  });

  test("a withdrawal's wait is for the withdrawal, on the timing and onPoll given with wait", async () => {
    const { calls } = api({
      prefix: APPROVED,
      bgp: [ADVERTISED],
      reads: [ADVERTISED, ADVERTISED, WITHDRAWN],
    });
    const polls: [boolean | null | undefined, number][] = [];
    const withdrawing = changeAdvertisement(calls, PARAMS, false, {
      wait: { intervalMs: 1_000, onPoll: (bgp, poll) => polls.push([bgp.on_demand.advertised, poll]) },
    });
    const { value } = (await outcomeAfter(5_000, withdrawing)) ?? {};
    expect(polls).toEqual([
      [true, 1],
      [true, 2],
      [false, 3],
    ]);
    expect(value).toMatchObject({
      changed: true,
      bgpPrefix: WITHDRAWN,
      waited: { advertised: false, polls: 3 },
    });
  });

  test("a withdrawal that does not happen in time: WaitError, reason timeout, after 30 minutes by default", async () => {
    const { calls } = api({ prefix: APPROVED, bgp: [ADVERTISED] });
    const started = Date.now();
    const waiting = waitForAdvertisement(
      calls,
      { prefix_id: APPROVED.id, bgp_prefix_id: ADVERTISED.id },
      { advertised: false },
    ).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(31 * 60_000);
    const error = await waiting;
    expect(error).toMatchObject({ name: "WaitError", reason: "timeout", state: "advertised" });
    expect((error as Error).message).toMatch(
      /did not become withdrawn in time: its last state was advertised/,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(30 * 60_000);
  });
});

describe("an abort stops an advertisement at once, during any of its calls, with the abort's reason", () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] }));
  afterEach(() => vi.useRealTimers());

  test.each([
    "getPrefix",
    "listBgpPrefixes",
    "listServiceBindings",
    "updateBgpPrefix",
    "getBgpPrefix",
  ] as const)("during %s", async (hang) => {
    const { calls, made } = api({ prefix: APPROVED, bgp: [WITHDRAWN], hang });
    const controller = new AbortController();
    const advertising = changeAdvertisement(calls, PARAMS, true, { wait: true, signal: controller.signal });
    await vi.advanceTimersByTimeAsync(0);
    expect(made.at(-1)).toBe(hang);
    const reason = new Error("stop");
    controller.abort(reason);
    expect(await outcomeAfter(0, advertising)).toEqual({ error: reason });
  });
});

describe("the client's advertisePrefix, withdrawPrefix and waitForAdvertisement, on the fake", () => {
  test.each(["advertisePrefix", "withdrawPrefix"] as const)(
    "%s refuses a bad wait option before sending anything",
    async (method) => {
      const fake = createServiceBindingsFake();
      const call = clientOf(fake)[method]({ prefix_id: PREFIX }, { wait: { intervalMs: -1 } });
      await expect(call).rejects.toThrow("intervalMs must be a non-negative number of milliseconds");
      expect(fake.requests).toEqual([]);
    },
  );

  test("waitForAdvertisement refuses a bad timing option before polling", async () => {
    const fake = createServiceBindingsFake();
    const waiting = clientOf(fake).waitForAdvertisement(
      { prefix_id: PREFIX, bgp_prefix_id: BGP_PREFIX },
      { timeoutMs: Number.NaN },
    );
    await expect(waiting).rejects.toThrow("timeoutMs must be a non-negative number of milliseconds");
    expect(fake.requests).toEqual([]);
  });

  test("waitForAdvertisement resolves with the BGP prefix once the advertisement has taken effect", async () => {
    const fake = createServiceBindingsFake({ advertiseDelayMs: 0 });
    const client = clientOf(fake);
    await client.advertisePrefix({ prefix_id: PREFIX });
    const waited = await client.waitForAdvertisement({ prefix_id: PREFIX, bgp_prefix_id: BGP_PREFIX });
    expect(waited).toMatchObject({ advertised: true, polls: 1, bgpPrefix: { id: BGP_PREFIX } });
    expect(waited.bgpPrefix.on_demand.advertised).toBe(true);
  });
});
