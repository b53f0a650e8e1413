// What /proc says about a process (Linux): the facts the commands need to know a process has ended.
import { readFileSync } from "node:fs";

/** Field `n` (1-based, as in proc(5)) of /proc/<pid>/stat, or undefined off Linux or when the process is gone. */
export function statField(pid: number, n: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[n - 3];
  } catch {
    return undefined;
  }
}

/** Whether a process with this pid still exists and runs: a zombie (state Z, killed, not yet reaped) runs nothing. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  return statField(pid, 3) !== "Z";
}
