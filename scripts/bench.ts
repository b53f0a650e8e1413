// npm run bench: measures the budgets named in the issues and writes
// bench/results.md. A benchmark, never part of `npm test`.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { ROOT } from "./lib/paths.ts";
import { startPrism } from "./lib/prism.ts";

/** A budget and how it was measured. */
interface Row {
  what: string;
  measured: string;
  budget: string;
  met: boolean;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Prism's start-to-ready time, as the contract suite starts it (quiet, seeded). */
async function prismReady(runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const prism = await startPrism({ quiet: true, seed: "bench" });
    times.push(prism.readyMs);
    await prism.stop();
  }
  return times;
}

/** The wall time of the whole `npm test`, as a user runs it. */
function npmTestWall(): { ms: number; ok: boolean } {
  const started = performance.now();
  const ran = spawnSync("npm", ["test", "--silent"], { cwd: ROOT, stdio: "ignore" });
  return { ms: performance.now() - started, ok: ran.status === 0 };
}

const PRISM_RUNS = 7;
console.log(`bench: Prism start-to-ready, ${PRISM_RUNS} runs...`);
const ready = await prismReady(PRISM_RUNS);
console.log("bench: npm test wall time...");
const wall = npmTestWall();

const rows: Row[] = [
  {
    what: `Prism start-to-ready (median of ${PRISM_RUNS}; min ${Math.round(Math.min(...ready))}, max ${Math.round(Math.max(...ready))})`,
    measured: `${Math.round(median(ready))} ms`,
    budget: "<= 1500 ms",
    met: median(ready) <= 1500,
  },
  {
    what: `\`npm test\` wall time (${wall.ok ? "passed" : "FAILED"})`,
    measured: `${(wall.ms / 1000).toFixed(1)} s`,
    budget: "<= 15 s",
    met: wall.ok && wall.ms <= 15_000,
  },
];

const cpu = cpus()[0]?.model ?? "unknown CPU";
const report = [
  "# Benchmark results",
  "",
  `Machine: ${cpus().length} x ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB; Node ${process.version}; ${new Date().toISOString().slice(0, 10)}.`,
  "",
  "| what | measured | budget | met |",
  "| --- | --- | --- | --- |",
  ...rows.map((r) => `| ${r.what} | ${r.measured} | ${r.budget} | ${r.met ? "yes" : "no"} |`),
  "",
].join("\n");
mkdirSync(`${ROOT}bench`, { recursive: true });
writeFileSync(`${ROOT}bench/results.md`, report);
console.log(report);
