// The project's CI script (.ci/run) runs the README's two commands after a
// clean install, on a throwaway npm cache that starts empty and is removed
// afterwards, even when a step fails. npm is replaced by a recorder on PATH.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { ROOT } from "../scripts/lib/paths.ts";

interface NpmCall {
  args: string;
  cache: string;
  /** Entries in the cache directory when the call started; -1 when it did not exist. */
  entries: number;
}

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Runs .ci/run with a fake npm that records each call and fails the call whose arguments start with `failOn`. */
function runCi(failOn = "-"): { status: number | null; calls: NpmCall[] } {
  dir = mkdtempSync(join(tmpdir(), "ci-run-"));
  const log = join(dir, "calls.jsonl");
  writeFileSync(
    join(dir, "npm"),
    `#!/usr/bin/env bash
entries=-1
[ -d "$npm_config_cache" ] && entries=$(ls -A "$npm_config_cache" | wc -l)
printf '{"args":"%s","cache":"%s","entries":%s}\\n' "$*" "$npm_config_cache" "$entries" >> "${log}"
case "$*" in "${failOn}"*) exit 1 ;; esac
`,
  );
  chmodSync(join(dir, "npm"), 0o755);
  const ran = spawnSync("bash", [join(ROOT, ".ci/run")], {
    encoding: "utf8",
    env: { ...process.env, PATH: `${dir}:${process.env.PATH}`, npm_config_cache: join(dir, "warm-cache") },
  });
  const calls = existsSync(log)
    ? readFileSync(log, "utf8")
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as NpmCall)
    : [];
  return { status: ran.status, calls };
}

describe(".ci/run", () => {
  test("installs with npm ci, then runs the check (tests skipped) and npm test", () => {
    const { status, calls } = runCi();
    expect(status).toBe(0);
    expect(calls.map((c) => c.args)).toEqual([
      "ci --no-audit --no-fund",
      "run check -- --skip-tests",
      "test",
    ]);
  });

  test("gives npm one new, empty cache instead of the machine's, and removes it afterwards", () => {
    const { calls } = runCi();
    const caches = new Set(calls.map((c) => c.cache));
    expect(caches.size).toBe(1);
    const [cache = ""] = caches;
    expect(cache).not.toBe(join(dir ?? "", "warm-cache"));
    expect(calls[0]?.entries).toBe(0);
    expect(existsSync(cache)).toBe(false);
  });

  test("removes its cache and fails when a step fails", () => {
    const { status, calls } = runCi("run check");
    expect(status).not.toBe(0);
    expect(calls.map((c) => c.args)).toEqual(["ci --no-audit --no-fund", "run check -- --skip-tests"]);
    expect(existsSync(calls[0]?.cache ?? "")).toBe(false);
  });
});
