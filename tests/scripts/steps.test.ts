// The step runner behind `npm run check`: steps run at the same time up to a
// limit, a step waits for the steps it needs, each step's output is printed in
// one piece, and stopping the runner stops every step with its children.
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { ROOT } from "../../scripts/lib/paths.ts";
import { isRunning } from "../../scripts/lib/processes.ts";
import { runSteps, type Step } from "../../scripts/lib/steps.ts";

/** Runs steps whose command lines are given here, collecting everything printed. */
async function run(
  steps: Step[],
  scripts: Record<string, string>,
  concurrency = 3,
  skip = new Set<string>(),
) {
  const lines: string[] = [];
  const outcomes = await runSteps(steps, { scripts, concurrency, skip, log: (line) => lines.push(line) });
  return { outcomes, printed: lines.join("\n") };
}

/**
 * Two steps that each mark that they started, then wait up to a second for the other's mark:
 * both pass only when they run at the same time.
 */
function meeting(): { scripts: Record<string, string>; steps: Step[]; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "steps-"));
  const meet = (mine: string, other: string) =>
    `touch ${dir}/${mine}; for i in $(seq 20); do [ -e ${dir}/${other} ] && exit 0; sleep 0.05; done; exit 1`;
  return {
    scripts: { a: meet("a", "b"), b: meet("b", "a") },
    steps: [
      { name: "a", proves: "-" },
      { name: "b", proves: "-" },
    ],
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

describe("runSteps", () => {
  test("runs independent steps at the same time, and reports each in the listed order", async () => {
    const { scripts, steps, cleanup } = meeting();
    try {
      const { outcomes } = await run(steps, scripts, 2);
      expect(outcomes.map((o) => [o.step.name, o.ok])).toEqual([
        ["a", true],
        ["b", true],
      ]);
    } finally {
      cleanup();
    }
  });

  test("never runs more steps at once than its limit", async () => {
    const { scripts, steps, cleanup } = meeting();
    try {
      // One at a time: the first waits in vain for the second, which starts only after it.
      const { outcomes } = await run(steps, scripts, 1);
      expect(outcomes.map((o) => [o.step.name, o.ok])).toEqual([
        ["a", false],
        ["b", true],
      ]);
    } finally {
      cleanup();
    }
  });

  test("starts a step only after the steps it needs, and does not run it when one failed", async () => {
    const { outcomes, printed } = await run(
      [
        { name: "build", proves: "-" },
        { name: "use", proves: "-", needs: ["build"] },
        { name: "broken", proves: "-" },
        { name: "after-broken", proves: "-", needs: ["broken"] },
      ],
      {
        build: "sleep 0.2; echo built > /dev/null",
        use: "echo used",
        broken: "echo bad; exit 3",
        "after-broken": "echo should not run",
      },
    );
    expect(outcomes.map((o) => [o.step.name, o.ok])).toEqual([
      ["build", true],
      ["use", true],
      ["broken", false],
      ["after-broken", false],
    ]);
    expect(printed).toContain("not run: it needs broken, which failed");
    expect(printed).not.toContain("should not run");
    expect(printed.indexOf("[1/4] build: pass")).toBeLessThan(printed.indexOf("[2/4] use: started"));
  });

  test("prints each step's output in one piece under its name, stdout and stderr together", async () => {
    const { printed } = await run(
      [
        { name: "talker", proves: "-" },
        { name: "other", proves: "-" },
      ],
      { talker: "echo one; sleep 0.1; echo two >&2; sleep 0.1; echo three", other: "echo interleaved?" },
    );
    expect(printed).toMatch(/-------- \[1\/2\] talker --------\none\ntwo\nthree\n\[1\/2\] talker: pass/);
  });

  test("skips what it is told to, saying why, and a missing script fails its step", async () => {
    const { outcomes, printed } = await run(
      [
        { name: "slow", proves: "-" },
        { name: "nowhere", proves: "-" },
      ],
      { slow: "sleep 30" },
      3,
      new Set(["slow"]),
    );
    expect(outcomes.map((o) => [o.step.name, o.ok])).toEqual([
      ["slow", undefined],
      ["nowhere", false],
    ]);
    expect(printed).toContain("no npm script named nowhere in package.json");
  });
});

describe("stopping the runner", () => {
  test.each([
    ["SIGTERM", "299.1"],
    ["SIGINT", "299.2"],
  ] as const)("%s stops every running step and what it started", async (signal, seconds) => {
    // A runner whose one step starts a grandchild that would outlive a plain kill of the step's shell,
    // and ignores SIGINT as a shell's background job does: the runner kills it after a grace period.
    const driver = `
      import { runSteps } from "./scripts/lib/steps.ts";
      const outcomes = await runSteps([{ name: "hang", proves: "-" }], {
        scripts: { hang: "sleep ${seconds} & wait" },
        killAfterMs: 300,
      });
      console.log("runner ended", outcomes[0].ok);
    `;
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", driver], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    try {
      // The step's output is held until it ends, so find the grandchild by its parent shell instead.
      const sleeper = await new Promise<number>((resolve, reject) => {
        const started = Date.now();
        const poll = () => {
          const found = findSleep(seconds);
          if (found) resolve(found);
          else if (Date.now() - started > 15_000) reject(new Error(`no sleep started:\n${output}`));
          else setTimeout(poll, 50);
        };
        poll();
      });
      child.kill(signal);
      await exited;
      for (let i = 0; i < 50 && isRunning(sleeper); i++) await new Promise((r) => setTimeout(r, 20));
      expect(isRunning(sleeper)).toBe(false);
      expect(output).toContain("runner ended false");
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  });
});

/** The pid of the `sleep` with this argument, which only this test's runner starts, found in /proc. */
function findSleep(seconds: string): number | undefined {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8");
      if (cmdline === `sleep\u0000${seconds}\u0000`) return Number(entry);
    } catch {
      // The process ended while we looked.
    }
  }
  return undefined;
}
