// npm run mutation:incremental stopped as a user stops it, by a SIGTERM to npm: Stryker and the test
// runners it started end with it, and neither its sandbox (a copy of the project) nor its scratch folder
// is left behind.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { ROOT } from "../../scripts/lib/paths.ts";
import { isRunning } from "../../scripts/lib/processes.ts";

/** Every process below `pid`, from /proc: its children, theirs, and so on. */
function descendants(pid: number): { pid: number; command: string }[] {
  const parents = new Map<number, number>();
  const commands = new Map<number, string>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The parent is the field after the parenthesised command name, which may itself hold spaces.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
      commands.set(Number(entry), readFileSync(`/proc/${entry}/cmdline`, "utf8").replaceAll("\u0000", " "));
    } catch {
      // The process ended while we looked.
    }
  }
  const found: { pid: number; command: string }[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const parent = queue.shift() as number;
    for (const [child, itsParent] of parents) {
      if (itsParent !== parent) continue;
      found.push({ pid: child, command: commands.get(child) ?? "" });
      queue.push(child);
    }
  }
  return found;
}

const scratchFolders = () => readdirSync(tmpdir()).filter((name) => name.startsWith("mutation-"));

test("SIGTERM to npm stops Stryker and its test runners, and leaves no sandbox or scratch folder", async () => {
  const before = scratchFolders();
  const npm = spawn("npm", ["run", "mutation:incremental"], {
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
    const started = descendants(npm.pid as number);
    // The script itself, not npm's `sh -c` that started it.
    const runner = started.find((p) => /^\S*node .*scripts\/mutation\.ts/.test(p.command));
    expect(started.filter((p) => p.command.includes("@stryker-mutator")).length).toBeGreaterThan(1);
    const sandbox = join(ROOT, ".stryker-tmp", String(runner?.pid));
    // Stryker retitles its process, so its scratch folder is found as the one that appeared in the temp folder.
    const scratches = scratchFolders().filter((name) => !before.includes(name));
    expect(existsSync(sandbox)).toBe(true);
    expect(scratches.length).toBeGreaterThan(0);

    npm.kill("SIGTERM");
    await exited;
    const left = () => started.filter((p) => isRunning(p.pid));
    for (let i = 0; i < 100 && left().length > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(left()).toEqual([]);
    expect(existsSync(sandbox)).toBe(false);
    for (const name of scratches) expect(existsSync(join(tmpdir(), name))).toBe(false);
  } finally {
    if (npm.exitCode === null && npm.signalCode === null) npm.kill("SIGKILL");
  }
});
