// The upstream gate on the committed extract, spec and registry: it passes as
// committed, and each change Cloudflare could make (or a registry left behind)
// fails it, naming the operation and the pointer. The changes are made to a
// copy of the committed extract, in memory.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { isMap, parseDocument } from "yaml";
import { DEVIATIONS_PATH, UPSTREAM_PATH } from "../../../scripts/lib/paths.ts";
import { loadSpec, type Node } from "../../../scripts/lib/spec.ts";
import { judgeFindings, type UpstreamGateResult, upstreamGate } from "../../../scripts/lib/upstream/gate.ts";
import { draftEntries, formatUpstreamGate } from "../../../scripts/lib/upstream/report.ts";
import { runScript } from "../../support/run.ts";

const FILE = "spec/deviations.yaml";
const FILES = { spec: "spec/openapi.yaml", upstream: "spec/upstream/cloudflare.json", registry: FILE };
const spec = loadSpec();
const committedExtract = readFileSync(UPSTREAM_PATH, "utf8");
const committedRegistry = readFileSync(DEVIATIONS_PATH, "utf8");

/** The committed extract, changed by `change`. */
function extractWith(change: (extract: Node) => void): Node {
  const extract = JSON.parse(committedExtract);
  change(extract);
  return extract;
}

/** The published schema in the extract that `matches`, whatever Cloudflare calls it. */
function schemaWhere(extract: Node, matches: (schema: Node) => boolean): Node {
  const found = Object.values<Node>(extract.components.schemas).find(matches);
  if (!found) throw new Error("the committed extract no longer has the schema this test changes");
  return found;
}

const provisioning = (s: Node) => Array.isArray(s.properties?.state?.enum);
const binding = (s: Node) =>
  s.properties?.provisioning !== undefined && s.properties?.service_id !== undefined;
const createBody = (s: Node) => s.properties?.cidr && s.properties?.service_id && !s.properties?.provisioning;
const identifier = (s: Node) => s.maxLength === 32 && s.type === "string";

/** The committed registry with the entry at `pointer` (for `operation`) changed by `change`. */
function registryWith(pointer: string, change: (entries: Node, index: number) => void): string {
  const doc = parseDocument(committedRegistry);
  const entries = doc.contents as Node;
  const index = entries.items.findIndex((item: Node) => isMap(item) && item.get("pointer") === pointer);
  if (index < 0) throw new Error(`the committed registry has no entry at ${pointer}`);
  change(entries, index);
  return doc.toString();
}

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
        upstream: extractWith((e) =>
          schemaWhere(e, provisioning).properties.state.enum.push("deprovisioning"),
        ),
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

describe("the report", () => {
  test("has one line per finding, then the verdict", () => {
    const result = upstreamGate(JSON.parse(committedExtract), spec, committedRegistry, FILE);
    const lines = formatUpstreamGate(result, FILES).split("\n");
    expect(lines).toHaveLength(result.findings.length + 2);
    expect(lines[0]).toBe(
      "Upstream gate: spec/openapi.yaml against spec/upstream/cloudflare.json (cloudflare/api-schemas@cca3064f, 2024-08-06), differences recorded in spec/deviations.yaml.",
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^ {2}recorded {3}listServices \/responses\/5XX \(response\): upstream "absent", spec "object" \[spec\/deviations\.yaml:\d+\]$/,
      ),
    );
  });

  test("draft entries list each unrecorded difference once, with every operation it is found in", () => {
    const result = upstreamGate(JSON.parse(committedExtract), spec, "[]", FILE);
    const draft = draftEntries(result);
    const entries = parseDocument(draft).toJS();
    const fiveXX = entries.find((e: Node) => e.pointer === "/responses/5XX");
    expect(fiveXX).toEqual({
      operation: [
        "listServiceBindings",
        "createServiceBinding",
        "getServiceBinding",
        "deleteServiceBinding",
        "listServices",
      ],
      pointer: "/responses/5XX",
      upstream: "absent",
      spec: "object",
      why: "",
      source: "",
    });
    const keys = new Set(entries.map((e: Node) => JSON.stringify([e.pointer, e.upstream, e.spec])));
    expect(keys.size).toBe(entries.length);
  });
});

describe("npm run check:upstream", () => {
  test("exits 1 and names the operation and pointer of a difference upstream added", () => {
    const dir = mkdtempSync(join(tmpdir(), "check-upstream-"));
    try {
      const upstream = join(dir, "cloudflare.json");
      writeFileSync(
        upstream,
        JSON.stringify(
          extractWith((e) => schemaWhere(e, provisioning).properties.state.enum.push("deprovisioning")),
        ),
      );
      const ran = runScript("check-upstream.ts", ["--upstream", upstream]);
      expect(ran.status).toBe(1);
      expect(ran.stderr).toContain("CHANGED    spec/deviations.yaml:");
      expect(ran.stderr).toMatch(
        /getServiceBinding \/responses\/200\/properties\/result\/properties\/provisioning\/properties\/state\/enum now differs as upstream \["active","deprovisioning","provisioning"\]/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
