// The breaking-change gate on a table of spec pairs, each in a temporary git
// repository: the base commit holds the spec and version before, the working
// tree the spec and version after.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parse, stringify } from "yaml";
import { formatGate, runGate } from "../../scripts/lib/breaking.ts";
import { chooseBase, GateError, judge, type SpecChange } from "../../scripts/lib/breaking-policy.ts";
import { changelog } from "../../scripts/lib/changelog.ts";
import { ROOT, SPEC_PATH } from "../../scripts/lib/paths.ts";
import type { Node } from "../../scripts/lib/spec.ts";
import { runAsync } from "../support/run.ts";

const BINDINGS = "/accounts/{account_id}/addressing/prefixes/{prefix_id}/bindings";
const BINDING = `${BINDINGS}/{binding_id}`;
const SERVICES = "/accounts/{account_id}/addressing/services";

/** A spec edit: it changes the parsed spec in place. */
type Edit = (spec: Node) => void;

// One cleanup at the end: the temp repositories are small.
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function gitIn(cwd: string, ...args: string[]) {
  execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@t", ...args], { cwd, stdio: "ignore" });
}

/** A temp repository whose one commit holds the spec (after `before`) at `baseVersion`, then `after` applied to the working tree. */
function repo(options: {
  before?: Edit | undefined;
  after: Edit;
  baseVersion?: string;
  headVersion?: string;
}): string {
  const dir = mkdtempSync(join(tmpdir(), "sb-gate-"));
  dirs.push(dir);
  const spec: Node = parse(readFileSync(SPEC_PATH, "utf8"));
  options.before?.(spec);
  const write = (version: string) => {
    execFileSync("mkdir", ["-p", join(dir, "spec")]);
    writeFileSync(join(dir, "spec/openapi.yaml"), stringify(spec));
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "x", version }));
  };
  write(options.baseVersion ?? "1.4.2");
  gitIn(dir, "init", "-q");
  gitIn(dir, "add", "-A");
  gitIn(dir, "commit", "-qm", "base");
  options.after(spec);
  write(options.headVersion ?? options.baseVersion ?? "1.4.2");
  return dir;
}

const binding = (spec: Node) => spec.components.schemas.ServiceBinding;
const optionalQuery = (spec: Node) => {
  spec.paths[SERVICES].get.parameters = [
    {
      name: "per_page",
      in: "query",
      required: false,
      description: "Page size.",
      schema: { type: "integer" },
    },
  ];
};

/**
 * One change of each breaking kind, all in one spec, so that one diff judges them
 * all; each must be named on a line of its own, marked BREAKING, with its place.
 */
const BREAKING: [string, Edit, RegExp][] = [
  [
    "a removed operation",
    (s) => delete s.paths[BINDING].delete,
    /DELETE \S+\/bindings\/\{binding_id\}: Operation `DELETE \S+` was removed/,
  ],
  [
    "a removed response field",
    (s) => {
      delete binding(s).properties.service_name;
      binding(s).required = binding(s).required.filter((n: string) => n !== "service_name");
    },
    /Property `service_name` of `ServiceBinding` was removed/,
  ],
  [
    "a new required request field",
    (s) => {
      s.components.schemas.CreateServiceBindingRequest.properties.note = {
        type: "string",
        description: "A note.",
      };
      s.components.schemas.CreateServiceBindingRequest.required.push("note");
    },
    /Properties of `CreateServiceBindingRequest` became required: `note`/,
  ],
  [
    "a narrowed limit",
    (s) => (s.components.schemas.Identifier.maxLength = 16),
    /`maxLength` of `Identifier` changed from '32' to '16'/,
  ],
  [
    "a type change",
    (s) => (s.components.schemas.Service.properties.name.type = "integer"),
    /Type of `name` widened from 'string' to 'integer'/,
  ],
  [
    "a parameter made required",
    (s) => (s.paths[SERVICES].get.parameters[0].required = true),
    /`per_page` query parameter became required/,
  ],
  [
    "a response field made optional",
    (s) => (binding(s).required = binding(s).required.filter((n: string) => n !== "cidr")),
    /Properties of `ServiceBinding` are no longer required: `cidr`/,
  ],
];

describe("breaking changes", () => {
  let dir: string;
  let report: string;
  let failures: string[];
  let changes: SpecChange[];
  beforeAll(() => {
    dir = repo({
      before: optionalQuery,
      after: (s) => {
        for (const [, edit] of BREAKING) edit(s);
      },
      baseVersion: "1.4.2",
      headVersion: "1.5.0",
    });
    const result = runGate(dir, undefined);
    report = formatGate(result);
    failures = result.failures;
    changes = result.changes;
  });

  test.each(BREAKING)("%s is named as BREAKING, with its line in the spec", (_, _edit, named) => {
    expect(report).toMatch(new RegExp(`^ {2}BREAKING .*${named.source}.* at spec/openapi\\.yaml:\\d+$`, "m"));
  });

  test("they fail the gate without a major bump, counted, with the version to set", () => {
    expect(failures).toEqual([
      expect.stringMatching(
        /^\d+ breaking change\(s\) need a major version bump: package\.json is 1\.5\.0, it was 1\.4\.2 at the base; set it to 2\.0\.0 or undo the change\.$/,
      ),
    ]);
  });

  test("they pass with the major version bumped", () => {
    expect(changes.some((c) => c.impact === "major")).toBe(true);
    expect(judge(changes, "1.4.2", "2.0.0")).toEqual([]);
  });

  test("spec:changes lists them as Markdown, breaking first", () => {
    expect(changelog(changes, "v1.4.2")).toMatch(
      /^## API changes since v1\.4\.2\n\n[\s\S]*### Breaking changes[\s\S]*service_name/,
    );
  });
});

describe("changes that break nobody", () => {
  const addOperation: Edit = (s) => {
    s.paths[BINDING].patch = {
      operationId: "updateServiceBinding",
      summary: "Update",
      description: "Updates a binding.",
      responses: { "200": { $ref: "#/components/responses/Forbidden" } },
    };
  };

  // All in one spec, so one diff judges them; each must be named, none as BREAKING.
  const HARMLESS: [string, Edit, RegExp][] = [
    [
      "an added optional request field",
      (s) => {
        s.components.schemas.CreateServiceBindingRequest.properties.note = {
          type: "string",
          description: "A note.",
        };
      },
      /POST \S+: Added Schema `properties\/note`/,
    ],
    [
      "a changed description",
      (s) => (s.paths[SERVICES].get.description = "Lists services."),
      /GET \/accounts\/\{account_id\}\/addressing\/services: Changed Operation `description`/,
    ],
    [
      "an added response field",
      (s) => (binding(s).properties.region = { type: "string", description: "Where." }),
      /GET \S+: Added Schema `properties\/region`/,
    ],
  ];

  let report: string;
  let failures: string[];
  beforeAll(() => {
    const result = runGate(
      repo({
        after: (s) => {
          for (const [, edit] of HARMLESS) edit(s);
        },
      }),
      undefined,
    );
    report = formatGate(result);
    failures = result.failures;
  });

  test.each(HARMLESS)("%s passes with no bump, named and not as BREAKING", (_, _edit, named) => {
    expect(report).toMatch(new RegExp(`^ {2}(patch|addition) .*${named.source}`, "m"));
    expect(report).not.toMatch(/BREAKING/);
    expect(failures).toEqual([]);
  });

  test("an added operation needs a minor bump, and passes with one; spec:changes lists it first", () => {
    const unbumped = runGate(repo({ after: addOperation }), undefined);
    expect(unbumped.failures).toEqual([
      expect.stringContaining("new operations need at least a minor version bump"),
    ]);
    expect(judge(unbumped.changes, "1.4.2", "1.5.0")).toEqual([]);
    expect(changelog(unbumped.changes, "HEAD")).toContain(
      "### Operations\n\n- Added `PATCH /accounts/{account_id}/addressing/prefixes/{prefix_id}/bindings/{binding_id}`",
    );
  });
});

describe("the base", () => {
  test("with no earlier spec (first commit) the gate says so and passes", () => {
    const dir = repo({ after: () => {} });
    const result = runGate(dir, undefined);
    expect(result.base.ref).toBeUndefined();
    expect(formatGate(result)).toContain("No base to compare with: the gate passes.");
  });

  test("the newest tag is the default base", () => {
    const dir = repo({ after: (s) => (binding(s).properties.service_name.type = "integer") });
    gitIn(dir, "tag", "v1.4.2");
    expect(chooseBase(dir, undefined)).toEqual({ ref: "v1.4.2", reason: "the newest tag" });
  });

  test("a base whose spec does not parse is an error naming the ref", () => {
    const dir = repo({ after: () => {} });
    writeFileSync(join(dir, "spec/openapi.yaml"), "openapi: [broken\n");
    gitIn(dir, "commit", "-qam", "broken");
    writeFileSync(join(dir, "spec/openapi.yaml"), readFileSync(SPEC_PATH, "utf8"));
    expect(() => runGate(dir, "HEAD")).toThrow(GateError);
    expect(() => runGate(dir, "HEAD")).toThrow(/spec\/openapi\.yaml at HEAD does not parse/);
  });

  test("an unknown --base is an error naming it", () => {
    expect(() => runGate(repo({ after: () => {} }), "v9.9.9")).toThrow(
      "--base v9.9.9 is not a commit, branch or tag of this repository.",
    );
  });
});

/** Node's flag that loads tsx from this repository, for a command run in another folder. */
const TSX = ["--import", pathToFileURL(join(ROOT, "node_modules/tsx/dist/loader.mjs")).href];

describe("npm run check:breaking, as a command", () => {
  /**
   * A repository where the spec changed in a breaking way two commits ago, unbumped, and the last commit
   * changed something else: the default base is the commit before the one that changed the spec.
   */
  function history(): string {
    const dir = repo({ after: (s) => (s.components.schemas.Identifier.maxLength = 16) });
    gitIn(dir, "commit", "-qam", "narrow the identifiers");
    writeFileSync(join(dir, "README.md"), "unrelated\n");
    gitIn(dir, "add", "-A");
    gitIn(dir, "commit", "-qm", "an unrelated change");
    return dir;
  }

  test("compares with the commit before the spec last changed, and exits 1 on its unbumped breaking change", async () => {
    const dir = history();
    const ran = await runAsync(process.execPath, [...TSX, join(ROOT, "scripts/check-breaking.ts")], {
      cwd: dir,
    });
    const changed = execFileSync("git", ["rev-parse", "HEAD~1"], { cwd: dir, encoding: "utf8" }).trim();
    expect(ran.stderr).toContain(
      `against ${changed}^ (the commit before ${changed.slice(0, 8)}, which last changed the spec)`,
    );
    expect(ran.stderr).toMatch(/BREAKING .*`maxLength` of `Identifier` changed from '32' to '16'/);
    expect(ran.stderr).toContain("FAIL: 1 breaking change(s) need a major version bump");
    expect(ran.status).toBe(1);
  });

  test("CHECK_BREAKING_BASE names another base: the last commit, whose spec is the same, passes", async () => {
    const dir = history();
    const ran = await runAsync(process.execPath, [...TSX, join(ROOT, "scripts/check-breaking.ts")], {
      cwd: dir,
      env: { CHECK_BREAKING_BASE: "HEAD" },
    });
    expect(ran.stdout).toContain("against HEAD (given with --base)");
    expect(ran.stdout).toContain("No changes to the API.");
    expect(ran.status).toBe(0);
  });
});
