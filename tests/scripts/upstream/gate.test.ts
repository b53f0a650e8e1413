// The upstream gate on the committed extract, spec and registry: it passes as
// committed, and each change Cloudflare could make (or a registry left behind)
// fails it, naming the operation and the pointer. The changes are made to a
// copy of the committed extract, in memory.
import { describe, expect, test } from "vitest";
import { loadSpec, type Node } from "../../../scripts/lib/spec.ts";
import { judgeFindings, type UpstreamGateResult, upstreamGate } from "../../../scripts/lib/upstream/gate.ts";
import { formatUpstreamGate } from "../../../scripts/lib/upstream/report.ts";
import {
  binding,
  committedExtract,
  committedRegistry,
  createBody,
  extractWith,
  FILE,
  FILES,
  identifier,
  registryWith,
  schemaWhere,
  withNewState,
} from "./committed.ts";

const spec = loadSpec();

const problemsOf = (result: UpstreamGateResult) =>
  result.problems.map((p) => [p.kind, p.operation, p.pointer]);

describe("the committed extract and registry", () => {
  test("pass: every difference is recorded, and every entry still matches one", () => {
    const result = upstreamGate(JSON.parse(committedExtract), spec, committedRegistry, FILE);
    expect(result.problems.map((p) => p.message)).toEqual([]);
    expect(result.findings.length).toBeGreaterThan(0);
    expect(result.findings.every((f) => f.recordedAt !== undefined)).toBe(true);
    expect(formatUpstreamGate(result, FILES).split("\n").at(-1)).toBe(
      `All ${result.findings.length} differences are recorded (${result.entries} entries): the gate passes.`,
    );
  });

  test("the extract is small and names where it came from", () => {
    expect(committedExtract.length).toBeLessThan(100_000);
    expect(JSON.parse(committedExtract)["x-provenance"]).toMatchObject({
      repository: "cloudflare/api-schemas",
      commit: expect.stringMatching(/^[0-9a-f]{40}$/),
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });
});

describe("the gate fails, naming the operation and the pointer, when", () => {
  test.each<[string, () => { upstream: Node; registry?: string }, [string, string, string]]>([
    [
      "upstream added a provisioning state",
      () => ({
        upstream: withNewState(),
      }),
      [
        "changed",
        "getServiceBinding",
        "/responses/200/properties/result/properties/provisioning/properties/state/enum",
      ],
    ],
    [
      "upstream added a response member",
      () => ({
        upstream: extractWith((e) => {
          schemaWhere(e, binding).properties.created_at = { type: "string", format: "date-time" };
        }),
      }),
      ["unrecorded", "getServiceBinding", "/responses/200/properties/result/properties/created_at"],
    ],
    [
      "upstream made a body member required (the recorded difference is gone)",
      () => ({
        upstream: extractWith((e) => {
          schemaWhere(e, createBody).required = ["cidr"];
        }),
      }),
      ["stale", "createServiceBinding", "/requestBody/schema/required/cidr"],
    ],
    [
      "upstream loosened the id limit",
      () => ({
        upstream: extractWith((e) => {
          for (const s of Object.values<Node>(e.components.schemas)) if (identifier(s)) s.maxLength = 36;
        }),
      }),
      ["unrecorded", "getServiceBinding", "/parameters/path/binding_id/schema/maxLength"],
    ],
    [
      "a registry entry was removed",
      () => ({
        upstream: JSON.parse(committedExtract),
        registry: registryWith("/responses/5XX", (entries, index) => entries.items.splice(index, 1)),
      }),
      ["unrecorded", "listServices", "/responses/5XX"],
    ],
    [
      "an entry was left without its source",
      () => ({
        upstream: JSON.parse(committedExtract),
        registry: registryWith("/responses/200/properties/result/items/type", (entries, index) =>
          entries.items[index].delete("source"),
        ),
      }),
      ["unrecorded", "listServices", "/responses/200/properties/result/items/type"],
    ],
  ])("%s", (_, fixture, expected) => {
    const { upstream, registry = committedRegistry } = fixture();
    const result = upstreamGate(upstream, spec, registry, FILE);
    expect(problemsOf(result)).toContainEqual(expected);
    const [, operation, pointer] = expected;
    expect(formatUpstreamGate(result, FILES)).toContain(`${operation} ${pointer}`);
    expect(formatUpstreamGate(result, FILES).split("\n").at(-1)).toMatch(/^FAIL: \d+ problem\(s\): /);
  });

  test("an entry left without its source is itself reported at its line", () => {
    const registry = registryWith("/responses/200/properties/result/items/type", (entries, index) =>
      entries.items[index].delete("source"),
    );
    const { problems } = upstreamGate(JSON.parse(committedExtract), spec, registry, FILE);
    expect(problems).toContainEqual({
      kind: "invalid",
      message: expect.stringMatching(
        /^spec\/deviations\.yaml:\d+: listServices \/responses\/200\/properties\/result\/items\/type: has no source$/,
      ),
    });
  });
});

describe("judgeFindings", () => {
  const finding = {
    operation: "getThing",
    pointer: "/security",
    kind: "security",
    upstream: ["a"],
    spec: ["b"],
  };
  const entry = {
    operations: ["getThing"],
    pointer: "/security",
    upstream: ["a"],
    spec: ["b"],
    why: "w",
    source: "s",
    line: 4,
  };

  test("a recorded finding carries its entry's line", () => {
    expect(judgeFindings([finding], [entry], FILE, ["getThing"])).toEqual({
      findings: [{ ...finding, recordedAt: 4 }],
      entries: 1,
      problems: [],
    });
  });

  test("an entry whose recorded values no longer match is changed, with both values", () => {
    const { problems } = judgeFindings([{ ...finding, upstream: ["c"] }], [entry], FILE, ["getThing"]);
    expect(problems.map((p) => p.message)).toEqual([
      `${FILE}:4: getThing /security now differs as upstream ["c"], spec ["b"]; recorded as upstream ["a"], spec ["b"]`,
    ]);
  });

  test("an entry for an operation the spec does not have is stale, and says so", () => {
    const { problems } = judgeFindings([finding], [{ ...entry, operations: ["getThing", "gone"] }], FILE, [
      "getThing",
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      `${FILE}:4: gone /security is recorded, but the spec has no operation of that name`,
    ]);
  });
});
