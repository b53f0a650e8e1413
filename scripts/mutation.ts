// npm run mutation [-- --incremental]: StrykerJS plants small defects (mutants) in src/ and in the gates'
// logic (scripts/lib/breaking-policy.ts, scripts/lib/contract-coverage.ts), runs the unit tests against each, and
// counts how many a test notices. Writes the HTML report to reports/mutation/ (not committed), the score per
// file to bench/results.md, refreshes bench/stryker-incremental.json.gz, and fails below stryker.config.json's
// thresholds.break. --incremental (what npm run check runs) re-tests only the mutants whose code or tests
// changed since that file, and changes no tracked file.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { gunzipSync, gzipSync } from "node:zlib";
import { MUTATION_END, MUTATION_START, splitAtMutationScore } from "./bench/mutation-section.ts";
import { whenParentGoes } from "./lib/parent-watch.ts";
import { ROOT } from "./lib/paths.ts";

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { incremental: { type: "boolean", default: false } },
});
const REPORT = join(ROOT, "reports/mutation/mutation.json");
const RESULTS = join(ROOT, "bench/results.md");
const INCREMENTAL = join(ROOT, "bench/stryker-incremental.json.gz");

// Stryker reads and writes its incremental file as plain JSON (4 MB); it is committed gzipped (200 KB) and
// unpacked into a scratch folder for each run. A full run tests every mutant and packs the file it wrote
// back into bench/; an incremental run (the one npm run check makes) changes no tracked file and records
// nothing.
const scratch = mkdtempSync(join(tmpdir(), "mutation-"));
const unpacked = join(scratch, "incremental.json");
if (existsSync(INCREMENTAL)) writeFileSync(unpacked, gunzipSync(readFileSync(INCREMENTAL)));
// Each run has its own sandbox folder, so a run that is stopped removes its own and never another's (npm run
// check may run the incremental run while someone runs another).
const sandbox = join(".stryker-tmp", String(process.pid));
const args = [
  "--incrementalFile",
  unpacked,
  "--tempDirName",
  sandbox,
  ...(values.incremental ? ["--incremental", "--reporters", "clear-text"] : ["--incremental", "--force"]),
];

const started = Date.now();
let stopped = false;
const status = await new Promise<number | null>((resolve) => {
  // Its own process group, so a stop reaches Stryker's test runners too.
  const child = spawn(
    process.execPath,
    [join(ROOT, "node_modules/@stryker-mutator/core/bin/stryker.js"), "run", ...args],
    { cwd: ROOT, stdio: "inherit", detached: true },
  );
  const stop = (signal: NodeJS.Signals) => {
    stopped = true;
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // Already gone.
    }
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
  const unwatch = whenParentGoes(() => stop("SIGTERM"));
  child.once("exit", (code, signal) => {
    unwatch();
    resolve(signal ? 1 : code);
  });
});
if (!values.incremental && existsSync(unpacked) && statSync(unpacked).mtimeMs >= started) {
  writeFileSync(INCREMENTAL, gzipSync(readFileSync(unpacked), { level: 9 }));
}
rmSync(scratch, { recursive: true, force: true });
// A stopped Stryker leaves its sandbox (a copy of the project) behind; a finished one removes it itself.
if (stopped) rmSync(join(ROOT, sandbox), { recursive: true, force: true });
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
