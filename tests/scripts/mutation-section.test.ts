// bench/results.md's two writers keep each other's part: the split at the mutation score.
import { expect, test } from "vitest";
import { MUTATION_END, MUTATION_START, splitAtMutationScore } from "../../scripts/bench/mutation-section.ts";

test("splits the results at the mutation score: what comes before it, and the section itself", () => {
  const section = `${MUTATION_START}\n## Mutation score\n99%\n${MUTATION_END}`;
  expect(splitAtMutationScore(`# Benchmark results\n\nrows\n\n${section}\n`)).toEqual({
    before: "# Benchmark results\n\nrows",
    section,
  });
});

test("results without a mutation score, or with only its start, are all 'before'", () => {
  expect(splitAtMutationScore("# Benchmark results\n\n")).toEqual({
    before: "# Benchmark results",
    section: undefined,
  });
  expect(splitAtMutationScore(`rows\n${MUTATION_START}\ncut short`).section).toBeUndefined();
});
