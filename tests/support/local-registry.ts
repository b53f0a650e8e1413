// An npm registry on 127.0.0.1 that serves exactly what `npm ci` installed in
// node_modules, packed on demand: a consumer project can install the packed
// package and resolve its published `dependencies` by their semver ranges,
// with an empty npm cache and no other network. A package that is not
// installed here answers 404, so a missing dependency fails the install.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../../scripts/lib/paths.ts";
import { sendJson, startServer } from "./http-server.ts";

/** A running registry: its URL, the packages it was asked for, and `close()`. */
export interface LocalRegistry {
  url: string;
  /** Names whose metadata npm asked for, in order. */
  requested: string[];
  close(): Promise<void>;
}

interface Packed {
  manifest: Record<string, unknown> & { name: string; version: string };
  file: string;
  integrity: string;
  shasum: string;
}

/** Starts the registry over `node_modules` of the repository. */
export async function startLocalRegistry(modules = join(ROOT, "node_modules")): Promise<LocalRegistry> {
  const dir = mkdtempSync(join(tmpdir(), "sb-registry-"));
  const packed = new Map<string, Packed>();
  const requested: string[] = [];

  function pack(name: string): Packed | undefined {
    const known = packed.get(name);
    if (known) return known;
    const source = join(modules, name);
    if (!existsSync(join(source, "package.json"))) return undefined;
    const manifest = JSON.parse(readFileSync(join(source, "package.json"), "utf8")) as Packed["manifest"];
    const out = mkdtempSync(join(dir, "pack-"));
    execFileSync("npm", ["pack", "--silent", "--ignore-scripts", "--pack-destination", out, source], {
      stdio: "ignore",
    });
    const [tarball] = readdirSync(out);
    if (!tarball) throw new Error(`npm pack wrote nothing for ${name}`);
    const file = join(out, tarball);
    const bytes = readFileSync(file);
    const entry = {
      manifest,
      file,
      integrity: `sha512-${createHash("sha512").update(bytes).digest("base64")}`,
      shasum: createHash("sha1").update(bytes).digest("hex"),
    };
    packed.set(name, entry);
    return entry;
  }

  const server = await startServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://registry").pathname.slice(1));
    const [name, tarball] = path.split("/-/");
    const entry = name ? pack(name) : undefined;
    if (!name || !entry) {
      sendJson(response, 404, { error: `${path} is not installed in node_modules` });
      return;
    }
    if (tarball) {
      const bytes = readFileSync(entry.file);
      response.writeHead(200, { "content-type": "application/octet-stream", "content-length": bytes.length });
      response.end(bytes);
      return;
    }
    requested.push(name);
    const { version } = entry.manifest;
    const tarballUrl = `${registryUrl}/${name}/-/${name.split("/").pop()}-${version}.tgz`;
    sendJson(response, 200, {
      name,
      "dist-tags": { latest: version },
      versions: {
        [version]: {
          ...entry.manifest,
          _id: `${name}@${version}`,
          dist: { tarball: tarballUrl, integrity: entry.integrity, shasum: entry.shasum },
        },
      },
    });
  });
  const registryUrl = server.url;
  return {
    url: registryUrl,
    requested,
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
