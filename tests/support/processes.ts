// What the tests ask of processes, on Linux, macOS and Windows: whether one still runs, and what runs
// below another. (The commands themselves never need to ask: see scripts/lib/lifecycle.ts.)
import { spawnSync } from "node:child_process";
import psList from "ps-list";
import { reachable } from "../../scripts/lib/lifecycle.ts";

/**
 * Whether a process still runs. A zombie (ended, not yet reaped: what an orphan becomes in a container
 * whose first process does not reap) runs nothing, so on Linux and macOS `ps` is asked about its state;
 * Windows has no zombies.
 */
export function isRunning(pid: number): boolean {
  if (!reachable(pid)) return false;
  if (process.platform === "win32") return true;
  const state = spawnSync("ps", ["-o", "stat=", "-p", String(pid)], { encoding: "utf8" }).stdout.trim();
  return state !== "" && !state.startsWith("Z");
}

/** Every process below `pid` (its children, theirs, and so on), with its command line where the system gives one. */
export async function descendants(pid: number): Promise<{ pid: number; command: string }[]> {
  const all = await psList();
  const found: { pid: number; command: string }[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const parent = queue.shift() as number;
    for (const child of all.filter((p) => p.ppid === parent)) {
      found.push({ pid: child.pid, command: child.cmd ?? child.name });
      queue.push(child.pid);
    }
  }
  return found;
}

/** Waits until none of `pids` runs; false when some still do after `timeoutMs`. */
export async function allGone(pids: readonly number[], timeoutMs = 10_000): Promise<boolean> {
  const started = Date.now();
  while (pids.some(isRunning)) {
    if (Date.now() - started > timeoutMs) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

/**
 * npm as a command and its first arguments, started as node running npm's own script: then the child's pid
 * is npm's (on Windows, `npm` is a .cmd file that needs a shell, whose pid a test would kill instead).
 */
export function npmCommand(): [string, string[]] {
  const cli = process.env.npm_execpath;
  return cli?.endsWith(".js") ? [process.execPath, [cli]] : ["npm", []];
}
