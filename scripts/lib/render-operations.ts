// Renders generated/operations.ts: every operation of the spec as data the
// client and the contract suite run on (method, path, path parameters and
// their limits, the JSON body's schema, the shape of the result, whether it is
// safe to repeat), each with the spec's summary and description as its doc
// comment, which editors show on the client's methods.
import { deref, flatten, type Node, operations, responses } from "./spec.ts";

/** The schema keywords of a body property or a path parameter that the client checks before sending (src/validate.ts). */
const CHECKED_KEYWORDS = ["type", "maxLength", "minimum", "maximum"] as const;

/**
 * The extension that marks an operation safe to repeat, so the client retries it after a failed attempt;
 * its value says why. An operation without it is sent once (a create whose answer is lost may exist).
 */
export const IDEMPOTENT_EXTENSION = "x-idempotent";

/** Raised when the spec says something the table cannot carry; says which operation and why. */
export class OperationTableError extends Error {
  override name = "OperationTableError";
}

/** The keywords of a schema the client checks, looking through `$ref` and `allOf`. */
function checkedKeywords(spec: Node, schema: Node): Record<string, unknown> {
  const resolved = deref(spec, schema);
  const found: Record<string, unknown> = {};
  for (const part of resolved?.allOf ?? []) Object.assign(found, checkedKeywords(spec, part));
  for (const keyword of CHECKED_KEYWORDS)
    if (resolved?.[keyword] !== undefined) found[keyword] = resolved[keyword];
  return found;
}

/** What the envelope's `result` is on an operation's success: a list, one object, or nothing (absent, or only ever null). */
function resultShape(spec: Node, schema: Node): "array" | "object" | "none" {
  const result = schema === undefined ? undefined : flatten(spec, schema).properties.result;
  if (result === undefined || result === false) return "none";
  const resolved = deref(spec, result);
  if (resolved.type === "null") return "none";
  const type = resolved.type ?? resolved.allOf?.map((part: Node) => deref(spec, part).type).find(Boolean);
  return type === "array" ? "array" : "object";
}

/** A doc comment: the summary, then the description, with nothing that could end the comment early. */
function docComment(indent: string, ...paragraphs: (string | undefined)[]): string {
  const text = paragraphs
    .filter((p): p is string => Boolean(p?.trim()))
    .map((p) => p.trim())
    .join("\n\n")
    .replaceAll("*/", "*\\/");
  const lines = text.split("\n").map((line) => (line ? `${indent} * ${line}` : `${indent} *`));
  return `${indent}/**\n${lines.join("\n")}\n${indent} */\n`;
}

/** A path parameter's checked schema, and the operation it was first seen in. */
type ParameterSchemas = Map<string, { schema: Record<string, unknown>; from: string }>;

/** One operation as a TypeScript object literal, keys in a fixed order; its path parameters' schemas go into `parameters`. */
function entry(
  spec: Node,
  operation: ReturnType<typeof operations>[number],
  parameters: ParameterSchemas,
): string {
  const { node, operationId } = operation;
  if (!operationId || !/^[A-Za-z_$][\w$]*$/.test(operationId)) {
    throw new OperationTableError(
      `${operation.method.toUpperCase()} ${operation.path}: the operationId ${JSON.stringify(operationId)} cannot name a client method`,
    );
  }
  const placeholders = [...operation.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
  for (const name of placeholders) {
    const parameter = operation.parameters.find((p) => p.in === "path" && p.name === name);
    if (!parameter) {
      throw new OperationTableError(
        `${operationId}: the path placeholder {${name}} is not a declared parameter`,
      );
    }
    // One schema per parameter name, shared by every operation that has it (the table stays small);
    // no type, since a path segment is always a string.
    const { type: _, ...schema } = checkedKeywords(spec, parameter.schema);
    const known = parameters.get(name);
    if (known && JSON.stringify(known.schema) !== JSON.stringify(schema)) {
      throw new OperationTableError(
        `${operationId}: the path parameter ${name} has other limits than in ${known.from}; give it another name`,
      );
    }
    if (!known) parameters.set(name, { schema, from: operationId });
  }
  const media = deref(spec, node.requestBody)?.content?.["application/json"];
  let body: { required: string[]; properties: Record<string, Record<string, unknown>> } | undefined;
  if (media?.schema) {
    const { properties, required } = flatten(spec, media.schema);
    body = {
      required: [...required],
      properties: Object.fromEntries(
        Object.entries(properties).map(([name, schema]) => [name, checkedKeywords(spec, schema)]),
      ),
    };
  }
  const reason = node[IDEMPOTENT_EXTENSION];
  if (reason !== undefined && (typeof reason !== "string" || reason.trim() === "")) {
    throw new OperationTableError(
      `${operationId}: ${IDEMPOTENT_EXTENSION} must say, in words, why repeating the operation is safe`,
    );
  }
  const success = responses(spec, operation).find((r) => /^2\d\d$/.test(r.status));
  // An operation without a JSON body has no `body` member.
  const data = {
    method: operation.method.toUpperCase(),
    path: operation.path,
    pathParams: placeholders,
    ...(body ? { body } : {}),
    result: resultShape(spec, success?.schema),
    idempotent: reason !== undefined,
  };
  return `${docComment("  ", node.summary, node.description)}  ${operationId}: ${JSON.stringify(data, null, 2).replaceAll("\n", "\n  ")},\n`;
}

/** The text of generated/operations.ts, after the header, for the spec at `specPath`. */
export function renderOperations(spec: Node): string {
  const parameters: ParameterSchemas = new Map();
  const entries = operations(spec).map((operation) => entry(spec, operation, parameters));
  const limits = Object.fromEntries([...parameters].map(([name, { schema }]) => [name, schema]));
  return [
    docComment(
      "",
      "Every path parameter of the spec by name, with the limits the client checks before sending.",
    ),
    `export const PATH_PARAMETERS = ${JSON.stringify(limits, null, 2)} as const;\n\n`,
    docComment(
      "",
      "Every operation of the spec, by operationId: how to call it and what it answers. The client's methods, their doc comments and the contract suite's calls all come from this table.",
    ),
    `export const OPERATIONS = {\n${entries.join("")}} as const;\n`,
  ].join("");
}
