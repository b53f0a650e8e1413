import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { GENERATED_PATH, SPEC_PATH } from "./paths.ts";

/** The spec and output files a generation script works on: the project's own unless `--spec`/`--out` say otherwise. */
export function targetArgs(argv: string[]): { spec: string; out: string } {
  const { values } = parseArgs({
    args: argv,
    options: { spec: { type: "string" }, out: { type: "string" } },
  });
  return {
    spec: values.spec ? resolve(values.spec) : SPEC_PATH,
    out: values.out ? resolve(values.out) : GENERATED_PATH,
  };
}
