// Create Service Binding against the fake: the rules Cloudflare's documentation
// gives (an approved prefix, Magic Transit only prefix-wide, one service per
// address), each refused with the spec's example and nothing created; the BGP
// prefix that the prefix-wide binding creates; and the state new bindings
// start in.
import { describe, expect, test } from "vitest";
import { BadRequestError, ConflictError } from "../../src/index.ts";
import { createServiceBindingsFake, type FakePrefixSeed } from "../../src/testing/index.ts";
import {
  CDN,
  clientOf,
  failure,
  MAGIC_TRANSIT,
  PREFIX,
  SPECTRUM,
  seedWith,
  specExample,
} from "./fake-support.ts";

const T0 = Date.parse("2026-03-01T10:00:00.000Z");
const bare: FakePrefixSeed = { id: PREFIX, cidr: "192.0.2.0/24" };

/** A client on a fake of one prefix, and the CIDRs of the prefix's bindings now. */
function onPrefix(prefix: FakePrefixSeed = bare) {
  const fake = createServiceBindingsFake({ seed: seedWith(prefix), now: () => T0 });
  const bound = () => fake.state().accounts[0]?.prefixes[0]?.bindings.map((b) => b.cidr);
  return { fake, client: clientOf(fake), bound };
}

describe("POST /accounts/{account_id}/addressing/prefixes/{prefix_id}/bindings", () => {
  test("a prefix that is not approved: ConflictError with the spec's prefix_not_approved, nothing created", async () => {
    const { client, bound } = onPrefix({ ...bare, approved: "P" });
    const error = await failure(
      client.createServiceBinding({ prefix_id: PREFIX, body: { cidr: "192.0.2.0/24", service_id: CDN } }),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.errors).toEqual(specExample("createServiceBinding", "409", "prefix_not_approved").errors);
    expect(bound()).toEqual([]);
  });

  test("Magic Transit on less than the whole prefix: BadRequestError with magic_transit_not_prefix_wide; on the whole prefix, created", async () => {
    const { client, bound } = onPrefix();
    await client.createServiceBinding({ prefix_id: PREFIX, body: { cidr: "192.0.2.0/24", service_id: CDN } });
    const error = await failure(
      client.createServiceBinding({
        prefix_id: PREFIX,
        body: { cidr: "192.0.2.0/25", service_id: MAGIC_TRANSIT },
      }),
    );
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.errors).toEqual(
      specExample("createServiceBinding", "400", "magic_transit_not_prefix_wide").errors,
    );
    const other = onPrefix({ id: PREFIX, cidr: "198.51.100.0/24" });
    await expect(
      other.client.createServiceBinding({
        prefix_id: PREFIX,
        body: { cidr: "198.51.100.0/24", service_id: MAGIC_TRANSIT },
      }),
    ).resolves.toMatchObject({ service_name: "Magic Transit" });
    expect(bound()).toEqual(["192.0.2.0/24"]);
  });

  test.each([
    ["the same service", CDN],
    ["another service", SPECTRUM],
  ])(
    "a CIDR that already has a binding, to %s: ConflictError with cidr_already_bound, nothing created",
    async (_, service_id) => {
      const { client, bound } = onPrefix();
      await client.createServiceBinding({
        prefix_id: PREFIX,
        body: { cidr: "192.0.2.0/24", service_id: CDN },
      });
      await client.createServiceBinding({
        prefix_id: PREFIX,
        body: { cidr: "192.0.2.8/29", service_id: CDN },
      });
      // The same network, however it is written.
      for (const cidr of ["192.0.2.8/29", "192.0.2.9/29"]) {
        const error = await failure(
          client.createServiceBinding({ prefix_id: PREFIX, body: { cidr, service_id } }),
        );
        expect(error).toBeInstanceOf(ConflictError);
        expect(error.errors).toEqual(specExample("createServiceBinding", "409", "cidr_already_bound").errors);
      }
      expect(bound()).toEqual(["192.0.2.0/24", "192.0.2.8/29"]);
    },
  );

  test("a more specific CIDR inside a bound one is another network: created", async () => {
    const { client, bound } = onPrefix();
    await client.createServiceBinding({ prefix_id: PREFIX, body: { cidr: "192.0.2.0/24", service_id: CDN } });
    await client.createServiceBinding({
      prefix_id: PREFIX,
      body: { cidr: "192.0.2.8/29", service_id: SPECTRUM },
    });
    await client.createServiceBinding({ prefix_id: PREFIX, body: { cidr: "192.0.2.9/32", service_id: CDN } });
    expect(bound()).toEqual(["192.0.2.0/24", "192.0.2.8/29", "192.0.2.9/32"]);
  });

  test("the prefix-wide binding creates the prefix's BGP prefix: withdrawn, made now, on-demand as the prefix's seed says", async () => {
    const { client } = onPrefix({ ...bare, on_demand: { on_demand_locked: true, advertised: true } });
    expect(await client.listBgpPrefixes({ prefix_id: PREFIX })).toEqual([]);
    await client.createServiceBinding({
      prefix_id: PREFIX,
      body: { cidr: "192.0.2.0/24", service_id: MAGIC_TRANSIT },
    });
    const at = new Date(T0).toISOString();
    expect(await client.listBgpPrefixes({ prefix_id: PREFIX })).toEqual([
      {
        ...specExample("getBgpPrefix", "200", "withdrawn").result,
        id: expect.stringMatching(/^[0-9a-f]{32}$/),
        created_at: at,
        modified_at: at,
        on_demand: {
          advertised: false,
          advertised_modified_at: null,
          on_demand_enabled: true,
          on_demand_locked: true,
        },
      },
    ]);
    // A later binding creates none.
    await client.createServiceBinding({ prefix_id: PREFIX, body: { cidr: "192.0.2.0/25", service_id: CDN } });
    expect(await client.listBgpPrefixes({ prefix_id: PREFIX })).toHaveLength(1);
  });

  test("a prefix that has a BGP prefix of its CIDR keeps it: the prefix-wide binding creates no second one", async () => {
    const { client } = onPrefix({ ...bare, bgpPrefixes: [{ id: "b".repeat(32), cidr: "192.0.2.0/24" }] });
    await client.createServiceBinding({ prefix_id: PREFIX, body: { cidr: "192.0.2.0/24", service_id: CDN } });
    expect((await client.listBgpPrefixes({ prefix_id: PREFIX })).map((b) => b.id)).toEqual(["b".repeat(32)]);
  });

  test.each(["active", "magic_transit_route_missing"])(
    "newBindingState %s: a created binding starts there and stays",
    async (state) => {
      const fake = createServiceBindingsFake({ newBindingState: state, provisioningReads: 1 });
      const client = clientOf(fake);
      const created = await client.createServiceBinding({
        prefix_id: PREFIX,
        body: { cidr: "192.0.2.1/32", service_id: CDN },
      });
      expect(created.provisioning.state).toBe(state);
      for (let read = 0; read < 3; read++) {
        const got = await client.getServiceBinding({ prefix_id: PREFIX, binding_id: created.id });
        expect(got.provisioning.state).toBe(state);
      }
    },
  );
});
