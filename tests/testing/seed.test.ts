// What the fake starts from: a seed it checks before anything runs (with an
// error naming what is wrong), and what it fills in that a seed leaves out.
import { describe, expect, test } from "vitest";
import { createServiceBindingsFake, defaultSeed, type FakeSeed } from "../../src/testing/index.ts";
import { ACCOUNT, CDN, clientOf, failure, PREFIX } from "./fake-support.ts";

const services = defaultSeed().services ?? [];

function seeded(
  prefix: NonNullable<NonNullable<FakeSeed["accounts"]>[number]["prefixes"]>[number],
): FakeSeed {
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
