// `npm run generate` and `npm run check:generated` as functions: they print through `io` and return the exit
// code, so tests run them in-process, exactly as the scripts run them.
import { relative } from "node:path";
import { examplesPath, findDrift, generate, operationsPath, type Target } from "./generation.ts";
import { CONSOLE, type Io } from "./io.ts";
import { targetArgs } from "./target-args.ts";

export type { Io };

const shown = (path: string) => relative(process.cwd(), path) || path;
const files = (target: Target) =>
  `${shown(target.out)}, ${shown(operationsPath(target))} and ${shown(examplesPath(target))}`;
const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** npm run generate [-- --spec FILE --out FILE]: writes every generated file, or nothing. */
export async function generateCommand(argv: string[], io: Io = CONSOLE): Promise<number> {
  const target = targetArgs(argv);
  try {
    const changed = await generate(target);
    io.out(
      changed
        ? `Wrote ${files(target)} from ${shown(target.spec)}.`
        : `${files(target)} are already up to date.`,
    );
    return 0;
  } catch (error) {
    io.err(`generate: ${reason(error)}`);
    io.err("generate: nothing was written.");
    return 1;
  }
}

/** npm run check:generated: fails when a generated file is not what the spec produces, and says what to run. */
export async function checkGeneratedCommand(argv: string[], io: Io = CONSOLE): Promise<number> {
  const target = targetArgs(argv);
  try {
    const drift = await findDrift(target);
    if (drift.state === "current") {
      io.out(`${files(target)} match ${shown(target.spec)}.`);
      return 0;
    }
    if (drift.state === "missing") io.err(`check:generated: ${shown(drift.file)} is missing.`);
    else {
      io.err(
        `check:generated: ${shown(drift.file)} is stale: it is not what ${shown(target.spec)} produces.`,
      );
      io.err(`  first difference at line ${drift.line}:`);
      io.err(`    expected: ${JSON.stringify(drift.expected)}`);
      io.err(`    found:    ${JSON.stringify(drift.found)}`);
    }
    io.err("Run `npm run generate` and commit the result.");
    return 1;
  } catch (error) {
    io.err(`check:generated: ${reason(error)}`);
    return 1;
  }
}
