// The published package, as a consumer gets it: build, pack the tarball,
// install it into a temporary project (offline, from npm's cache), then import
// it with ESM `import` and CommonJS `require`, call it against a local server,
// and type-check a consumer file.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ROOT } from "../scripts/lib/paths.ts";
import { envelope, sendJson, startServer, type TestServer } from "./support/http-server.ts";
import { runAsync } from "./support/run.ts";

const SERVICES = [{ id: "969ebf53b1e84a5ab8c8b5e8d1de3d24", name: "CDN" }];
let dir: string;
let server: TestServer;

beforeAll(async () => {
  server = await startServer((_, response) => sendJson(response, 200, envelope(SERVICES)));
  dir = mkdtempSync(join(tmpdir(), "sb-consumer-"));
  execFileSync("npm", ["run", "--silent", "build"], { cwd: ROOT, stdio: "ignore" });
  execFileSync("npm", ["pack", "--silent", "--pack-destination", dir], { cwd: ROOT, stdio: "ignore" });
  const tarball = readdirSync(dir).find((name) => name.endsWith(".tgz"));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true }));
  execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", `./${tarball}`], {
    cwd: dir,
    stdio: "ignore",
  });
}, 120_000);

afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const CALL = `createServiceBindingsClient({ apiToken: "tok_0123456789abcdef", maxRetries: 0, accountId: "258def64c72dae45f3e4c8516e2111f2", baseUrl: process.argv[2] })
  .listServices()
  .then((services) => console.log(JSON.stringify(services)));`;

/** Runs a consumer file against the local server; asynchronously, so the server in this process can answer. */
function runNode(file: string) {
  return runAsync(process.execPath, [file, server.url], { cwd: dir });
}

describe("the packed package", () => {
  test("installs with openapi-fetch as its only dependency", () => {
    const installed = readdirSync(join(dir, "node_modules")).filter((name) => !name.startsWith("."));
    expect(installed.sort()).toEqual(
      ["cloudflare-service-bindings", "openapi-fetch", "openapi-typescript-helpers"].sort(),
    );
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

  test("works from CommonJS require (Node >= 20.19 loads ESM from require)", async () => {
    writeFileSync(
      join(dir, "cjs.cjs"),
      `const { createServiceBindingsClient } = require("cloudflare-service-bindings");\n${CALL}\n`,
    );
    const ran = await runNode("cjs.cjs");
    expect(ran.status).toBe(0);
    expect(JSON.parse(ran.stdout)).toEqual(SERVICES);
  });

  test("type-checks a consumer file, with the generated types reachable", () => {
    writeFileSync(
      join(dir, "consumer.ts"),
      `import { createServiceBindingsClient, NotFoundError, type ServiceBinding } from "cloudflare-service-bindings";
import type { paths } from "cloudflare-service-bindings/openapi";

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
    const ran = spawnSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "."], {
      cwd: dir,
      encoding: "utf8",
    });
    expect(ran.stdout).toBe("");
    expect(ran.status).toBe(0);
  });
});
