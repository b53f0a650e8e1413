// The two jobs behind `npm run generate` and `npm run check:generated`, as
// functions that report instead of printing, so tests can call them in-process.
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { renderTypes } from "./render-types.ts";

/** A spec file and the generated types file it should produce. */
export interface Target {
  spec: string;
  out: string;
}

/**
 * Writes the types of `spec` to `out`. The text is rendered in memory first and
 * moved into place with one rename, so a failure leaves `out` as it was.
 * Resolves to whether the file changed.
 */
export async function generate({ spec, out }: Target): Promise<boolean> {
  const text = await renderTypes(spec);
  const current = await readFile(out, "utf8").catch(() => undefined);
  if (current === text) return false;
  await mkdir(dirname(out), { recursive: true });
  const temporary = `${out}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, out);
  return true;
}

/** How `out` compares with what `spec` produces. */
export type Drift =
  | { state: "current" }
  | { state: "missing" }
  | { state: "stale"; line: number; expected: string; found: string };

/** Compares `out` with the types `spec` produces, without writing anything. */
export async function findDrift({ spec, out }: Target): Promise<Drift> {
  const expected = await renderTypes(spec);
  const actual = await readFile(out, "utf8").catch(() => undefined);
  if (actual === undefined) return { state: "missing" };
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
    line: at + 1,
    expected: want[at] ?? "<end of file>",
    found: have[at] ?? "<end of file>",
  };
}
