// npm run check:upstream as a function: it prints through `io` and returns the exit code, so a test runs it
// in-process exactly as the script does.
import { parseArgs } from "node:util";
import { CONSOLE, type Io } from "../io.ts";
import { DEVIATIONS_PATH, SPEC_PATH, UPSTREAM_PATH } from "../paths.ts";
import { runUpstreamGate, shown } from "./gate.ts";
import { draftEntries, formatUpstreamGate } from "./report.ts";

/** Runs the upstream gate on the command line's files (the committed ones by default); 0 passes, 1 fails. */
export function checkUpstreamCommand(argv: string[], io: Io = CONSOLE): number {
  try {
    const { values } = parseArgs({
      args: argv,
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
    if (result.problems.length === 0) {
      io.out(report);
      return 0;
    }
    io.err(report);
    if (values.draft) io.err(`\n${draftEntries(result)}`);
    return 1;
  } catch (error) {
    io.err(`check:upstream: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
