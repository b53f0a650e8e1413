// npm run check:breaking [-- --base REF]: fails when the spec changed in a way
// that breaks consumers without a major version bump (see scripts/lib/breaking.ts).
import { parseArgs } from "node:util";
import { formatGate, runGate } from "./lib/breaking.ts";

const { values } = parseArgs({ args: process.argv.slice(2), options: { base: { type: "string" } } });

try {
  const result = runGate(process.cwd(), values.base);
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
