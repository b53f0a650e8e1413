// The committed extract and registry for the upstream gate's tests, and the
// changes Cloudflare (or a maintainer) could make to them, made to copies in
// memory: the committed files are never written.
import { readFileSync } from "node:fs";
import { isMap, parseDocument } from "yaml";
import { DEVIATIONS_PATH, UPSTREAM_PATH } from "../../../scripts/lib/paths.ts";
import type { Node } from "../../../scripts/lib/spec.ts";

/** The registry's name in messages, and the files a report names. */
export const FILE = "spec/deviations.yaml";
export const FILES = { spec: "spec/openapi.yaml", upstream: "spec/upstream/cloudflare.json", registry: FILE };

/** The committed extract's and registry's text. */
export const committedExtract = readFileSync(UPSTREAM_PATH, "utf8");
export const committedRegistry = readFileSync(DEVIATIONS_PATH, "utf8");

/** The committed extract, changed by `change`. */
export function extractWith(change: (extract: Node) => void): Node {
  const extract = JSON.parse(committedExtract);
  change(extract);
  return extract;
}

/** The published schema in the extract that `matches`, whatever Cloudflare calls it. */
export function schemaWhere(extract: Node, matches: (schema: Node) => boolean): Node {
  const found = Object.values<Node>(extract.components.schemas).find(matches);
  if (!found) throw new Error("the committed extract no longer has the schema this test changes");
  return found;
}

/** Cloudflare's schemas, recognised by their members: the provisioning status, a binding, the create body, an id. */
export const provisioning = (s: Node) => Array.isArray(s.properties?.state?.enum);
export const binding = (s: Node) =>
  s.properties?.provisioning !== undefined && s.properties?.service_id !== undefined;
export const createBody = (s: Node) =>
  s.properties?.cidr && s.properties?.service_id && !s.properties?.provisioning;
export const identifier = (s: Node) => s.maxLength === 32 && s.type === "string";

/** The committed registry with the entry at `pointer` changed by `change` (given the entry list and its index). */
export function registryWith(pointer: string, change: (entries: Node, index: number) => void): string {
  const doc = parseDocument(committedRegistry);
  const entries = doc.contents as Node;
  const index = entries.items.findIndex((item: Node) => isMap(item) && item.get("pointer") === pointer);
  if (index < 0) throw new Error(`the committed registry has no entry at ${pointer}`);
  change(entries, index);
  return doc.toString();
}

/** The committed extract with one more provisioning state upstream. */
export const withNewState = () =>
  extractWith((e) => schemaWhere(e, provisioning).properties.state.enum.push("deprovisioning"));
