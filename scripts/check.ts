// npm run check: the package's main job. Runs every step, streams each one's
// output under a progress line, then prints one summary table and exits
// non-zero if any step failed. `--skip-tests` leaves the test suite to a
// following `npm test` (as .ci/run does), so it never runs twice.
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { ROOT } from "./lib/paths.ts";

/** One step: a name, what it proves, and the command that runs it. */
interface Step {
  name: string;
  proves: string;
  command: string[];
}

/** The steps, in order: cheap static checks first, the long test run last. */
export const STEPS: Step[] = [
  {
    name: "lint",
    proves: "code is formatted and lint-clean (Biome)",
    command: ["npx", "biome", "check", "."],
  },
  {
    name: "lint:spec",
    proves: "the spec lints with zero errors and warnings",
    command: ["npm", "run", "--silent", "lint:spec"],
  },
  {
    name: "check:generated",
    proves: "generated/ is what the spec produces",
    command: ["npm", "run", "--silent", "check:generated"],
  },
  {
    name: "typecheck",
    proves: "source, tests and examples compile",
    command: ["npm", "run", "--silent", "typecheck"],
  },
  {
    name: "check:breaking",
    proves: "spec changes match the version bump",
    command: ["npm", "run", "--silent", "check:breaking"],
  },
  {
    name: "build",
    proves: "dist/ builds: ESM JavaScript and .d.ts",
    command: ["npm", "run", "--silent", "build"],
  },
  {
    name: "size",
    proves: "the bundle of a consumer stays within its size budget",
    command: ["npm", "run", "--silent", "size"],
  },
  {
    name: "lint:package",
    proves: "the package's exports and types resolve (publint, attw)",
    command: ["npm", "run", "--silent", "lint:package"],
  },
  {
    name: "test:e2e",
    proves: "the commands work end to end (proxy, gate, mock, packed package)",
    command: ["npm", "run", "--silent", "test:e2e"],
  },
  {
    name: "test",
    proves: "unit, type and contract tests pass (Prism mock)",
    command: ["npm", "run", "--silent", "test"],
  },
];

interface Outcome {
  step: Step;
  ok: boolean | undefined;
  ms: number;
}

function run(step: Step): Promise<boolean> {
  return new Promise((resolve) => {
    const [command = "", ...args] = step.command;
    const child = spawn(command, args, {
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
