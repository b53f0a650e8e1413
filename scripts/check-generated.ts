// npm run check:generated: fails when generated/openapi.ts is not exactly what
// the current spec produces, and says what to run.
import { relative } from "node:path";
import { examplesPath, findDrift, operationsPath } from "./lib/generation.ts";
import { targetArgs } from "./lib/target-args.ts";

const target = targetArgs(process.argv.slice(2));
const shown = (path: string) => relative(process.cwd(), path) || path;

try {
  const drift = await findDrift(target);
  if (drift.state === "current") {
    console.log(
      `${shown(target.out)}, ${shown(operationsPath(target))} and ${shown(examplesPath(target))} match ${shown(target.spec)}.`,
    );
  } else {
    if (drift.state === "missing") {
      console.error(`check:generated: ${shown(drift.file)} is missing.`);
    } else {
      console.error(
        `check:generated: ${shown(drift.file)} is stale: it is not what ${shown(target.spec)} produces.`,
      );
      console.error(`  first difference at line ${drift.line}:`);
      console.error(`    expected: ${JSON.stringify(drift.expected)}`);
      console.error(`    found:    ${JSON.stringify(drift.found)}`);
    }
    console.error("Run `npm run generate` and commit the result.");
    process.exitCode = 1;
  }
} catch (error) {
  console.error(`check:generated: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
