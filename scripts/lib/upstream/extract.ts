// Extracts from Cloudflare's published openapi.json (4 MB) exactly the
// operations the spec describes, with every component they use and nothing
// else, and the provenance of the file it came from.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { type Node, type Operation, operations, pointerSegments } from "../spec.ts";
import { describeOperation, type Located, locateOperations, operationKey } from "./operations.ts";

/** Why an input cannot be extracted from; the message says what is wrong with it. */
export class ExtractError extends Error {
  override name = "ExtractError";
}

/** Where the published file came from, as given on the command line. */
export interface Origin {
  /** `owner/name` of the repository, e.g. `cloudflare/api-schemas`. */
  repository: string;
  commit?: string;
  /** The date of the published file, `YYYY-MM-DD`. */
  date?: string;
}

/**
 * The origin the command line gives: `--source owner/name[@commit]` and `--date YYYY-MM-DD`, at least
 * one of the commit and the date. Throws ExtractError saying what is wrong.
 */
export function parseOrigin(source: string | undefined, date: string | undefined): Origin {
  const match = /^([\w.-]+\/[\w.-]+)(?:@([\w.-]+))?$/.exec(source ?? "");
  if (!match?.[1])
    throw new ExtractError(
      `--source must be owner/name or owner/name@commit, e.g. cloudflare/api-schemas@cca3064f, not ${JSON.stringify(source ?? "")}`,
    );
  if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date))
    throw new ExtractError(`--date must be YYYY-MM-DD, not ${JSON.stringify(date)}`);
  if (!match[2] && !date)
    throw new ExtractError("give the commit (--source owner/name@commit) or the --date of the file");
  return { repository: match[1], ...(match[2] ? { commit: match[2] } : {}), ...(date ? { date } : {}) };
}

/** Parses `text` as an OpenAPI 3 document in JSON; `label` names it in errors. */
export function parseOpenApi(text: string, label: string): Node {
  let doc: Node;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new ExtractError(`${label} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const isObject = (value: unknown) => typeof value === "object" && value !== null && !Array.isArray(value);
  if (
    !isObject(doc) ||
    typeof doc.openapi !== "string" ||
    !doc.openapi.startsWith("3.") ||
    !isObject(doc.paths)
  )
    throw new ExtractError(
      `${label} is not an OpenAPI 3 document: it needs "openapi": "3.x" and a "paths" object`,
    );
  return doc;
}

/** Objects with their keys sorted, at every depth, so the file is the same whatever order the input had. */
export function sortedKeys(value: Node): Node {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortedKeys(value[key])]),
  );
}

/** Every `#/components/<kind>/<name>` that `root` uses, following references inside components too. */
function usedComponents(doc: Node, root: Node): Map<string, [string, string]> {
  const found = new Map<string, [string, string]>();
  const visit = (node: Node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== "object" || node === null) return;
    for (const [key, value] of Object.entries<Node>(node)) {
      if (key !== "$ref" || typeof value !== "string") {
        visit(value);
        continue;
      }
      const [components, kind, name] = pointerSegments(value);
      if (!value.startsWith("#/") || components !== "components" || !kind || !name)
        throw new ExtractError(
          `cannot copy the reference ${value}: only #/components/... references are followed`,
        );
      if (found.has(`${kind}/${name}`)) continue;
      const target = doc.components?.[kind]?.[name];
      if (target === undefined) throw new ExtractError(`the reference ${value} points at nothing`);
      found.set(`${kind}/${name}`, [kind, name]);
      visit(target);
    }
  };
  visit(root);
  return found;
}

/** The security schemes that security requirements name (they name schemes, not $refs). */
function usedSchemes(requirements: Node[]): Set<string> {
  return new Set(requirements.flatMap((requirement: Node) => Object.keys(requirement ?? {})));
}

/**
 * The extract: `published`'s description of each operation of `spec` (matched by method and path
 * template), the components they use, and `x-provenance`. Throws ExtractError when `published` lacks
 * any of them, naming each.
 */
export function extractUpstream(
  text: string,
  spec: Node,
  origin: Origin,
  label: string,
  now = new Date(),
): Node {
  const published = parseOpenApi(text, label);
  const located = locateOperations(published);
  const wanted = operations(spec);
  const missing = wanted.filter((o) => !located.has(operationKey(o.method, o.path)));
  if (missing.length > 0)
    throw new ExtractError(
      `${label} lacks ${missing.length} of the spec's ${wanted.length} operations:\n${missing.map((o) => `  ${describeOperation(o)}`).join("\n")}`,
    );
  const paths: Node = {};
  const requirements: Node[] = [];
  const locate = (o: Operation) => located.get(operationKey(o.method, o.path)) as Located;
  // The document's security applies only to an operation without its own: copied only when one lacks it.
  const inherits = wanted.some(
    (o) => published.paths[locate(o).path][locate(o).method].security === undefined,
  );
  if (inherits) requirements.push(...(published.security ?? []));
  for (const operation of wanted) {
    const { path, method } = locate(operation);
    const item = published.paths[path];
    paths[path] ??= item.parameters ? { parameters: structuredClone(item.parameters) } : {};
    paths[path][method] = structuredClone(item[method]);
    requirements.push(...(item[method].security ?? []));
  }
  const securitySchemes: Node = {};
  for (const name of usedSchemes(requirements)) {
    const scheme = published.components?.securitySchemes?.[name];
    if (scheme === undefined)
      throw new ExtractError(`security names the scheme ${name}, which ${label} does not define`);
    securitySchemes[name] = structuredClone(scheme);
  }
  const components: Node = Object.keys(securitySchemes).length > 0 ? { securitySchemes } : {};
  for (const [kind, name] of usedComponents(published, { paths, securitySchemes }).values()) {
    components[kind] ??= {};
    components[kind][name] = structuredClone(published.components[kind][name]);
  }
  const provenance: Node = {
    repository: origin.repository,
    ...(origin.commit ? { commit: origin.commit } : {}),
    ...(origin.date ? { date: origin.date } : {}),
    extracted_at: now.toISOString().slice(0, 10),
    sha256: createHash("sha256").update(text).digest("hex"),
  };
  return sortedKeys({
    openapi: published.openapi,
    info: { title: published.info?.title ?? "", version: published.info?.version ?? "" },
    "x-provenance": provenance,
    ...(inherits && published.security ? { security: published.security } : {}),
    paths,
    components,
  });
}

/** The extract as the committed file holds it: two-space JSON and a final newline. */
export function formatExtract(extract: Node): string {
  return `${JSON.stringify(extract, null, 2)}\n`;
}

/**
 * Extracts `input` into `out`. The file is written beside `out` and renamed into place only once the
 * extract succeeded, so a refused input, or an interrupted run, leaves `out` as it was.
 */
export function extractFile(input: string, out: string, spec: Node, origin: Origin, now = new Date()): Node {
  const extract = extractUpstream(readFileSync(input, "utf8"), spec, origin, input, now);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(`${out}.tmp`, formatExtract(extract));
  renameSync(`${out}.tmp`, out);
  return extract;
}
