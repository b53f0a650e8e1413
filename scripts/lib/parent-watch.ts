// Ends a long-running command (npm run mock) when whoever started it goes
// away, even if that one was killed outright and could not say so. npm runs a
// script in `sh -c`, and a signal to npm may end npm or its shell without
// reaching the script: so the parent is watched, and npm too when the parent
// is npm's script shell.
import { readFileSync } from "node:fs";
import { isRunning, statField } from "./processes.ts";

/** A process this one watches: its pid and its start time, so a reused pid is not mistaken for it. */
interface Watched {
  pid: number;
  started: string | undefined;
}

function isScriptShell(pid: number): boolean {
  try {
    const [command, flag] = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    return /(^|\/)(sh|dash|bash)$/.test(command ?? "") && flag === "-c";
  } catch {
    return false;
  }
}

function alive({ pid, started }: Watched): boolean {
  // A different start time is another process with a reused pid.
  return isRunning(pid) && (started === undefined || statField(pid, 22) === started);
}

/**
 * Calls `onGone` once, when this process's parent (or npm, when the parent is npm's script shell) goes
 * away. Polls every 250 ms on a timer that never keeps the process alive. Returns a function that stops it.
 */
export function whenParentGoes(onGone: () => void, intervalMs = 250): () => void {
  const parent = process.ppid;
  const watched: Watched[] = [{ pid: parent, started: statField(parent, 22) }];
  if (isScriptShell(parent)) {
    const npm = Number(statField(parent, 4));
    if (npm > 1) watched.push({ pid: npm, started: statField(npm, 22) });
  }
  const timer = setInterval(() => {
    if (process.ppid === parent && watched.every(alive)) return;
    clearInterval(timer);
    onGone();
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
