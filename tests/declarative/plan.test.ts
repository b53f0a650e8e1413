// planServiceBindings against the stateful fake: the steps that reach the
// file, in the documented order, each with its reason; and every violation of
// a documented rule reported at once, with its line, before anything is sent.
import { describe, expect, test } from "vitest";
import { describeStep, PlanError, planServiceBindings, renderPlan } from "../../src/declarative/index.ts";
import { RequestAbortedError } from "../../src/index.ts";
import { defaultSeed, type FakePrefixSeed } from "../../src/testing/index.ts";
import {
  ACCOUNT,
  desiredFrom,
  EXAMPLE,
  fileWith,
  PREFIX,
  planProblems,
  serviceId,
  setup,
  setupWithPrefix,
} from "./support.ts";

/** What a plan's steps are, in their order, as the diff names them. */
const stepsOf = (plan: Awaited<ReturnType<typeof planServiceBindings>>) => plan.steps.map(describeStep);

/** Only reads: a plan sends nothing that changes the account. */
const writes = (fake: ReturnType<typeof setup>["fake"]) => fake.requests.filter((r) => r.method !== "GET");

describe("planServiceBindings", () => {
  test("the example file on the default account: one binding to create, then the advertisement", async () => {
    const { fake, client } = setup();
    const plan = await planServiceBindings(client, desiredFrom(EXAMPLE));
    expect(stepsOf(plan)).toEqual(["+ create 192.0.2.16/29 -> CDN", "~ advertise 192.0.2.0/24"]);
    expect(plan.steps.map((s) => s.reason)).toEqual([
      "the prefix has no binding of 192.0.2.16/29",
      "the file wants it advertised; it is withdrawn",
    ]);
    expect(plan.prefixes[0]).toMatchObject({
      id: PREFIX,
      cidr: "192.0.2.0/24",
      current: { advertised: false, bindings: [expect.objectContaining({ cidr: "192.0.2.0/24" })] },
      desired: {
        advertised: true,
        bindings: [
          { cidr: "192.0.2.0/24", service: { id: serviceId("Magic Transit"), name: "Magic Transit" } },
          { cidr: "192.0.2.16/29", service: { id: serviceId("CDN"), name: "CDN" } },
        ],
      },
    });
    expect(writes(fake)).toEqual([]);
  });

  test("a prefix named by its CIDR is the same prefix", async () => {
    const { client } = setup();
    const plan = await planServiceBindings(client, desiredFrom(EXAMPLE.replace(PREFIX, "192.0.2.0/24")));
    expect(plan.prefixes[0]?.id).toBe(PREFIX);
  });

  test("a prefix and a service named by their ids are the ones the account lists", async () => {
    const second: FakePrefixSeed = {
      id: "5e1f6a0c9b8d4e3fa2b1c0d9e8f7a6b5",
      cidr: "198.51.100.0/24",
      bindings: [{ cidr: "198.51.100.0/24", service_id: serviceId("Magic Transit") }],
    };
    const seed = defaultSeed();
    const first = seed.accounts?.[0]?.prefixes?.[0] as FakePrefixSeed;
    const { client } = setup({ seed: { ...seed, accounts: [{ id: ACCOUNT, prefixes: [first, second] }] } });
    const text = fileWith(
      { "198.51.100.0/24": "Magic Transit", "198.51.100.0/29": serviceId("CDN") },
      "",
      second.id,
    );
    const plan = await planServiceBindings(client, desiredFrom(text));
    expect(plan.prefixes.map((p) => p.cidr)).toEqual(["198.51.100.0/24"]);
    expect(stepsOf(plan)).toEqual(["+ create 198.51.100.0/29 -> CDN"]);
    // And by its CIDR, the second prefix still.
    const byCidr = await planServiceBindings(client, desiredFrom(text.replace(second.id, second.cidr)));
    expect(byCidr.prefixes.map((p) => p.id)).toEqual([second.id]);
  });

  test("a file the account already matches: no steps, and the diff says so", async () => {
    const { client } = setup();
    const plan = await planServiceBindings(
      client,
      desiredFrom(fileWith({ "192.0.2.0/24": "Magic Transit" })),
    );
    expect(plan.steps).toEqual([]);
    expect(renderPlan(plan, { colour: false })).toBe(
      "No changes: the account's bindings match bindings.yaml.",
    );
  });

  test("the order: deletes (most specific first, a changed service deleted before its create), then creates (prefix-wide first), advertising last", async () => {
    const { client } = setup();
    const base = { "192.0.2.0/24": "Magic Transit" };
    const { ensureServiceBinding } = client;
    for (const [cidr, service] of [
      ["192.0.2.64/26", "CDN"],
      ["192.0.2.64/30", "Spectrum"],
    ] as const) {
      const services = await client.listServices();
      await ensureServiceBinding({
        prefix_id: PREFIX,
        cidr,
        service_id: services.find((s) => s.name === service)?.id ?? "",
      });
    }
    const desired = desiredFrom(
      fileWith({ ...base, "192.0.2.64/26": "Spectrum", "192.0.2.128/25": "CDN" }, "    advertised: true\n"),
    );
    expect(stepsOf(await planServiceBindings(client, desired))).toEqual([
      "- delete 192.0.2.64/30 -> Spectrum",
      "- delete 192.0.2.64/26 -> CDN",
      "+ create 192.0.2.128/25 -> CDN",
      "+ create 192.0.2.64/26 -> Spectrum",
      "~ advertise 192.0.2.0/24",
    ]);
  });

  test("each step says why: a service changed is deleted because the file binds its CIDR elsewhere, then created", async () => {
    const { client } = setupWithPrefix({
      bindings: [
        { cidr: "192.0.2.0/24", service_id: serviceId("Magic Transit") },
        { cidr: "192.0.2.64/26", service_id: serviceId("CDN") },
      ],
    });
    const desired = desiredFrom(fileWith({ "192.0.2.0/24": "Magic Transit", "192.0.2.64/26": "Spectrum" }));
    const plan = await planServiceBindings(client, desired);
    expect(plan.steps.map((s) => [describeStep(s), s.reason])).toEqual([
      ["- delete 192.0.2.64/26 -> CDN", "the file binds 192.0.2.64/26 to Spectrum instead"],
      ["+ create 192.0.2.64/26 -> Spectrum", "the file binds 192.0.2.64/26 to Spectrum"],
    ]);
  });

  test("a create points at its binding's line, an advertisement at its prefix's", async () => {
    const { client } = setup();
    const desired = desiredFrom(
      fileWith({ "192.0.2.0/24": "Magic Transit", "192.0.2.16/29": "CDN" }, "    advertised: true\n"),
    );
    const plan = await planServiceBindings(client, desired);
    expect(plan.steps.map((s) => [describeStep(s), "at" in s ? s.at : undefined])).toEqual([
      ["+ create 192.0.2.16/29 -> CDN", { file: "bindings.yaml", line: 5, column: 7 }],
      ["~ advertise 192.0.2.0/24", { file: "bindings.yaml", line: 2, column: 5 }],
    ]);
  });

  test("a prefix-wide binding to another service than Magic Transit may go when the file lists no bindings", async () => {
    const { client } = setupWithPrefix({
      bindings: [{ cidr: "192.0.2.0/24", service_id: serviceId("CDN") }],
    });
    const plan = await planServiceBindings(
      client,
      desiredFrom(`prefixes:\n  - prefix: ${PREFIX}\n    bindings: {}\n`),
    );
    expect(plan.steps.map((s) => [describeStep(s), s.reason])).toEqual([
      ["- delete 192.0.2.0/24 -> CDN", "the file does not list 192.0.2.0/24"],
    ]);
  });

  test("a delete names its service as List Services does, or when it is not listed there, as the binding does", async () => {
    const { client } = setupWithPrefix({
      bindings: [
        { cidr: "192.0.2.0/24", service_id: serviceId("Magic Transit") },
        { cidr: "192.0.2.64/26", service_id: serviceId("CDN") },
      ],
    });
    const desired = desiredFrom(fileWith({ "192.0.2.0/24": "Magic Transit" }));
    // The spec lets a binding leave out its service_name.
    const unnamed: typeof client = {
      ...client,
      listServiceBindings: async (...args) =>
        (await client.listServiceBindings(...args)).map(({ service_name: _, ...binding }) => binding),
    };
    expect(stepsOf(await planServiceBindings(unnamed, desired))).toEqual(["- delete 192.0.2.64/26 -> CDN"]);
    const unlisted: typeof client = {
      ...client,
      listServices: async (...args) => (await client.listServices(...args)).filter((s) => s.name !== "CDN"),
    };
    expect(stepsOf(await planServiceBindings(unlisted, desired))).toEqual(["- delete 192.0.2.64/26 -> CDN"]);
  });

  test("the advertisement is read from the BGP prefix that spans the prefix, not from a more specific one", async () => {
    const { client } = setupWithPrefix({
      cidr: "198.51.100.0/23",
      bindings: [{ cidr: "198.51.100.0/23", service_id: serviceId("Magic Transit") }],
      bgpPrefixes: [
        { cidr: "198.51.100.0/24", on_demand: { advertised: true } },
        { cidr: "198.51.100.0/23", on_demand: { advertised: false } },
      ],
    });
    const desired = desiredFrom(fileWith({ "198.51.100.0/23": "Magic Transit" }, "    advertised: true\n"));
    const plan = await planServiceBindings(client, desired);
    expect(plan.steps.map((s) => [describeStep(s), s.reason])).toEqual([
      ["~ advertise 198.51.100.0/23", "the file wants it advertised; it is withdrawn"],
    ]);
    expect(plan.prefixes[0]?.current.advertised).toBe(false);
  });

  test("a prefix without bindings has no BGP prefix: its first binding brings one, and it can then be advertised", async () => {
    const { client } = setupWithPrefix({ bindings: [] });
    const plan = await planServiceBindings(
      client,
      desiredFrom(fileWith({ "192.0.2.0/24": "Magic Transit" }, "    advertised: true\n")),
    );
    expect(plan.steps.map((s) => [describeStep(s), s.reason])).toEqual([
      ["+ create 192.0.2.0/24 -> Magic Transit", "the prefix has no binding of 192.0.2.0/24"],
      ["~ advertise 192.0.2.0/24", "the file wants it advertised; it is withdrawn"],
    ]);
    expect(plan.prefixes[0]?.current).toEqual({ bindings: [], advertised: undefined });
  });

  test("a prefix without a BGP prefix announces nothing: a file that wants it withdrawn has nothing to do", async () => {
    const { client } = setupWithPrefix({ bindings: [] });
    const none = await planServiceBindings(
      client,
      desiredFrom(`prefixes:\n  - prefix: ${PREFIX}\n    bindings: {}\n    advertised: false\n`),
    );
    expect(none.steps).toEqual([]);
    const bound = await planServiceBindings(
      client,
      desiredFrom(fileWith({ "192.0.2.0/24": "Magic Transit" }, "    advertised: false\n")),
    );
    expect(stepsOf(bound)).toEqual(["+ create 192.0.2.0/24 -> Magic Transit"]);
  });

  test("a plan stopped before it starts reads nothing", async () => {
    const { fake, client } = setup();
    const error = await planServiceBindings(client, desiredFrom(EXAMPLE), {
      signal: AbortSignal.abort(),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect(fake.requests).toEqual([]);
  });

  test("a withdrawal comes first, before any binding changes", async () => {
    const { client } = setupWithPrefix({ on_demand: { advertised: true } });
    const desired = desiredFrom(
      fileWith({ "192.0.2.0/24": "Magic Transit", "192.0.2.1/32": "CDN" }, "    advertised: false\n"),
    );
    const plan = await planServiceBindings(client, desired);
    expect(stepsOf(plan)).toEqual(["~ withdraw 192.0.2.0/24", "+ create 192.0.2.1/32 -> CDN"]);
    expect(plan.steps[0]?.reason).toBe("the file wants it withdrawn; it is advertised");
  });
});

describe("planServiceBindings refuses what the documented rules forbid, every violation at once, with its line", () => {
  test("each rule, in one file", async () => {
    const { fake, client } = setup();
    const text = `prefixes:
  - prefix: ${PREFIX}
    bindings:
      192.0.2.0/24: Magic Transit
      198.51.100.0/24: CDN
      192.0.2.16/29: Magic Transit
      192.0.2.32/29: Sorting Hat
      192.0.2.33/29: CDN
      192.0.2.64/26: CDN
      192.0.2.064/26: Spectrum
  - prefix: 203.0.113.0/24
    bindings:
      203.0.113.0/24: CDN
`;
    const error = await planServiceBindings(client, desiredFrom(text)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanError);
    expect((error as PlanError).message.split("\n")).toEqual([
      "bindings.yaml:5:7: 198.51.100.0/24 lies outside prefix 192.0.2.0/24",
      "bindings.yaml:6:7: Magic Transit can only be bound to the whole prefix (192.0.2.0/24), not to 192.0.2.16/29",
      'bindings.yaml:7:7: no service "Sorting Hat": the account lists Magic Transit, CDN, Spectrum',
      "bindings.yaml:8:7: 192.0.2.33/29 is not a network address: its host part is not zero",
      "bindings.yaml:10:7: 192.0.2.064/26 is given twice for prefix 192.0.2.0/24",
      "bindings.yaml:11:5: the account holds no prefix 203.0.113.0/24",
    ]);
    expect(fake.requests.filter((r) => r.method !== "GET")).toEqual([]);
  });

  test("a binding whose CIDR names no network (a /33 of IPv4)", async () => {
    const { client } = setup();
    const desired = desiredFrom(fileWith({ "192.0.2.0/24": "Magic Transit", "192.0.2.0/33": "CDN" }));
    expect(await planProblems(planServiceBindings(client, desired))).toEqual([
      "bindings.yaml:5:7: 192.0.2.0/33 is not a CIDR",
    ]);
  });

  test("a prefix listed twice, by its id and by its CIDR: the second is refused", async () => {
    const { client } = setup();
    const text = `prefixes:\n  - prefix: ${PREFIX}\n    bindings: {}\n  - prefix: 192.0.2.0/24\n    bindings: {}\n`;
    const problems = await planProblems(planServiceBindings(client, desiredFrom(text)));
    expect(problems).toContain("bindings.yaml:4:5: prefix 192.0.2.0/24 is listed twice");
  });

  test("a state built in code, without places, has its problems reported at its file's top", async () => {
    const { client } = setup();
    const desired = {
      file: "state.ts",
      accountId: ACCOUNT,
      prefixes: [{ prefix: "203.0.113.0/24", bindings: [] }],
    };
    expect(await planProblems(planServiceBindings(client, desired))).toEqual([
      "state.ts:1:1: the account holds no prefix 203.0.113.0/24",
    ]);
  });

  test("the binding that spans the prefix cannot change service while the file keeps others", async () => {
    const { client } = setupWithPrefix({
      bindings: [{ cidr: "192.0.2.0/24", service_id: serviceId("CDN") }],
    });
    const desired = desiredFrom(fileWith({ "192.0.2.0/24": "Spectrum", "192.0.2.16/29": "CDN" }));
    expect(await planProblems(planServiceBindings(client, desired))).toEqual([
      "bindings.yaml:2:5: the binding that spans prefix 192.0.2.0/24 cannot change service while the prefix has other bindings",
    ]);
  });

  test("advertising a prefix that has no BGP prefix and is given no binding to bring one", async () => {
    const { client } = setupWithPrefix({ bindings: [] });
    const desired = desiredFrom(`prefixes:\n  - prefix: ${PREFIX}\n    bindings: {}\n    advertised: true\n`);
    expect(await planProblems(planServiceBindings(client, desired))).toEqual([
      "bindings.yaml:2:5: prefix 192.0.2.0/24 cannot be advertised: it needs a BGP prefix spans the whole prefix; create the service binding that spans the prefix first; its BGP prefix comes with it",
    ]);
  });

  test("withdrawing a locked advertisement names the rule and its fix", async () => {
    const { client } = setupWithPrefix({ on_demand: { advertised: true, on_demand_locked: true } });
    const desired = desiredFrom(fileWith({ "192.0.2.0/24": "Magic Transit" }, "    advertised: false\n"));
    expect(await planProblems(planServiceBindings(client, desired))).toEqual([
      "bindings.yaml:2:5: prefix 192.0.2.0/24 cannot be withdrawn: it needs the advertisement is not locked; ask your Cloudflare account team to close the pre-flight checks and unlock the prefix",
    ]);
  });

  test("a prefix with bindings but none of its whole CIDR (the first binding must span it)", async () => {
    const { client } = setup();
    const error = await planServiceBindings(client, desiredFrom(fileWith({ "192.0.2.16/29": "CDN" }))).catch(
      (e: unknown) => e,
    );
    expect((error as PlanError).message).toBe(
      "bindings.yaml:2:5: prefix 192.0.2.0/24 needs a binding of its whole CIDR (192.0.2.0/24) while it has others: the first binding of a prefix spans it, and it cannot go while others remain",
    );
  });

  test("deleting the Magic Transit binding that spans the prefix (it stays the base service)", async () => {
    const { client } = setup();
    const error = await planServiceBindings(
      client,
      desiredFrom(`prefixes:\n  - prefix: ${PREFIX}\n    bindings: {}\n`),
    ).catch((e: unknown) => e);
    expect((error as PlanError).message).toBe(
      "bindings.yaml:2:5: the Magic Transit binding that spans prefix 192.0.2.0/24 must stay: Magic Transit is the base service of the prefix",
    );
  });

  test("advertising a prefix that is not approved names the rule and its fix", async () => {
    const { client } = setupWithPrefix({ approved: "P" });
    const error = await planServiceBindings(client, desiredFrom(EXAMPLE)).catch((e: unknown) => e);
    expect((error as PlanError).message).toBe(
      "bindings.yaml:7:5: prefix 192.0.2.0/24 cannot be advertised: it needs the prefix is approved (approved: V); wait until Cloudflare approves the prefix (Prefix Details reports approved: V)",
    );
  });
});
