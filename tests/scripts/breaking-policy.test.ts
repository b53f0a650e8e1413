// The breaking-change gate's semver policy, as a table: which bumps a set of
// spec changes needs, before and after 1.0.0. The whole command, with real
// specs in temp git repositories, is tested in breaking.e2e.test.ts.
import { describe, expect, test } from "vitest";
import { judge, type SpecChange } from "../../scripts/lib/breaking.ts";

function change(impact: SpecChange["impact"], kind = "modified", typeName = "Schema"): SpecChange {
  return { impact, rule: "rule", message: "m", operation: "GET /x", pointer: "/x", line: 1, kind, typeName };
}

const BREAKING = [change("major")];
const NEW_OPERATION = [change("minor", "added", "Operation")];
const PATCH = [change("patch")];

describe("judge", () => {
  test.each([
    ["a breaking change, major bumped", BREAKING, "1.4.2", "2.0.0"],
    ["a breaking change before 1.0.0, minor bumped", BREAKING, "0.1.0", "0.2.0"],
    ["a breaking change before 1.0.0, released as 1.0.0", BREAKING, "0.1.0", "1.0.0"],
    ["a new operation, minor bumped", NEW_OPERATION, "1.4.2", "1.5.0"],
    ["a new operation before 1.0.0, minor bumped", NEW_OPERATION, "0.1.0", "0.2.0"],
    ["a patch-level change, no bump", PATCH, "1.4.2", "1.4.2"],
    ["no base version", BREAKING, undefined, "0.1.0"],
  ] as const)("passes %s", (_, changes, base, head) => {
    expect(judge([...changes], base, head)).toEqual([]);
  });

  test.each([
    [
      "a breaking change with only a minor bump",
      BREAKING,
      "1.4.2",
      "1.5.0",
      "1 breaking change(s) need a major version bump: package.json is 1.5.0, it was 1.4.2 at the base; set it to 2.0.0 or undo the change.",
    ],
    [
      "a breaking change before 1.0.0 with only a patch bump",
      BREAKING,
      "0.1.0",
      "0.1.1",
      "1 breaking change(s) need a minor version bump (the breaking number before 1.0.0): package.json is 0.1.1, it was 0.1.0 at the base; set it to 0.2.0 or undo the change.",
    ],
    [
      "a new operation with only a patch bump",
      NEW_OPERATION,
      "1.4.2",
      "1.4.3",
      "new operations need at least a minor version bump: package.json is 1.4.3, it was 1.4.2 at the base; set it to 1.5.0.",
    ],
  ] as const)("fails %s, saying which version to set", (_, changes, base, head, failure) => {
    expect(judge([...changes], base, head)).toEqual([failure]);
  });
});
