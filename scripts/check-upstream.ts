// npm run check:upstream [-- --upstream FILE] [--draft]: fails when the spec differs from Cloudflare's
// published schema (the committed extract, or FILE) in a way spec/deviations.yaml does not record, or when
// an entry there is stale or lacks its reason or source. --draft prints entries to fill in for what is
// unrecorded.
import { checkUpstreamCommand } from "./lib/upstream/command.ts";

process.exitCode = checkUpstreamCommand(process.argv.slice(2));
