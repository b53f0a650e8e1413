// npm run generate: rebuilds generated/openapi.ts from spec/openapi.yaml.
import { relative } from "node:path";
import { examplesPath, generate, operationsPath } from "./lib/generation.ts";
import { targetArgs } from "./lib/target-args.ts";

const target = targetArgs(process.argv.slice(2));
const shown = (path: string) => relative(process.cwd(), path) || path;

try {
  const changed = await generate(target);
  const files = `${shown(target.out)}, ${shown(operationsPath(target))} and ${shown(examplesPath(target))}`;
  console.log(changed ? `Wrote ${files} from ${shown(target.spec)}.` : `${files} are already up to date.`);
} catch (error) {
  console.error(`generate: ${error instanceof Error ? error.message : String(error)}`);
  console.error("generate: nothing was written.");
  process.exitCode = 1;
}
