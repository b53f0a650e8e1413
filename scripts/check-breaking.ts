// npm run check:breaking [-- --base REF] (or CHECK_BREAKING_BASE=REF): fails when the spec changed in a way
// that breaks consumers without a major version bump (see scripts/lib/breaking.ts).
import { parseArgs } from "node:util";
import { formatGate, runGate } from "./lib/breaking.ts";

const { values } = parseArgs({ args: process.argv.slice(2), options: { base: { type: "string" } } });
// CI can name the base without changing the command, e.g. a pull request's base commit.
const base = values.base || process.env.CHECK_BREAKING_BASE || undefined;

try {
  const result = runGate(process.cwd(), base);
  const report = formatGate(result);
  if (result.failures.length > 0) {
    console.error(report);
    process.exitCode = 1;
  } else {
    console.log(report);
  }
} catch (error) {
  console.error(`check:breaking: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
