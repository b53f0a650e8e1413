// The contract suite's external target mode, against a second Prism started
// here on the same spec: the conformance subset, writes included, passes
// against any conforming server, a stateless mock included.
import { spawn } from "node:child_process";
import { afterAll, beforeAll, expect, test } from "vitest";
import { ROOT } from "../scripts/lib/paths.ts";
import { type PrismServer, startPrism } from "../scripts/lib/prism.ts";

let prism: PrismServer;
beforeAll(async () => {
  prism = await startPrism({ quiet: true });
});
afterAll(() => prism?.stop());

test("CONTRACT_BASE_URL runs the conformance subset, with writes, and it passes against a second Prism", async () => {
  const run = await new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(
      process.execPath,
      [`${ROOT}node_modules/vitest/vitest.mjs`, "run", "--project", "contract"],
      {
        cwd: ROOT,
        stdio: ["ignore", "pipe", "pipe"],
        env: {
          ...process.env,
          CONTRACT_BASE_URL: prism.url,
          CONTRACT_ALLOW_WRITES: "1",
          CLOUDFLARE_API_TOKEN: "tok_0123456789abcdef",
          CLOUDFLARE_ACCOUNT_ID: "258def64c72dae45f3e4c8516e2111f2",
          CLOUDFLARE_PREFIX_ID: "2af39739cc4e3b5910c918468bb89828",
          NO_COLOR: "1",
        },
      },
    );
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c));
    child.stderr.on("data", (c: Buffer) => (output += c));
    child.once("exit", (code) => resolve({ code, output }));
  });
  expect(run.output).toContain("conformance subset, with writes");
  expect(run.output).toContain("conformance/writes.test.ts");
  expect(run.output).not.toContain("examples.test.ts");
  expect(run.output).not.toContain("Contract coverage");
  expect(run.code).toBe(0);
});
