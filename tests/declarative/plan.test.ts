// planServiceBindings against the stateful fake: the steps that reach the
// file, in the documented order, each with its reason; and every violation of
// a documented rule reported at once, with its line, before anything is sent.
import { describe, expect, test } from "vitest";
import { describeStep, PlanError, planServiceBindings, renderPlan } from "../../src/declarative/index.ts";
import { desiredFrom, EXAMPLE, fileWith, PREFIX, setup, setupWithPrefix } from "./support.ts";

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
      desired: { advertised: true },
    });
    expect(writes(fake)).toEqual([]);
  });

  test("a prefix named by its CIDR is the same prefix", async () => {
    const { client } = setup();
    const plan = await planServiceBindings(client, desiredFrom(EXAMPLE.replace(PREFIX, "192.0.2.0/24")));
    expect(plan.prefixes[0]?.id).toBe(PREFIX);
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

  test("a withdrawal comes first, before any binding changes", async () => {
    const { client } = setupWithPrefix({ on_demand: { advertised: true } });
    const desired = desiredFrom(
      fileWith({ "192.0.2.0/24": "Magic Transit", "192.0.2.1/32": "CDN" }, "    advertised: false\n"),
    );
    expect(stepsOf(await planServiceBindings(client, desired))).toEqual([
      "~ withdraw 192.0.2.0/24",
      "+ create 192.0.2.1/32 -> CDN",
    ]);
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
