// Normalises a JSON Schema (OpenAPI 3.0 or 3.1) so that two descriptions of
// the same values compare equal: references followed, allOf merged, 3.0's
// `nullable` and 3.1's `"null"` type made one, `const` an enum, and what only
// documents (descriptions, examples, titles, `x-` extensions) dropped.
import { isDeepStrictEqual } from "node:util";
import { deref, type Node } from "../spec.ts";

/** Keywords that only document a schema: they never change which values it admits. */
const DOC_ONLY = new Set([
  "description",
  "title",
  "summary",
  "example",
  "examples",
  "externalDocs",
  "deprecated",
  "readOnly",
  "writeOnly",
  "$comment",
  "xml",
  "discriminator",
]);

/** The instance types a keyword applies to; on a schema whose type excludes them, JSON Schema ignores it. */
const APPLIES_TO: Record<string, string[]> = {
  minLength: ["string"],
  maxLength: ["string"],
  pattern: ["string"],
  minimum: ["number", "integer"],
  maximum: ["number", "integer"],
  exclusiveMinimum: ["number", "integer"],
  exclusiveMaximum: ["number", "integer"],
  multipleOf: ["number", "integer"],
  items: ["array"],
  prefixItems: ["array"],
  minItems: ["array"],
  maxItems: ["array"],
  uniqueItems: ["array"],
  contains: ["array"],
  properties: ["object"],
  required: ["object"],
  additionalProperties: ["object"],
  patternProperties: ["object"],
  minProperties: ["object"],
  maxProperties: ["object"],
};

/** Lower bounds: merging two parts of an allOf keeps the higher. */
const LOWER_BOUNDS = new Set(["minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties"]);
/** Upper bounds: merging keeps the lower. */
const UPPER_BOUNDS = new Set(["maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties"]);

/** The JSON Schema type of a value; an integral number is an `integer`. */
function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

/** Whether a value of type `actual` is admitted by the type `declared` (every integer is a number). */
function fits(actual: string, declared: string): boolean {
  return actual === declared || (declared === "number" && actual === "integer");
}

function asTypes(type: unknown): string[] | undefined {
  if (type === undefined) return undefined;
  return Array.isArray(type) ? type.map(String) : [String(type)];
}

function sortKeys(node: Node): Node {
  return Object.fromEntries(Object.entries(node).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The keywords of one schema object, normalised, before its allOf parts are merged in. */
function ownKeywords(doc: Node, schema: Node, stack: string[]): Node {
  const own: Node = {};
  for (const [keyword, value] of Object.entries<Node>(schema)) {
    if (DOC_ONLY.has(keyword) || keyword.startsWith("x-") || keyword === "allOf" || keyword === "nullable")
      continue;
    if (keyword === "const") own.enum = [value];
    else if (keyword === "properties")
      own.properties = Object.fromEntries(
        Object.entries<Node>(value).map(([name, member]) => [name, normaliseSchema(doc, member, stack)]),
      );
    else if (keyword === "required") own.required = Object.fromEntries(value.map((n: string) => [n, true]));
    else if (["items", "additionalProperties", "not", "contains"].includes(keyword)) {
      if (value === true) continue;
      const inner = normaliseSchema(doc, value, stack);
      if (inner !== false && Object.keys(inner).length === 0) continue;
      own[keyword] = inner;
    } else if (keyword === "oneOf" || keyword === "anyOf")
      own[keyword] = value.map((part: Node) => normaliseSchema(doc, part, stack));
    else if (keyword === "exclusiveMinimum" || keyword === "exclusiveMaximum") {
      // OpenAPI 3.0 writes these as booleans beside minimum/maximum; 3.1 as the bound itself.
      const bound = keyword === "exclusiveMinimum" ? "minimum" : "maximum";
      if (value === true && schema[bound] !== undefined) own[keyword] = schema[bound];
      else if (typeof value === "number") own[keyword] = value;
    } else own[keyword] = structuredClone(value);
  }
  if (schema.exclusiveMinimum === true) delete own.minimum;
  if (schema.exclusiveMaximum === true) delete own.maximum;
  // OpenAPI 3.0's `nullable: true` admits null besides the declared type, as 3.1's `type: [.., "null"]` does.
  if (schema.nullable === true && own.type !== undefined) own.type = [...(asTypes(own.type) ?? []), "null"];
  return own;
}

/** The types both lists admit (an integer is a number). */
function intersectTypes(a: string[], b: string[]): string[] {
  const both = new Set<string>();
  for (const x of a)
    for (const y of b) {
      if (fits(x, y)) both.add(x);
      else if (fits(y, x)) both.add(y);
    }
  return [...both];
}

/** Two normalised schemas merged as allOf does: a value must satisfy both. */
function merge(a: Node, b: Node): Node {
  if (a === false || b === false) return false;
  const merged: Node = { ...a };
  for (const [keyword, value] of Object.entries<Node>(b)) {
    const prior = merged[keyword];
    if (prior === undefined) merged[keyword] = value;
    else if (keyword === "type") merged.type = intersectTypes(asTypes(prior) ?? [], asTypes(value) ?? []);
    else if (keyword === "enum")
      merged.enum = prior.filter((x: unknown) => value.some((y: unknown) => isDeepStrictEqual(x, y)));
    else if (keyword === "required") merged.required = { ...prior, ...value };
    else if (keyword === "properties") {
      const properties = { ...prior };
      for (const [name, member] of Object.entries<Node>(value))
        properties[name] = properties[name] === undefined ? member : tidy(merge(properties[name], member));
      merged.properties = properties;
    } else if (keyword === "items" || keyword === "additionalProperties")
      merged[keyword] = tidy(merge(prior, value));
    else if (LOWER_BOUNDS.has(keyword)) merged[keyword] = Math.max(prior, value);
    else if (UPPER_BOUNDS.has(keyword)) merged[keyword] = Math.min(prior, value);
    // Any other keyword given twice: the later part's value, as a reader of the document would take it.
    else merged[keyword] = value;
  }
  return merged;
}

/** Type and enum made canonical, and keywords the type makes void dropped. */
function tidy(schema: Node): Node {
  if (schema === false) return false;
  const out: Node = { ...schema };
  let types = asTypes(out.type);
  if (out.enum) {
    out.enum = [...new Map<string, unknown>(out.enum.map((v: unknown) => [JSON.stringify(v), v])).entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, v]) => v);
    const valueTypes = [...new Set<string>(out.enum.map(typeOf))];
    // An enum fixes the type: its values' types when none is declared, else the declared ones it uses.
    types = types
      ? types.filter((t) => valueTypes.some((v) => fits(v, t)))
      : valueTypes.map((v) => (v === "integer" && valueTypes.includes("number") ? "number" : v));
    const only = types.length === 1 ? types[0] : undefined;
    // An enum that admits every value of its type says nothing more than the type.
    if ((only === "null" && out.enum.length === 1) || (only === "boolean" && out.enum.length === 2))
      delete out.enum;
  }
  if (types) {
    types = [...new Set(types)].sort();
    if (types.length === 0) return false;
    const declared = types;
    for (const [keyword, applies] of Object.entries(APPLIES_TO))
      if (out[keyword] !== undefined && !applies.some((t) => declared.includes(t))) delete out[keyword];
    out.type = types.length === 1 ? types[0] : types;
  }
  if (out.required && Object.keys(out.required).length === 0) delete out.required;
  return sortKeys(out);
}

/**
 * A schema of `doc` in normal form: `$ref`s followed (a cycle is marked `{ recursive: true }`), allOf
 * merged, `required` a map of member names to `true`, and only what decides which values it admits.
 */
export function normaliseSchema(doc: Node, schema: Node, stack: string[] = []): Node {
  if (schema === true || schema === undefined) return {};
  if (schema === false) return false;
  if (typeof schema.$ref === "string") {
    const ref: string = schema.$ref;
    if (stack.includes(ref)) return { recursive: true };
    const { $ref: _, ...siblings } = schema;
    const target = normaliseSchema(doc, deref(doc, { $ref: ref }), [...stack, ref]);
    // In 3.1 the keywords beside a $ref apply too: they are one more allOf part.
    return tidy(merge(target, normaliseSchema(doc, siblings, stack)));
  }
  let merged = ownKeywords(doc, schema, stack);
  for (const part of schema.allOf ?? []) merged = merge(merged, normaliseSchema(doc, part, stack));
  return tidy(merged);
}

/** What a schema admits, in a word: its type, `any` when it has none, `never` for `false`. */
export function summary(schema: Node): unknown {
  if (schema === false) return "never";
  if (schema === null) return "no body";
  return schema.type ?? "any";
}
