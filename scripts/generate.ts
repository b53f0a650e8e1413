// npm run generate: rebuilds generated/openapi.ts from spec/openapi.yaml.
import { relative } from "node:path";
import { generate } from "./lib/generation.ts";
import { targetArgs } from "./lib/target-args.ts";

const target = targetArgs(process.argv.slice(2));
const shown = (path: string) => relative(process.cwd(), path) || path;

try {
  const changed = await generate(target);
  console.log(
    changed
      ? `Wrote ${shown(target.out)} from ${shown(target.spec)}.`
      : `${shown(target.out)} is already up to date.`,
  );
} catch (error) {
  console.error(`generate: ${error instanceof Error ? error.message : String(error)}`);
  console.error("generate: nothing was written.");
  process.exitCode = 1;
}
