// The contract suite's coverage gate: what the spec declares (operation x
// status x named example) against what the suite exercised through the client.
import { type Node, operations, responses } from "./spec.ts";

/** One cell of the matrix: an operation answering a status with a named example. */
export interface Cell {
  operationId: string;
  status: string;
  example: string;
}

/** One exercised call, as the contract harness records it. */
export interface Exercised {
  operationId: string;
  /** The declared status key the answer matched, e.g. "404" or "4XX". */
  status: string;
  /** The example asked for with `Prefer: example=`, or "dynamic" for a generated answer. */
  example: string;
}

/**
 * How many generated (dynamic) calls each operation must have had: random valid inputs, each answered with a
 * generated success (contract-tests/generated.test.ts says what the number buys), besides one generated answer
 * for each declared status.
 */
export const DYNAMIC_RUNS_REQUIRED = 25;

/**
 * The spec with only these operations (CONTRACT_OPERATIONS narrows a contract run to them): a copy whose
 * path items keep those operations alone. Refuses an operationId the spec does not have, naming them all.
 */
export function onlyOperations(spec: Node, operationIds: readonly string[] | undefined): Node {
  if (operationIds === undefined) return spec;
  const known = operations(spec).map((o) => o.operationId);
  const unknown = operationIds.filter((id) => !known.includes(id));
  if (unknown.length > 0) {
    throw new Error(
      `CONTRACT_OPERATIONS names ${unknown.join(", ")}, which the spec does not have (it has ${known.join(", ")})`,
    );
  }
  const copy = structuredClone(spec);
  for (const operation of operations(spec)) {
    if (!operationIds.includes(operation.operationId)) delete copy.paths[operation.path][operation.method];
  }
  return copy;
}

/** Every cell the spec declares, in document order. */
export function declaredCells(spec: Node): Cell[] {
  return operations(spec).flatMap((operation) =>
    responses(spec, operation).flatMap((response) =>
      Object.keys(response.examples).map((example) => ({
        operationId: operation.operationId,
        status: response.status,
        example,
      })),
    ),
  );
}

/** Statuses that stand in for a declared range when the suite forces one; none is listed by number in the spec (a test checks). */
export const RANGE_STAND_INS: Readonly<Record<string, readonly number[]>> = {
  "4XX": [410, 422],
  "5XX": [502, 503],
};

/** The concrete statuses that exercise a declared status key: itself, or a range's stand-ins. */
export function concreteStatuses(declared: string): readonly number[] {
  return RANGE_STAND_INS[declared] ?? [Number(declared)];
}

/** The declared status key an actual status matches: itself when declared, else its range (e.g. 4XX). */
export function declaredStatus(declared: readonly string[], status: number): string | undefined {
  const exact = String(status);
  if (declared.includes(exact)) return exact;
  const range = `${exact[0]}XX`;
  return declared.includes(range) ? range : undefined;
}

/** The result of the gate. */
export interface CoverageReport {
  cells: (Cell & { hits: number })[];
  missing: Cell[];
  /** Operations of the spec the client has no method for. */
  withoutMethod: string[];
  /** Generated calls per operation, and the operations that had too few. */
  dynamicRuns: Record<string, number>;
  tooFewDynamic: string[];
  /** Declared statuses that no generated answer exercised. */
  dynamicMissing: { operationId: string; status: string }[];
  ok: boolean;
}

/** Compares the spec with what was exercised. */
export function coverage(
  spec: Node,
  exercised: readonly Exercised[],
  clientMethods: readonly string[],
): CoverageReport {
  const key = (c: Cell) => `${c.operationId} ${c.status} ${c.example}`;
  const hits = new Map<string, number>();
  for (const e of exercised) hits.set(key(e), (hits.get(key(e)) ?? 0) + 1);
  const cells = declaredCells(spec).map((cell) => ({ ...cell, hits: hits.get(key(cell)) ?? 0 }));
  const missing = cells.filter((cell) => cell.hits === 0).map(({ hits: _, ...cell }) => cell);
  const operationIds = operations(spec).map((o) => o.operationId);
  const withoutMethod = operationIds.filter((id) => !clientMethods.includes(id));
  const dynamicRuns: Record<string, number> = {};
  for (const id of operationIds)
    dynamicRuns[id] = exercised.filter((e) => e.operationId === id && e.example === "dynamic").length;
  const tooFewDynamic = operationIds.filter((id) => (dynamicRuns[id] ?? 0) < DYNAMIC_RUNS_REQUIRED);
  const dynamicMissing = operations(spec).flatMap((operation) =>
    responses(spec, operation)
      .map((response) => ({ operationId: operation.operationId, status: response.status }))
      .filter((cell) => !hits.has(key({ ...cell, example: "dynamic" }))),
  );
  return {
    cells,
    missing,
    withoutMethod,
    dynamicRuns,
    tooFewDynamic,
    dynamicMissing,
    ok:
      missing.length === 0 &&
      withoutMethod.length === 0 &&
      tooFewDynamic.length === 0 &&
      dynamicMissing.length === 0,
  };
}

/** The matrix as text, one line per cell, then the verdict. */
export function formatReport(report: CoverageReport): string {
  const width = Math.max(...report.cells.map((c) => c.operationId.length));
  const lines = ["Contract coverage (operation x status x example):"];
  for (const cell of report.cells) {
    const mark = cell.hits > 0 ? "ok  " : "MISS";
    lines.push(
      `  ${mark} ${cell.operationId.padEnd(width)}  ${cell.status.padEnd(3)}  ${cell.example}  (${cell.hits})`,
    );
  }
  lines.push("Generated inputs and responses per operation:");
  for (const [id, runs] of Object.entries(report.dynamicRuns)) {
    lines.push(
      `  ${runs >= DYNAMIC_RUNS_REQUIRED ? "ok  " : "MISS"} ${id.padEnd(width)}  ${runs} of ${DYNAMIC_RUNS_REQUIRED}`,
    );
  }
  const covered = report.cells.length - report.missing.length;
  lines.push(`${covered} of ${report.cells.length} cells exercised.`);
  for (const id of report.withoutMethod) lines.push(`FAIL: the spec's operation ${id} has no client method.`);
  for (const cell of report.missing) {
    lines.push(
      `FAIL: no contract test exercised ${cell.operationId} ${cell.status} example "${cell.example}".`,
    );
  }
  for (const id of report.tooFewDynamic)
    lines.push(`FAIL: ${id} had fewer than ${DYNAMIC_RUNS_REQUIRED} generated calls.`);
  for (const { operationId, status } of report.dynamicMissing)
    lines.push(`FAIL: no generated answer exercised ${operationId} ${status}.`);
  return lines.join("\n");
}
