// Bundle size of a consumer of the service-binding operations: this package vs
// the SDK's tree-shakable client vs openapi-fetch alone (esbuild, minified,
// gzip -9); and what one more operation adds to the bundle (a table entry).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import type { Base } from "./base.ts";
import { ROOT, type Row } from "./common.ts";
import { ensureSdk } from "./sdk.ts";

/** Our budget: 4.5 KB, read as 4500 bytes (the stricter reading of KB). */
export const OURS_GZIP_BUDGET_BYTES = 4500;

/** A consumer of all five methods, importing the package's source under `root`. */
const ours = (root: string) => `
import { createServiceBindingsClient } from ${JSON.stringify(join(root, "src", "index.ts"))};
export async function main(apiToken, account_id, prefix_id) {
  const client = createServiceBindingsClient({ apiToken, accountId: account_id });
  const [service] = await client.listServices();
  const created = await client.createServiceBinding({ prefix_id, body: { cidr: "192.0.2.0/24", service_id: service.id } });
  const all = await client.listServiceBindings({ prefix_id });
  const one = await client.getServiceBinding({ prefix_id, binding_id: created.id });
  await client.deleteServiceBinding({ prefix_id, binding_id: one.id });
  return all;
}
`;

// The SDK's documented tree-shaking entry (README "Tree shaking"): createClient from
// cloudflare/tree-shakable with the Base* resource classes (no subresources).
const SDK_TREE_SHAKABLE = `
import { createClient } from "cloudflare/tree-shakable";
import { BaseServiceBindings } from "cloudflare/resources/addressing/prefixes/service-bindings";
import { BaseServices } from "cloudflare/resources/addressing/services";
export async function main(apiToken, account_id, prefix_id) {
  const client = createClient({ apiToken, resources: [BaseServiceBindings, BaseServices] });
  const services = await client.addressing.services.list({ account_id });
  const service = services.result[0];
  const created = await client.addressing.prefixes.serviceBindings.create(prefix_id, { account_id, cidr: "192.0.2.0/24", service_id: service.id });
  const all = await client.addressing.prefixes.serviceBindings.list(prefix_id, { account_id });
  const one = await client.addressing.prefixes.serviceBindings.get(created.id, { account_id, prefix_id });
  await client.addressing.prefixes.serviceBindings.delete(one.id, { account_id, prefix_id });
  return all.result;
}
`;

// For reference: the SDK's default entry, as most users import it.
const SDK_FULL = `
import Cloudflare from "cloudflare";
export async function main(apiToken, account_id, prefix_id) {
  const client = new Cloudflare({ apiToken });
  const services = await client.addressing.services.list({ account_id });
  const service = services.result[0];
  const created = await client.addressing.prefixes.serviceBindings.create(prefix_id, { account_id, cidr: "192.0.2.0/24", service_id: service.id });
  const all = await client.addressing.prefixes.serviceBindings.list(prefix_id, { account_id });
  const one = await client.addressing.prefixes.serviceBindings.get(created.id, { account_id, prefix_id });
  await client.addressing.prefixes.serviceBindings.delete(one.id, { account_id, prefix_id });
  return all.result;
}
`;

const OPENAPI_FETCH = `
import createClient from "openapi-fetch";
const BINDINGS = "/accounts/{account_id}/addressing/prefixes/{prefix_id}/bindings";
export async function main(apiToken, account_id, prefix_id) {
  const client = createClient({ baseUrl: "https://api.cloudflare.com/client/v4", headers: { Authorization: "Bearer " + apiToken } });
  const services = await client.GET("/accounts/{account_id}/addressing/services", { params: { path: { account_id } } });
  const service = services.data.result[0];
  const created = await client.POST(BINDINGS, { params: { path: { account_id, prefix_id } }, body: { cidr: "192.0.2.0/24", service_id: service.id } });
  const all = await client.GET(BINDINGS, { params: { path: { account_id, prefix_id } } });
  const one = await client.GET(BINDINGS + "/{binding_id}", { params: { path: { account_id, prefix_id, binding_id: created.data.result.id } } });
  await client.DELETE(BINDINGS + "/{binding_id}", { params: { path: { account_id, prefix_id, binding_id: one.data.result.id } } });
  return all.data.result;
}
`;

export interface BundleMeasure {
  minifiedBytes: number;
  gzipBytes: number;
  inputFiles: number;
  /** Minified bytes in the output by origin: openapi-fetch, this package's src/, the SDK, the consumer. */
  minifiedBytesBy: Record<string, number>;
}

export interface BundleSizeResult {
  rows: Row[];
  raw: Record<"ours" | "sdkTreeShakable" | "sdkFull" | "openapiFetch", BundleMeasure>;
}

async function bundle(
  dir: string,
  name: string,
  source: string,
  nodePaths: string[],
): Promise<BundleMeasure> {
  const entry = join(dir, `${name}.mjs`);
  writeFileSync(entry, source);
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    metafile: true,
    nodePaths,
    logLevel: "error",
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error(`esbuild produced no output for ${name}`);
  const minifiedBytesBy: Record<string, number> = {};
  for (const [input, { bytesInOutput }] of Object.entries(
    Object.values(result.metafile.outputs)[0]?.inputs ?? {},
  )) {
    const origin = input.includes("node_modules/openapi-fetch/")
      ? "openapi-fetch"
      : input.includes("node_modules/cloudflare/")
        ? "cloudflare"
        : /(^|\/)src\//.test(input)
          ? "src"
          : "consumer";
    minifiedBytesBy[origin] = (minifiedBytesBy[origin] ?? 0) + bytesInOutput;
  }
  return {
    minifiedBytesBy,
    minifiedBytes: output.contents.byteLength,
    gzipBytes: gzipSync(output.contents, { level: 9 }).byteLength,
    inputFiles: Object.keys(result.metafile.inputs).length - 1,
  };
}

/**
 * What one operation adds to a consumer's bundle: the same consumer bundled with the generated table as it
 * is, and with its last entry left out. An operation is a table entry, never code.
 */
async function operationGrowth(dir: string, nodePaths: string[]): Promise<Row> {
  const { OPERATIONS } = await import("../../generated/operations.ts");
  const all = Object.entries(OPERATIONS);
  const consumer = (entries: typeof all) => `
    const OPERATIONS = ${JSON.stringify(Object.fromEntries(entries))};
    export function route(name) { const { method, path } = OPERATIONS[name]; return method + " " + path; }
  `;
  const full = await bundle(dir, "table-full", consumer(all), nodePaths);
  const less = await bundle(dir, "table-less", consumer(all.slice(0, -1)), nodePaths);
  const growth = full.gzipBytes - less.gzipBytes;
  return {
    what: `what one more operation adds to the bundle (its generated table entry; ${all.length} operations now)`,
    measured: `${growth} B gzip (${full.minifiedBytes - less.minifiedBytes} B minified)`,
    budget: "info",
    met: undefined,
    note: `the whole table is ${full.gzipBytes} B gzip; measured by leaving out its last entry (${all.at(-1)?.[0]})`,
  };
}

/** Bundles the four consumers in a temp dir and compares their sizes. */
export async function measureBundleSize(base?: Base): Promise<BundleSizeResult> {
  const sdkDir = await ensureSdk();
  const nodePaths = [join(sdkDir, "node_modules"), join(ROOT, "node_modules")];
  const dir = mkdtempSync(join(tmpdir(), "bench-bundle-"));
  try {
    const raw: BundleSizeResult["raw"] = {
      ours: await bundle(dir, "ours", ours(ROOT), nodePaths),
      sdkTreeShakable: await bundle(dir, "sdk-tree-shakable", SDK_TREE_SHAKABLE, nodePaths),
      sdkFull: await bundle(dir, "sdk-full", SDK_FULL, nodePaths),
      openapiFetch: await bundle(dir, "openapi-fetch", OPENAPI_FETCH, nodePaths),
    };
    const line = (m: BundleMeasure) => `${m.gzipBytes} B gzip (${m.minifiedBytes} B minified)`;
    const rows: Row[] = [
      {
        what: "this package, a consumer of the 5 service-binding operations, every operation and helper bundled (esbuild --minify, browser, esm; gzip -9)",
        measured: line(raw.ours),
        budget: `<= 4.5 KB gzip (${OURS_GZIP_BUDGET_BYTES} B)`,
        met: raw.ours.gzipBytes <= OURS_GZIP_BUDGET_BYTES,
        note: `${raw.ours.inputFiles} input files; minified bytes from openapi-fetch ${raw.ours.minifiedBytesBy["openapi-fetch"] ?? 0}, from src/ ${raw.ours.minifiedBytesBy.src ?? 0}; ${(raw.ours.gzipBytes / raw.sdkTreeShakable.gzipBytes).toFixed(2)}x the SDK's tree-shakable client`,
      },
      {
        what: "cloudflare SDK 7.3.0, tree-shakable (cloudflare/tree-shakable + BaseServiceBindings + BaseServices)",
        measured: line(raw.sdkTreeShakable),
        budget: "info",
        met: undefined,
        note: `${raw.sdkTreeShakable.inputFiles} input files`,
      },
      {
        what: "cloudflare SDK 7.3.0, default entry (new Cloudflare())",
        measured: line(raw.sdkFull),
        budget: "info",
        met: undefined,
        note: `${raw.sdkFull.inputFiles} input files`,
      },
      {
        what: "openapi-fetch alone, same 5 calls",
        measured: line(raw.openapiFetch),
        budget: "info",
        met: undefined,
        note: `this package adds ${raw.ours.gzipBytes - raw.openapiFetch.gzipBytes} B gzip on top`,
      },
      await operationGrowth(dir, nodePaths),
    ];
    if (base) {
      const before = await bundle(dir, "before", ours(base.root), nodePaths);
      rows.push(
        { what: `${base.label}, same 5 calls`, measured: line(before), budget: "info", met: undefined },
        {
          what: `this package vs ${base.label}`,
          measured: `${raw.ours.gzipBytes - before.gzipBytes >= 0 ? "+" : ""}${raw.ours.gzipBytes - before.gzipBytes} B gzip`,
          budget: "<= 0 B (no bigger)",
          met: raw.ours.gzipBytes <= before.gzipBytes,
        },
      );
    }
    return { rows, raw };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
