// npm run check:upstream [-- --upstream FILE] [--draft]: fails when the spec differs from Cloudflare's
// published schema (the committed extract, or FILE) in a way spec/deviations.yaml does not record, or when
// an entry there is stale or lacks its reason or source. --draft prints entries to fill in for what is
// unrecorded.
import { parseArgs } from "node:util";
import { DEVIATIONS_PATH, SPEC_PATH, UPSTREAM_PATH } from "./lib/paths.ts";
import { runUpstreamGate, shown } from "./lib/upstream/gate.ts";
import { draftEntries, formatUpstreamGate } from "./lib/upstream/report.ts";

try {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      upstream: { type: "string" },
      spec: { type: "string" },
      registry: { type: "string" },
      draft: { type: "boolean", default: false },
    },
  });
  const files = {
    upstream: values.upstream ?? UPSTREAM_PATH,
    spec: values.spec ?? SPEC_PATH,
    registry: values.registry ?? DEVIATIONS_PATH,
  };
  const result = runUpstreamGate(files);
  const report = formatUpstreamGate(result, {
    spec: shown(files.spec),
    upstream: shown(files.upstream),
    registry: shown(files.registry),
  });
  if (result.problems.length > 0) {
    console.error(report);
    if (values.draft) console.error(`\n${draftEntries(result)}`);
    process.exitCode = 1;
  } else console.log(report);
} catch (error) {
  console.error(`check:upstream: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
