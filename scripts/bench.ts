// npm run bench: measures every budget named in the issues and writes
// bench/results.md. A benchmark, never part of `npm test`. The official
// Cloudflare SDK (7.3.0) is installed on demand into .cache/bench, not as a
// devDependency.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { measureBundleSize } from "./bench/bundle-size.ts";
import { median, type Row } from "./bench/common.ts";
import { measurePerCall } from "./bench/per-call.ts";
import { measureSdk } from "./bench/sdk.ts";
import { measureTypecheckTime } from "./bench/typecheck-time.ts";
import { ROOT } from "./lib/paths.ts";
import { startPrism } from "./lib/prism.ts";

/** Prism's start-to-ready time, as the contract suite starts it (quiet, seeded). */
async function prismReady(runs: number): Promise<Row[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const prism = await startPrism({ quiet: true, seed: "bench" });
    times.push(prism.readyMs);
    await prism.stop();
  }
  const ms = median(times);
  return [
    {
      what: `Prism start-to-ready (median of ${runs}; min ${Math.round(Math.min(...times))}, max ${Math.round(Math.max(...times))} ms)`,
      measured: `${Math.round(ms)} ms`,
      budget: "<= 1500 ms",
      met: ms <= 1500,
    },
  ];
}

/** The wall time of a whole npm script, as a user runs it. */
function scriptWall(script: string, budgetSeconds: number | undefined): Row {
  const started = performance.now();
  const ran = spawnSync("npm", ["run", "--silent", script], { cwd: ROOT, stdio: "ignore" });
  const seconds = (performance.now() - started) / 1000;
  return {
    what: `\`npm ${script === "test" ? "test" : `run ${script}`}\` wall time (${ran.status === 0 ? "passed" : "FAILED"})`,
    measured: `${seconds.toFixed(1)} s`,
    budget: budgetSeconds === undefined ? "-" : `<= ${budgetSeconds} s`,
    met: budgetSeconds === undefined ? undefined : ran.status === 0 && seconds <= budgetSeconds,
  };
}

const sections: [string, Row[]][] = [];
const step = async (title: string, rows: () => Promise<Row[]> | Row[]) => {
  console.log(`bench: ${title}...`);
  sections.push([title, await rows()]);
};

await step("Footprint", async () => (await measureSdk()).rows);
await step(
  "Per-call cost (loopback server, sequential calls, median round)",
  async () => (await measurePerCall()).rows,
);
await step("Bundle size (esbuild, minified, gzip)", async () => (await measureBundleSize()).rows);
await step(
  "Consumer type-check time (tsc --noEmit, median of 3)",
  async () => (await measureTypecheckTime()).rows,
);
await step("Prism", () => prismReady(7));
await step("Test suites", () => [scriptWall("test", 15), scriptWall("test:e2e", undefined)]);

const mark = (met: boolean | undefined) => (met === undefined ? "-" : met ? "yes" : "**no**");
const report = [
  "# Benchmark results",
  "",
  `Machine: ${cpus().length} x ${cpus()[0]?.model ?? "unknown CPU"}, ${Math.round(totalmem() / 2 ** 30)} GiB; Node ${process.version}; load average at the end ${loadavg()[0]?.toFixed(2)}; ${new Date().toISOString().slice(0, 10)}.`,
  "",
  "Written by `npm run bench`. A missed target is explained in the notes below its table.",
  "",
  ...sections.flatMap(([title, rows]) => [
    `## ${title}`,
    "",
    "| what | measured | budget | met |",
    "| --- | --- | --- | --- |",
    ...rows.map((r) => `| ${r.what} | ${r.measured} | ${r.budget} | ${mark(r.met)} |`),
    "",
    ...rows.filter((r) => r.note).map((r) => `- ${r.what}: ${r.note}`),
    ...(rows.some((r) => r.note) ? [""] : []),
  ]),
].join("\n");
mkdirSync(`${ROOT}bench`, { recursive: true });
writeFileSync(`${ROOT}bench/results.md`, report);
console.log(report);
