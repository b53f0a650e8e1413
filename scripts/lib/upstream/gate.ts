// The upstream gate: every difference between the spec and Cloudflare's
// published schema must be recorded in the registry, and every recorded
// difference must still be found, with the values recorded.
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { ROOT } from "../paths.ts";
import { type Node, operations, parseSpec } from "../spec.ts";
import { compareDocuments, type Finding } from "./compare.ts";
import { parseOpenApi } from "./extract.ts";
import { type Deviation, readRegistry } from "./registry.ts";

/** A finding, with the registry line that records it when one does. */
export interface JudgedFinding extends Finding {
  recordedAt?: number;
}

/** Why the gate fails, one per problem. */
export interface GateProblem {
  kind: "unrecorded" | "changed" | "stale" | "invalid";
  /** The registry line concerned, when there is one. */
  line?: number;
  operation?: string;
  pointer?: string;
  message: string;
}

/** The gate's decision. */
export interface UpstreamGateResult {
  findings: JudgedFinding[];
  entries: number;
  problems: GateProblem[];
  /** The upstream file's `x-provenance`, when it has one. */
  provenance?: Node;
}

const show = (value: unknown) => JSON.stringify(value);

/** Holds the findings against the registry's entries (`file` names the registry in messages). */
export function judgeFindings(
  findings: Finding[],
  entries: Deviation[],
  file: string,
  known: string[],
): UpstreamGateResult {
  const problems: GateProblem[] = [];
  const byKey = new Map<string, Deviation>();
  for (const entry of entries)
    for (const operation of entry.operations) byKey.set(`${operation} ${entry.pointer}`, entry);
  const used = new Set<string>();
  const judged = findings.map((finding): JudgedFinding => {
    const key = `${finding.operation} ${finding.pointer}`;
    const entry = byKey.get(key);
    const where = { operation: finding.operation, pointer: finding.pointer };
    if (!entry) {
      problems.push({
        kind: "unrecorded",
        ...where,
        message: `${finding.operation} ${finding.pointer || "(the whole operation)"} differs (${finding.kind}): upstream ${show(finding.upstream)}, spec ${show(finding.spec)}; not recorded in ${file}`,
      });
      return finding;
    }
    used.add(key);
    if (
      !isDeepStrictEqual(entry.upstream, finding.upstream) ||
      !isDeepStrictEqual(entry.spec, finding.spec)
    ) {
      problems.push({
        kind: "changed",
        line: entry.line,
        ...where,
        message: `${file}:${entry.line}: ${finding.operation} ${finding.pointer} now differs as upstream ${show(finding.upstream)}, spec ${show(finding.spec)}; recorded as upstream ${show(entry.upstream)}, spec ${show(entry.spec)}`,
      });
    }
    return { ...finding, recordedAt: entry.line };
  });
  for (const entry of entries)
    for (const operation of entry.operations) {
      if (used.has(`${operation} ${entry.pointer}`)) continue;
      const why = known.includes(operation)
        ? "the spec and upstream no longer differ there: remove the entry (or this operation from it)"
        : "the spec has no operation of that name";
      problems.push({
        kind: "stale",
        line: entry.line,
        operation,
        pointer: entry.pointer,
        message: `${file}:${entry.line}: ${operation} ${entry.pointer} is recorded, but ${why}`,
      });
    }
  return { findings: judged, entries: entries.length, problems };
}

/** The whole gate on documents already read; `registryText` is the registry file's text. */
export function upstreamGate(
  upstream: Node,
  spec: Node,
  registryText: string,
  registryFile: string,
): UpstreamGateResult {
  const registry = readRegistry(registryText, registryFile);
  const known = operations(spec).map((o) => o.operationId);
  const result = judgeFindings(compareDocuments(upstream, spec), registry.entries, registryFile, known);
  const invalid = registry.problems.map((message): GateProblem => ({ kind: "invalid", message }));
  const provenance = upstream["x-provenance"];
  return { ...result, problems: [...invalid, ...result.problems], ...(provenance ? { provenance } : {}) };
}

/** Where the gate reads its three files. */
export interface GateFiles {
  upstream: string;
  spec: string;
  registry: string;
}

/** A path as messages show it: relative to the repository when inside it. */
export function shown(path: string): string {
  const inside = relative(ROOT, path);
  return inside.startsWith("..") ? path : inside;
}

/** A file's text; an error that names the file when it cannot be read. */
function read(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(`${shown(path)} cannot be read (${code === "ENOENT" ? "it does not exist" : code})`);
  }
}

/** Reads the three files and runs the gate; throws an Error that names the file when one cannot be read. */
export function runUpstreamGate(files: GateFiles): UpstreamGateResult {
  const upstream = parseOpenApi(read(files.upstream), shown(files.upstream));
  const spec = parseSpec(read(files.spec));
  const registryText = read(files.registry);
  return upstreamGate(upstream, spec, registryText, shown(files.registry));
}
