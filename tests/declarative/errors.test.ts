// The errors of bindings as code: each names its kind in a log line, and lists
// every problem on a line of its own, as `file:line:column: message`.
import { describe, expect, test } from "vitest";
import { BindingsFileError, PlanError, ProblemsError } from "../../src/declarative/index.ts";
import { ServiceBindingsError } from "../../src/index.ts";

const problems = [
  { file: "bindings.yaml", line: 3, column: 5, message: 'missing "bindings"' },
  { file: "bindings.yaml", line: 9, column: 7, message: "no service named CDNN" },
];

describe("ProblemsError and its kinds", () => {
  test.each([
    ["ProblemsError", ProblemsError],
    ["BindingsFileError", BindingsFileError],
    ["PlanError", PlanError],
  ])("a %s names itself in a log line, then each problem on its own line", (name, Kind) => {
    const error = new Kind(problems);
    expect(String(error)).toBe(
      `${name}: bindings.yaml:3:5: missing "bindings"\nbindings.yaml:9:7: no service named CDNN`,
    );
    expect(error.problems).toEqual(problems);
    expect(error).toBeInstanceOf(ServiceBindingsError);
  });
});
