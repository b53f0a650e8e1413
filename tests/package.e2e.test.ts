// The published package, as a consumer gets it: build, pack the tarball once,
// lint it (publint, attw), install it into a temporary project, then import it
// with ESM `import` and CommonJS `require`, call it against a local server, and
// type-check a consumer file. The install uses an empty npm cache and a registry on
// 127.0.0.1 that serves only what `npm ci` installed: npm resolves the
// package's published `dependencies` by their ranges, as on a user's machine,
// and nothing else is reachable.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ROOT } from "../scripts/lib/paths.ts";
import { createServiceBindingsFake } from "../src/testing/index.ts";
import { envelope, sendJson, startServer, type TestServer } from "./support/http-server.ts";
import { startLocalRegistry } from "./support/local-registry.ts";
import { runAsync } from "./support/run.ts";

const TSC = join(ROOT, "node_modules/typescript/bin/tsc");
const SERVICES = [{ id: "969ebf53b1e84a5ab8c8b5e8d1de3d24", name: "CDN" }];
let dir: string;
let tarball: string;
let server: TestServer;
/** The packages npm asked the local registry for while installing the tarball. */
let fetchedFromRegistry: string[] = [];

beforeAll(async () => {
  server = await startServer((_, response) => sendJson(response, 200, envelope(SERVICES)));
  dir = mkdtempSync(join(tmpdir(), "sb-consumer-"));
  // Built and packed from a copy, so the repository's own dist/ (which `npm run check` builds and
  // checks at the same time) is never touched.
  const packageDir = join(dir, "package");
  for (const file of ["package.json", "README.md", "LICENSE", "spec/openapi.yaml"]) {
    cpSync(join(ROOT, file), join(packageDir, file));
  }
  for (const file of ["bin/cloudflare-service-bindings.mjs"])
    cpSync(join(ROOT, file), join(packageDir, file));
  execFileSync(
    process.execPath,
    ["--import", "tsx", join(ROOT, "scripts/build.ts"), "--out-dir", join(packageDir, "dist")],
    { cwd: ROOT, stdio: "ignore" },
  );
  execFileSync("npm", ["pack", "--silent", "--pack-destination", dir, packageDir], { stdio: "ignore" });
  tarball = readdirSync(dir).find((name) => name.endsWith(".tgz")) ?? "(no tarball)";
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true }));
  const registry = await startLocalRegistry();
  try {
    // An empty cache and an empty user config: nothing from this machine's npm setup can help.
    const npmHome = join(dir, ".npm-home");
    mkdirSync(npmHome);
    writeFileSync(join(npmHome, "npmrc"), "");
    const install = await runAsync("npm", ["install", "--no-audit", "--no-fund", `./${tarball}`], {
      cwd: dir,
      env: {
        npm_config_registry: `${registry.url}/`,
        npm_config_cache: join(npmHome, "cache"),
        npm_config_userconfig: join(npmHome, "npmrc"),
        npm_config_update_notifier: "false",
      },
    });
    if (install.status !== 0) throw new Error(`npm install of the packed package failed:\n${install.stderr}`);
    fetchedFromRegistry = [...registry.requested];
  } finally {
    await registry.close();
  }
}, 120_000);

afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const CALL = `createServiceBindingsClient({ apiToken: "tok_0123456789abcdef", maxRetries: 0, accountId: "258def64c72dae45f3e4c8516e2111f2", baseUrl: process.argv[2] })
  .listServices()
  .then((services) => console.log(JSON.stringify(services)));`;

/** The packages `names` need, theirs included, as installed here (the registry serves exactly these). */
function dependencyClosure(names: string[]): string[] {
  const found = new Set<string>();
  const visit = (name: string) => {
    if (found.has(name)) return;
    found.add(name);
    const manifest = JSON.parse(readFileSync(join(ROOT, "node_modules", name, "package.json"), "utf8"));
    for (const dependency of Object.keys(manifest.dependencies ?? {})) visit(dependency);
  };
  for (const name of names) visit(name);
  return [...found].sort();
}

/** Runs a consumer file against the local server; asynchronously, so the server in this process can answer. */
function runNode(file: string) {
  return runAsync(process.execPath, [file, server.url], { cwd: dir });
}

describe("the packed package", () => {
  test("passes publint (warnings as errors) and attw: its exports and types resolve for ESM and CommonJS consumers", async () => {
    const bin = (name: string) => join(ROOT, "node_modules/.bin", name);
    const publint = await runAsync(bin("publint"), ["run", "--strict", join(dir, tarball)], { cwd: dir });
    expect(publint.status, publint.stdout + publint.stderr).toBe(0);
    const attw = await runAsync(
      bin("attw"),
      [
        join(dir, tarball),
        "--profile",
        "esm-only",
        "--exclude-entrypoints",
        "./openapi.yaml",
        "--format",
        "ascii",
      ],
      { cwd: dir },
    );
    expect(attw.status, attw.stdout + attw.stderr).toBe(0);
    // Every entry point was analysed, the testing entry and the generated types included.
    for (const entry of [
      "cloudflare-service-bindings",
      "cloudflare-service-bindings/testing",
      "cloudflare-service-bindings/openapi",
    ]) {
      expect(attw.stdout).toContain(`"${entry}"`);
    }
  });

  test("installs its published dependencies and what they need, nothing else", () => {
    // The consumer asked only for the tarball: its published manifest is what named the rest.
    const expected = dependencyClosure(
      Object.keys(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).dependencies),
    );
    expect(fetchedFromRegistry.sort()).toEqual(expected);
    const installed = readdirSync(join(dir, "node_modules")).filter((name) => !name.startsWith("."));
    expect(installed.sort()).toEqual(["cloudflare-service-bindings", ...expected].sort());
  });

  test("its command-line tool runs from the consumer project (npx), and says how it is used", async () => {
    const ran = await runAsync("npx", ["--no-install", "cloudflare-service-bindings", "plan", "--help"], {
      cwd: dir,
    });
    expect(ran.stdout).toContain("Usage: cloudflare-service-bindings plan --file bindings.yaml");
    expect(ran.status).toBe(0);
  });

  test("its plan, from the consumer project, reads an account and prints what the example file takes (exit 2)", async () => {
    const fake = await createServiceBindingsFake().listen();
    try {
      cpSync(join(ROOT, "examples/bindings.yaml"), join(dir, "bindings.yaml"));
      const ran = await runAsync(
        "npx",
        [
          "--no-install",
          "cloudflare-service-bindings",
          "plan",
          "--file",
          "bindings.yaml",
          "--base-url",
          fake.url,
        ],
        { cwd: dir, env: { CLOUDFLARE_API_TOKEN: "tok_0123456789abcdef", NO_COLOR: "1" } },
      );
      expect(ran.stdout).toContain("+ create 192.0.2.16/29 -> CDN");
      expect(ran.stdout).toContain("~ advertise 192.0.2.0/24");
      expect(`${ran.stdout}${ran.stderr}`).not.toContain("tok_0123456789abcdef");
      expect(ran.status).toBe(2);
    } finally {
      await fake.close();
    }
  });

  test("works from ESM import", async () => {
    writeFileSync(
      join(dir, "esm.mjs"),
      `import { createServiceBindingsClient } from "cloudflare-service-bindings";\n${CALL}\n`,
    );
    const ran = await runNode("esm.mjs");
    expect(ran.stderr).toBe("");
    expect(JSON.parse(ran.stdout)).toEqual(SERVICES);
  });

  test("its testing entry works from ESM import: the fake answers the client", async () => {
    writeFileSync(
      join(dir, "fake.mjs"),
      `import { createServiceBindingsClient } from "cloudflare-service-bindings";
import { createServiceBindingsFake } from "cloudflare-service-bindings/testing";
const fake = createServiceBindingsFake();
const [account] = fake.state().accounts;
const client = createServiceBindingsClient({ apiToken: "t", accountId: account.id, fetch: fake.fetch });
const created = await client.createServiceBinding({ prefix_id: account.prefixes[0].id, body: { cidr: "192.0.2.1/32", service_id: "969ebf53b1e84a5ab8c8b5e8d1de3d24" } });
console.log(JSON.stringify({ created: created.service_name, requests: fake.requests.map((r) => r.status) }));
`,
    );
    const ran = await runNode("fake.mjs");
    expect(ran.stderr).toBe("");
    expect(JSON.parse(ran.stdout)).toEqual({ created: "CDN", requests: [201] });
  });

  test("works from CommonJS require (Node >= 20.19 loads ESM from require)", async () => {
    writeFileSync(
      join(dir, "cjs.cjs"),
      `const { createServiceBindingsClient } = require("cloudflare-service-bindings");\n${CALL}\n`,
    );
    const ran = await runNode("cjs.cjs");
    expect(ran.status).toBe(0);
    expect(JSON.parse(ran.stdout)).toEqual(SERVICES);
  });

  test("type-checks a consumer file, with the generated types and the testing entry reachable", () => {
    writeFileSync(
      join(dir, "consumer.ts"),
      `import { createServiceBindingsClient, NotFoundError, type ServiceBinding } from "cloudflare-service-bindings";
import type { paths } from "cloudflare-service-bindings/openapi";
import { createServiceBindingsFake, type ServiceBindingsFake } from "cloudflare-service-bindings/testing";

type Path = keyof paths;
const path: Path = "/accounts/{account_id}/addressing/services";
const client = createServiceBindingsClient({ apiToken: "t", accountId: "a" });
export async function states(prefix_id: string): Promise<string[]> {
  try {
    const bindings: ServiceBinding[] = await client.listServiceBindings({ prefix_id });
    return bindings.map((b) => b.provisioning.state);
  } catch (error) {
    if (error instanceof NotFoundError) return [path];
    throw error;
  }
}
// @ts-expect-error the spec has no such parameter
void client.getServiceBinding({ prefix_id: "p", bindingId: "b" });
const fake: ServiceBindingsFake = createServiceBindingsFake({ provisioningReads: 1 });
fake.failNext({ status: 503, retryAfterSeconds: 1 });
export const faked = createServiceBindingsClient({ apiToken: "t", fetch: fake.fetch });
// @ts-expect-error failNext needs a status
fake.failNext({ times: 2 });
`,
    );
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: "NodeNext",
          moduleResolution: "NodeNext",
          target: "ES2022",
          lib: ["ES2022", "DOM"],
          noEmit: true,
          skipLibCheck: false,
          types: [],
        },
        files: ["consumer.ts"],
      }),
    );
    const ran = spawnSync(process.execPath, [TSC, "-p", "."], {
      cwd: dir,
      encoding: "utf8",
    });
    expect(ran.stdout).toBe("");
    expect(ran.status).toBe(0);
  });
});
