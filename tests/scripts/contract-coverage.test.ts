// The contract suite's coverage gate, on temporary copies of the spec: a spec
// addition without a test fails it.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { OPERATIONS } from "../../generated/operations.ts";
import {
  concreteStatuses,
  coverage,
  DYNAMIC_RUNS_REQUIRED,
  declaredCells,
  declaredStatus,
  type Exercised,
  formatReport,
  onlyOperations,
  RANGE_STAND_INS,
} from "../../scripts/lib/contract-coverage.ts";
import { SPEC_PATH } from "../../scripts/lib/paths.ts";
import { loadSpec, operations, responses } from "../../scripts/lib/spec.ts";

/** The client's methods: one per operation of the generated table. */
const METHODS = Object.keys(OPERATIONS);

/** Everything the suite exercises for the committed spec: every cell once, enough generated calls, and a generated answer for every status. */
function fullRun(): Exercised[] {
  const spec = loadSpec();
  const dynamic = operations(spec).flatMap((o) => [
    ...Array.from({ length: DYNAMIC_RUNS_REQUIRED }, () => ({
      operationId: o.operationId,
      status: o.method === "post" ? "201" : "200",
      example: "dynamic",
    })),
    ...responses(spec, o).map((r) => ({ operationId: o.operationId, status: r.status, example: "dynamic" })),
  ]);
  return [...declaredCells(spec), ...dynamic];
}

let dir: string;
let specCopy: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "sb-coverage-"));
  specCopy = join(dir, "openapi.yaml");
  copyFileSync(SPEC_PATH, specCopy);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("the coverage gate", () => {
  test("passes when every operation x status x example was exercised", () => {
    const report = coverage(loadSpec(), fullRun(), METHODS);
    expect(report.missing).toEqual([]);
    expect(report.ok).toBe(true);
    expect(formatReport(report)).toContain(
      `${report.cells.length} of ${report.cells.length} cells exercised.`,
    );
  });

  test("fails on a new example in a temp copy of the spec that no test exercised, and names it", () => {
    const text = readFileSync(specCopy, "utf8");
    writeFileSync(
      specCopy,
      text.replace(
        "                no_bindings:\n",
        "                one_binding:\n                  value: {success: true, errors: [], messages: [], result: []}\n                no_bindings:\n",
      ),
    );
    const report = coverage(loadSpec(specCopy), fullRun(), METHODS);
    expect(report.ok).toBe(false);
    expect(report.missing).toEqual([
      { operationId: "listServiceBindings", status: "200", example: "one_binding" },
    ]);
    expect(formatReport(report)).toContain(
      'FAIL: no contract test exercised listServiceBindings 200 example "one_binding".',
    );
  });

  test("fails on a new operation that the client has no method for", () => {
    const text = readFileSync(specCopy, "utf8");
    writeFileSync(
      specCopy,
      text.replace(
        "    delete:\n      operationId: deleteServiceBinding",
        '    patch:\n      operationId: updateServiceBinding\n      responses:\n        "200":\n          $ref: "#/components/responses/Forbidden"\n    delete:\n      operationId: deleteServiceBinding',
      ),
    );
    const report = coverage(loadSpec(specCopy), fullRun(), METHODS);
    expect(report.ok).toBe(false);
    expect(report.withoutMethod).toEqual(["updateServiceBinding"]);
    expect(report.tooFewDynamic).toEqual(["updateServiceBinding"]);
  });

  test("fails when a declared status had no generated answer, and names it", () => {
    const run = fullRun().filter(
      (e) => !(e.operationId === "getServiceBinding" && e.status === "404" && e.example === "dynamic"),
    );
    const report = coverage(loadSpec(), run, METHODS);
    expect(report.dynamicMissing).toEqual([{ operationId: "getServiceBinding", status: "404" }]);
    expect(report.ok).toBe(false);
    expect(formatReport(report)).toContain("FAIL: no generated answer exercised getServiceBinding 404.");
  });

  test("fails when an operation had too few generated calls", () => {
    const run = fullRun().filter(
      (e, i) => !(e.operationId === "listServices" && e.example === "dynamic" && i % 2 === 0),
    );
    const report = coverage(loadSpec(), run, METHODS);
    expect(report.tooFewDynamic).toEqual(["listServices"]);
    expect(report.ok).toBe(false);
  });
});

describe("the report, on a two-operation spec", () => {
  const examples = (...names: string[]) => ({
    content: { "application/json": { examples: Object.fromEntries(names.map((n) => [n, { value: {} }])) } },
  });
  const twoOperations = {
    openapi: "3.1.0",
    paths: {
      "/a": {
        get: { operationId: "getA", responses: { "200": examples("one", "two"), "4XX": examples("bad") } },
      },
      "/longer": { get: { operationId: "getLonger", responses: { "200": examples("only") } } },
    },
  };
  const dynamic = (operationId: string, times: number, status = "200"): Exercised[] =>
    Array.from({ length: times }, () => ({ operationId, status, example: "dynamic" }));

  test("counts each cell's calls, marks the missed ones, counts only generated calls against the minimum, and names every failure", () => {
    const report = coverage(
      twoOperations,
      [
        { operationId: "getA", status: "200", example: "one" },
        { operationId: "getA", status: "200", example: "one" },
        { operationId: "getLonger", status: "200", example: "only" },
        ...dynamic("getA", DYNAMIC_RUNS_REQUIRED),
        ...dynamic("getLonger", DYNAMIC_RUNS_REQUIRED - 1),
      ],
      ["getA"],
    );
    expect(report.cells.map((c) => c.hits)).toEqual([2, 0, 0, 1]);
    expect(report.dynamicRuns).toEqual({ getA: DYNAMIC_RUNS_REQUIRED, getLonger: DYNAMIC_RUNS_REQUIRED - 1 });
    expect(report.ok).toBe(false);
    expect(formatReport(report)).toBe(
      [
        "Contract coverage (operation x status x example):",
        "  ok   getA       200  one  (2)",
        "  MISS getA       200  two  (0)",
        "  MISS getA       4XX  bad  (0)",
        "  ok   getLonger  200  only  (1)",
        "Generated inputs and responses per operation:",
        `  ok   getA       ${DYNAMIC_RUNS_REQUIRED} of ${DYNAMIC_RUNS_REQUIRED}`,
        `  MISS getLonger  ${DYNAMIC_RUNS_REQUIRED - 1} of ${DYNAMIC_RUNS_REQUIRED}`,
        "2 of 4 cells exercised.",
        "FAIL: the spec's operation getLonger has no client method.",
        'FAIL: no contract test exercised getA 200 example "two".',
        'FAIL: no contract test exercised getA 4XX example "bad".',
        `FAIL: getLonger had fewer than ${DYNAMIC_RUNS_REQUIRED} generated calls.`,
        "FAIL: no generated answer exercised getA 4XX.",
      ].join("\n"),
    );
  });

  test.each([
    [
      "a cell is missed",
      [{ operationId: "getA", status: "200", example: "one" }],
      ["getA", "getLonger"],
      DYNAMIC_RUNS_REQUIRED,
    ],
    ["an operation has no method", [], ["getA"], DYNAMIC_RUNS_REQUIRED],
    ["an operation has too few generated calls", [], ["getA", "getLonger"], DYNAMIC_RUNS_REQUIRED - 1],
    [
      "a status has no generated answer",
      [{ operationId: "getA", status: "4XX", example: "dynamic" }],
      ["getA", "getLonger"],
      DYNAMIC_RUNS_REQUIRED,
    ],
  ] as const)("fails when only %s", (_, dropped, methods, runs) => {
    const all: Exercised[] = [
      ...["one", "two"].map((example) => ({ operationId: "getA", status: "200", example })),
      { operationId: "getA", status: "4XX", example: "bad" },
      { operationId: "getLonger", status: "200", example: "only" },
      ...dynamic("getA", DYNAMIC_RUNS_REQUIRED),
      ...dynamic("getA", 1, "4XX"),
      ...dynamic("getLonger", runs),
    ];
    const run = all.filter((e) => !dropped.some((d) => d.example === e.example && d.status === e.status));
    expect(coverage(twoOperations, run, methods).ok).toBe(false);
    expect(coverage(twoOperations, all, ["getA", "getLonger"]).ok).toBe(runs === DYNAMIC_RUNS_REQUIRED);
  });
});

describe("onlyOperations (CONTRACT_OPERATIONS)", () => {
  test("keeps the named operations alone, so the gate judges only their cells", () => {
    const spec = loadSpec();
    const narrowed = onlyOperations(spec, ["getServiceBinding"]);
    expect(operations(narrowed).map((o) => o.operationId)).toEqual(["getServiceBinding"]);
    expect(new Set(declaredCells(narrowed).map((c) => c.operationId))).toEqual(
      new Set(["getServiceBinding"]),
    );
    // The spec it was given is left as it was.
    expect(operations(spec).length).toBeGreaterThan(1);
    expect(onlyOperations(spec, undefined)).toBe(spec);
  });

  test("refuses an operationId the spec does not have, naming the ones it has", () => {
    expect(() => onlyOperations(loadSpec(), ["getServiceBinding", "nope"])).toThrow(
      /^CONTRACT_OPERATIONS names nope, which the spec does not have \(it has listServiceBindings, /,
    );
  });
});

describe("concreteStatuses", () => {
  test("a range by its stand-ins, a status by itself", () => {
    expect(concreteStatuses("4XX")).toEqual(RANGE_STAND_INS["4XX"]);
    expect(concreteStatuses("404")).toEqual([404]);
  });
});

describe("declaredStatus", () => {
  test("matches a declared status exactly, else its declared range, else nothing", () => {
    expect(declaredStatus(["200", "404", "4XX"], 404)).toBe("404");
    expect(declaredStatus(["200", "404", "4XX"], 409)).toBe("4XX");
    expect(declaredStatus(["200", "404", "4XX"], 502)).toBeUndefined();
  });
});

describe("RANGE_STAND_INS", () => {
  test("stands in for a range only with statuses no operation of the spec lists by number", () => {
    const spec = loadSpec();
    const listed = new Set(operations(spec).flatMap((o) => responses(spec, o).map((r) => r.status)));
    for (const [range, statuses] of Object.entries(RANGE_STAND_INS)) {
      for (const status of statuses) {
        expect(listed.has(String(status)), `${status} for ${range}`).toBe(false);
        expect(String(status)[0]).toBe(range[0]);
      }
    }
  });
});
