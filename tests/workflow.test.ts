// The users' CI recipe (.github/workflows/contract.yml) runs the npm scripts
// the README names, the nightly upstream gate runs on a fresh extract, and
// those scripts exist.
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { ROOT } from "../scripts/lib/paths.ts";

const workflow = parse(readFileSync(`${ROOT}.github/workflows/contract.yml`, "utf8"));
const readme = readFileSync(`${ROOT}README.md`, "utf8");
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
    expect(readme).toContain("npm run contract:proxy -- --upstream https://api.cloudflare.com/client/v4");
  });

  test("the scheduled mutation job makes the full run and keeps its report, as the README says", () => {
    const job = workflow.jobs.mutation;
    expect(job.if).toContain("schedule");
    expect(npmScripts(job)).toEqual(["ci", "mutation"]);
    expect(job.steps.at(-1).with.path).toBe("reports/mutation/");
    expect(readme).toMatch(/full\s+run[^.]*nightly|nightly[^.]*full\s+run/i);
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
    for (const job of Object.values<{ steps: { run?: string }[] }>(workflow.jobs)) {
      for (const name of npmScripts(job).filter((n) => n !== "ci"))
        expect(Object.keys(scripts)).toContain(name);
    }
  });
});
