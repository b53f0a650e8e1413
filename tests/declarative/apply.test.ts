// applyServiceBindingsPlan against the stateful fake, on fake time: it reaches
// the file, waits when asked (bindings active before the advertisement, then the
// advertisement itself), is a no-op the second time, and after a lost answer or
// a failure converges when run again, with no duplicate.
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import {
  type ApplyEvent,
  applyServiceBindingsPlan,
  planServiceBindings,
  renderApplyEnd,
} from "../../src/declarative/index.ts";
import { InternalServerError } from "../../src/index.ts";
import { desiredFrom, EXAMPLE, PREFIX, setup } from "./support.ts";

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
    expect(result.outcomes.map((o) => [o.step.action, o.outcome])).toEqual([
      ["create", "done"],
      ["advertise", "done"],
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
});
