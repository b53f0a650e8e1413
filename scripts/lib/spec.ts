// Reads spec/openapi.yaml as plain data, for the tests and scripts that check
// the spec's facts and walk its operations, statuses and examples.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { SPEC_PATH } from "./paths.ts";

/** A parsed node of the spec; the spec is data, so tests reach into it loosely. */
// biome-ignore lint/suspicious/noExplicitAny: walking arbitrary YAML is the point of this module.
export type Node = any;

/** The HTTP methods an OpenAPI path item may hold. */
export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

/** One operation of the spec, with the path and method that reach it. */
export interface Operation {
  path: string;
  method: (typeof HTTP_METHODS)[number];
  operationId: string;
  node: Node;
  /** Path-level and operation-level parameters, references resolved. */
  parameters: Node[];
}

/** Each spec file's text and what it parses to, in this process: the tests load the same spec in many modules. */
const parsed = new Map<string, { text: string; spec: Node }>();

/** Parses a spec file (the project's own by default); a copy each time, so no caller sees another's edits. */
export function loadSpec(path: string = SPEC_PATH): Node {
  const text = readFileSync(path, "utf8");
  let known = parsed.get(path);
  if (known?.text !== text) {
    known = { text, spec: parseSpec(text) };
    parsed.set(path, known);
  }
  return structuredClone(known.spec);
}

/** A spec's text, parsed. */
export function parseSpec(text: string): Node {
  return parse(text);
}

/** The decoded segments of a JSON Pointer such as `#/paths/~1accounts/get` (RFC 6901: ~1 is "/", ~0 is "~"). */
export function pointerSegments(pointer: string): string[] {
  return pointer
    .replace(/^#?\//, "")
    .split("/")
    .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"));
}

/** A pattern that matches the request paths of a path template: each `{id}` is one non-empty segment. */
export function pathPattern(template: string): RegExp {
  return new RegExp(`^${template.replace(/\{\w+\}/g, "[^/]+")}$`);
}

/** Follows local `$ref`s (`#/...`) until it reaches a node that is not a reference. */
export function deref(spec: Node, node: Node): Node {
  let current = node;
  const seen = new Set<string>();
  while (current && typeof current === "object" && typeof current.$ref === "string") {
    const ref: string = current.$ref;
    if (!ref.startsWith("#/") || seen.has(ref)) throw new Error(`cannot resolve ${ref}`);
    seen.add(ref);
    current = pointerSegments(ref).reduce((parent: Node, key) => parent?.[key], spec);
    if (current === undefined) throw new Error(`${ref} points at nothing`);
  }
  return current;
}

/**
 * The properties and required names a schema ends up with once its `allOf`
 * parts are merged; later parts refine earlier ones, as they do in JSON Schema.
 */
export function flatten(
  spec: Node,
  schema: Node,
): { properties: Record<string, Node>; required: Set<string> } {
  const resolved = deref(spec, schema);
  const properties: Record<string, Node> = {};
  const required = new Set<string>();
  for (const part of resolved.allOf ?? []) {
    const inner = flatten(spec, part);
    for (const [name, value] of Object.entries(inner.properties)) {
      properties[name] = properties[name] ? { allOf: [properties[name], value] } : value;
    }
    for (const name of inner.required) required.add(name);
  }
  for (const [name, value] of Object.entries(resolved.properties ?? {})) {
    properties[name] = properties[name] ? { allOf: [properties[name], value] } : value;
  }
  for (const name of resolved.required ?? []) required.add(name);
  return { properties, required };
}

/** Every operation of the spec, in document order. */
export function operations(spec: Node): Operation[] {
  const found: Operation[] = [];
  for (const [path, rawItem] of Object.entries<Node>(spec.paths ?? {})) {
    const item = deref(spec, rawItem);
    for (const method of HTTP_METHODS) {
      const node = item[method];
      if (!node) continue;
      const byKey = new Map<string, Node>();
      for (const raw of [...(item.parameters ?? []), ...(node.parameters ?? [])]) {
        const parameter = deref(spec, raw);
        byKey.set(`${parameter.in}:${parameter.name}`, parameter);
      }
      found.push({ path, method, operationId: node.operationId, node, parameters: [...byKey.values()] });
    }
  }
  return found;
}

/** One declared response of an operation, references resolved. */
export interface DeclaredResponse {
  status: string;
  response: Node;
  /** The JSON media type's schema and named examples, when it has them. */
  schema: Node | undefined;
  examples: Record<string, Node>;
}

/** The responses an operation declares, by status. */
export function responses(spec: Node, operation: Operation): DeclaredResponse[] {
  return Object.entries<Node>(operation.node.responses ?? {}).map(([status, raw]) => {
    const response = deref(spec, raw);
    const media = response.content?.["application/json"];
    const examples: Record<string, Node> = {};
    for (const [name, example] of Object.entries<Node>(media?.examples ?? {})) {
      examples[name] = deref(spec, example);
    }
    return { status, response, schema: media?.schema, examples };
  });
}
