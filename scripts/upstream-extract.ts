// npm run upstream:extract -- <openapi.json> --source <owner/name@commit> [--date YYYY-MM-DD] [--out FILE]:
// writes the published description of exactly the spec's operations, with the components they use and
// the file's provenance, to spec/upstream/cloudflare.json (or FILE). Refuses, writing nothing, an input
// that is not JSON, not OpenAPI 3, or lacks any of the spec's operations, and names what is wrong.
import { parseArgs } from "node:util";
import { UPSTREAM_PATH } from "./lib/paths.ts";
import { loadSpec } from "./lib/spec.ts";
import { extractFile, parseOrigin } from "./lib/upstream/extract.ts";
import { shown } from "./lib/upstream/gate.ts";

const USAGE =
  "usage: npm run upstream:extract -- <openapi.json> --source <owner/name@commit> [--date YYYY-MM-DD] [--out FILE]";

try {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: { source: { type: "string" }, date: { type: "string" }, out: { type: "string" } },
  });
  const [input, ...extra] = positionals;
  if (!input || extra.length > 0) throw new Error("give exactly one input file");
  const out = values.out ?? UPSTREAM_PATH;
  const extract = extractFile(input, out, loadSpec(), parseOrigin(values.source, values.date));
  const provenance = extract["x-provenance"];
  const components = Object.values<Record<string, unknown>>(extract.components).reduce(
    (sum, kind) => sum + Object.keys(kind).length,
    0,
  );
  console.log(
    `Wrote ${shown(out)}: ${Object.keys(extract.paths).length} paths, ${components} components, from ${provenance.repository}@${provenance.commit ?? provenance.date} (sha256 ${provenance.sha256.slice(0, 12)}).`,
  );
} catch (error) {
  console.error(`upstream:extract: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exitCode = 1;
}
