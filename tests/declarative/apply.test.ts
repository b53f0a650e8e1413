// applyServiceBindingsPlan against the stateful fake, on fake time: it reaches
// the file, waits when asked (bindings active before the advertisement, then the
// advertisement itself), is a no-op the second time, and after a lost answer or
// a failure converges when run again, with no duplicate.
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import {
  type ApplyEvent,
  applyServiceBindingsPlan,
  describeStep,
  planServiceBindings,
  renderApplyEnd,
} from "../../src/declarative/index.ts";
import {
  AdvertisementRefusedError,
  InternalServerError,
  PermissionDeniedError,
  RequestAbortedError,
  WaitError,
} from "../../src/index.ts";
import { desiredFrom, EXAMPLE, fileWith, PREFIX, serviceId, setup, setupWithPrefix } from "./support.ts";

beforeEach(() => vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] }));
afterEach(() => vi.useRealTimers());

/** Runs a promise to its end while fake time passes in steps, so timers and calls interleave. */
async function settle<T>(promise: Promise<T>, stepMs = 10_000): Promise<T> {
  let done = false;
  const finished = promise.finally(() => {
    done = true;
  });
  while (!done) await vi.advanceTimersByTimeAsync(stepMs);
  return finished;
}

const bindingsOf = (fake: ReturnType<typeof setup>["fake"]) =>
  (fake.state().accounts[0]?.prefixes[0]?.bindings ?? []).map((b) => `${b.cidr} ${b.service_name}`).sort();

const changes = (fake: ReturnType<typeof setup>["fake"]) =>
  fake.requests.filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.status}`);

describe("applyServiceBindingsPlan", () => {
  test("with wait: creates the binding, waits until it is active, advertises, and waits for the advertisement", async () => {
    const { fake, client } = setup();
    const desired = desiredFrom(EXAMPLE);
    const events: ApplyEvent[] = [];
    const plan = await planServiceBindings(client, desired);
    const result = await settle(
      applyServiceBindingsPlan(client, plan, {
        wait: true,
        intervalMs: 1_000,
        onProgress: (e) => events.push(e),
      }),
    );
    expect(result.converged).toBe(true);
    expect(result.outcomes.map((o) => [o.step.action, o.outcome, o.detail])).toEqual([
      ["create", "done", "created"],
      ["advertise", "done", "requested, and it shows"],
    ]);
    expect(bindingsOf(fake)).toEqual(["192.0.2.0/24 Magic Transit", "192.0.2.16/29 CDN"]);
    expect(fake.state().accounts[0]?.prefixes[0]?.bgpPrefixes[0]?.on_demand.advertised).toBe(true);
    // A progress line per poll, naming the binding waited for and its state.
    expect(events.filter((e) => e.type === "poll")).toContainEqual(
      expect.objectContaining({ waitingFor: "192.0.2.16/29 -> CDN", state: "provisioning" }),
    );
    expect(renderApplyEnd(result, { colour: false })).toBe(
      "Apply complete: the account matches bindings.yaml.",
    );
  });

  test("without wait, an advertisement waits for a later apply while a binding is still provisioning", async () => {
    const { client } = setup();
    const plan = await planServiceBindings(client, desiredFrom(EXAMPLE));
    const result = await applyServiceBindingsPlan(client, plan);
    expect(result.outcomes.map((o) => [o.step.action, o.outcome])).toEqual([
      ["create", "done"],
      ["advertise", "pending"],
    ]);
    // The refusal's own words, which name the binding and its state, then what to do.
    expect(result.outcomes[1]?.detail).toBe(
      `advertising prefix ${PREFIX} (192.0.2.0/24) needs every service binding of the prefix is active, but not active yet: 192.0.2.16/29 (provisioning): wait for the bindings (waitForServiceBinding), or pass force: true to advertise anyway; apply again later, or with --wait`,
    );
    expect(result.converged).toBe(false);
    expect(result.remaining.steps.map((s) => s.action)).toEqual(["advertise"]);
  });

  test("applying the same plan twice, once the advertisement has shown: the second time sends nothing", async () => {
    const { fake, client } = setup({ newBindingState: "active" });
    const plan = await planServiceBindings(client, desiredFrom(EXAMPLE));
    await applyServiceBindingsPlan(client, plan);
    fake.advanceTime(10 * 60_000);
    const before = changes(fake).length;
    const again = await applyServiceBindingsPlan(client, plan);
    expect(again.outcomes.map((o) => o.outcome)).toEqual(["already", "already"]);
    expect(changes(fake)).toHaveLength(before);
    expect(again.converged).toBe(true);
  });

  test("applied again at once, while the advertisement still propagates: nothing is created or deleted, and only the advertisement request, safe to repeat, is sent again", async () => {
    const { fake, client } = setup({ newBindingState: "active" });
    const plan = await planServiceBindings(client, desiredFrom(EXAMPLE));
    await applyServiceBindingsPlan(client, plan);
    const before = changes(fake).length;
    await applyServiceBindingsPlan(client, plan);
    expect(changes(fake).slice(before)).toEqual(["PATCH 200"]);
  });

  test("a create whose answer is lost: found by the safe create, never made twice", async () => {
    const { fake, client } = setup({ newBindingState: "active" });
    fake.loseNextAnswer({ operation: "createServiceBinding" });
    const plan = await planServiceBindings(client, desiredFrom(EXAMPLE));
    const result = await applyServiceBindingsPlan(client, plan);
    expect(result.outcomes[0]).toMatchObject({ outcome: "done" });
    expect(bindingsOf(fake)).toEqual(["192.0.2.0/24 Magic Transit", "192.0.2.16/29 CDN"]);
  });

  test("an apply that fails half-way converges when run again, with nothing created twice", async () => {
    const { fake, client } = setup({ newBindingState: "active" });
    const text = EXAMPLE.replace(
      "      192.0.2.16/29: CDN",
      "      192.0.2.16/29: CDN\n      192.0.2.32/29: Spectrum",
    );
    const desired = desiredFrom(text);
    // The second create fails every time the client tries it (it is not retried: a create never is blindly).
    fake.failNext({ status: 500, operation: "createServiceBinding", nth: 2 });
    const first = await applyServiceBindingsPlan(client, await planServiceBindings(client, desired)).catch(
      (e: unknown) => e,
    );
    expect(first).toBeInstanceOf(InternalServerError);
    const second = await applyServiceBindingsPlan(client, await planServiceBindings(client, desired));
    expect(second.outcomes.map((o) => o.step.action)).toEqual(["create", "advertise"]);
    expect(second.converged).toBe(true);
    expect(bindingsOf(fake)).toEqual([
      "192.0.2.0/24 Magic Transit",
      "192.0.2.16/29 CDN",
      "192.0.2.32/29 Spectrum",
    ]);
  });

  test("a binding deleted by someone else in the meantime counts as deleted", async () => {
    const { fake, client } = setup({ newBindingState: "active" });
    const services = await client.listServices();
    const cdn = services.find((s) => s.name === "CDN")?.id ?? "";
    const { binding } = await client.ensureServiceBinding({
      prefix_id: PREFIX,
      cidr: "192.0.2.1/32",
      service_id: cdn,
    });
    const plan = await planServiceBindings(
      client,
      desiredFrom(`prefixes:\n  - prefix: ${PREFIX}\n    bindings:\n      192.0.2.0/24: Magic Transit\n`),
    );
    await client.deleteServiceBinding({ prefix_id: PREFIX, binding_id: binding.id });
    const result = await applyServiceBindingsPlan(client, plan);
    expect(result.outcomes).toMatchObject([{ outcome: "already" }]);
    expect(result.converged).toBe(true);
    expect(bindingsOf(fake)).toEqual(["192.0.2.0/24 Magic Transit"]);
  });

  test("each outcome says what was done, and applied again, that it already was", async () => {
    const { fake, client } = setupWithPrefix({
      on_demand: { advertised: true },
      bindings: [
        { cidr: "192.0.2.0/24", service_id: serviceId("Magic Transit") },
        { cidr: "192.0.2.64/26", service_id: serviceId("CDN") },
      ],
    });
    const desired = desiredFrom(
      fileWith({ "192.0.2.0/24": "Magic Transit", "192.0.2.16/29": "Spectrum" }, "    advertised: false\n"),
    );
    const plan = await planServiceBindings(client, desired);
    const first = await applyServiceBindingsPlan(client, plan);
    expect(first.outcomes.map((o) => [o.step.action, o.outcome, o.detail])).toEqual([
      ["withdraw", "done", "requested, Cloudflare takes about 15 minutes"],
      ["delete", "done", "deleted"],
      ["create", "done", "created"],
    ]);
    fake.advanceTime(15 * 60_000);
    const again = await applyServiceBindingsPlan(client, plan);
    expect(again.outcomes.map((o) => [o.step.action, o.outcome, o.detail])).toEqual([
      ["withdraw", "already", "it was so"],
      ["delete", "already", "it was gone"],
      ["create", "already", "it was there"],
    ]);
  });

  test("a delete removes the binding of its CIDR and service, not another service's binding of that CIDR", async () => {
    const { fake, client } = setupWithPrefix({
      bindings: [
        { cidr: "192.0.2.0/24", service_id: serviceId("Magic Transit") },
        { cidr: "192.0.2.64/26", service_id: serviceId("Spectrum") },
        { cidr: "192.0.2.64/26", service_id: serviceId("CDN") },
      ],
    });
    const desired = desiredFrom(fileWith({ "192.0.2.0/24": "Magic Transit", "192.0.2.64/26": "Spectrum" }));
    await applyServiceBindingsPlan(client, await planServiceBindings(client, desired));
    expect(bindingsOf(fake)).toEqual(["192.0.2.0/24 Magic Transit", "192.0.2.64/26 Spectrum"]);
  });

  test("a delete the API answers 404 counts as gone; any other refusal fails the apply", async () => {
    const seedWithCdn = () =>
      setupWithPrefix({
        bindings: [
          { cidr: "192.0.2.0/24", service_id: serviceId("Magic Transit") },
          { cidr: "192.0.2.1/32", service_id: serviceId("CDN") },
        ],
      });
    const desired = desiredFrom(fileWith({ "192.0.2.0/24": "Magic Transit" }));
    const gone = seedWithCdn();
    const plan = await planServiceBindings(gone.client, desired);
    gone.fake.failNext({ status: 404, operation: "deleteServiceBinding" });
    const result = await applyServiceBindingsPlan(gone.client, plan);
    expect(result.outcomes.map((o) => [o.outcome, o.detail])).toEqual([["already", "it was gone"]]);
    const refused = seedWithCdn();
    refused.fake.failNext({ status: 403, operation: "deleteServiceBinding" });
    const error = await applyServiceBindingsPlan(refused.client, plan).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermissionDeniedError);
  });

  test("an advertisement refused for another reason than provisioning bindings (locked since the plan) fails the apply", async () => {
    const { client } = setup({ newBindingState: "active" });
    const plan = await planServiceBindings(client, desiredFrom(EXAMPLE));
    const locked = setupWithPrefix({ on_demand: { on_demand_locked: true } });
    const error = await applyServiceBindingsPlan(locked.client, plan).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdvertisementRefusedError);
    expect((error as AdvertisementRefusedError).rule).toBe("not_locked");
  });

  test("a plan made before the account changed: the apply does its steps, then says what else is left", async () => {
    const { client } = setupWithPrefix({
      bindings: [
        { cidr: "192.0.2.0/24", service_id: serviceId("Magic Transit") },
        { id: "b0000000000000000000000000000001", cidr: "192.0.2.16/29", service_id: serviceId("CDN") },
      ],
    });
    const desired = desiredFrom(
      fileWith({ "192.0.2.0/24": "Magic Transit", "192.0.2.16/29": "CDN", "192.0.2.64/26": "Spectrum" }),
    );
    const plan = await planServiceBindings(client, desired);
    await client.deleteServiceBinding({ prefix_id: PREFIX, binding_id: "b0000000000000000000000000000001" });
    const result = await applyServiceBindingsPlan(client, plan);
    expect(result.outcomes.map((o) => describeStep(o.step))).toEqual(["+ create 192.0.2.64/26 -> Spectrum"]);
    expect(result.converged).toBe(false);
    expect(result.remaining.steps.map(describeStep)).toEqual(["+ create 192.0.2.16/29 -> CDN"]);
  });
});

describe("applyServiceBindingsPlan with wait", () => {
  test("polls only the bindings not yet active, the first wait between polls the interval asked for (less up to a quarter)", async () => {
    const { client } = setup({ provisioningReads: 3 });
    const plan = await planServiceBindings(client, desiredFrom(EXAMPLE));
    const polls: Extract<ApplyEvent, { type: "poll" }>[] = [];
    await settle(
      applyServiceBindingsPlan(client, plan, {
        wait: true,
        intervalMs: 1_000,
        onProgress: (e) => (e.type === "poll" ? polls.push(e) : undefined),
      }),
      500,
    );
    const bindingPolls = polls.filter((p) => p.waitingFor.includes(" -> "));
    expect(new Set(bindingPolls.map((p) => p.waitingFor))).toEqual(new Set(["192.0.2.16/29 -> CDN"]));
    const [one, two] = bindingPolls;
    const wait = (two?.elapsedMs ?? 0) - (one?.elapsedMs ?? 0);
    expect(wait).toBeGreaterThanOrEqual(750);
    expect(wait).toBeLessThanOrEqual(1_000);
  });

  test("a binding that stays provisioning stops the apply at the timeout asked for, with or without progress", async () => {
    const { client } = setup({ provisioningReads: 1_000_000 });
    const plan = await planServiceBindings(client, desiredFrom(EXAMPLE));
    const started = Date.now();
    const error = await settle(
      applyServiceBindingsPlan(client, plan, { wait: true, timeoutMs: 60_000, intervalMs: 1_000 }).catch(
        (e: unknown) => e,
      ),
    );
    expect(error).toBeInstanceOf(WaitError);
    expect((error as WaitError).reason).toBe("timeout");
    expect(Date.now() - started).toBeLessThanOrEqual(70_000);
  });
});

describe("applyServiceBindingsPlan stopped by its signal after a step", () => {
  /** What the account holds: the prefix-wide binding and two more. */
  const held = { "192.0.2.0/24": "Magic Transit", "192.0.2.16/29": "CDN", "192.0.2.32/29": "Spectrum" };
  const more = { "192.0.2.64/26": "CDN", "192.0.2.128/26": "Spectrum" };
  test.each([
    ["before the next delete", { "192.0.2.0/24": "Magic Transit" }, "", false, ["delete", "delete"]],
    ["before the next create", { ...held, ...more }, "", false, ["create", "create"]],
    [
      "before waiting for the bindings",
      { ...held, "192.0.2.64/26": "CDN" },
      "    advertised: true\n",
      true,
      ["create", "advertise"],
    ],
    ["before planning again", { ...held, "192.0.2.64/26": "CDN" }, "", false, ["create"]],
  ])("%s: nothing more is sent or read", async (_when, bindings, extra, wait, actions) => {
    const { fake, client } = setupWithPrefix({
      bindings: Object.entries(held).map(([cidr, service]) => ({ cidr, service_id: serviceId(service) })),
    });
    const plan = await planServiceBindings(client, desiredFrom(fileWith(bindings, extra)));
    expect(plan.steps.map((step) => step.action)).toEqual(actions);
    const controller = new AbortController();
    let sent = -1;
    const stop = () => {
      sent = fake.requests.length;
      controller.abort();
    };
    const error = await applyServiceBindingsPlan(client, plan, {
      wait,
      signal: controller.signal,
      onProgress: (e) => (e.type === "step" && sent < 0 ? stop() : undefined),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect(fake.requests).toHaveLength(sent);
  });
});
