// npm run mutation [-- --incremental]: StrykerJS plants small defects (mutants) in src/ and in the gates'
// logic (scripts/lib/breaking-policy.ts, scripts/lib/contract-coverage.ts), runs the unit tests against each, and
// counts how many a test notices. Writes the HTML report to reports/mutation/, the score per file to
// bench/results.md (full runs only), and fails below stryker.config.json's thresholds.break. Both runs keep
// Stryker's incremental file in reports/ (ignored by git; CI keeps it in its cache): a full run tests every
// mutant and rewrites it, --incremental re-tests only the mutants whose code or tests changed since.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { MUTATION_END, MUTATION_START, splitAtMutationScore } from "./bench/mutation-section.ts";
import { childEnv, signalTree, whenStarterGoes } from "./lib/lifecycle.ts";
import { ROOT } from "./lib/paths.ts";

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { incremental: { type: "boolean", default: false } },
});
const REPORT = join(ROOT, "reports/mutation/mutation.json");
const RESULTS = join(ROOT, "bench/results.md");
const INCREMENTAL = join(ROOT, "reports/stryker-incremental.json");

// Each run has its own sandbox folder, so a run that is stopped removes its own and never another's.
const sandbox = join(".stryker-tmp", String(process.pid));
const args = [
  "--incrementalFile",
  INCREMENTAL,
  "--tempDirName",
  sandbox,
  "--incremental",
  // A full run tests every mutant, whatever the incremental file says, and rewrites it.
  ...(values.incremental ? [] : ["--force"]),
];

const started = Date.now();
let stopped = false;
const status = await new Promise<number | null>((resolve) => {
  // Its own process group (on Linux and macOS), so a stop reaches Stryker's test runners too; and its
  // runners end should this process be killed outright (childEnv).
  const child = spawn(
    process.execPath,
    [join(ROOT, "node_modules/@stryker-mutator/core/bin/stryker.js"), "run", ...args],
    { cwd: ROOT, stdio: "inherit", detached: process.platform !== "win32", env: childEnv() },
  );
  const stop = (signal: NodeJS.Signals) => {
    if (stopped) return;
    stopped = true;
    signalTree(child, signal);
  };
  // `on`, not `once`: a second signal (npm forwards one, and the exit-with-parent preload sends another once
  // npm is gone) must not take the default action and end this process before it removes the sandbox.
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  const unwatch = whenStarterGoes(() => stop("SIGTERM"));
  child.once("exit", (code, signal) => {
    unwatch.then((stopWatching) => stopWatching());
    resolve(signal ? 1 : code);
  });
});
// A stopped Stryker leaves its sandbox (a copy of the project) behind, whoever stopped it (this process, or a
// signal to Stryker itself); a finished one has removed it already. The folder is this run's own.
rmSync(join(ROOT, sandbox), { recursive: true, force: true });
const minutes = (Date.now() - started) / 60_000;

interface Report {
  files: Record<string, { mutants: { status: string }[] }>;
}
// Only a full run's own report is recorded (not one left by an earlier run).
if (!values.incremental && existsSync(REPORT) && statSync(REPORT).mtimeMs >= started) {
  const report = JSON.parse(readFileSync(REPORT, "utf8")) as Report;
  const rows: string[] = [];
  let detected = 0;
  let valid = 0;
  for (const [file, { mutants }] of Object.entries(report.files).sort()) {
    const count = (...states: string[]) => mutants.filter((m) => states.includes(m.status)).length;
    const fileDetected = count("Killed", "Timeout");
    const fileValid = fileDetected + count("Survived", "NoCoverage");
    detected += fileDetected;
    valid += fileValid;
    const score = fileValid === 0 ? "-" : `${((100 * fileDetected) / fileValid).toFixed(1)}%`;
    rows.push(`| ${file} | ${fileValid} | ${count("Survived")} | ${count("NoCoverage")} | ${score} |`);
  }
  const total = valid === 0 ? 0 : (100 * detected) / valid;
  const section = [
    MUTATION_START,
    "## Mutation score (npm run mutation)",
    "",
    `${total.toFixed(1)}% of ${valid} mutants detected (killed or timed out) by the unit tests, in ${minutes.toFixed(1)} min (full run on ${availableParallelism()} cores, ${new Date().toISOString().slice(0, 10)}). The break threshold is in stryker.config.json.`,
    "",
    "| file | mutants | survived | no coverage | score |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
    MUTATION_END,
  ].join("\n");
  const current = existsSync(RESULTS) ? readFileSync(RESULTS, "utf8") : "# Benchmark results\n";
  writeFileSync(RESULTS, `${splitAtMutationScore(current).before}\n\n${section}\n`);
  console.log(`\nmutation: ${total.toFixed(1)}% of ${valid} mutants detected; bench/results.md updated.`);
}
process.exitCode = status ?? 1;
