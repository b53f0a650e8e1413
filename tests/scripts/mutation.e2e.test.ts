// npm run mutation:incremental stopped as a user stops it, by a SIGTERM to npm: Stryker and the test
// runners it started end with it, and its sandbox (a copy of the project) is not left behind, even when the
// script gets more signals while it stops (npm's, the exit-with-parent preload's once npm is gone, a user's).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { ROOT } from "../../scripts/lib/paths.ts";
import { descendants, isRunning, npmCommand } from "../support/processes.ts";

test("SIGTERM to npm stops Stryker and its test runners, and leaves no sandbox", async () => {
  const [command, prefix] = npmCommand();
  const npm = spawn(command, [...prefix, "run", "mutation:incremental"], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
  });
  let output = "";
  npm.stdout.on("data", (chunk: Buffer) => (output += chunk));
  npm.stderr.on("data", (chunk: Buffer) => (output += chunk));
  const exited = new Promise<void>((resolve) => npm.once("exit", () => resolve()));
  try {
    // The test runners exist once Stryker starts its first run of the tests.
    await new Promise<void>((resolve, reject) => {
      const started = Date.now();
      const poll = () => {
        if (output.includes("Starting initial test run")) resolve();
        else if (npm.exitCode !== null) reject(new Error(`npm ended before Stryker started:\n${output}`));
        else if (Date.now() - started > 60_000) reject(new Error(`Stryker did not start:\n${output}`));
        else setTimeout(poll, 50);
      };
      poll();
    });
    const started = await descendants(npm.pid as number);
    // The script itself, not npm's `sh -c` that started it.
    const runner = started.find((p) => /^\S*node .*scripts\/mutation\.ts/.test(p.command));
    expect(started.filter((p) => p.command.includes("@stryker-mutator")).length).toBeGreaterThan(1);
    const sandbox = join(ROOT, ".stryker-tmp", String(runner?.pid));
    expect(existsSync(sandbox)).toBe(true);

    npm.kill("SIGTERM");
    for (let i = 0; i < 2; i++) if (runner?.pid) process.kill(runner.pid, "SIGTERM");
    await exited;
    const left = () => started.filter((p) => isRunning(p.pid));
    for (let i = 0; i < 100 && left().length > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(left()).toEqual([]);
    expect(existsSync(sandbox)).toBe(false);
  } finally {
    if (npm.exitCode === null && npm.signalCode === null) npm.kill("SIGKILL");
  }
});
