// Adding an operation is editing the spec and running `npm run generate`,
// nothing else: in a scratch copy of the project, an operation added to the
// spec becomes a typed client method that a consumer calls, that the contract
// suite exercises in every cell, and that works against a Prism mock of it.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parse, stringify } from "yaml";
import { DYNAMIC_RUNS_REQUIRED } from "../../scripts/lib/contract-coverage.ts";
import { generateCommand } from "../../scripts/lib/generation-commands.ts";
import { ROOT } from "../../scripts/lib/paths.ts";
import { startPrism } from "../../scripts/lib/prism.ts";
import { type Node, responses } from "../../scripts/lib/spec.ts";
import type { createServiceBindingsClient } from "../../src/index.ts";
import { runAsync } from "../support/run.ts";

const BINDING = "/accounts/{account_id}/addressing/prefixes/{prefix_id}/bindings/{binding_id}";
const ADDED = "getServiceBindingProbe";
let dir: string;
let generated: { status: number | null; output: string };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "sb-add-operation-"));
  // Every file of the project (committed or not, never ignored ones), and the installed node_modules.
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: ROOT,
    encoding: "utf8",
  })
    .split("\0")
    .filter(Boolean);
  for (const file of files) {
    try {
      cpSync(join(ROOT, file), join(dir, file));
    } catch (error) {
      // A file deleted from the work tree but not yet from the index.
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));

  // The user's edit: a copy of Get Service Binding, examples included, under a new path and operationId.
  const specPath = join(dir, "spec/openapi.yaml");
  const spec: Node = parse(readFileSync(specPath, "utf8"));
  const item = structuredClone(spec.paths[BINDING]);
  spec.paths[`${BINDING}/probe`] = {
    parameters: item.parameters,
    get: {
      ...item.get,
      operationId: ADDED,
      summary: "Probe Service Binding",
      description: "Fetches one service binding by another path (an operation added by a test).",
    },
  };
  writeFileSync(specPath, stringify(spec));
  // What `npm run generate` runs, on the copy's spec and generated/.
  let output = "";
  const io = {
    out: (line: string) => (output += `${line}\n`),
    err: (line: string) => (output += `${line}\n`),
  };
  const status = await generateCommand(["--spec", specPath, "--out", join(dir, "generated/openapi.ts")], io);
  generated = { status, output };

  // A consumer of the new method, where `npm run typecheck` looks.
  mkdirSync(join(dir, "examples"), { recursive: true });
  writeFileSync(
    join(dir, "examples/probe.ts"),
    `import { createServiceBindingsClient, type ServiceBinding } from "cloudflare-service-bindings";

const client = createServiceBindingsClient({ apiToken: "t", accountId: "258def64c72dae45f3e4c8516e2111f2" });
export const probed: Promise<ServiceBinding> = client.${ADDED}({ prefix_id: "p", binding_id: "b" });
`,
  );
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("an operation added to the spec, then npm run generate", () => {
  test("generate writes the new operation into the types and the operation table", () => {
    expect(generated.output).toMatch(
      /^Wrote \S*generated\/openapi\.ts, \S*operations\.ts and \S*examples\.ts/m,
    );
    expect(generated.status).toBe(0);
    expect(readFileSync(join(dir, "generated/operations.ts"), "utf8")).toContain(`  ${ADDED}: {`);
  });

  test("the project type-checks, with a consumer calling the new method", async () => {
    // The product, its contract suite and the consumer (tests/ is type-checked by the project's own check,
    // and names no operation that the new one would need).
    writeFileSync(
      join(dir, "tsconfig.probe.json"),
      JSON.stringify({
        extends: "./tsconfig.json",
        include: ["src", "generated", "contract-tests", "examples"],
      }),
    );
    const ran = await runAsync(
      process.execPath,
      [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.probe.json"],
      { cwd: dir },
    );
    expect(ran.stdout + ran.stderr).toBe("");
    expect(ran.status).toBe(0);
  });

  test("the contract suite passes, with every cell of the new operation exercised", async () => {
    // The suites that walk every operation of the spec, narrowed to the new one (the others run in the
    // project's own check); the conformance tests name their operations.
    rmSync(join(dir, "contract-tests/conformance"), { recursive: true });
    const ran = await runAsync(
      process.execPath,
      ["node_modules/vitest/vitest.mjs", "run", "--project", "contract"],
      { cwd: dir, env: { CONTRACT_OPERATIONS: ADDED } },
    );
    const output = ran.stdout + ran.stderr;
    const spec: Node = parse(readFileSync(join(dir, "spec/openapi.yaml"), "utf8"));
    const operation = {
      path: `${BINDING}/probe`,
      method: "get" as const,
      operationId: ADDED,
      node: spec.paths[`${BINDING}/probe`].get,
      parameters: [],
    };
    // Every declared status and named example of the new operation has its row, and every row is ok.
    for (const response of responses(spec, operation)) {
      for (const example of Object.keys(response.examples)) {
        expect(output).toMatch(new RegExp(`ok +${ADDED} +${response.status} +${example} `));
      }
    }
    expect(output).toMatch(new RegExp(`ok +${ADDED} +\\d+ of ${DYNAMIC_RUNS_REQUIRED}`));
    expect(output).not.toMatch(/\bMISS\b/);
    expect(output).toMatch(/(\d+) of \1 cells exercised\./);
    expect(ran.status).toBe(0);
  }, 240_000);

  test("the coverage gate fails the run through its exit code when a cell goes unexercised", async () => {
    // Every contract test but one removed: the test that runs passes, and the other cells are missing.
    for (const file of ["generated", "examples", "harness", "base-url"]) {
      rmSync(join(dir, `contract-tests/${file}.test.ts`));
    }
    const ran = await runAsync(
      process.execPath,
      ["node_modules/vitest/vitest.mjs", "run", "--project", "contract"],
      { cwd: dir, env: { CONTRACT_OPERATIONS: ADDED } },
    );
    const output = ran.stdout + ran.stderr;
    expect(output).toMatch(/Tests +\d+ passed/);
    expect(output).not.toMatch(/Tests +.*failed/);
    expect(output).toMatch(new RegExp(`MISS ${ADDED} +0 of ${DYNAMIC_RUNS_REQUIRED}`));
    expect(output).toContain("contract coverage gate failed: see the matrix above.");
    expect(ran.status).toBe(1);
  }, 240_000);

  test("the new method works against a Prism mock of the new spec", async () => {
    const prism = await startPrism({ spec: join(dir, "spec/openapi.yaml"), quiet: true });
    try {
      // The copy's own client, with the regenerated operation table.
      const { createServiceBindingsClient: create } = (await import(join(dir, "src/index.ts"))) as {
        createServiceBindingsClient: typeof createServiceBindingsClient;
      };
      const client = create({
        apiToken: "t",
        accountId: "258def64c72dae45f3e4c8516e2111f2",
        baseUrl: prism.url,
      });
      const probe = (client as unknown as Record<string, (params: object) => Promise<unknown>>)[ADDED];
      const example = parse(readFileSync(join(dir, "spec/openapi.yaml"), "utf8")).paths[BINDING].get
        .responses["200"].content["application/json"].examples.active.value.result;
      expect(
        await probe?.({
          prefix_id: "2af39739cc4e3b5910c918468bb89828",
          binding_id: "0429b49b6a5155297b78e75a44b09e14",
        }),
      ).toEqual(example);
    } finally {
      await prism.stop();
    }
  });
});
