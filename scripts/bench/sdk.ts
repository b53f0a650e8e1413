// The official Cloudflare SDK, installed on demand into .cache/bench/sdk, and
// the install footprint of the SDK against this package's.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import {
  CACHE_DIR,
  formatBytes,
  ROOT,
  type Row,
  readJson,
  SDK_VERSION,
  treeBytes,
  treeFiles,
} from "./common.ts";

/** The folder holding `node_modules/cloudflare` at SDK_VERSION. */
export const SDK_DIR = join(CACHE_DIR, "sdk");

/** `node_modules/cloudflare` inside SDK_DIR. */
export const SDK_PACKAGE_DIR = join(SDK_DIR, "node_modules", "cloudflare");

function installedVersion(): string | undefined {
  const manifest = join(SDK_PACKAGE_DIR, "package.json");
  if (!existsSync(manifest)) return undefined;
  const { version } = readJson(manifest) as { version?: unknown };
  return typeof version === "string" ? version : undefined;
}

/** Installs cloudflare@SDK_VERSION into SDK_DIR unless it is already there; returns SDK_DIR. */
export async function ensureSdk(): Promise<string> {
  if (installedVersion() === SDK_VERSION) return SDK_DIR;
  mkdirSync(SDK_DIR, { recursive: true });
  console.error(`bench: installing cloudflare@${SDK_VERSION} into ${SDK_DIR} ...`);
  execFileSync(
    "npm",
    [
      "install",
      "--prefix",
      SDK_DIR,
      "--no-save",
      "--no-package-lock",
      "--no-audit",
      "--no-fund",
      "--ignore-scripts",
      `cloudflare@${SDK_VERSION}`,
    ],
    { cwd: SDK_DIR, stdio: ["ignore", "ignore", "inherit"] },
  );
  const version = installedVersion();
  if (version !== SDK_VERSION)
    throw new Error(`cloudflare@${SDK_VERSION} did not install (found ${version})`);
  return SDK_DIR;
}

/** Disk usage in bytes as `du -sk` reports it (blocks, not apparent size). */
function duBytes(path: string): number {
  const out = execFileSync("du", ["-sk", path], { encoding: "utf8" });
  return Number.parseInt(out.split(/\s/)[0] ?? "", 10) * 1024;
}

/** The registry's tarball and unpacked sizes; `npm pack --dry-run` first, `npm view` as a fallback. */
function registrySizes(): { tarball: number | undefined; unpacked: number | undefined; source: string } {
  try {
    const out = execFileSync("npm", ["pack", "--dry-run", "--json", `cloudflare@${SDK_VERSION}`], {
      cwd: CACHE_DIR,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      maxBuffer: 256 * 1024 * 1024, // the JSON lists all ~17k files
    });
    const [info] = JSON.parse(out) as { size?: number; unpackedSize?: number }[];
    if (info?.size !== undefined)
      return { tarball: info.size, unpacked: info.unpackedSize, source: "npm pack --dry-run" };
  } catch {
    // fall through to npm view
  }
  const out = execFileSync("npm", ["view", `cloudflare@${SDK_VERSION}`, "dist", "--json"], {
    cwd: CACHE_DIR,
    encoding: "utf8",
  });
  const dist = JSON.parse(out) as { unpackedSize?: number };
  return { tarball: undefined, unpacked: dist.unpackedSize, source: "npm view dist" };
}

export interface SdkSizes {
  sdkDir: string;
  rows: Row[];
  raw: {
    sdkInstalledDiskBytes: number;
    sdkInstalledApparentBytes: number;
    sdkInstalledFiles: number;
    sdkTarballBytes: number | undefined;
    sdkUnpackedBytes: number | undefined;
    openapiFetchBytes: number;
    openapiTypescriptHelpersBytes: number;
    ownUnpackedBytes: number;
    ownTarballBytes: number;
    oursFootprintBytes: number;
    oursFootprintDiskBytes: number;
  };
}

/** Ensures the SDK is installed and measures both install footprints. */
export async function measureSdk(): Promise<SdkSizes> {
  const sdkDir = await ensureSdk();
  const nodeModules = join(sdkDir, "node_modules");
  const sdkInstalledDiskBytes = duBytes(nodeModules);
  const sdkInstalledApparentBytes = treeBytes(nodeModules);
  const sdkInstalledFiles = treeFiles(nodeModules);
  const registry = registrySizes();

  // Our install: the packed package (dist/ and the spec, as `npm pack` would publish
  // it after `npm run build`), plus openapi-fetch and its one dependency.
  spawnSync("npm", ["run", "--silent", "build"], { cwd: ROOT, stdio: "ignore" });
  const packed = spawnSync("npm", ["pack", "--dry-run", "--json"], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 2 ** 20,
  });
  const [ownPack] = JSON.parse(packed.stdout) as { size: number; unpackedSize: number }[];
  const ownTarballBytes = ownPack?.size ?? 0;
  const ownUnpackedBytes = ownPack?.unpackedSize ?? 0;
  const dependencyParts = [
    join(ROOT, "node_modules", "openapi-fetch"),
    join(ROOT, "node_modules", "openapi-typescript-helpers"),
  ];
  const [openapiFetchBytes, openapiTypescriptHelpersBytes] = dependencyParts.map(treeBytes) as [
    number,
    number,
  ];
  const oursFootprintBytes = openapiFetchBytes + openapiTypescriptHelpersBytes + ownUnpackedBytes;
  const oursFootprintDiskBytes =
    dependencyParts.reduce((sum, part) => sum + duBytes(part), 0) + ownUnpackedBytes;

  const rows: Row[] = [
    {
      what: `cloudflare@${SDK_VERSION} installed (du of its node_modules)`,
      measured: `${formatBytes(sdkInstalledDiskBytes)} on disk; ${formatBytes(sdkInstalledApparentBytes)} apparent, ${sdkInstalledFiles} files`,
      budget: "info",
      met: undefined,
    },
    {
      what: `cloudflare@${SDK_VERSION} tarball (${registry.source})`,
      measured: `${registry.tarball === undefined ? "n/a" : formatBytes(registry.tarball)} packed; ${registry.unpacked === undefined ? "n/a" : formatBytes(registry.unpacked)} unpacked`,
      budget: "info",
      met: undefined,
    },
    {
      what: "this package's tarball (npm pack --dry-run: dist/ and the spec)",
      measured: `${formatBytes(ownTarballBytes)} packed; ${formatBytes(ownUnpackedBytes)} unpacked`,
      budget: "info",
      met: undefined,
    },
    {
      what: "this package installed, with openapi-fetch and openapi-typescript-helpers",
      measured: `${formatBytes(oursFootprintBytes)} apparent; ${formatBytes(oursFootprintDiskBytes)} on disk`,
      budget: "info",
      met: undefined,
      note: `the package ${formatBytes(ownUnpackedBytes)}, openapi-fetch ${formatBytes(openapiFetchBytes)}, helpers ${formatBytes(openapiTypescriptHelpersBytes)}; ${(sdkInstalledApparentBytes / oursFootprintBytes).toFixed(0)}x smaller than the SDK (apparent)`,
    },
  ];
  return {
    sdkDir,
    rows,
    raw: {
      sdkInstalledDiskBytes,
      sdkInstalledApparentBytes,
      sdkInstalledFiles,
      sdkTarballBytes: registry.tarball,
      sdkUnpackedBytes: registry.unpacked,
      openapiFetchBytes,
      openapiTypescriptHelpersBytes,
      ownUnpackedBytes,
      ownTarballBytes,
      oursFootprintBytes,
      oursFootprintDiskBytes,
    },
  };
}
