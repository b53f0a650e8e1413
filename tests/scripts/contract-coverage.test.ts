// The contract suite's coverage gate, on temporary copies of the spec: a spec
// addition without a test fails it.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import {
  coverage,
  DYNAMIC_RUNS_REQUIRED,
  declaredCells,
  declaredStatus,
  type Exercised,
  formatReport,
  RANGE_STAND_INS,
} from "../../scripts/lib/contract-coverage.ts";
import { SPEC_PATH } from "../../scripts/lib/paths.ts";
import { loadSpec, operations, responses } from "../../scripts/lib/spec.ts";

const METHODS = [
  "listServiceBindings",
  "createServiceBinding",
  "getServiceBinding",
  "deleteServiceBinding",
  "listServices",
];

/** Everything the suite exercises for the committed spec: every cell once, and enough generated calls. */
function fullRun(): Exercised[] {
  const spec = loadSpec();
  const dynamic = operations(spec).flatMap((o) =>
    Array.from({ length: DYNAMIC_RUNS_REQUIRED }, () => ({
      operationId: o.operationId,
      status: "200",
      example: "dynamic",
    })),
  );
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

  test("fails when an operation had too few generated calls", () => {
    const run = fullRun().filter(
      (e, i) => !(e.operationId === "listServices" && e.example === "dynamic" && i % 2 === 0),
    );
    const report = coverage(loadSpec(), run, METHODS);
    expect(report.tooFewDynamic).toEqual(["listServices"]);
    expect(report.ok).toBe(false);
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
