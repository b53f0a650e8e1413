// `npm run bench -- --against REF`: the package as it was at a git ref, beside
// the work tree, so a change's cost is measured in the same run, on the same
// machine. The ref's files are extracted (git archive) into a temporary folder
// that shares this repository's node_modules.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./common.ts";

/** The package at a ref: its root folder, a label for rows, and a way to remove it. */
export interface Base {
  ref: string;
  root: string;
  label: string;
  remove(): void;
}

/** Extracts the files of `ref` (a commit, branch or tag) into a temporary folder. */
export function checkoutBase(ref: string): Base {
  const commit = execFileSync("git", ["rev-parse", "--short", `${ref}^{commit}`], {
    cwd: ROOT,
    encoding: "utf8",
  }).trim();
  const root = mkdtempSync(join(tmpdir(), "bench-base-"));
  const archive = execFileSync("git", ["archive", "--format=tar", commit], { cwd: ROOT, maxBuffer: 1 << 28 });
  execFileSync("tar", ["-x", "-C", root], { input: archive });
  symlinkSync(join(ROOT, "node_modules"), join(root, "node_modules"));
  return {
    ref,
    root,
    label: `this package at ${ref === commit ? commit : `${ref} (${commit})`}`,
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
