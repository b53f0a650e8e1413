// Every TypeScript example in the README is a file in examples/, which
// `npm run check` type-checks: the README cannot show code that does not compile.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { describe, expect, test } from "vitest";
import { parse as parseYaml } from "yaml";
import { ROOT } from "../scripts/lib/paths.ts";
import { loadSpec, operations } from "../scripts/lib/spec.ts";
import { createServiceBindingsClient, type ServiceBindingsClientOptions } from "../src/index.ts";
import { fakeFetch, json } from "./support/fake-fetch.ts";
import { ACCOUNT, BINDING_ID, PREFIX } from "./support/fixtures.ts";
import { deadServerUrl } from "./support/http-server.ts";

const readme = readFileSync(`${ROOT}README.md`, "utf8");
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => (match[1] ?? "").trim());
const examples = readdirSync(`${ROOT}examples`)
  .filter((name) => name.endsWith(".ts"))
  .map((name) => readFileSync(`${ROOT}examples/${name}`, "utf8").trim());

describe("README.md", () => {
  test("has TypeScript examples", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(6);
  });

  test.each(blocks.map((block) => [block.split("\n")[0], block]))(
    "the example starting %j is a type-checked file of examples/",
    (_, block) => {
      expect(examples).toContain(block);
    },
  );

  test.each(operations(loadSpec()).map((o) => o.operationId))(
    "describes the spec's operation %s, with an example calling its method",
    (operationId) => {
      expect(blocks.some((block) => block.includes(`client.${operationId}(`))).toBe(true);
      expect(readme).toContain(`| \`${operationId}\``);
    },
  );
});

/** The message a client with these options rejects with. */
async function messageOf(
  options: Partial<ServiceBindingsClientOptions>,
  call: (client: ReturnType<typeof createServiceBindingsClient>) => Promise<unknown>,
): Promise<string> {
  const client = createServiceBindingsClient({
    apiToken: "t",
    accountId: ACCOUNT,
    maxRetries: 0,
    ...options,
  });
  return call(client).then(
    () => "(no error)",
    (error: Error) => error.message,
  );
}

describe("README.md's sample log lines", () => {
  const samples = [...readme.matchAll(/```\n(GET [\s\S]*?)```/g)].flatMap((m) =>
    (m[1] ?? "").trim().split("\n"),
  );

  test("are what the client prints (up to a closing …, where the README cuts a long excerpt)", async () => {
    const prismPage = {
      type: "https://stoplight.io/prism/errors#NO_PATH_MATCHED_ERROR",
      title: "Route not resolved, no path matched",
      status: 404,
      detail: "The route /client/v4/accounts could not be resolved",
    };
    const printed = [
      await messageOf(
        {
          fetch: fakeFetch(
            json(
              404,
              {
                success: false,
                errors: [{ code: 1002, message: "Binding not found" }],
                messages: [],
                result: null,
              },
              { "cf-ray": "8f1e2d3c4b5a6978-AMS" },
            ),
          ).fetch,
        },
        (c) => c.getServiceBinding({ prefix_id: PREFIX, binding_id: BINDING_ID }),
      ),
      await messageOf(
        { baseUrl: "http://127.0.0.1:4010/client/v4", fetch: fakeFetch(json(404, prismPage)).fetch },
        (c) => c.listServices(),
      ),
      await messageOf({ baseUrl: await deadServerUrl() }, (c) => c.listServices()),
    ];
    expect(samples.length).toBe(printed.length);
    for (const [index, sample] of samples.entries()) {
      const cut = sample.indexOf("…");
      if (cut === -1) expect(printed[index]).toBe(sample);
      else
        expect(printed[index]?.startsWith(sample.slice(0, cut)), `${sample}\n${printed[index]}`).toBe(true);
    }
  });
});

describe("README.md's YAML examples", () => {
  const yamlBlocks = [...readme.matchAll(/^(`{3,4})yaml\n([\s\S]*?)^\1$/gm)].map((m) => (m[2] ?? "").trim());
  const files = ["bindings.yaml", "bindings-workflow.yml"].map((name) =>
    readFileSync(`${ROOT}examples/${name}`, "utf8").trim(),
  );

  test("are the bindings file the tests parse and the workflow whose steps are run below", () => {
    expect(yamlBlocks).toEqual(files);
  });
});

describe("the workflow recipe's plan step", () => {
  const workflow = parseYaml(readFileSync(`${ROOT}examples/bindings-workflow.yml`, "utf8")) as {
    jobs: Record<string, { steps: { run?: string }[] }>;
  };
  const script = workflow.jobs.plan?.steps.find((step) => step.run?.includes(" plan "))?.run ?? "";

  /** Runs the step with an `npx` that prints a diff and exits with `status`. */
  function runPlanStep(status: number) {
    const dir = mkdtempSync(join(tmpdir(), "plan-step-"));
    writeFileSync(join(dir, "npx"), `#!/bin/sh\necho '+ create 192.0.2.16/29 -> CDN'\nexit ${status}\n`, {
      mode: 0o755,
    });
    const summary = join(dir, "summary.md");
    const run = spawnSync("bash", ["-e", "-c", script], {
      cwd: dir,
      env: { PATH: `${dir}${delimiter}${process.env.PATH}`, GITHUB_STEP_SUMMARY: summary },
    });
    const written = readFileSync(summary, "utf8");
    rmSync(dir, { recursive: true, force: true });
    return { passed: run.status === 0, summary: written };
  }

  // GitHub's runners run a step with bash, as here.
  test("passes on 0 (nothing to do) and 2 (changes), fails on 1, and puts the diff in the summary", () => {
    expect([0, 2, 1].map((status) => runPlanStep(status).passed)).toEqual([true, true, false]);
    expect(runPlanStep(2).summary).toBe("```diff\n+ create 192.0.2.16/29 -> CDN\n```\n");
  });
});
