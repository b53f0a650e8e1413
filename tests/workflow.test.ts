// The CI recipes (.github/workflows/contract.yml, mutation.yml) run the npm
// scripts the README and CONTRIBUTING.md name, the nightly upstream gate runs
// on a fresh extract, and those scripts exist.
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { ROOT } from "../scripts/lib/paths.ts";

const workflow = parse(readFileSync(`${ROOT}.github/workflows/contract.yml`, "utf8"));
const mutation = parse(readFileSync(`${ROOT}.github/workflows/mutation.yml`, "utf8"));
const readme = readFileSync(`${ROOT}README.md`, "utf8");
const contributing = readFileSync(`${ROOT}CONTRIBUTING.md`, "utf8");
const scripts = JSON.parse(readFileSync(`${ROOT}package.json`, "utf8")).scripts as Record<string, string>;

/** The `npm run X` / `npm X` commands of a job's steps. */
function npmScripts(job: { steps: { run?: string }[] }): string[] {
  return job.steps.flatMap((step) =>
    [...(step.run ?? "").matchAll(/\bnpm (?:run )?([\w:-]+)/g)].map((m) => m[1] ?? ""),
  );
}

describe(".github/workflows/contract.yml", () => {
  test("runs on pushes, pull requests and a schedule", () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(["push", "pull_request", "schedule"]));
  });

  test("the check job installs with npm ci and runs npm run check, as the README's quick start does", () => {
    expect(npmScripts(workflow.jobs.check)).toEqual(["ci", "check"]);
    expect(readme).toContain("npm ci && npm run check");
  });

  test("the scheduled job runs the validation proxy against the real API with secrets, as the README documents", () => {
    const job = workflow.jobs["live-api"];
    expect(npmScripts(job)).toEqual(["ci", "contract:proxy"]);
    const step = job.steps.find((s: { run?: string }) => s.run?.includes("contract:proxy"));
    expect(step.run).toContain("--upstream https://api.cloudflare.com/client/v4");
    for (const name of ["CLOUDFLARE_API_TOKEN", "CLOUDFLARE_ACCOUNT_ID", "CLOUDFLARE_PREFIX_ID"]) {
      expect(step.env[name]).toBe(`\${{ secrets.${name} }}`);
    }
    expect(contributing).toContain(
      "npm run contract:proxy -- --upstream https://api.cloudflare.com/client/v4",
    );
  });

  test("the commands' process handling is proved on macOS and Windows too", () => {
    const job = workflow.jobs.processes;
    expect(job.strategy.matrix.os).toEqual(expect.arrayContaining(["macos-latest", "windows-latest"]));
    expect(npmScripts(job)).toEqual(["ci", "test:e2e"]);
  });

  test("the scheduled upstream job extracts Cloudflare's newest openapi.json into a temporary file, checks the spec against it and puts the findings in the job's summary", () => {
    const job = workflow.jobs.upstream;
    expect(job.if).toContain("schedule");
    expect(npmScripts(job)).toEqual(["ci", "upstream:extract", "check:upstream"]);
    const { run } = job.steps.at(-1);
    expect(run).toContain("https://raw.githubusercontent.com/cloudflare/api-schemas/main/openapi.json");
    expect(run).toMatch(
      /upstream:extract -- "\$RUNNER_TEMP\/openapi\.json"[^\n]*\n[^\n]*--out "\$RUNNER_TEMP\/cloudflare\.json"/,
    );
    expect(run).toContain('check:upstream -- --upstream "$RUNNER_TEMP/cloudflare.json"');
    // The committed extract is never the one it writes or reads.
    expect(run).not.toContain("spec/upstream");
    expect(run).toContain('>> "$GITHUB_STEP_SUMMARY"');
    expect(run.trim().split("\n").at(-1)).toBe('exit "$status"');
  });

  test("every npm script it calls exists in package.json", () => {
    for (const job of Object.values<{ steps: { run?: string }[] }>({ ...workflow.jobs, ...mutation.jobs })) {
      for (const name of npmScripts(job).filter((n) => n !== "ci"))
        expect(Object.keys(scripts)).toContain(name);
    }
  });
});

describe(".github/workflows/mutation.yml", () => {
  test("on a pull request that changes src/, an incremental run from the cached incremental file", () => {
    expect(mutation.on.pull_request.paths).toContain("src/**");
    const job = mutation.jobs.incremental;
    expect(job.if).toContain("pull_request");
    expect(npmScripts(job)).toEqual(["ci", "mutation:incremental"]);
    const cache = job.steps.find((s: { uses?: string }) => s.uses?.startsWith("actions/cache@"));
    expect(cache.with.path).toBe("reports/stryker-incremental.json");
    expect(cache.with["restore-keys"]).toContain("stryker-incremental-main-");
  });

  test("nightly, the full run, which saves the incremental file for pull requests and keeps its report", () => {
    const job = mutation.jobs.full;
    expect(job.if).toContain("schedule");
    expect(Object.keys(mutation.on)).toContain("schedule");
    expect(npmScripts(job)).toEqual(["ci", "mutation"]);
    const save = job.steps.find((s: { uses?: string }) => s.uses?.startsWith("actions/cache/save@"));
    expect(save.with.key).toMatch(/^stryker-incremental-main-/);
    expect(job.steps.at(-1).with.path).toBe("reports/mutation/");
    expect(contributing).toMatch(/full\s+run[^.]*nightly|nightly[^.]*full\s+run/i);
  });

  test("the incremental file is ignored by git, never committed", () => {
    expect(readFileSync(`${ROOT}.gitignore`, "utf8").split("\n")).toContain("reports/");
  });
});
