// The whole onboarding against the fake, on its clock (find the prefix, bind
// it, wait for the binding, advertise it, verify), and every answer the new
// operations and refusals give, each valid against the spec's schema for its
// status.
import { describe, expect, test } from "vitest";
import { createServiceBindingsFake } from "../../src/testing/index.ts";
import {
  BGP_PREFIX,
  BINDINGS_PATH,
  CDN,
  checkedClientOf,
  MAGIC_TRANSIT,
  PREFIX,
  seedWith,
  TOKEN,
} from "./fake-support.ts";

const MINUTE = 60_000;
const PENDING = "72823e95d6c64d48a8111fec81179816";
const LOCKED = "5d2e8f7a9b1c4d3e8f6a7b5c4d3e2f1a";

describe("the onboarding, on the fake's clock", () => {
  test("find the prefix, bind it, wait for the binding, advertise, verify: every answer valid against the spec", async () => {
    const fake = createServiceBindingsFake({
      seed: seedWith({ id: PREFIX, cidr: "192.0.2.0/24" }),
      provisioningReads: 1,
      now: () => 0,
    });
    const { client, seen, violations } = checkedClientOf(fake);
    const prefix = (await client.listPrefixes()).find((p) => p.cidr === "192.0.2.0/24");
    expect(prefix?.approved).toBe("V");
    const prefix_id = prefix?.id ?? "";
    const binding = await client.createServiceBinding({
      prefix_id,
      body: { cidr: "192.0.2.0/24", service_id: MAGIC_TRANSIT },
    });
    await client.createServiceBinding({ prefix_id, body: { cidr: "192.0.2.8/29", service_id: CDN } });
    // Polled by hand: the provisioning moves on as it is read, not with time.
    const states: string[] = [];
    while (states.at(-1) !== "active" && states.length < 5) {
      states.push((await client.getServiceBinding({ prefix_id, binding_id: binding.id })).provisioning.state);
    }
    expect(states).toEqual(["provisioning", "active"]);
    const [bgp] = await client.listBgpPrefixes({ prefix_id });
    expect(bgp).toMatchObject({ cidr: "192.0.2.0/24", on_demand: { advertised: false } });
    const where = { prefix_id, bgp_prefix_id: bgp?.id ?? "" };
    await client.updateBgpPrefix({ ...where, body: { on_demand: { advertised: true } } });
    fake.advanceTime(5 * MINUTE);
    expect((await client.getBgpPrefix(where)).on_demand.advertised).toBe(true);
    expect((await client.getPrefix({ prefix_id })).advertised).toBe(true);
    expect(violations).toEqual([]);
    expect(seen).toEqual([
      "listPrefixes 200",
      "createServiceBinding 201",
      "createServiceBinding 201",
      "getServiceBinding 200",
      "getServiceBinding 200",
      "listBgpPrefixes 200",
      "updateBgpPrefix 200",
      "getBgpPrefix 200",
      "getPrefix 200",
    ]);
  });
});

describe("every answer of the prefix and BGP prefix operations, and of the new refusals", () => {
  test("is valid against the spec's schema for its status", async () => {
    const fake = createServiceBindingsFake({
      seed: seedWith(
        {
          id: PREFIX,
          cidr: "192.0.2.0/24",
          bindings: [{ cidr: "192.0.2.0/24", service_id: MAGIC_TRANSIT }],
          bgpPrefixes: [{ id: BGP_PREFIX, cidr: "192.0.2.0/24" }],
        },
        {
          id: PENDING,
          cidr: "203.0.113.0/24",
          approved: "P",
          on_demand: { on_demand_enabled: false },
          bgpPrefixes: [{ id: PENDING, cidr: "203.0.113.0/24" }],
        },
        {
          id: LOCKED,
          cidr: "198.51.100.0/24",
          on_demand: { on_demand_locked: true },
          bgpPrefixes: [{ id: LOCKED, cidr: "198.51.100.0/24" }],
        },
      ),
    });
    const { client, fetch, seen, violations } = checkedClientOf(fake);
    const unknown = "0".repeat(32);
    const ignore = (promise: Promise<unknown>) => promise.catch(() => undefined);
    await client.listPrefixes();
    await ignore(client.listPrefixes({ account_id: unknown }));
    for (const prefix_id of [PREFIX, PENDING, unknown]) await ignore(client.getPrefix({ prefix_id }));
    for (const prefix_id of [PREFIX, PENDING, unknown]) await ignore(client.listBgpPrefixes({ prefix_id }));
    for (const [prefix_id, bgp_prefix_id] of [
      [PREFIX, BGP_PREFIX],
      [PREFIX, unknown],
      [unknown, BGP_PREFIX],
    ] as const) {
      await ignore(client.getBgpPrefix({ prefix_id, bgp_prefix_id }));
    }
    const advertise = { on_demand: { advertised: true } };
    await client.updateBgpPrefix({ prefix_id: PREFIX, bgp_prefix_id: BGP_PREFIX, body: advertise });
    await ignore(client.updateBgpPrefix({ prefix_id: LOCKED, bgp_prefix_id: LOCKED, body: advertise }));
    await ignore(
      client.updateBgpPrefix({ prefix_id: PENDING, bgp_prefix_id: PENDING, body: { asn_prepend_count: 1 } }),
    );
    await ignore(client.updateBgpPrefix({ prefix_id: PREFIX, bgp_prefix_id: unknown, body: advertise }));
    // Bodies the client would refuse before sending, sent as they are.
    for (const body of [
      { asn_prepend_count: 9 },
      { auto_advertise_withdraw: 1 },
      { on_demand: { advertised: 1 } },
    ]) {
      const url = `https://api.cloudflare.com/client/v4${BINDINGS_PATH.replace("/bindings", "")}/bgp/prefixes/${BGP_PREFIX}`;
      await fetch(
        new Request(url, {
          method: "PATCH",
          headers: { authorization: `Bearer ${TOKEN}` },
          body: JSON.stringify(body),
        }),
      );
    }
    const create = (prefix_id: string, cidr: string, service_id = CDN) =>
      ignore(client.createServiceBinding({ prefix_id, body: { cidr, service_id } }));
    await create(PENDING, "203.0.113.0/24");
    await create(PREFIX, "192.0.2.0/25", MAGIC_TRANSIT);
    await create(PREFIX, "192.0.2.0/24");
    expect(violations).toEqual([]);
    expect(new Set(seen)).toEqual(
      new Set([
        "listPrefixes 200",
        "listPrefixes 403",
        "getPrefix 200",
        "getPrefix 404",
        "listBgpPrefixes 200",
        "listBgpPrefixes 404",
        "getBgpPrefix 200",
        "getBgpPrefix 404",
        "updateBgpPrefix 200",
        "updateBgpPrefix 409",
        "updateBgpPrefix 404",
        "updateBgpPrefix 400",
        "createServiceBinding 409",
        "createServiceBinding 400",
      ]),
    );
    expect(seen.filter((s) => s === "updateBgpPrefix 409")).toHaveLength(2);
    expect(seen.filter((s) => s === "createServiceBinding 409")).toHaveLength(2);
  });
});
