// Compares the spec's operations with the upstream document's, each in normal
// form (normalise.ts), and lists every difference as a finding: which
// operation, where (a JSON pointer into the normal form), what kind, and the
// value on each side.
import { isDeepStrictEqual } from "node:util";
import { type Node, operations } from "../spec.ts";
import { type NormalOperation, normaliseOperation } from "./normalise.ts";
import { matchingOperation, placeholders } from "./operations.ts";
import { summary } from "./schema.ts";

/** What a finding's side holds when that side does not have the thing at all. */
export const ABSENT = "absent";

/** One difference between the spec and upstream. */
export interface Finding {
  /** The spec's operationId. */
  operation: string;
  /** Where, in the operation's normal form, e.g. `/responses/200/properties/result/required/id`. */
  pointer: string;
  /** What differs: operation, parameter, request body, response, body, member, required, type, enum, items, limit, keyword or security. */
  kind: string;
  upstream: unknown;
  spec: unknown;
}

/** Validation limits: a difference in one of these is a `limit` finding. */
const LIMITS = new Set([
  "minLength",
  "maxLength",
  "pattern",
  "format",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "minItems",
  "maxItems",
  "uniqueItems",
  "minProperties",
  "maxProperties",
]);

/** A JSON Pointer segment (RFC 6901: `~` is `~0`, `/` is `~1`). */
function segment(name: string): string {
  return name.replaceAll("~", "~0").replaceAll("/", "~1");
}

type Report = (pointer: string, kind: string, upstream: unknown, spec: unknown) => void;

/** The differences of two normalised schemas, under `pointer`. */
function compareSchemas(pointer: string, up: Node, spec: Node, report: Report): void {
  if (isDeepStrictEqual(up, spec)) return;
  if (up === false || spec === false || up === null || spec === null || up.recursive || spec.recursive) {
    report(pointer, "type", summary(up), summary(spec));
    return;
  }
  const keywords = [...new Set([...Object.keys(up), ...Object.keys(spec)])].sort();
  for (const keyword of keywords) {
    const a = up[keyword];
    const b = spec[keyword];
    if (isDeepStrictEqual(a, b)) continue;
    const at = `${pointer}/${keyword}`;
    if (keyword === "properties") {
      for (const name of [...new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])].sort()) {
        const member = `${at}/${segment(name)}`;
        if (a?.[name] === undefined) report(member, "member", ABSENT, summary(b[name]));
        else if (b?.[name] === undefined) report(member, "member", summary(a[name]), ABSENT);
        else compareSchemas(member, a[name], b[name], report);
      }
    } else if (keyword === "required") {
      for (const name of [...new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])].sort())
        if (Boolean(a?.[name]) !== Boolean(b?.[name]))
          report(`${at}/${segment(name)}`, "required", Boolean(a?.[name]), Boolean(b?.[name]));
    } else if (["items", "additionalProperties", "not", "contains"].includes(keyword) && a && b) {
      compareSchemas(at, a, b, report);
    } else {
      const kind =
        keyword === "type" || keyword === "enum" ? keyword : LIMITS.has(keyword) ? "limit" : "keyword";
      const shown = (value: unknown) =>
        value === undefined ? ABSENT : keyword === "items" ? summary(value) : value;
      report(at, keyword === "items" ? "items" : kind, shown(a), shown(b));
    }
  }
}

/** The body a side declares for `status`: its own, else its range's (`4XX`), else its `default`. */
function effective(responses: Record<string, Node>, status: string): Node | undefined {
  if (status in responses) return responses[status];
  if (/^\d{3}$/.test(status) && `${status[0]}XX` in responses) return responses[`${status[0]}XX`];
  return status === "default" ? undefined : responses.default;
}

/** Every difference between two normalised operations, pointers into the normal form. */
export function compareOperations(up: NormalOperation, spec: NormalOperation, report: Report): void {
  for (const location of [
    ...new Set([...Object.keys(up.parameters), ...Object.keys(spec.parameters)]),
  ].sort()) {
    const a = up.parameters[location] ?? {};
    const b = spec.parameters[location] ?? {};
    for (const name of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      const at = `/parameters/${location}/${segment(name)}`;
      const x = a[name];
      const y = b[name];
      if (!x || !y) report(at, "parameter", x ? summary(x.schema) : ABSENT, y ? summary(y.schema) : ABSENT);
      else {
        if (x.required !== y.required) report(`${at}/required`, "required", x.required, y.required);
        compareSchemas(`${at}/schema`, x.schema, y.schema, report);
      }
    }
  }
  if (!up.requestBody || !spec.requestBody) {
    if (up.requestBody || spec.requestBody)
      report(
        "/requestBody",
        "request body",
        up.requestBody ? summary(up.requestBody.schema) : ABSENT,
        spec.requestBody ? summary(spec.requestBody.schema) : ABSENT,
      );
  } else {
    if (up.requestBody.required !== spec.requestBody.required)
      report("/requestBody/required", "required", up.requestBody.required, spec.requestBody.required);
    compareSchemas("/requestBody/schema", up.requestBody.schema, spec.requestBody.schema, report);
  }
  const statuses = [...new Set([...Object.keys(up.responses), ...Object.keys(spec.responses)])].sort();
  for (const status of statuses) {
    const a = effective(up.responses, status);
    const b = effective(spec.responses, status);
    const at = `/responses/${segment(status)}`;
    if (a === undefined || b === undefined)
      report(at, "response", a === undefined ? ABSENT : summary(a), b === undefined ? ABSENT : summary(b));
    else compareSchemas(at, a, b, report);
  }
  if (!isDeepStrictEqual(up.security, spec.security))
    report("/security", "security", up.security, spec.security);
}

/**
 * Every difference between the spec's operations and the upstream document's. An operation of the
 * spec that upstream lacks is one finding at the pointer "" (the whole operation); upstream's other
 * operations are not the spec's business.
 */
export function compareDocuments(upstream: Node, spec: Node): Finding[] {
  const findings: Finding[] = [];
  for (const operation of operations(spec)) {
    const report: Report = (pointer, kind, up, ours) =>
      findings.push({ operation: operation.operationId, pointer, kind, upstream: up, spec: ours });
    const theirs = matchingOperation(upstream, operation);
    if (!theirs) {
      report("", "operation", ABSENT, `${operation.method.toUpperCase()} ${operation.path}`);
      continue;
    }
    const names = placeholders(operation.path);
    compareOperations(
      normaliseOperation(upstream, theirs, names),
      normaliseOperation(spec, operation, names),
      report,
    );
  }
  return findings;
}
