// The two jobs behind `npm run generate` and `npm run check:generated`, as
// functions that report instead of printing, so tests can call them in-process.
// One spec produces three files: the types (openapi-typescript) and, beside
// them, the operation table (operations.ts) the client and the contract suite
// run on, and the spec's examples (examples.ts) the stateful fake answers with.
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { renderExamples } from "./render-examples.ts";
import { OperationTableError, renderOperations } from "./render-operations.ts";
import { generatedHeader, renderTypes, SpecError } from "./render-types.ts";
import { parseSpec } from "./spec.ts";

/** A spec file and the generated types file it should produce; the operation table goes beside it. */
export interface Target {
  spec: string;
  out: string;
}

/** The operation table's file for a target: operations.ts, beside the types. */
export function operationsPath({ out }: Target): string {
  return join(dirname(out), "operations.ts");
}

/** The examples' file for a target (read by the stateful fake only): examples.ts, beside the types. */
export function examplesPath({ out }: Target): string {
  return join(dirname(out), "examples.ts");
}

/**
 * What each spec text produced, in this process: the output is a function of the text alone, and the
 * generation tests render the same unchanged spec many times (the commands render once).
 */
const rendered = new Map<string, Promise<[string, string][]>>();

/** Every file the spec produces, with its text, rendered in memory; nothing is written. */
async function renderAll(target: Target): Promise<[string, string][]> {
  const specText = await readFile(target.spec, "utf8").catch(() => undefined);
  if (specText === undefined) return renderFresh(target, undefined);
  const key = `${target.spec}\0${target.out}\0${specText}`;
  const known = rendered.get(key);
  if (known) return known;
  const fresh = renderFresh(target, specText);
  rendered.set(key, fresh);
  // A spec that cannot be rendered is not remembered: its error is told again, fresh.
  fresh.catch(() => rendered.delete(key));
  return fresh;
}

async function renderFresh(target: Target, text: string | undefined): Promise<[string, string][]> {
  // The types come first: rendering them refuses an invalid spec (or a missing file), saying where.
  const types = await renderTypes(target.spec);
  // Read and parsed once, for the header's hash, the operation table and the examples.
  const specText = text ?? (await readFile(target.spec, "utf8"));
  const spec = parseSpec(specText);
  let table: string;
  try {
    table = renderOperations(spec);
  } catch (error) {
    if (!(error instanceof OperationTableError)) throw error;
    throw new SpecError(`cannot build the operation table from ${target.spec}: ${error.message}`);
  }
  const header = (what: string) => generatedHeader(specText, `scripts/generate.ts, ${what}`);
  return [
    [target.out, types],
    [operationsPath(target), `${header("the operation table the client runs on")}\n${table}`],
    [
      examplesPath(target),
      `${header("the examples the stateful fake answers with")}\n${renderExamples(spec)}`,
    ],
  ];
}

/**
 * Writes every file `spec` produces. All are rendered in memory first, then
 * each is moved into place with one rename, so a failure leaves them as they
 * were. Resolves to whether any file changed.
 */
export async function generate(target: Target): Promise<boolean> {
  const files = await renderAll(target);
  let changed = false;
  for (const [path, text] of files) {
    const current = await readFile(path, "utf8").catch(() => undefined);
    if (current === text) continue;
    await mkdir(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    await writeFile(temporary, text);
    await rename(temporary, path);
    changed = true;
  }
  return changed;
}

/** How the generated files compare with what `spec` produces; `file` names the first that differs. */
export type Drift =
  | { state: "current" }
  | { state: "missing"; file: string }
  | { state: "stale"; file: string; line: number; expected: string; found: string };

/** Compares every generated file with what `spec` produces, without writing anything. */
export async function findDrift(target: Target): Promise<Drift> {
  for (const [file, expected] of await renderAll(target)) {
    const drift = compare(file, expected, await readFile(file, "utf8").catch(() => undefined));
    if (drift.state !== "current") return drift;
  }
  return { state: "current" };
}

function compare(file: string, expected: string, actual: string | undefined): Drift {
  if (actual === undefined) return { state: "missing", file };
  if (actual === expected) return { state: "current" };
  const want = expected.split("\n");
  const have = actual.split("\n");
  const differs = (line: string, i: number) => line !== have[i];
  // The header's spec hash differs on any edit: point at a line of the types when one differs too.
  const first = want.findIndex(differs);
  const inBody = want.findIndex((line, i) => i > first && differs(line, i));
  const index = want[first]?.includes("spec sha256:") && inBody !== -1 ? inBody : first;
  const at = index === -1 ? want.length : index;
  return {
    state: "stale",
    file,
    line: at + 1,
    expected: want[at] ?? "<end of file>",
    found: have[at] ?? "<end of file>",
  };
}
