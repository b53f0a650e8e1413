// npm run check: the package's main job. Runs every step, independent ones at
// the same time, prints one line per step (and a failed step's whole output),
// then one summary table, and exits non-zero if any step failed. `--skip-tests` leaves
// the test suite to a following `npm test` (as .ci/run does), so it never
// runs twice.
import { parseArgs } from "node:util";
import { whenStarterGoes } from "./lib/lifecycle.ts";
import { type Outcome, runSteps, type Step } from "./lib/steps.ts";

/**
 * The steps. Each is an npm script; `needs` names the steps whose output it
 * reads. The long test runs come first so they start at once; the short
 * static checks fill the other slots meanwhile.
 */
export const STEPS: Step[] = [
  {
    name: "test:e2e",
    proves:
      "the commands work end to end (proxy, gate, mock, adding an operation, the packed package: installed, used, publint and attw)",
  },
  { name: "test:run", proves: "unit and contract tests pass (Prism mock); type tests compile in typecheck" },
  { name: "typecheck", proves: "source, tests (type tests included) and examples compile" },
  { name: "lint:code", proves: "code is formatted and lint-clean (Biome)" },
  { name: "lint:spec", proves: "the spec lints with zero errors and warnings" },
  { name: "check:generated", proves: "generated/ is what the spec produces" },
  { name: "check:breaking", proves: "spec changes match the version bump" },
  { name: "check:upstream", proves: "every difference from Cloudflare's published schema is recorded" },
  { name: "build", proves: "dist/ builds: ESM JavaScript and .d.ts" },
  { name: "size", proves: "the bundle of a consumer stays within its size budget", needs: ["build"] },
];

function table(outcomes: Outcome[]): string {
  const width = Math.max(...outcomes.map((o) => o.step.name.length));
  const lines = ["", "npm run check: summary", ""];
  lines.push(`  ${"step".padEnd(width)}  result   time     what it proves`);
  for (const { step, ok, ms } of outcomes) {
    const result = ok === undefined ? "skipped" : ok ? "pass" : "FAIL";
    const time = ok === undefined ? "-" : `${(ms / 1000).toFixed(1)} s`;
    lines.push(`  ${step.name.padEnd(width)}  ${result.padEnd(7)}  ${time.padEnd(7)}  ${step.proves}`);
  }
  return lines.join("\n");
}

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { "skip-tests": { type: "boolean", default: false } },
});
// Should npm (or whoever started this) go away, the steps are stopped as on Ctrl-C.
await whenStarterGoes(() => process.kill(process.pid, "SIGTERM"));
const started = performance.now();
const outcomes = await runSteps(STEPS, {
  skip: values["skip-tests"] ? new Set(["test:run"]) : new Set(),
  skipReason: "--skip-tests: npm test runs it next",
});
console.log(table(outcomes));
const failed = outcomes.filter((o) => o.ok === false);
const wall = `${((performance.now() - started) / 1000).toFixed(1)} s`;
console.log(
  failed.length === 0
    ? `\nAll steps passed in ${wall}.`
    : `\n${failed.length} step(s) failed: ${failed.map((o) => o.step.name).join(", ")} (${wall}).`,
);
process.exitCode = failed.length === 0 ? 0 : 1;
