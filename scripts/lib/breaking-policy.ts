// The breaking-change gate's policy: which base the spec is compared with,
// and which version bump a set of changes needs. Kept apart from the diffing
// (breaking.ts) so it is tested, and mutation-tested, without running Redocly.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { commitsChanging, fileAt, newestTag, refExists } from "./git.ts";

/** Where the spec and the version live, relative to the repository root. */
export const SPEC_FILE = "spec/openapi.yaml";
export const MANIFEST_FILE = "package.json";

/** One change, in plain words, with where it is. */
export interface SpecChange {
  impact: "major" | "minor" | "patch";
  rule: string;
  /** Redocly's sentence for the change, e.g. "Properties of `ServiceBinding` are no longer required: `service_name`." */
  message: string;
  /** The operation it affects, e.g. "GET /accounts/{account_id}/addressing/services", or "components". */
  operation: string;
  /** The JSON pointer and line in the spec that holds it. */
  pointer: string;
  line: number | undefined;
  /** added, removed or modified. */
  kind: string;
  /** What changed: Operation, Schema, Response, Parameter... */
  typeName: string;
}

/** Which ref to compare with, and why that one. */
export interface Base {
  ref: string | undefined;
  reason: string;
}

/** Raised when the gate cannot judge: a bad ref, or a base spec that does not parse. */
export class GateError extends Error {
  override name = "GateError";
}

/**
 * The ref to compare with: `--base` when given; else the newest tag; else the
 * commit the working tree's spec last changed from (HEAD when the spec has
 * uncommitted changes, else the parent of the newest commit that changed it).
 */
export function chooseBase(cwd: string, explicit: string | undefined): Base {
  if (explicit) {
    if (!refExists(cwd, explicit))
      throw new GateError(`--base ${explicit} is not a commit, branch or tag of this repository.`);
    return { ref: explicit, reason: "given with --base" };
  }
  const tag = newestTag(cwd);
  if (tag) return { ref: tag, reason: "the newest tag" };
  const working = readFileSync(join(cwd, SPEC_FILE), "utf8");
  if (refExists(cwd, "HEAD") && fileAt(cwd, "HEAD", SPEC_FILE) !== working) {
    return { ref: "HEAD", reason: "the last commit (the spec has uncommitted changes)" };
  }
  const [latest] = commitsChanging(cwd, SPEC_FILE);
  if (latest && refExists(cwd, `${latest}^`)) {
    return {
      ref: `${latest}^`,
      reason: `the commit before ${latest.slice(0, 8)}, which last changed the spec`,
    };
  }
  return { ref: undefined, reason: "no earlier version of the spec exists (first commit)" };
}

/** The major and minor numbers of a semver string (a pre-release or build suffix allowed; the policy never needs the patch). */
function semver(version: string): [number, number] {
  const match = /^(\d+)\.(\d+)\.\d+(?:[-+][0-9A-Za-z.+-]+)?$/.exec(version);
  if (!match) throw new GateError(`package.json version ${JSON.stringify(version)} is not semver`);
  return [Number(match[1]), Number(match[2])];
}

/** The semver policy: why these changes need a bigger version bump than they got. */
export function judge(changes: SpecChange[], baseVersion: string | undefined, headVersion: string): string[] {
  if (!baseVersion) return [];
  const [baseMajor, baseMinor] = semver(baseVersion);
  const [headMajor, headMinor] = semver(headVersion);
  const failures: string[] = [];
  const breaking = changes.filter((c) => c.impact === "major");
  // Before 1.0.0 the minor number is the breaking one: npm's ^0.1.0 accepts 0.1.x only, never 0.2.0.
  const beforeOne = baseMajor === 0 && headMajor === 0;
  const bumpedBreaking = beforeOne ? headMinor > baseMinor : headMajor > baseMajor;
  if (breaking.length > 0 && !bumpedBreaking) {
    const [bump, next] = beforeOne
      ? ["minor version bump (the breaking number before 1.0.0)", `0.${baseMinor + 1}.0`]
      : ["major version bump", `${baseMajor + 1}.0.0`];
    failures.push(
      `${breaking.length} breaking change(s) need a ${bump}: package.json is ${headVersion}, it was ${baseVersion} at the base; set it to ${next} or undo the change.`,
    );
  }
  const addsOperations = changes.some(
    (c) => c.kind === "added" && (c.typeName === "Operation" || c.typeName === "PathItem"),
  );
  const bumpedMinor = headMajor > baseMajor || headMinor > baseMinor;
  if (addsOperations && breaking.length === 0 && !bumpedMinor) {
    failures.push(
      `new operations need at least a minor version bump: package.json is ${headVersion}, it was ${baseVersion} at the base; set it to ${baseMajor}.${baseMinor + 1}.0.`,
    );
  }
  return failures;
}
