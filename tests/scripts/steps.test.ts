// The step runner behind `npm run check`: steps run at the same time up to a
// limit, a step waits for the steps it needs, each step's output is printed in
// one piece, and stopping the runner stops every step with its children.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { ROOT } from "../../scripts/lib/paths.ts";
import { runSteps, type Step } from "../../scripts/lib/steps.ts";
import { allGone, descendants, isRunning } from "../support/processes.ts";

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
    const dir = mkdtempSync(join(tmpdir(), "steps-"));
    try {
      // `use` passes only if `build` had finished (and written its file) before `use` started.
      const { outcomes, printed } = await run(
        [
          { name: "build", proves: "-" },
          { name: "use", proves: "-", needs: ["build"] },
          { name: "broken", proves: "-" },
          { name: "after-broken", proves: "-", needs: ["broken"] },
        ],
        {
          build: `sleep 0.2; echo built > ${dir}/built`,
          use: `test -e ${dir}/built`,
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
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("prints a failed step's output in one piece under its name, stdout and stderr together; a passed step's as one line", async () => {
    const { printed } = await run(
      [
        { name: "talker", proves: "-" },
        { name: "quiet", proves: "-" },
      ],
      {
        talker: "echo one; sleep 0.1; echo two >&2; sleep 0.1; echo three; exit 1",
        quiet: "echo noise nobody needs",
      },
    );
    expect(printed).toMatch(/-------- \[1\/2\] talker --------\none\ntwo\nthree\n\[1\/2\] talker: FAIL/);
    expect(printed).toMatch(/^\[2\/2\] quiet: pass \(\d+\.\d s\)$/m);
    expect(printed).not.toContain("noise nobody needs");
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
  /** Starts a runner whose one step starts `sleep` and a Node process in the background; resolves with their pids. */
  async function runnerWithGrandchildren(seconds: string) {
    // The sleep ignores SIGINT as a shell's background job does: the runner kills it after a grace period.
    const driver = `
      import { runSteps } from "./scripts/lib/steps.ts";
      const outcomes = await runSteps([{ name: "hang", proves: "-" }], {
        scripts: { hang: "sleep ${seconds} & node -e 'setInterval(() => {}, ${seconds})' & wait" },
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
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    // The step's output is held until it ends, so its grandchildren are found among the runner's descendants.
    const started = Date.now();
    for (;;) {
      const below = await descendants(child.pid as number);
      const sleep = below.find((p) => p.command === `sleep ${seconds}`)?.pid;
      // Not the step's shells, whose command lines hold the same text.
      const node = below.find((p) => /^\S*node /.test(p.command) && p.command.includes(`, ${seconds})`))?.pid;
      if (sleep && node) return { child, exited, sleep, node, output: () => output };
      if (Date.now() - started > 15_000) throw new Error(`the step's processes did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  test.each([
    ["SIGTERM", "299.1"],
    ["SIGINT", "299.2"],
  ] as const)("%s stops every running step and what it started", async (signal, seconds) => {
    const { child, exited, sleep, node, output } = await runnerWithGrandchildren(seconds);
    try {
      child.kill(signal);
      await exited;
      expect(await allGone([sleep, node], 5_000)).toBe(true);
      expect(output()).toContain("runner ended false");
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  });

  test("killed outright, the runner cannot pass anything on, yet every Node process of its steps ends", async () => {
    const { child, exited, sleep, node } = await runnerWithGrandchildren("299.3");
    try {
      child.kill("SIGKILL");
      await exited;
      expect(await allGone([node], 5_000)).toBe(true);
    } finally {
      for (const pid of [sleep, node]) if (isRunning(pid)) process.kill(pid, "SIGKILL");
    }
  });
});
