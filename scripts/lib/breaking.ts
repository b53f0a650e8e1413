// The breaking-change gate: `redocly diff` rates every change of the spec
// between a base ref and the working tree; a breaking (major) change needs a
// higher major version in package.json than at the base, and a change that
// adds operations needs at least a minor bump.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { commitsChanging, fileAt, newestTag, refExists } from "./git.ts";
import { ROOT } from "./paths.ts";
import { pointerSegments } from "./spec.ts";

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

/** The gate's decision. */
export interface GateResult {
  base: Base;
  changes: SpecChange[];
  baseVersion: string | undefined;
  headVersion: string;
  /** Why the gate fails; empty when it passes. */
  failures: string[];
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

/** The major, minor and patch numbers of a semver string. */
function semver(version: string): [number, number, number] {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!match) throw new GateError(`package.json version ${JSON.stringify(version)} is not semver`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** Runs `redocly diff` on two spec files and returns its changes. */
export function diffSpecs(basePath: string, revisionPath: string): SpecChange[] {
  const ran = spawnSync(
    process.execPath,
    [
      join(ROOT, "node_modules/@redocly/cli/lib/index.js"),
      "diff",
      basePath,
      revisionPath,
      "--config",
      join(ROOT, "redocly.yaml"),
      "--format",
      "json",
      "--fail-on",
      "none",
    ],
    {
      encoding: "utf8",
      env: { ...process.env, REDOCLY_SUPPRESS_NOTIFICATIONS: "true", REDOCLY_TELEMETRY: "off" },
    },
  );
  let report: { changes?: RedoclyChange[] };
  try {
    report = JSON.parse(ran.stdout);
  } catch {
    throw new GateError(
      `redocly diff failed (exit ${ran.status}): ${ran.stderr.replace(/[╔╗╚╝║═]/g, "").trim()}`,
    );
  }
  return (report.changes ?? []).flatMap((change) => {
    // Changes no diff rule judged (an added response, a new description) carry no verdict: describe them here.
    const verdicts = change.verdicts?.length
      ? change.verdicts
      : [
          {
            ruleId: `${change.typeName}-${change.kind}`,
            impact: change.impact,
            message: describeChange(change),
            location: change.revision ?? change.base,
          },
        ];
    return verdicts.map((verdict) => ({
      impact: verdict.impact,
      rule: verdict.ruleId,
      message: verdict.message,
      operation: operationOf(change.path),
      pointer: verdict.location?.pointer ?? change.path,
      line: verdict.location?.line,
      kind: change.kind,
      typeName: change.typeName,
    }));
  });
}

/** A sentence for a change that no rule described, e.g. "Added Response `responses/4XX`." */
function describeChange(change: RedoclyChange): string {
  const subject = change.property ?? pointerSegments(change.path).slice(-2).join("/");
  const verb = { added: "Added", removed: "Removed", modified: "Changed" }[change.kind] ?? change.kind;
  return `${verb} ${change.typeName} \`${subject}\`.`;
}

interface RedoclyChange {
  path: string;
  kind: string;
  typeName: string;
  impact: "major" | "minor" | "patch";
  property?: string;
  base?: { pointer?: string; line?: number };
  revision?: { pointer?: string; line?: number };
  verdicts?: {
    ruleId: string;
    impact: "major" | "minor" | "patch";
    message: string;
    location?: { pointer?: string; line?: number };
  }[];
}

/** "GET /path" for a pointer inside an operation, else the pointer's first segment. */
function operationOf(pointer: string): string {
  const parts = pointerSegments(pointer);
  if (parts[0] === "paths" && parts[1]) return parts[2] ? `${parts[2].toUpperCase()} ${parts[1]}` : parts[1];
  return parts[0] ?? "document";
}

/** Runs the gate in the repository at `cwd`, comparing the working tree's spec with the base. */
export function runGate(cwd: string, explicitBase: string | undefined): GateResult {
  const base = chooseBase(cwd, explicitBase);
  const headVersion = String(JSON.parse(readFileSync(join(cwd, MANIFEST_FILE), "utf8")).version);
  if (!base.ref) return { base, changes: [], baseVersion: undefined, headVersion, failures: [] };
  const changes = specChangesSince(cwd, base.ref);
  const baseManifest = fileAt(cwd, base.ref, MANIFEST_FILE);
  const baseVersion = baseManifest ? String(JSON.parse(baseManifest).version) : undefined;
  return { base, changes, baseVersion, headVersion, failures: judge(changes, baseVersion, headVersion) };
}

/** The changes from the spec at `ref` to the working tree's; a clear error when the base spec is missing or does not parse. */
export function specChangesSince(cwd: string, ref: string): SpecChange[] {
  if (!refExists(cwd, ref)) throw new GateError(`${ref} is not a commit, branch or tag of this repository.`);
  const baseSpec = fileAt(cwd, ref, SPEC_FILE);
  if (baseSpec === undefined) throw new GateError(`${SPEC_FILE} does not exist at ${ref}.`);
  try {
    const parsed = parse(baseSpec);
    if (typeof parsed !== "object" || parsed === null || !("openapi" in parsed)) {
      throw new Error("not an OpenAPI document");
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new GateError(`${SPEC_FILE} at ${ref} does not parse: ${reason}`);
  }
  const dir = mkdtempSync(join(tmpdir(), "spec-base-"));
  try {
    const basePath = join(dir, "openapi.yaml");
    writeFileSync(basePath, baseSpec);
    return diffSpecs(basePath, join(cwd, SPEC_FILE));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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

/** The report in plain words: one line per change with its location, then the verdict. */
export function formatGate(result: GateResult): string {
  const lines = [
    `Breaking-change gate: ${SPEC_FILE} against ${result.base.ref ?? "nothing"} (${result.base.reason}).`,
  ];
  if (!result.base.ref) {
    lines.push("No base to compare with: the gate passes.");
    return lines.join("\n");
  }
  lines.push(`Version: ${result.baseVersion ?? "(none)"} at the base, ${result.headVersion} now.`);
  if (result.changes.length === 0) lines.push("No changes to the API.");
  const label = { major: "BREAKING", minor: "addition", patch: "patch" } as const;
  for (const change of result.changes) {
    const where = change.line ? `${SPEC_FILE}:${change.line}` : `${SPEC_FILE} ${change.pointer}`;
    lines.push(
      `  ${label[change.impact].padEnd(8)} ${change.operation}: ${change.message} [${change.rule}] at ${where}`,
    );
  }
  for (const failure of result.failures) lines.push(`FAIL: ${failure}`);
  if (result.failures.length === 0) lines.push("The version bump matches the changes: the gate passes.");
  return lines.join("\n");
}
