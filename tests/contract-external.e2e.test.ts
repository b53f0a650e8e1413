// The contract suite's external target mode, against a second Prism started
// here on the same spec: the conformance subset, writes included, passes
// against any conforming server, a stateless mock included.
import { afterAll, beforeAll, expect, test } from "vitest";
import { type PrismServer, startPrism } from "../scripts/lib/prism.ts";
import { EXTERNAL_TARGET_ENV } from "./support/fixtures.ts";
import { runVitestAsync } from "./support/run.ts";

let prism: PrismServer;
beforeAll(async () => {
  prism = await startPrism({ quiet: true });
});
afterAll(() => prism?.stop());

test("CONTRACT_BASE_URL runs the conformance subset, with writes, and it passes against a second Prism", async () => {
  const ran = await runVitestAsync(["--project", "contract"], {
    ...EXTERNAL_TARGET_ENV,
    CONTRACT_BASE_URL: prism.url,
    CONTRACT_ALLOW_WRITES: "1",
  });
  const run = { code: ran.status, output: ran.stdout + ran.stderr };
  expect(run.output).toContain("conformance subset, with writes");
  expect(run.output).toContain("conformance/writes.test.ts");
  expect(run.output).not.toContain("examples.test.ts");
  expect(run.output).not.toContain("Contract coverage");
  expect(run.code).toBe(0);
});
