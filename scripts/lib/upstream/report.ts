// The upstream gate's report in plain words, as the breaking gate's reads:
// one line per finding, each problem, then the verdict; and, on request,
// registry entries to fill in for what is not recorded yet.
import { Document, isScalar, visit } from "yaml";
import type { Node } from "../spec.ts";
import type { UpstreamGateResult } from "./gate.ts";

/** The files the report names. */
export interface ReportFiles {
  spec: string;
  upstream: string;
  registry: string;
}

const show = (value: unknown) => JSON.stringify(value);

/** Where the upstream file came from, in a few words: `cloudflare/api-schemas@cca3064f, 2024-08-06`. */
function origin(provenance: Node): string {
  if (!provenance) return "no x-provenance";
  const at = provenance.commit ? `@${String(provenance.commit).slice(0, 8)}` : "";
  return [`${provenance.repository}${at}`, provenance.date].filter(Boolean).join(", ");
}

/** The report: a header, one line per finding and per problem, then the verdict. */
export function formatUpstreamGate(
  result: UpstreamGateResult & { provenance?: Node },
  files: ReportFiles,
): string {
  const lines = [
    `Upstream gate: ${files.spec} against ${files.upstream} (${origin(result.provenance)}), differences recorded in ${files.registry}.`,
  ];
  for (const finding of result.findings) {
    const label = finding.recordedAt === undefined ? "UNRECORDED" : "recorded";
    const where = finding.recordedAt === undefined ? "" : ` [${files.registry}:${finding.recordedAt}]`;
    lines.push(
      `  ${label.padEnd(10)} ${finding.operation} ${finding.pointer || "(the whole operation)"} (${finding.kind}): upstream ${show(finding.upstream)}, spec ${show(finding.spec)}${where}`,
    );
  }
  for (const problem of result.problems.filter((p) => p.kind !== "unrecorded"))
    lines.push(`  ${problem.kind.toUpperCase().padEnd(10)} ${problem.message}`);
  const count = (kind: string) => result.problems.filter((p) => p.kind === kind).length;
  if (result.problems.length === 0) {
    lines.push(
      `All ${result.findings.length} differences are recorded (${result.entries} entries): the gate passes.`,
    );
  } else {
    const parts = ["unrecorded", "changed", "stale", "invalid"]
      .filter((kind) => count(kind) > 0)
      .map((kind) => `${count(kind)} ${kind}`);
    lines.push(
      `FAIL: ${result.problems.length} problem(s): ${parts.join(", ")}. Record each unrecorded difference in ${files.registry} (why and source), update changed values, remove stale entries (--draft prints entries to fill in).`,
    );
  }
  return lines.join("\n");
}

/**
 * Registry entries for the unrecorded findings, with why and source left for the maintainer to write;
 * a difference found alike in several operations is one entry listing them.
 */
export function draftEntries(result: UpstreamGateResult): string {
  const byDifference = new Map<
    string,
    { operation: string[]; pointer: string; upstream: unknown; spec: unknown }
  >();
  for (const f of result.findings.filter((finding) => finding.recordedAt === undefined)) {
    const key = show([f.pointer, f.upstream, f.spec]);
    const entry = byDifference.get(key);
    if (entry) entry.operation.push(f.operation);
    else
      byDifference.set(key, {
        operation: [f.operation],
        pointer: f.pointer,
        upstream: f.upstream,
        spec: f.spec,
      });
  }
  const entries = [...byDifference.values()].map((e) => ({
    operation: e.operation.length === 1 ? e.operation[0] : e.operation,
    pointer: e.pointer,
    upstream: e.upstream,
    spec: e.spec,
    why: "",
    source: "",
  }));
  if (entries.length === 0) return "# Nothing unrecorded.";
  const doc = new Document(entries);
  // Lists of names and values read best on one line, as the registry writes them.
  visit(doc, {
    Seq(_, node) {
      if (node.items.every(isScalar)) node.flow = true;
    },
  });
  return `# ${entries.length} entries for the unrecorded differences: write each one's why and source, then add them to the registry.\n${doc.toString({ lineWidth: 0, flowCollectionPadding: false })}`;
}
