// npm run spec:changes -- --base REF: the spec's changes since REF as Markdown, for a CHANGELOG entry.
import { parseArgs } from "node:util";
import { specChangesSince } from "./lib/breaking.ts";
import { changelog } from "./lib/changelog.ts";

const { values } = parseArgs({ args: process.argv.slice(2), options: { base: { type: "string" } } });
if (!values.base) {
  console.error("spec:changes: --base REF is required, e.g. --base v1.2.0");
  process.exit(2);
}
try {
  console.log(changelog(specChangesSince(process.cwd(), values.base), values.base));
} catch (error) {
  console.error(`spec:changes: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
