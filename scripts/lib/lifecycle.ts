// Keeps every process a command starts from outliving it, on Linux, macOS and Windows: a stop signal is
// passed down, each Node process below ends when its starter goes (exit-with-parent.cjs), and a command
// run by npm also ends when npm goes, even when npm's script shell survives it.
import type { ChildProcess } from "node:child_process";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import psList from "ps-list";

/** The preload that ends a Node process when its starter goes. */
export const EXIT_WITH_PARENT = fileURLToPath(new URL("./exit-with-parent.cjs", import.meta.url));

/**
 * The environment for a child of this command: every Node process below it preloads EXIT_WITH_PARENT and
 * also watches this process, so a shell in between (npm's, a check step's) cannot keep them alive.
 */
export function childEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  // NODE_OPTIONS takes a quoted value, in which a backslash (a Windows path's) escapes the next character.
  const preload = `--require "${EXIT_WITH_PARENT.replaceAll("\\", "\\\\")}"`;
  return {
    ...env,
    NODE_OPTIONS: [env.NODE_OPTIONS, preload].filter(Boolean).join(" "),
    STOP_WITH_PID: String(process.pid),
  };
}

/** Whether signal 0 still reaches a process. */
export function reachable(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Signals a child and everything it started: its process group on Linux and macOS (spawn it `detached`;
 * the group outlives its leader, so this reaches what a finished child left behind), `taskkill /T` on
 * Windows, which has no groups and whose only "signal" ends the process tree outright.
 */
export function signalTree(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  if (process.platform === "win32") {
    spawnSync("taskkill", ["/pid", String(child.pid), "/T", "/F"], { stdio: "ignore" });
    return;
  }
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is gone already.
  }
}

// The shells npm runs a script in (its `script-shell`): sh, bash, dash or zsh, and cmd.exe or PowerShell.
const SCRIPT_SHELL = /^(sh|bash|dash|zsh|cmd|cmd\.exe|powershell|powershell\.exe|pwsh|pwsh\.exe)$/i;

/**
 * Calls `onGone` once, when the process that started this one goes away; under `npm run`, also when npm
 * goes (npm runs a script in a shell, which a forced kill of npm leaves running). Polls every 250 ms on a
 * timer that never keeps the process alive. Resolves to a function that stops the watch.
 */
export async function whenStarterGoes(onGone: () => void, intervalMs = 250): Promise<() => void> {
  const parent = process.ppid;
  const watched = [parent];
  if (process.env.npm_lifecycle_event !== undefined) {
    // Looked up once: npm's pid is its shell's parent. (ps-list: `ps` on Linux and macOS, fastlist on Windows.)
    const shell = (await psList()).find((p) => p.pid === parent);
    if (shell && SCRIPT_SHELL.test(shell.name) && shell.ppid > 1) watched.push(shell.ppid);
  }
  const timer = setInterval(() => {
    if (process.ppid === parent && watched.every(reachable)) return;
    clearInterval(timer);
    onGone();
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
