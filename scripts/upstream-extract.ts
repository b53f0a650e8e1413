// npm run upstream:extract -- <openapi.json> --source <owner/name@commit> [--date YYYY-MM-DD] [--out FILE]:
// writes the published description of exactly the spec's operations, with the components they use and
// the file's provenance, to spec/upstream/cloudflare.json (or FILE). Refuses, writing nothing, an input
// that is not JSON, not OpenAPI 3, or lacks any of the spec's operations, and names what is wrong.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import { UPSTREAM_PATH } from "./lib/paths.ts";
import { loadSpec } from "./lib/spec.ts";
import { extractUpstream, formatExtract, type Origin } from "./lib/upstream/extract.ts";
import { shown } from "./lib/upstream/gate.ts";

const USAGE =
  "usage: npm run upstream:extract -- <openapi.json> --source <owner/name@commit> [--date YYYY-MM-DD] [--out FILE]";

/** The origin the flags give, or why they do not give one. */
function origin(source: string | undefined, date: string | undefined): Origin {
  const match = /^([\w.-]+\/[\w.-]+)(?:@([\w.-]+))?$/.exec(source ?? "");
  if (!match?.[1])
    throw new Error(
      `--source must be owner/name or owner/name@commit, e.g. cloudflare/api-schemas@cca3064f\n${USAGE}`,
    );
  if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date))
    throw new Error(`--date must be YYYY-MM-DD, not ${date}`);
  if (!match[2] && !date)
    throw new Error(`give the commit (--source owner/name@commit) or the --date of the file\n${USAGE}`);
  return { repository: match[1], ...(match[2] ? { commit: match[2] } : {}), ...(date ? { date } : {}) };
}

try {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: { source: { type: "string" }, date: { type: "string" }, out: { type: "string" } },
  });
  const [input, ...extra] = positionals;
  if (!input || extra.length > 0) throw new Error(`give exactly one input file\n${USAGE}`);
  const out = values.out ?? UPSTREAM_PATH;
  const text = readFileSync(input, "utf8");
  const extract = extractUpstream(text, loadSpec(), origin(values.source, values.date), input);
  // Written beside, then renamed: an interrupted run never leaves half a file where the extract was.
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(`${out}.tmp`, formatExtract(extract));
  renameSync(`${out}.tmp`, out);
  const provenance = extract["x-provenance"];
  const count = Object.values<Record<string, unknown>>(extract.components).reduce(
    (sum, kind) => sum + Object.keys(kind).length,
    0,
  );
  console.log(
    `Wrote ${shown(out)}: ${Object.keys(extract.paths).length} paths, ${count} components, from ${provenance.repository}@${provenance.commit ?? provenance.date} (sha256 ${provenance.sha256.slice(0, 12)}).`,
  );
} catch (error) {
  console.error(`upstream:extract: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
