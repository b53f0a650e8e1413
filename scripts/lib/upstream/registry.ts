// Reads spec/deviations.yaml, the registry of the spec's recorded differences
// from Cloudflare's published schema, keeping each entry's line so that a bad
// entry is reported as `spec/deviations.yaml:LINE`.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type YAMLMap } from "yaml";

/** One recorded difference: where, both sides' values, why the spec differs, and on what evidence. */
export interface Deviation {
  /** The operationIds it applies to: one, or several where the same difference is found in each. */
  operations: string[];
  pointer: string;
  upstream: unknown;
  spec: unknown;
  why: string;
  source: string;
  /** The line of the entry in the registry file. */
  line: number;
}

/** The registry as read: its valid entries, and what is wrong with the others. */
export interface Registry {
  entries: Deviation[];
  /** One line each, `spec/deviations.yaml:LINE: what is wrong`. */
  problems: string[];
}

/** The keys an entry has, all of them required. */
export const ENTRY_KEYS = ["operation", "pointer", "upstream", "spec", "why", "source"] as const;

/**
 * Whether `source` says where the evidence is: a link (a docs page, an issue reporting an observed
 * answer), an observed live answer ("observed: ..."), or a deliberate choice ("stricter on purpose: ...").
 */
export function isSource(source: string): boolean {
  return /https?:\/\/\S+/.test(source) || /^(stricter on purpose|observed):\s*\S/i.test(source);
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

/** Reads registry text; `file` names it in problems (e.g. `spec/deviations.yaml`). */
export function readRegistry(source: string, file: string): Registry {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true });
  const lineOf = (offset: number | undefined) => lineCounter.linePos(offset ?? 0).line;
  const problems: string[] = [];
  const entries: Deviation[] = [];
  if (doc.errors.length > 0) {
    for (const error of doc.errors)
      problems.push(`${file}:${lineOf(error.pos[0])}: ${error.message.split("\n")[0]}`);
    return { entries, problems };
  }
  if (doc.contents === null) return { entries, problems };
  if (!isSeq(doc.contents)) {
    problems.push(
      `${file}:${lineOf(doc.contents.range?.[0])}: the registry is a list of entries, one per difference`,
    );
    return { entries, problems };
  }
  const values: unknown[] = doc.toJS();
  const seen = new Map<string, number>();
  for (const [index, item] of doc.contents.items.entries()) {
    const line = lineOf((item as { range?: readonly number[] } | null)?.range?.[0]);
    const at = `${file}:${line}`;
    if (!isMap(item)) {
      problems.push(`${at}: an entry is a mapping with the keys ${ENTRY_KEYS.join(", ")}`);
      continue;
    }
    const entry = readEntry(item, values[index] as Record<string, unknown>, { at, file, lineOf }, problems);
    if (!entry) continue;
    let duplicate = false;
    for (const operation of entry.operations) {
      const key = `${operation} ${entry.pointer}`;
      const first = seen.get(key);
      if (first !== undefined) {
        problems.push(`${at}: ${operation} ${entry.pointer} is recorded twice (first at ${file}:${first})`);
        duplicate = true;
      } else seen.set(key, line);
    }
    if (!duplicate) entries.push({ ...entry, line });
  }
  return { entries, problems };
}

/** Where an entry is, for its problems. */
interface Place {
  at: string;
  file: string;
  lineOf: (offset: number | undefined) => number;
}

/** One entry checked: `item` is its node (for the lines of its keys), `values` the same entry as plain data. */
function readEntry(
  item: YAMLMap,
  values: Record<string, unknown>,
  { at, file, lineOf }: Place,
  problems: string[],
): Omit<Deviation, "line"> | undefined {
  const before = problems.length;
  for (const pair of item.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    if (!(ENTRY_KEYS as readonly string[]).includes(key)) {
      const keyLine = lineOf((pair.key as { range?: readonly number[] } | null)?.range?.[0]);
      problems.push(`${file}:${keyLine}: unknown key ${key} (an entry has ${ENTRY_KEYS.join(", ")})`);
    }
  }
  const operation = values.operation;
  const operations = typeof operation === "string" ? [operation] : Array.isArray(operation) ? operation : [];
  const described =
    operations.length > 0 ? `${operations.join(", ")} ${String(values.pointer ?? "")}` : "entry";
  if (operations.length === 0 || !operations.every((o) => text(o)))
    problems.push(`${at}: ${described}: operation must be an operationId or a list of them`);
  const pointer = values.pointer;
  if (typeof pointer !== "string" || (pointer !== "" && !pointer.startsWith("/")))
    problems.push(
      `${at}: ${described}: pointer must be a JSON pointer such as /responses/200/properties/result`,
    );
  for (const side of ["upstream", "spec"] as const)
    if (!(side in values))
      problems.push(`${at}: ${described}: has no ${side} value (write absent when that side lacks it)`);
  const why = text(values.why);
  if (!why) problems.push(`${at}: ${described}: has no why (the reason the spec differs)`);
  const source = text(values.source);
  if (!source) problems.push(`${at}: ${described}: has no source`);
  else if (!isSource(source))
    problems.push(
      `${at}: ${described}: source must be a link, "observed: ..." or "stricter on purpose: ...", not ${JSON.stringify(source)}`,
    );
  if (problems.length > before || !why || !source) return undefined;
  return {
    operations: operations as string[],
    pointer: pointer as string,
    upstream: values.upstream,
    spec: values.spec,
    why,
    source,
  };
}
