// Starts one Prism mock of the spec for the whole contract run (none when
// CONTRACT_BASE_URL names an external server), shares its URL with the tests,
// stops it on teardown and on interruption, then runs the coverage gate.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import {
  coverage,
  type Exercised,
  formatReport,
  onlyOperations,
} from "../../scripts/lib/contract-coverage.ts";
import { type PrismServer, startPrism, stopWithThisProcess } from "../../scripts/lib/prism.ts";
import { loadSpec } from "../../scripts/lib/spec.ts";
import { createServiceBindingsClient } from "../../src/index.ts";
import { externalTarget, selectedOperations } from "./target.ts";

/** The seed of Prism's generated answers, so a failing run can be replayed. */
export const PRISM_SEED = "service-bindings";

export default async function setup(project: TestProject) {
  const external = externalTarget(process.env);
  if (external) {
    console.log(
      `contract: external target ${external.baseUrl} (conformance subset${external.allowWrites ? ", with writes" : ", read-only"})`,
    );
    project.provide("contract", external);
    return;
  }

  const prism: PrismServer = await startPrism({ seed: PRISM_SEED, quiet: true });
  const dir = mkdtempSync(join(tmpdir(), "contract-"));
  const exercisedLog = join(dir, "exercised.jsonl");
  writeFileSync(exercisedLog, "");
  console.log(
    `contract: Prism mock of spec/openapi.yaml on ${prism.url} (pid ${prism.pid}, ready in ${Math.round(prism.readyMs)} ms); coverage records in ${dir}`,
  );
  // Interrupted (SIGINT, SIGTERM), vitest exits at once: Prism is stopped on the way out, and the records
  // are removed then too (synchronously: on exit there is no time to wait).
  const untie = stopWithThisProcess(prism);
  const removeRecords = () => rmSync(dir, { recursive: true, force: true });
  process.once("exit", removeRecords);
  const spec = loadSpec();
  project.provide("contract", {
    mode: "mock",
    baseUrl: prism.url,
    apiToken: "contract-test-token",
    // The ids the spec's own parameter examples use, so the mock's answers and the calls agree.
    accountId: spec.components.parameters.AccountId.example,
    prefixId: spec.components.parameters.PrefixId.example,
    allowWrites: true,
    exercisedLog,
  });

  return async () => {
    await prism.stop();
    untie();
    const exercised = readFileSync(exercisedLog, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Exercised);
    process.off("exit", removeRecords);
    removeRecords();
    // A filtered run (vitest -t, or a single file) exercises a part on purpose: the gate judges full runs only.
    // Vitest 4 keeps the files named on the command line in `filenamePattern` (not in the config).
    const { filters, testNamePattern } = project.vitest.config;
    const files =
      (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern ?? filters ?? [];
    if (testNamePattern || files.length > 0) return;
    const methods = Object.keys(createServiceBindingsClient({ apiToken: "x" })).filter(
      (name) => name !== "raw",
    );
    const report = coverage(onlyOperations(spec, selectedOperations(process.env)), exercised, methods);
    console.log(formatReport(report));
    if (!report.ok) {
      // A throw here is only logged by vitest; the exit code is what fails CI.
      console.error("contract coverage gate failed: see the matrix above.");
      process.exitCode = 1;
    }
  };
}
