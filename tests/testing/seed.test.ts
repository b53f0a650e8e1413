// What the fake starts from: a seed it checks before anything runs (with an
// error naming what is wrong), and what it fills in that a seed leaves out.
import { describe, expect, test } from "vitest";
import {
  createServiceBindingsFake,
  defaultSeed,
  type FakeBgpPrefixSeed,
  type FakePrefixSeed,
  type FakeSeed,
} from "../../src/testing/index.ts";
import { ACCOUNT, CDN, clientOf, failure, PREFIX, specExample } from "./fake-support.ts";

const services = defaultSeed().services ?? [];

function seeded(prefix: FakePrefixSeed): FakeSeed {
  return { services, accounts: [{ id: ACCOUNT, prefixes: [prefix] }] };
}

describe("a seed it refuses, saying what is wrong", () => {
  test.each([
    [
      "a prefix whose CIDR is not one",
      seeded({ id: PREFIX, cidr: "192.0.2.0/33" }),
      `seed: prefix ${PREFIX} has a CIDR that is not one: 192.0.2.0/33`,
    ],
    [
      "a binding outside its prefix",
      seeded({ id: PREFIX, cidr: "192.0.2.0/24", bindings: [{ cidr: "198.51.100.0/24", service_id: CDN }] }),
      "seed: binding 198.51.100.0/24 does not lie inside prefix 192.0.2.0/24",
    ],
    [
      "a binding whose CIDR is not one",
      seeded({ id: PREFIX, cidr: "192.0.2.0/24", bindings: [{ cidr: "192.0.2", service_id: CDN }] }),
      "seed: binding 192.0.2 does not lie inside prefix 192.0.2.0/24",
    ],
    [
      "a binding of a service the seed does not list",
      seeded({
        id: PREFIX,
        cidr: "192.0.2.0/24",
        bindings: [{ cidr: "192.0.2.0/24", service_id: "f".repeat(32) }],
      }),
      "seed: binding 192.0.2.0/24 names an unknown service",
    ],
  ])("%s", (_, seed, message) => {
    expect(() => createServiceBindingsFake({ seed })).toThrow(message);
  });

  const withBgp = (...bgpPrefixes: FakeBgpPrefixSeed[]) =>
    seeded({ id: PREFIX, cidr: "192.0.2.0/23", bgpPrefixes });
  test.each([
    [
      "a BGP prefix outside its prefix",
      withBgp({ cidr: "198.51.100.0/24" }),
      "seed: BGP prefix 198.51.100.0/24 does not lie inside prefix 192.0.2.0/23",
    ],
    [
      "a BGP prefix whose CIDR is not one",
      withBgp({ cidr: "192.0.2.0" }),
      "seed: BGP prefix 192.0.2.0 does not lie inside prefix 192.0.2.0/23",
    ],
    [
      "an IPv4 BGP prefix more specific than a /24",
      withBgp({ cidr: "192.0.2.0/25" }),
      "seed: BGP prefix 192.0.2.0/25 is more specific than a /24, which Cloudflare does not announce",
    ],
    [
      "two BGP prefixes of one network",
      withBgp({ cidr: "192.0.2.0/24" }, { cidr: "192.0.2.1/24" }),
      `seed: prefix ${PREFIX} has two BGP prefixes of 192.0.2.1/24`,
    ],
    [
      "two BGP prefixes with one id",
      withBgp({ id: "b", cidr: "192.0.2.0/24" }, { id: "b", cidr: "192.0.3.0/24" }),
      `seed: prefix ${PREFIX} has two BGP prefixes b`,
    ],
    [
      "an asn_prepend_count outside the spec's 0 to 3",
      withBgp({ cidr: "192.0.2.0/24", asn_prepend_count: 4 }),
      "seed: BGP prefix 192.0.2.0/24: asn_prepend_count must be from 0 to 3, got 4",
    ],
    [
      "an auto_advertise_withdraw that is not a boolean",
      withBgp({ cidr: "192.0.2.0/24", auto_advertise_withdraw: "yes" as unknown as boolean }),
      "seed: BGP prefix 192.0.2.0/24: auto_advertise_withdraw must be a boolean, got a string",
    ],
    [
      "a BGP prefix advertised without on-demand advertisement",
      withBgp({ cidr: "192.0.2.0/24", on_demand: { on_demand_enabled: false, advertised: true } }),
      "seed: BGP prefix 192.0.2.0/24: advertised must be null when on_demand_enabled is false",
    ],
    [
      "a prefix advertised without on-demand advertisement",
      seeded({
        id: PREFIX,
        cidr: "192.0.2.0/24",
        on_demand: { on_demand_enabled: false, advertised: false },
      }),
      `seed: prefix ${PREFIX}: advertised must be null when on_demand_enabled is false`,
    ],
  ])("%s", (_, seed, message) => {
    expect(() => createServiceBindingsFake({ seed })).toThrow(message);
  });
});

describe("the BGP prefixes a seed may leave out", () => {
  const bgpOf = (prefix: FakePrefixSeed) =>
    createServiceBindingsFake({ seed: seeded(prefix) }).state().accounts[0]?.prefixes[0]?.bgpPrefixes;
  const spanning = { cidr: "192.0.2.0/24", service_id: CDN };

  test("a prefix with a binding spanning it has one BGP prefix spanning it, withdrawn (a new id, the prefix's ASN); without, none", () => {
    expect(bgpOf({ id: PREFIX, cidr: "192.0.2.0/24", asn: 64500, bindings: [spanning] })).toEqual([
      {
        ...specExample("getBgpPrefix", "200", "withdrawn").result,
        id: expect.stringMatching(/^[0-9a-f]{32}$/),
        asn: 64500,
      },
    ]);
    expect(
      bgpOf({ id: PREFIX, cidr: "192.0.2.0/24", bindings: [{ ...spanning, cidr: "192.0.2.0/25" }] }),
    ).toEqual([]);
    expect(bgpOf({ id: PREFIX, cidr: "192.0.2.0/24", bindings: [spanning], bgpPrefixes: [] })).toEqual([]);
  });

  test("a BGP prefix takes the prefix's on-demand advertisement, unless it says otherwise", () => {
    const [inherits, own] =
      bgpOf({
        id: PREFIX,
        cidr: "192.0.2.0/23",
        on_demand: { on_demand_locked: true, advertised: true },
        bgpPrefixes: [
          { cidr: "192.0.2.0/23" },
          { cidr: "192.0.3.0/24", asn_prepend_count: 3, on_demand: { on_demand_enabled: false } },
        ],
      }) ?? [];
    expect(inherits?.on_demand).toEqual({
      advertised: true,
      advertised_modified_at: null,
      on_demand_enabled: true,
      on_demand_locked: true,
    });
    expect(own).toMatchObject({
      asn_prepend_count: 3,
      on_demand: { advertised: null, on_demand_enabled: false, on_demand_locked: true },
    });
  });
});

describe("what a seed may leave out", () => {
  test("an empty seed: no services, and every account is refused as one it does not hold", async () => {
    const fake = createServiceBindingsFake({ seed: {} });
    expect(fake.state()).toEqual({ services: [], accounts: [] });
    expect((await failure(clientOf(fake).listServices())).status).toBe(403);
  });

  test("an account without prefixes lists its services, and has no prefix", async () => {
    const fake = createServiceBindingsFake({ seed: { services, accounts: [{ id: ACCOUNT }] } });
    expect(await clientOf(fake).listServices()).toEqual(services);
    expect((await failure(clientOf(fake).listServiceBindings({ prefix_id: PREFIX }))).status).toBe(404);
  });

  test("a prefix without bindings lists none", async () => {
    const fake = createServiceBindingsFake({ seed: seeded({ id: PREFIX, cidr: "192.0.2.0/24" }) });
    expect(await clientOf(fake).listServiceBindings({ prefix_id: PREFIX })).toEqual([]);
  });

  test("a binding without an id gets a new 32-hex one; without a state it is active, with one it keeps it", async () => {
    const fake = createServiceBindingsFake({
      seed: seeded({
        id: PREFIX,
        cidr: "192.0.2.0/24",
        bindings: [
          { cidr: "192.0.2.0/24", service_id: services[0]?.id ?? "" },
          { id: "held", cidr: "192.0.2.0/25", service_id: CDN, state: "provisioning" },
        ],
      }),
    });
    const client = clientOf(fake);
    for (let read = 0; read < 3; read++) {
      const [made, held] = await client.listServiceBindings({ prefix_id: PREFIX });
      expect(made?.id).toMatch(/^[0-9a-f]{32}$/);
      expect(made?.provisioning.state).toBe("active");
      expect(held?.provisioning.state).toBe("provisioning");
    }
  });

  test("the seed's services are copied: changing the seed afterwards changes nothing", async () => {
    const seed = { services: services.map((s) => ({ ...s })), accounts: [{ id: ACCOUNT }] };
    const fake = createServiceBindingsFake({ seed });
    (seed.services[0] as { name: string }).name = "changed";
    expect(fake.state().services).toEqual(services);
  });
});

describe("the default seed", () => {
  test("is built from the spec's examples: the account and prefix ids are the parameters' examples", () => {
    const [account] = defaultSeed().accounts ?? [];
    expect(account?.id).toBe(ACCOUNT);
    expect(account?.prefixes?.[0]?.id).toBe(PREFIX);
  });
});
