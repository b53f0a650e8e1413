// The breaking-change gate's policy: which base it compares with (in small
// temp git repositories), and, as a table, which bumps a set of spec changes
// needs before and after 1.0.0. The whole command, with real specs and
// Redocly's diff, is tested in breaking.e2e.test.ts.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { chooseBase, GateError, judge, type SpecChange } from "../../scripts/lib/breaking-policy.ts";

function change(impact: SpecChange["impact"], kind = "modified", typeName = "Schema"): SpecChange {
  return { impact, rule: "rule", message: "m", operation: "GET /x", pointer: "/x", line: 1, kind, typeName };
}

const BREAKING = [change("major")];
const NEW_OPERATION = [change("minor", "added", "Operation")];
const PATCH = [change("patch")];
const NEW_PATH = [change("minor", "added", "PathItem")];

describe("judge", () => {
  test.each([
    ["a breaking change, major bumped", BREAKING, "1.4.2", "2.0.0"],
    ["a breaking change before 1.0.0, minor bumped", BREAKING, "0.1.0", "0.2.0"],
    ["a breaking change before 1.0.0, released as 1.0.0", BREAKING, "0.1.0", "1.0.0"],
    ["a new operation, minor bumped", NEW_OPERATION, "1.4.2", "1.5.0"],
    ["a new operation before 1.0.0, minor bumped", NEW_OPERATION, "0.1.0", "0.2.0"],
    ["a new path, minor bumped", NEW_PATH, "1.4.2", "1.5.0"],
    ["a new operation, major bumped (minor back to 0)", NEW_OPERATION, "1.4.2", "2.0.0"],
    ["an added schema, no bump", [change("minor", "added", "Schema")], "1.4.2", "1.4.2"],
    ["a changed operation, no bump", [change("minor", "modified", "Operation")], "1.4.2", "1.4.2"],
    ["a breaking change, two-digit numbers bumped", BREAKING, "10.11.12", "11.0.0"],
    ["a new operation, two-digit numbers bumped", NEW_OPERATION, "10.11.12", "10.12.0"],
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
    [
      "a new path with no bump",
      NEW_PATH,
      "0.3.1",
      "0.3.1",
      "new operations need at least a minor version bump: package.json is 0.3.1, it was 0.3.1 at the base; set it to 0.4.0.",
    ],
    [
      "a breaking change and a new operation, no bump: the breaking one is named, once",
      [...BREAKING, ...NEW_OPERATION, ...BREAKING],
      "1.4.2",
      "1.4.2",
      "2 breaking change(s) need a major version bump: package.json is 1.4.2, it was 1.4.2 at the base; set it to 2.0.0 or undo the change.",
    ],
    [
      "a new operation among other changes, no bump",
      [...PATCH, ...NEW_OPERATION],
      "1.4.2",
      "1.4.2",
      "new operations need at least a minor version bump: package.json is 1.4.2, it was 1.4.2 at the base; set it to 1.5.0.",
    ],
    [
      "a breaking change with the version moved back below 1.0.0",
      BREAKING,
      "1.4.2",
      "0.5.0",
      "1 breaking change(s) need a major version bump: package.json is 0.5.0, it was 1.4.2 at the base; set it to 2.0.0 or undo the change.",
    ],
  ] as const)("fails %s, saying which version to set", (_, changes, base, head, failure) => {
    expect(judge([...changes], base, head)).toEqual([failure]);
  });

  test.each(["1.4.12", "1.4.2-beta.1", "1.4.2-rc-1", "1.4.2+build.5", "10.20.30"])(
    "reads %s as semver: the minor bump to 1.5.0 or later passes an added operation",
    (version) => {
      const [major, minor] = version.split(".").map(Number) as [number, number];
      expect(judge(NEW_OPERATION, version, `${major}.${minor + 1}.0`)).toEqual([]);
      expect(judge(NEW_OPERATION, version, version)).toHaveLength(1);
    },
  );

  test.each(["1.4.2foo", "1.4.2-", "1.4.2 ", "1.4.2-beta!", " 1.4.2", "1.4.x"])(
    "refuses %j, which is not semver",
    (version) => {
      expect(() => judge(PATCH, version, "2.0.0")).toThrow("is not semver");
    },
  );

  test("a version that is not semver is an error that quotes it", () => {
    expect(() => judge(PATCH, "1.4", "1.4.2")).toThrow(
      new GateError('package.json version "1.4" is not semver'),
    );
    expect(() => judge(PATCH, "1.4.2", "v2.0.0")).toThrow('package.json version "v2.0.0" is not semver');
    try {
      judge(PATCH, "x", "1.0.0");
    } catch (error) {
      expect((error as Error).name).toBe("GateError");
    }
    expect.assertions(3);
  });
});

describe("chooseBase", () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const git = (...args: string[]) =>
    execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@t", ...args], {
      cwd: dir,
      encoding: "utf8",
    }).trim();
  const write = (path: string, text: string) => {
    mkdirSync(join(dir, "spec"), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  const commit = (message: string) => {
    git("add", "-A");
    git("commit", "-qm", message);
    return git("rev-parse", "HEAD");
  };
  /** A repository whose spec changed in its second commit, and whose third commit changed something else. */
  function history(): { specChange: string } {
    dir = mkdtempSync(join(tmpdir(), "sb-base-"));
    git("init", "-q");
    write("spec/openapi.yaml", "openapi: 3.1.0 # first\n");
    commit("first");
    write("spec/openapi.yaml", "openapi: 3.1.0 # second\n");
    const specChange = commit("spec");
    write("README.md", "other\n");
    commit("other");
    return { specChange };
  }

  test("by default, the commit before the one that last changed the spec, naming it", () => {
    const { specChange } = history();
    expect(chooseBase(dir, undefined)).toEqual({
      ref: `${specChange}^`,
      reason: `the commit before ${specChange.slice(0, 8)}, which last changed the spec`,
    });
  });

  test("with uncommitted changes to the spec, staged or not, the last commit", () => {
    history();
    const head = { ref: "HEAD", reason: "the last commit (the spec has uncommitted changes)" };
    write("spec/openapi.yaml", "openapi: 3.1.0 # third\n");
    expect(chooseBase(dir, undefined)).toEqual(head);
    git("add", "spec/openapi.yaml");
    expect(chooseBase(dir, undefined)).toEqual(head);
  });

  test("the newest tag, over the spec's history", () => {
    history();
    git("tag", "v0.1.0", "HEAD~2");
    git("tag", "v0.2.0", "HEAD~1");
    expect(chooseBase(dir, undefined)).toEqual({ ref: "v0.2.0", reason: "the newest tag" });
  });

  test("a base given explicitly, over the newest tag; one that does not exist is an error naming it", () => {
    history();
    git("tag", "v0.1.0");
    expect(chooseBase(dir, "HEAD~2")).toEqual({ ref: "HEAD~2", reason: "given with --base" });
    expect(() => chooseBase(dir, "no-such-ref")).toThrow(
      new GateError("--base no-such-ref is not a commit, branch or tag of this repository."),
    );
  });

  test("a spec whose only version is the first commit, or not yet committed: nothing to compare with", () => {
    dir = mkdtempSync(join(tmpdir(), "sb-base-"));
    git("init", "-q");
    write("spec/openapi.yaml", "openapi: 3.1.0\n");
    const none = { ref: undefined, reason: "no earlier version of the spec exists (first commit)" };
    expect(chooseBase(dir, undefined)).toEqual(none);
    commit("first");
    expect(chooseBase(dir, undefined)).toEqual(none);
  });
});
