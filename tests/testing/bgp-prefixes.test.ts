// The fake's BGP prefixes, through the package's client: listed and fetched as
// the spec's examples, changed by Update BGP Prefix with the refusals the spec
// names as the fake's choices, and advertised or withdrawn after a delay on
// the fake's clock, which the test moves (nothing here sleeps).
import { afterEach, describe, expect, test, vi } from "vitest";
import { ConflictError, NotFoundError } from "../../src/index.ts";
import { createServiceBindingsFake, type FakeOptions } from "../../src/testing/index.ts";
import {
  BGP_PREFIX,
  BINDINGS_PATH,
  clientOf,
  failure,
  MAGIC_TRANSIT,
  PREFIX,
  seedWith,
  specExample,
  TOKEN,
} from "./fake-support.ts";

const MINUTE = 60_000;
const T0 = Date.parse("2026-03-01T10:00:00.000Z");
const where = { prefix_id: PREFIX, bgp_prefix_id: BGP_PREFIX };
const BGP_PATH = `${BINDINGS_PATH.replace(/\/bindings$/, "")}/bgp/prefixes/${BGP_PREFIX}`;

/** A fake whose clock stands at T0 until the test moves it, and a client on it. */
function atT0(options: FakeOptions = {}) {
  const fake = createServiceBindingsFake({ now: () => T0, ...options });
  const client = clientOf(fake);
  const advertised = async () => (await client.getBgpPrefix(where)).on_demand.advertised;
  return { fake, client, advertised };
}

/** The default prefix, seeded with this on-demand advertisement (and approval). */
function seededOnDemand(on_demand: object, approved = "V") {
  return seedWith({
    id: PREFIX,
    cidr: "192.0.2.0/24",
    approved,
    on_demand,
    bindings: [{ cidr: "192.0.2.0/24", service_id: MAGIC_TRANSIT }],
    bgpPrefixes: [{ id: BGP_PREFIX, cidr: "192.0.2.0/24" }],
  });
}

describe("GET /accounts/{account_id}/addressing/prefixes/{prefix_id}/bgp/prefixes", () => {
  test("by default, the one BGP prefix spanning the prefix: the spec's withdrawn example", async () => {
    const client = clientOf(createServiceBindingsFake());
    expect(await client.listBgpPrefixes({ prefix_id: PREFIX })).toEqual([
      specExample("getBgpPrefix", "200", "withdrawn").result,
    ]);
  });

  test("an unknown prefix: NotFoundError with the spec's prefix_not_found", async () => {
    const error = await failure(
      clientOf(createServiceBindingsFake()).listBgpPrefixes({ prefix_id: "0".repeat(32) }),
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.errors).toEqual(specExample("listBgpPrefixes", "404", "prefix_not_found").errors);
  });
});

describe("GET /accounts/{account_id}/addressing/prefixes/{prefix_id}/bgp/prefixes/{bgp_prefix_id}", () => {
  test("the default one is the spec's withdrawn example", async () => {
    expect(await clientOf(createServiceBindingsFake()).getBgpPrefix(where)).toEqual(
      specExample("getBgpPrefix", "200", "withdrawn").result,
    );
  });

  test("an unknown BGP prefix, or one of another prefix: NotFoundError with the spec's bgp_prefix_not_found", async () => {
    const other = {
      id: "f".repeat(32),
      cidr: "198.51.100.0/24",
      bgpPrefixes: [{ id: "b".repeat(32), cidr: "198.51.100.0/24" }],
    };
    const client = clientOf(
      createServiceBindingsFake({
        seed: seedWith(
          { id: PREFIX, cidr: "192.0.2.0/24", bgpPrefixes: [{ id: BGP_PREFIX, cidr: "192.0.2.0/24" }] },
          other,
        ),
      }),
    );
    for (const bgp_prefix_id of ["0".repeat(32), "b".repeat(32)]) {
      const error = await failure(client.getBgpPrefix({ prefix_id: PREFIX, bgp_prefix_id }));
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error.errors).toEqual(specExample("getBgpPrefix", "404", "bgp_prefix_not_found").errors);
    }
    await expect(
      client.getBgpPrefix({ prefix_id: other.id, bgp_prefix_id: "b".repeat(32) }),
    ).resolves.toMatchObject({
      cidr: "198.51.100.0/24",
    });
  });
});

describe("PATCH /accounts/{account_id}/addressing/prefixes/{prefix_id}/bgp/prefixes/{bgp_prefix_id}", () => {
  describe("advertising and withdrawing, on the fake's clock", () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    test("advertise: answered as it still is (the spec's advertising example), reported after 5 minutes of fake time and not before", async () => {
      const { fake, client, advertised } = atT0();
      const answer = await client.updateBgpPrefix({ ...where, body: { on_demand: { advertised: true } } });
      expect(answer).toEqual(specExample("updateBgpPrefix", "200", "advertising").result);
      fake.advanceTime(5 * MINUTE - 1);
      expect(await advertised()).toBe(false);
      fake.advanceTime(1);
      const done = await client.getBgpPrefix(where);
      const at = new Date(T0 + 5 * MINUTE).toISOString();
      expect(done.on_demand).toEqual({ ...answer.on_demand, advertised: true, advertised_modified_at: at });
      expect(done.modified_at).toBe(at);
      // Prefix Details' deprecated members follow the BGP prefix that spans the prefix.
      expect(await client.getPrefix({ prefix_id: PREFIX })).toMatchObject({
        advertised: true,
        advertised_modified_at: at,
      });
    });

    test("withdraw: reported after 15 minutes of fake time and not before", async () => {
      const { fake, client, advertised } = atT0({ seed: seededOnDemand({ advertised: true }) });
      const answer = await client.updateBgpPrefix({ ...where, body: { on_demand: { advertised: false } } });
      expect(answer.on_demand.advertised).toBe(true);
      fake.advanceTime(15 * MINUTE - 1);
      expect(await advertised()).toBe(true);
      fake.advanceTime(1);
      expect(await advertised()).toBe(false);
      expect(fake.state().accounts[0]?.prefixes[0]?.bgpPrefixes[0]?.on_demand.advertised_modified_at).toBe(
        new Date(T0 + 15 * MINUTE).toISOString(),
      );
    });

    test("the delays are options: 0 is reported from the next request on", async () => {
      const { fake, client, advertised } = atT0({ advertiseDelayMs: 0, withdrawDelayMs: 60 * MINUTE });
      await client.updateBgpPrefix({ ...where, body: { on_demand: { advertised: true } } });
      expect(await advertised()).toBe(true);
      await client.updateBgpPrefix({ ...where, body: { on_demand: { advertised: false } } });
      fake.advanceTime(59 * MINUTE);
      expect(await advertised()).toBe(true);
      fake.advanceTime(MINUTE);
      expect(await advertised()).toBe(false);
    });

    test("by default the clock is Date.now(), so vitest's fake timers move it too", async () => {
      vi.useFakeTimers({ now: T0 });
      const fake = createServiceBindingsFake();
      const client = clientOf(fake);
      await client.updateBgpPrefix({ ...where, body: { on_demand: { advertised: true } } });
      vi.advanceTimersByTime(4 * MINUTE);
      expect((await client.getBgpPrefix(where)).on_demand.advertised).toBe(false);
      vi.advanceTimersByTime(MINUTE);
      expect((await client.getBgpPrefix(where)).on_demand.advertised).toBe(true);
    });

    test("asking again for the state pending changes nothing: the delay runs from the first request", async () => {
      const { fake, client, advertised } = atT0();
      await client.updateBgpPrefix({ ...where, body: { on_demand: { advertised: true } } });
      fake.advanceTime(4 * MINUTE);
      await client.updateBgpPrefix({ ...where, body: { on_demand: { advertised: true } } });
      fake.advanceTime(MINUTE);
      expect(await advertised()).toBe(true);
    });

    test("asking for the state it has changes nothing, not even modified_at", async () => {
      const { fake, client } = atT0();
      const before = await client.getBgpPrefix(where);
      expect(await client.updateBgpPrefix({ ...where, body: { on_demand: { advertised: false } } })).toEqual(
        before,
      );
      fake.advanceTime(60 * MINUTE);
      expect(await client.getBgpPrefix(where)).toEqual(before);
    });

    test("asking for the other state while a change is pending replaces it: the last request wins", async () => {
      const { fake, client, advertised } = atT0();
      await client.updateBgpPrefix({ ...where, body: { on_demand: { advertised: true } } });
      fake.advanceTime(MINUTE);
      await client.updateBgpPrefix({ ...where, body: { on_demand: { advertised: false } } });
      fake.advanceTime(60 * MINUTE);
      expect(await advertised()).toBe(false);
      expect((await client.getBgpPrefix(where)).on_demand.advertised_modified_at).toBeNull();
    });

    test("what applies at once, changed while an advertisement is pending, leaves the advertisement on its way", async () => {
      const { fake, client, advertised } = atT0();
      await client.updateBgpPrefix({ ...where, body: { on_demand: { advertised: true } } });
      fake.advanceTime(MINUTE);
      await client.updateBgpPrefix({ ...where, body: { asn_prepend_count: 1 } });
      fake.advanceTime(4 * MINUTE);
      expect(await advertised()).toBe(true);
    });

    test("advanceTime(0) is allowed and moves nothing on", async () => {
      const { fake, client } = atT0();
      await client.updateBgpPrefix({ ...where, body: { on_demand: { advertised: true } } });
      fake.advanceTime(0);
      expect(fake.state().accounts[0]?.prefixes[0]?.bgpPrefixes[0]?.on_demand.advertised).toBe(false);
    });

    test("advanceTime and the delays take only non-negative numbers of milliseconds, and say so", () => {
      const fake = createServiceBindingsFake();
      for (const ms of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
        expect(() => fake.advanceTime(ms)).toThrow(
          `advanceTime: ms must be a non-negative number of milliseconds, got ${ms}`,
        );
      }
      expect(() => createServiceBindingsFake({ advertiseDelayMs: -1 })).toThrow(
        "createServiceBindingsFake: advertiseDelayMs must be a non-negative number of milliseconds, got -1",
      );
      expect(() => createServiceBindingsFake({ withdrawDelayMs: Number.NaN })).toThrow(
        "createServiceBindingsFake: withdrawDelayMs must be a non-negative number of milliseconds, got NaN",
      );
    });
  });

  test("asn_prepend_count and auto_advertise_withdraw apply at once, dated by the fake's clock; the same values change nothing", async () => {
    const { fake, client } = atT0();
    fake.advanceTime(MINUTE);
    const changed = await client.updateBgpPrefix({
      ...where,
      body: { asn_prepend_count: 2, auto_advertise_withdraw: true },
    });
    const at = new Date(T0 + MINUTE).toISOString();
    expect(changed).toMatchObject({ asn_prepend_count: 2, auto_advertise_withdraw: true, modified_at: at });
    expect(await client.getBgpPrefix(where)).toEqual(changed);
    fake.advanceTime(MINUTE);
    expect(await client.updateBgpPrefix({ ...where, body: { asn_prepend_count: 2 } })).toEqual(changed);
  });

  describe("refusals, each with the spec's example, changing nothing", () => {
    /** Sends a body as is: the client would refuse most of these before sending. */
    const patch = (fake: ReturnType<typeof createServiceBindingsFake>, body: unknown) =>
      fake.fetch(`http://fake${BGP_PATH}`, {
        method: "PATCH",
        headers: { authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify(body),
      });

    test.each([
      ["asn_prepend_count 4", { asn_prepend_count: 4 }, "invalid_asn_prepend_count"],
      ["asn_prepend_count -1", { asn_prepend_count: -1 }, "invalid_asn_prepend_count"],
      ["asn_prepend_count 1.5", { asn_prepend_count: 1.5 }, "invalid_asn_prepend_count"],
      ['asn_prepend_count "2"', { asn_prepend_count: "2" }, "invalid_asn_prepend_count"],
      [
        'auto_advertise_withdraw "true"',
        { auto_advertise_withdraw: "true" },
        "invalid_auto_advertise_withdraw",
      ],
      ["on_demand null", { on_demand: null }, "invalid_on_demand"],
      ["on_demand an array", { on_demand: [true] }, "invalid_on_demand"],
      ['on_demand.advertised "true"', { on_demand: { advertised: "true" } }, "invalid_on_demand"],
    ])("%s: 400 with the example that points at the member", async (_, body, name) => {
      const fake = createServiceBindingsFake();
      const before = fake.state();
      const response = await patch(fake, { ...body });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual(specExample("updateBgpPrefix", "400", name));
      expect(fake.state()).toEqual(before);
    });

    test.each([
      ["empty", ""],
      ["not JSON", "{on_demand:"],
      ["null", "null"],
      ["an array", "[{}]"],
    ])("a body that is %s: 400 with the example that points at the whole body", async (_, body) => {
      const fake = createServiceBindingsFake();
      const response = await fake.fetch(`http://fake${BGP_PATH}`, {
        method: "PATCH",
        headers: { authorization: `Bearer ${TOKEN}` },
        body,
      });
      expect([response.status, await response.json()]).toEqual([
        400,
        specExample("updateBgpPrefix", "400", "invalid_body"),
      ]);
    });

    test.each([
      ["a locked BGP prefix", { on_demand_locked: true }, "V", "advertisement_locked"],
      [
        "a BGP prefix whose on-demand advertisement is not enabled",
        { on_demand_enabled: false },
        "V",
        "on_demand_disabled",
      ],
      ["a prefix that is not approved", {}, "P", "prefix_not_approved"],
    ])("advertising %s: ConflictError with the spec's %s", async (_, on_demand, approved, name) => {
      const fake = createServiceBindingsFake({ seed: seededOnDemand(on_demand, approved) });
      const before = fake.state();
      const error = await failure(
        clientOf(fake).updateBgpPrefix({
          ...where,
          body: { asn_prepend_count: 1, on_demand: { advertised: true } },
        }),
      );
      expect(error).toBeInstanceOf(ConflictError);
      expect(error.errors).toEqual(specExample("updateBgpPrefix", "409", name).errors);
      fake.advanceTime(60 * MINUTE);
      expect(fake.state()).toEqual(before);
    });

    test("on a locked or not on-demand BGP prefix, what is not the advertisement still changes; on an unapproved prefix nothing does", async () => {
      for (const on_demand of [{ on_demand_locked: true }, { on_demand_enabled: false }]) {
        const client = clientOf(createServiceBindingsFake({ seed: seededOnDemand(on_demand) }));
        await expect(
          client.updateBgpPrefix({ ...where, body: { asn_prepend_count: 3 } }),
        ).resolves.toMatchObject({
          asn_prepend_count: 3,
        });
      }
      const pending = clientOf(createServiceBindingsFake({ seed: seededOnDemand({}, "P") }));
      const error = await failure(pending.updateBgpPrefix({ ...where, body: { asn_prepend_count: 3 } }));
      expect(error.errors).toEqual(specExample("updateBgpPrefix", "409", "prefix_not_approved").errors);
    });

    test("an unknown BGP prefix or prefix: NotFoundError with the spec's bgp_prefix_not_found or prefix_not_found", async () => {
      const client = clientOf(createServiceBindingsFake());
      const body = { on_demand: { advertised: true } };
      const unknownBgp = await failure(
        client.updateBgpPrefix({ ...where, bgp_prefix_id: "0".repeat(32), body }),
      );
      expect(unknownBgp.errors).toEqual(specExample("updateBgpPrefix", "404", "bgp_prefix_not_found").errors);
      const unknownPrefix = await failure(
        client.updateBgpPrefix({ ...where, prefix_id: "0".repeat(32), body }),
      );
      expect(unknownPrefix.errors).toEqual(specExample("updateBgpPrefix", "404", "prefix_not_found").errors);
      const unknownAccount = await failure(
        client.updateBgpPrefix({ ...where, account_id: "0".repeat(32), body }),
      );
      expect(unknownAccount.status).toBe(403);
    });
  });
});
