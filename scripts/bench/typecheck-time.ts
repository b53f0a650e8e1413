// Type-check time of a one-call consumer: this package vs the official SDK vs
// an empty file (tsc --noEmit, strict, skipLibCheck false), and the files tsc loads.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { median, ROOT, type Row } from "./common.ts";
import { ensureSdk } from "./sdk.ts";

const TSC = join(ROOT, "node_modules", "typescript", "bin", "tsc");

type Case = "empty" | "ours" | "sdk" | "sdkTreeShakable";

const CONSUMERS: Record<Case, string> = {
  empty: "export {};\n",
  ours: `import { createServiceBindingsClient } from "cloudflare-service-bindings";
export async function main(apiToken: string, accountId: string, prefix_id: string) {
  const client = createServiceBindingsClient({ apiToken, accountId });
  const bindings = await client.listServiceBindings({ prefix_id });
  return bindings.map((binding) => binding.cidr);
}
`,
  sdk: `import Cloudflare from "cloudflare";
export async function main(apiToken: string, account_id: string, prefix_id: string) {
  const client = new Cloudflare({ apiToken });
  const page = await client.addressing.prefixes.serviceBindings.list(prefix_id, { account_id });
  return page.result.map((binding) => binding.cidr);
}
`,
  sdkTreeShakable: `import { createClient } from "cloudflare/tree-shakable";
import { BaseServiceBindings } from "cloudflare/resources/addressing/prefixes/service-bindings";
export async function main(apiToken: string, account_id: string, prefix_id: string) {
  const client = createClient({ apiToken, resources: [BaseServiceBindings] });
  const page = await client.addressing.prefixes.serviceBindings.list(prefix_id, { account_id });
  return page.result.map((binding) => binding.cidr);
}
`,
};

/** One temp project per case, with the same compiler options. */
function writeProject(root: string, name: Case, sdkDir: string): string {
  const dir = join(root, name);
  const compilerOptions: Record<string, unknown> = {
    target: "ES2022",
    lib: ["ES2024"],
    module: "ESNext",
    moduleResolution: "bundler",
    strict: true,
    skipLibCheck: false,
    noEmit: true,
    allowImportingTsExtensions: true, // our src/ imports with .ts extensions
    types: ["node"],
    typeRoots: [join(ROOT, "node_modules", "@types")],
  };
  if (name === "ours")
    compilerOptions.paths = { "cloudflare-service-bindings": [join(ROOT, "src", "index.ts")] };
  spawnSync("mkdir", ["-p", dir]);
  writeFileSync(join(dir, "consumer.ts"), CONSUMERS[name]);
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({ compilerOptions, files: ["consumer.ts"] }, null, 2),
  );
  // The SDK is found the way an installed package is: through node_modules.
  if (name.startsWith("sdk")) symlinkSync(join(sdkDir, "node_modules"), join(dir, "node_modules"), "dir");
  return dir;
}

function runTsc(dir: string, extra: string[] = []): { ms: number; status: number | null; stdout: string } {
  const started = performance.now();
  const ran = spawnSync(process.execPath, [TSC, "-p", join(dir, "tsconfig.json"), ...extra], {
    cwd: dir,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return { ms: performance.now() - started, status: ran.status, stdout: ran.stdout + ran.stderr };
}

export interface TypecheckTimeResult {
  rows: Row[];
  raw: Record<Case, { runsMs: number[]; medianMs: number; files: number }>;
}

/** Times `tsc --noEmit` on each consumer, interleaved, `runs` times each (median reported). */
export async function measureTypecheckTime(runs = 3): Promise<TypecheckTimeResult> {
  const sdkDir = await ensureSdk();
  const root = mkdtempSync(join(tmpdir(), "bench-tsc-"));
  try {
    const cases: Case[] = ["empty", "ours", "sdk", "sdkTreeShakable"];
    const dirs = Object.fromEntries(cases.map((name) => [name, writeProject(root, name, sdkDir)])) as Record<
      Case,
      string
    >;
    const raw = {} as TypecheckTimeResult["raw"];
    for (const name of cases) {
      // Every consumer must type-check cleanly, or its time means nothing.
      const check = runTsc(dirs[name]);
      if (check.status !== 0)
        throw new Error(`tsc failed on the ${name} consumer:\n${check.stdout.slice(0, 2000)}`);
      const listed = runTsc(dirs[name], ["--listFilesOnly"]);
      const files = listed.stdout.split("\n").filter((line) => line.trim() !== "").length;
      raw[name] = { runsMs: [], medianMs: Number.NaN, files };
    }
    for (let run = 0; run < runs; run++) {
      for (const name of cases) raw[name].runsMs.push(runTsc(dirs[name]).ms);
    }
    for (const name of cases) raw[name].medianMs = median(raw[name].runsMs);

    const describe = (name: Case) =>
      `${Math.round(raw[name].medianMs)} ms, ${raw[name].files} files (runs ${raw[name].runsMs.map(Math.round).join(", ")} ms)`;
    const ratio = raw.ours.medianMs / raw.sdk.medianMs;
    const ratioAboveEmpty =
      (raw.ours.medianMs - raw.empty.medianMs) / (raw.sdk.medianMs - raw.empty.medianMs);
    const rows: Row[] = [
      {
        what: "tsc --noEmit: empty file (baseline: node + tsc + lib + @types/node)",
        measured: describe("empty"),
        budget: "info",
        met: undefined,
      },
      {
        what: "tsc --noEmit: one-call consumer of this package",
        measured: describe("ours"),
        budget: "info",
        met: undefined,
      },
      {
        what: "tsc --noEmit: one-call consumer of cloudflare (default entry)",
        measured: describe("sdk"),
        budget: "info",
        met: undefined,
      },
      {
        what: "tsc --noEmit: one-call consumer of cloudflare/tree-shakable",
        measured: describe("sdkTreeShakable"),
        budget: "info",
        met: undefined,
      },
      {
        what: "type-check time, this package vs the SDK",
        measured: `${ratio.toFixed(3)}x`,
        budget: "<= 0.5x",
        met: ratio <= 0.5,
        note: `above the empty baseline: ${Math.round(raw.ours.medianMs - raw.empty.medianMs)} ms vs ${Math.round(raw.sdk.medianMs - raw.empty.medianMs)} ms (${ratioAboveEmpty.toFixed(3)}x); median of ${runs} runs, strict, moduleResolution bundler, skipLibCheck false`,
      },
    ];
    return { rows, raw };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
