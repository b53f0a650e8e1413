// One operation of an OpenAPI document in the normal form the upstream gate
// compares: parameters by location and name (path parameters by the spec's
// names), the JSON request body, each response status's JSON body, and the
// security alternatives, with what only documents left out.
import { isDeepStrictEqual } from "node:util";
import { deref, type Node, type Operation } from "../spec.ts";
import { placeholders } from "./operations.ts";
import { normaliseSchema } from "./schema.ts";

/** A parameter in normal form. */
export interface NormalParameter {
  required: boolean;
  schema: Node;
}

/** An operation in normal form; a finding's JSON pointer points into this. */
export interface NormalOperation {
  /** By location (`path`, `query`, `header`, `cookie`), then name; header names in lower case. */
  parameters: Record<string, Record<string, NormalParameter>>;
  requestBody?: { required: boolean; schema: Node };
  /** The JSON body of each status or range (`200`, `4XX`, `default`); `null` for a response without one. */
  responses: Record<string, Node>;
  /** The alternatives, each the sorted list of schemes it needs together, e.g. `[["http bearer"]]`. */
  security: string[][];
}

const JSON_MEDIA = "application/json";

/** A security scheme in words, without its component name: `http bearer`, `apiKey header x-auth-key`. */
function describeScheme(doc: Node, name: string, scopes: string[]): string {
  const scheme = doc.components?.securitySchemes?.[name];
  if (!scheme) throw new Error(`security names the scheme ${name}, which components.securitySchemes lacks`);
  const resolved = deref(doc, scheme);
  const scoped = scopes.length > 0 ? ` [${[...scopes].sort().join(" ")}]` : "";
  switch (resolved.type) {
    case "http":
      return `http ${String(resolved.scheme).toLowerCase()}`;
    case "apiKey":
      return `apiKey ${resolved.in} ${resolved.in === "header" ? String(resolved.name).toLowerCase() : resolved.name}`;
    case "openIdConnect":
      return `openIdConnect ${resolved.openIdConnectUrl}${scoped}`;
    default:
      return `${resolved.type}${scoped}`;
  }
}

function security(doc: Node, operation: Operation): string[][] {
  const requirements: Node[] = operation.node.security ?? doc.security ?? [];
  const alternatives = requirements.map((requirement) =>
    Object.entries<string[]>(requirement)
      .map(([name, scopes]) => describeScheme(doc, name, scopes ?? []))
      .sort(),
  );
  const unique = new Map(alternatives.map((a) => [JSON.stringify(a), a]));
  return [...unique.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, a]) => a);
}

/** The statuses a range or `default` already says: a status with the same body as its range adds only words. */
function withoutRestatedStatuses(responses: Record<string, Node>): Record<string, Node> {
  const kept: Record<string, Node> = {};
  for (const [status, body] of Object.entries(responses)) {
    const covering = /^\d{3}$/.test(status)
      ? (responses[`${status[0]}XX`] ?? responses.default)
      : status === "default"
        ? undefined
        : responses.default;
    if (covering !== undefined && isDeepStrictEqual(covering, body)) continue;
    kept[status] = body;
  }
  return kept;
}

/**
 * Normalises `operation` of `doc`. `pathNames` are the spec's names of the path's placeholders, in
 * order: a path parameter is keyed by the spec's name for its position, so documents that name it
 * differently still compare.
 */
export function normaliseOperation(doc: Node, operation: Operation, pathNames: string[]): NormalOperation {
  const own = placeholders(operation.path);
  const parameters: NormalOperation["parameters"] = {};
  for (const parameter of operation.parameters) {
    const location = String(parameter.in);
    let name = String(parameter.name);
    if (location === "path") name = pathNames[own.indexOf(name)] ?? name;
    if (location === "header") name = name.toLowerCase();
    const schema = parameter.schema ?? parameter.content?.[JSON_MEDIA]?.schema ?? {};
    parameters[location] ??= {};
    parameters[location][name] = {
      required: location === "path" || parameter.required === true,
      schema: normaliseSchema(doc, schema),
    };
  }
  const normal: NormalOperation = { parameters, responses: {}, security: security(doc, operation) };
  if (operation.node.requestBody) {
    const body = deref(doc, operation.node.requestBody);
    normal.requestBody = { required: body.required === true, schema: bodySchema(doc, body.content) };
  }
  const responses: Record<string, Node> = {};
  for (const [status, raw] of Object.entries<Node>(operation.node.responses ?? {}))
    responses[status.toUpperCase() === "DEFAULT" ? "default" : status.toUpperCase()] = bodySchema(
      doc,
      deref(doc, raw).content,
    );
  normal.responses = withoutRestatedStatuses(responses);
  return normal;
}

/** The normalised schema of a content map's JSON media type, or `null` when it has none. */
function bodySchema(doc: Node, content: Node): Node {
  const media = content?.[JSON_MEDIA];
  return media ? normaliseSchema(doc, media.schema ?? {}) : null;
}
