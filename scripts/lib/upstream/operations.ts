// How an operation of the spec is found in another OpenAPI document: by
// method and path template, whatever its path parameters are called there
// (Cloudflare has named them {prefix_identifier} as well as {prefix_id}).
import { deref, HTTP_METHODS, type Node, type Operation, operations } from "../spec.ts";

/** A path template with every placeholder written `{}`, e.g. `/accounts/{}/addressing/services`. */
export function templateKey(path: string): string {
  return path.replace(/\{[^}]*\}/g, "{}");
}

/** The names of a template's placeholders, in order: `["account_id", "prefix_id"]`. */
export function placeholders(path: string): string[] {
  return [...path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1] ?? "");
}

/** `GET /accounts/{}/addressing/services`: the key two documents' operations are matched by. */
export function operationKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${templateKey(path)}`;
}

/** One path and method of a document, by its operation key. */
export interface Located {
  path: string;
  method: (typeof HTTP_METHODS)[number];
}

/** Every operation of a document by its key; only the paths are read, so the rest may be anything. */
export function locateOperations(doc: Node): Map<string, Located> {
  const found = new Map<string, Located>();
  for (const [path, rawItem] of Object.entries<Node>(doc.paths ?? {})) {
    const item = deref(doc, rawItem);
    for (const method of HTTP_METHODS)
      if (item?.[method]) found.set(operationKey(method, path), { path, method });
  }
  return found;
}

/** The operation of `doc` at the same method and path template as `wanted`, if it has one. */
export function matchingOperation(doc: Node, wanted: Operation): Operation | undefined {
  const key = operationKey(wanted.method, wanted.path);
  const located = locateOperations(doc).get(key);
  if (!located) return undefined;
  // Only this one path is read in full, so a broken reference elsewhere in the document cannot stop the match.
  const single = { ...doc, paths: { [located.path]: doc.paths[located.path] } };
  return operations(single).find((o) => o.method === located.method);
}

/** How an operation is named in messages: `createServiceBinding (POST /accounts/{account_id}/...)`. */
export function describeOperation(operation: Operation): string {
  return `${operation.operationId} (${operation.method.toUpperCase()} ${operation.path})`;
}
