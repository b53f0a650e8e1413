// The stateful fake tells the truth: the contract suite's conformance subset,
// writes and the model-based lifecycle included, passes against the fake over
// HTTP (what `npm run mock -- --stateful` serves) through a validating proxy of the spec and
// leaves the prefix as it found it, and scripted workflows (bindings; the
// onboarding with prefixes, BGP prefixes and the fake's clock) with every
// refusal the fake makes raise no response violation in `prism proxy`.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type PrismServer, startPrism } from "../../scripts/lib/prism.ts";
import { type CloudflareApiError, createServiceBindingsClient } from "../../src/index.ts";
import { createServiceBindingsFake, defaultSeed, type FakePrefixSeed } from "../../src/testing/index.ts";
import { EXTERNAL_TARGET_ENV } from "../support/fixtures.ts";
import { runScriptAsync } from "../support/run.ts";
import { ACCOUNT, BASE_BINDING, BGP_PREFIX, CDN, MAGIC_TRANSIT, PREFIX } from "./fake-support.ts";

describe("the conformance subset against the fake over HTTP", () => {
  test("passes, writes and the model-based lifecycle included, through npm run contract:proxy's validating proxy, and leaves the prefix as it found it", async () => {
    const mock = await createServiceBindingsFake().listen();
    try {
      const { url } = mock;
      const client = createServiceBindingsClient({
        apiToken: "t",
        accountId: ACCOUNT,
        baseUrl: url,
        maxRetries: 0,
      });
      const before = await client.listServiceBindings({ prefix_id: PREFIX });
      const ran = await runScriptAsync("contract-proxy.ts", ["--upstream", url], {
        ...EXTERNAL_TARGET_ENV,
        CONTRACT_ALLOW_WRITES: "1",
      });
      const output = ran.stdout + ran.stderr;
      // The suite ran in external mode: the conformance subset with writes, no mock examples, no coverage gate.
      expect(output).toContain("conformance subset, with writes");
      expect(output).toContain("conformance/writes.test.ts");
      expect(output).not.toContain("examples.test.ts");
      expect(output).not.toContain("Contract coverage");
      expect(output).toMatch(
        /model-based lifecycle: 3 sequences, \d+ commands, against http:\/\/127\.0\.0\.1:\d+/,
      );
      expect(output).toContain("the upstream conforms to the spec");
      expect(ran.status).toBe(0);
      // Every binding the runs created was deleted again: the prefix is as it was.
      expect(await client.listServiceBindings({ prefix_id: PREFIX })).toEqual(before);
    } finally {
      await mock.close();
    }
  }, 120_000);
});

// Prefixes for the onboarding and for each refusal of a prefix's state, beside the default seed's.
const ONBOARD = "6c4e3b5910c918468bb898282af39739";
const PENDING = "72823e95d6c64d48a8111fec81179816";
const LOCKED = "5d2e8f7a9b1c4d3e8f6a7b5c4d3e2f1a";
const OFF_DEMAND = "9b1c4d3e8f6a7b5c4d3e2f1a5d2e8f7a";
const [account] = defaultSeed().accounts ?? [];
const spanned = (id: string, cidr: string, on_demand: NonNullable<FakePrefixSeed["on_demand"]>) => ({
  id,
  cidr,
  on_demand,
  bgpPrefixes: [{ id, cidr }],
});

describe("the fake behind prism proxy", () => {
  const fake = createServiceBindingsFake({
    seed: {
      ...defaultSeed(),
      accounts: [
        {
          id: ACCOUNT,
          prefixes: [
            ...(account?.prefixes ?? []),
            { id: ONBOARD, cidr: "198.51.100.0/24" },
            { ...spanned(PENDING, "203.0.113.0/24", {}), approved: "P" },
            spanned(LOCKED, "2001:db8::/48", { on_demand_locked: true }),
            spanned(OFF_DEMAND, "2001:db8:1::/48", { on_demand_enabled: false }),
          ],
        },
      ],
    },
  });
  let server: { url: string; close(): Promise<void> };
  let proxy: PrismServer;
  beforeAll(async () => {
    server = await fake.listen();
    proxy = await startPrism({ upstream: server.url, quiet: true });
  });
  afterAll(async () => {
    await proxy?.stop();
    await server?.close();
  });

  /** Every violation the proxy reports, by where: request violations come from a deliberately bad request. */
  const seen: { call: string; location: string; message: string }[] = [];
  function client(call: string, headers: Record<string, string | null> = {}) {
    return createServiceBindingsClient({
      apiToken: "a-token",
      accountId: ACCOUNT,
      baseUrl: proxy.url,
      maxRetries: 0,
      fetch: async (request) => {
        for (const [name, value] of Object.entries(headers)) {
          if (value === null) request.headers.delete(name);
          else request.headers.set(name, value);
        }
        const response = await fetch(request);
        for (const v of JSON.parse(response.headers.get("sl-violations") ?? "[]")) {
          seen.push({ call, location: v.location.join("."), message: v.message });
        }
        return response;
      },
    });
  }
  const status = (promise: Promise<unknown>) =>
    promise.then(
      () => 200,
      (error: CloudflareApiError) => error.status,
    );

  test("a workflow (list services, create, list, get until active, delete, get 404) and every refusal: no response violation", async () => {
    const services = await client("list services").listServices();
    const cdn = services.find((s) => s.name === "CDN");
    expect(cdn?.id).toBe(CDN);
    const created = await client("create").createServiceBinding({
      prefix_id: PREFIX,
      body: { cidr: "192.0.2.64/26", service_id: CDN },
    });
    expect((await client("list").listServiceBindings({ prefix_id: PREFIX })).map((b) => b.id)).toContain(
      created.id,
    );
    const states: string[] = [];
    for (let poll = 0; poll < 5 && states.at(-1) !== "active"; poll++) {
      states.push(
        (await client("get").getServiceBinding({ prefix_id: PREFIX, binding_id: created.id })).provisioning
          .state,
      );
    }
    expect(states.at(-1)).toBe("active");
    await client("delete").deleteServiceBinding({ prefix_id: PREFIX, binding_id: created.id });
    expect(
      await status(client("get deleted").getServiceBinding({ prefix_id: PREFIX, binding_id: created.id })),
    ).toBe(404);

    // Every refusal the fake makes, each answered with an envelope the spec declares for its status.
    const refusals: [string, () => Promise<unknown>, number][] = [
      ["no credentials", () => client("no credentials", { authorization: null }).listServices(), 400],
      [
        "a CIDR outside the prefix",
        () =>
          client("outside").createServiceBinding({
            prefix_id: PREFIX,
            body: { cidr: "10.0.0.0/8", service_id: CDN },
          }),
        400,
      ],
      [
        "a malformed CIDR",
        () =>
          client("malformed").createServiceBinding({
            prefix_id: PREFIX,
            body: { cidr: "192.0.2.1", service_id: CDN },
          }),
        400,
      ],
      [
        "an unlisted service",
        () =>
          client("unlisted").createServiceBinding({
            prefix_id: PREFIX,
            body: { cidr: "192.0.2.1/32", service_id: "0".repeat(32) },
          }),
        400,
      ],
      [
        "the base binding",
        () => client("base").deleteServiceBinding({ prefix_id: PREFIX, binding_id: BASE_BINDING }),
        409,
      ],
      ["an unknown prefix", () => client("prefix").listServiceBindings({ prefix_id: "0".repeat(32) }), 404],
      [
        "an unknown binding",
        () => client("binding").getServiceBinding({ prefix_id: PREFIX, binding_id: "0".repeat(32) }),
        404,
      ],
      ["an unknown account", () => client("account").listServices({ account_id: "0".repeat(32) }), 403],
    ];
    for (const [what, call, expected] of refusals) expect(await status(call()), what).toBe(expected);
    // An identifier over the limit gets past no client: send it by hand.
    const overLong = await fetch(
      `${proxy.url}/accounts/${ACCOUNT}/addressing/prefixes/${"p".repeat(33)}/bindings`,
      {
        headers: { authorization: "Bearer a-token" },
      },
    );
    expect(overLong.status).toBe(400);
    for (const v of JSON.parse(overLong.headers.get("sl-violations") ?? "[]")) {
      seen.push({ call: "over-long id", location: v.location.join("."), message: v.message });
    }

    // No answer of the fake broke the spec; the only violations are the two requests made bad on purpose.
    expect(seen.filter((v) => !v.location.startsWith("request"))).toEqual([]);
    expect(seen.map((v) => v.call).sort()).toEqual(["no credentials", "over-long id"]);
  });
  test("the onboarding (find the prefix, bind it, wait, advertise on the fake's clock, verify, withdraw) and every refusal of a prefix's state: no response violation", async () => {
    seen.length = 0;
    const MINUTE = 60_000;
    const prefixes = await client("list prefixes").listPrefixes();
    const prefix = prefixes.find((p) => p.cidr === "198.51.100.0/24");
    expect(prefix?.id).toBe(ONBOARD);
    expect((await client("get prefix").getPrefix({ prefix_id: ONBOARD })).approved).toBe("V");
    expect(await client("no BGP prefix yet").listBgpPrefixes({ prefix_id: ONBOARD })).toEqual([]);
    const base = await client("bind").createServiceBinding({
      prefix_id: ONBOARD,
      body: { cidr: "198.51.100.0/24", service_id: MAGIC_TRANSIT },
    });
    for (let poll = 0; poll < 5; poll++) {
      const got = await client("poll").getServiceBinding({ prefix_id: ONBOARD, binding_id: base.id });
      if (got.provisioning.state === "active") break;
    }
    await client("bind CDN").createServiceBinding({
      prefix_id: ONBOARD,
      body: { cidr: "198.51.100.8/29", service_id: CDN },
    });
    const [bgp] = await client("list BGP prefixes").listBgpPrefixes({ prefix_id: ONBOARD });
    expect(bgp?.on_demand.advertised).toBe(false);
    const where = { prefix_id: ONBOARD, bgp_prefix_id: bgp?.id ?? "" };
    const advertise = { on_demand: { advertised: true } };
    await client("advertise").updateBgpPrefix({ ...where, body: advertise });
    expect((await client("not yet").getBgpPrefix(where)).on_demand.advertised).toBe(false);
    fake.advanceTime(5 * MINUTE);
    expect((await client("advertised").getBgpPrefix(where)).on_demand.advertised).toBe(true);
    expect((await client("prefix advertised").getPrefix({ prefix_id: ONBOARD })).advertised).toBe(true);
    await client("withdraw").updateBgpPrefix({ ...where, body: { on_demand: { advertised: false } } });
    fake.advanceTime(15 * MINUTE);
    expect((await client("withdrawn").getBgpPrefix(where)).on_demand.advertised).toBe(false);

    const unknown = "0".repeat(32);
    const refusals: [string, () => Promise<unknown>, number][] = [
      [
        "bind an unapproved prefix",
        () =>
          client("unapproved bind").createServiceBinding({
            prefix_id: PENDING,
            body: { cidr: "203.0.113.0/24", service_id: CDN },
          }),
        409,
      ],
      [
        "Magic Transit on part of a prefix",
        () =>
          client("narrow Magic Transit").createServiceBinding({
            prefix_id: PREFIX,
            body: { cidr: "192.0.2.0/25", service_id: MAGIC_TRANSIT },
          }),
        400,
      ],
      [
        "a CIDR already bound",
        () =>
          client("bound").createServiceBinding({
            prefix_id: PREFIX,
            body: { cidr: "192.0.2.0/24", service_id: CDN },
          }),
        409,
      ],
      ["an unknown prefix's details", () => client("prefix 404").getPrefix({ prefix_id: unknown }), 404],
      ["prefixes of an unknown account", () => client("account").listPrefixes({ account_id: unknown }), 403],
      [
        "an unknown prefix's BGP prefixes",
        () => client("bgp list 404").listBgpPrefixes({ prefix_id: unknown }),
        404,
      ],
      [
        "an unknown BGP prefix",
        () => client("bgp 404").getBgpPrefix({ prefix_id: PREFIX, bgp_prefix_id: unknown }),
        404,
      ],
      [
        "advertise a locked one",
        () => client("locked").updateBgpPrefix({ prefix_id: LOCKED, bgp_prefix_id: LOCKED, body: advertise }),
        409,
      ],
      [
        "advertise one not on demand",
        () =>
          client("off demand").updateBgpPrefix({
            prefix_id: OFF_DEMAND,
            bgp_prefix_id: OFF_DEMAND,
            body: advertise,
          }),
        409,
      ],
      [
        "change one of an unapproved prefix",
        () =>
          client("unapproved").updateBgpPrefix({
            prefix_id: PENDING,
            bgp_prefix_id: PENDING,
            body: advertise,
          }),
        409,
      ],
      [
        "update an unknown BGP prefix",
        () =>
          client("update 404").updateBgpPrefix({
            prefix_id: PREFIX,
            bgp_prefix_id: unknown,
            body: advertise,
          }),
        404,
      ],
      [
        "an on_demand.advertised that is not a boolean",
        () =>
          client("bad on_demand").updateBgpPrefix({
            prefix_id: PREFIX,
            bgp_prefix_id: BGP_PREFIX,
            body: { on_demand: { advertised: "yes" as unknown as boolean } },
          }),
        400,
      ],
    ];
    for (const [what, call, expected] of refusals) expect(await status(call()), what).toBe(expected);
    // An asn_prepend_count out of bounds gets past no client: send it by hand.
    const outOfBounds = await fetch(
      `${proxy.url}/accounts/${ACCOUNT}/addressing/prefixes/${PREFIX}/bgp/prefixes/${BGP_PREFIX}`,
      {
        method: "PATCH",
        headers: { authorization: "Bearer a-token", "content-type": "application/json" },
        body: JSON.stringify({ asn_prepend_count: 9 }),
      },
    );
    expect(outOfBounds.status).toBe(400);
    for (const v of JSON.parse(outOfBounds.headers.get("sl-violations") ?? "[]")) {
      seen.push({ call: "asn_prepend_count 9", location: v.location.join("."), message: v.message });
    }

    // No answer of the fake broke the spec; the only violations are the two requests made bad on purpose.
    expect(seen.filter((v) => !v.location.startsWith("request"))).toEqual([]);
    expect([...new Set(seen.map((v) => v.call))].sort()).toEqual(["asn_prepend_count 9", "bad on_demand"]);
  });
});
