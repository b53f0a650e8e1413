// The breaking-change gate: `redocly diff` rates every change of the spec
// between a base ref and the working tree, and the policy (breaking-policy.ts)
// judges the version bump those changes need.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import {
  type Base,
  chooseBase,
  GateError,
  judge,
  MANIFEST_FILE,
  SPEC_FILE,
  type SpecChange,
} from "./breaking-policy.ts";
import { fileAt, refExists } from "./git.ts";
import { ROOT } from "./paths.ts";
import { pointerSegments } from "./spec.ts";

/** The gate's decision. */
export interface GateResult {
  base: Base;
  changes: SpecChange[];
  baseVersion: string | undefined;
  headVersion: string;
  /** Why the gate fails; empty when it passes. */
  failures: string[];
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
