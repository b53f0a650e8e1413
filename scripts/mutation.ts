// npm run mutation [-- --incremental]: StrykerJS plants small defects (mutants) in src/ and in the gates'
// logic (scripts/lib/breaking-policy.ts, scripts/lib/contract-coverage.ts), runs the unit tests against each, and
// counts how many a test notices. Writes the HTML report to reports/mutation/ (not committed), the score per
// file to bench/results.md, and fails below stryker.config.json's thresholds.break.
// --incremental re-tests only the mutants whose code or tests changed since bench/stryker-incremental.json.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { ROOT } from "./lib/paths.ts";

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { incremental: { type: "boolean", default: false } },
});
const REPORT = join(ROOT, "reports/mutation/mutation.json");
const RESULTS = join(ROOT, "bench/results.md");
const START = "<!-- mutation score: written by npm run mutation -->";
const END = "<!-- end of mutation score -->";

const started = performance.now();
const status = await new Promise<number | null>((resolve) => {
  const child = spawn(
    process.execPath,
    [
      join(ROOT, "node_modules/@stryker-mutator/core/bin/stryker.js"),
      "run",
      ...(values.incremental ? ["--incremental"] : []),
    ],
    { cwd: ROOT, stdio: "inherit" },
  );
  child.once("exit", (code) => resolve(code));
});
const minutes = (performance.now() - started) / 60_000;

interface Report {
  files: Record<string, { mutants: { status: string }[] }>;
}
if (existsSync(REPORT)) {
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
    START,
    "## Mutation score (npm run mutation)",
    "",
    `${total.toFixed(1)}% of ${valid} mutants detected (killed or timed out) by the unit tests, in ${minutes.toFixed(1)} min (${values.incremental ? "incremental" : "full run"}, ${new Date().toISOString().slice(0, 10)}). The break threshold is in stryker.config.json.`,
    "",
    "| file | mutants | survived | no coverage | score |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
    END,
  ].join("\n");
  const current = existsSync(RESULTS) ? readFileSync(RESULTS, "utf8") : "# Benchmark results\n";
  const without = current.includes(START)
    ? current.slice(0, current.indexOf(START)).trimEnd()
    : current.trimEnd();
  writeFileSync(RESULTS, `${without}\n\n${section}\n`);
  console.log(`\nmutation: ${total.toFixed(1)}% of ${valid} mutants detected; bench/results.md updated.`);
}
process.exitCode = status ?? 1;
