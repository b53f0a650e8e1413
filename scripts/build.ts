// npm run build [-- --out-dir DIR]: dist/ from src/ and generated/ (ESM JavaScript and .d.ts, with
// tsconfig.build.json), the bindings file's JSON Schema copied beside the code that reads it.
import { spawnSync } from "node:child_process";
import { cpSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { ROOT } from "./lib/paths.ts";

const { values } = parseArgs({ args: process.argv.slice(2), options: { "out-dir": { type: "string" } } });
const outDir = values["out-dir"] ? resolve(values["out-dir"]) : join(ROOT, "dist");
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

rmSync(outDir, { recursive: true, force: true });
const built = spawnSync(
  process.execPath,
  [tsc, "-p", join(ROOT, "tsconfig.build.json"), "--outDir", outDir],
  {
    stdio: "inherit",
  },
);
if (built.status !== 0) process.exit(built.status ?? 1);
// tsc copies no JSON it does not import, and the parser reads this one at run time.
const schema = join("src", "declarative", "bindings.schema.json");
cpSync(join(ROOT, schema), join(outDir, schema));
