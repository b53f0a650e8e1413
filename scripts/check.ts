// npm run check: the package's main job. Runs every step, streams each one's
// output under a progress line, then prints one summary table and exits
// non-zero if any step failed. `--skip-tests` leaves the test suite to a
// following `npm test` (as .ci/run does), so it never runs twice.
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { ROOT } from "./lib/paths.ts";

/** One step: the npm script that runs it, and what it proves. */
interface Step {
  name: string;
  proves: string;
}

/** The steps, in order: cheap static checks first, the long test run last. Each is an npm script. */
export const STEPS: Step[] = [
  { name: "lint:code", proves: "code is formatted and lint-clean (Biome)" },
  { name: "lint:spec", proves: "the spec lints with zero errors and warnings" },
  { name: "check:generated", proves: "generated/ is what the spec produces" },
  { name: "typecheck", proves: "source, tests and examples compile" },
  { name: "check:breaking", proves: "spec changes match the version bump" },
  { name: "build", proves: "dist/ builds: ESM JavaScript and .d.ts" },
  { name: "size", proves: "the bundle of a consumer stays within its size budget" },
  { name: "lint:package", proves: "the package's exports and types resolve (publint, attw)" },
  { name: "test:e2e", proves: "the commands work end to end (proxy, gate, mock, packed package)" },
  { name: "test", proves: "unit, type and contract tests pass (Prism mock)" },
];

interface Outcome {
  step: Step;
  ok: boolean | undefined;
  ms: number;
}

function run(step: Step): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "--silent", step.name], {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...process.env, FORCE_COLOR: "0" },
    });
    child.once("error", () => resolve(false));
    child.once("exit", (code) => resolve(code === 0));
  });
}

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
const outcomes: Outcome[] = [];
for (const [index, step] of STEPS.entries()) {
  if (step.name === "test" && values["skip-tests"]) {
    console.log(
      `\n[${index + 1}/${STEPS.length}] ${step.name}: skipped (--skip-tests: npm test runs it next)`,
    );
    outcomes.push({ step, ok: undefined, ms: 0 });
    continue;
  }
  console.log(`\n[${index + 1}/${STEPS.length}] ${step.name}: ${step.proves} ...`);
  const started = performance.now();
  const ok = await run(step);
  const ms = performance.now() - started;
  console.log(
    `[${index + 1}/${STEPS.length}] ${step.name}: ${ok ? "pass" : "FAIL"} (${(ms / 1000).toFixed(1)} s)`,
  );
  outcomes.push({ step, ok, ms });
}
console.log(table(outcomes));
const failed = outcomes.filter((o) => o.ok === false);
console.log(
  failed.length === 0
    ? "\nAll steps passed."
    : `\n${failed.length} step(s) failed: ${failed.map((o) => o.step.name).join(", ")}.`,
);
process.exitCode = failed.length === 0 ? 0 : 1;
