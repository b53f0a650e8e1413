// The few git questions the breaking-change gate and the release notes ask.
import { spawnSync } from "node:child_process";

/** Runs git in `cwd`; resolves to stdout, or undefined when git fails. */
export function git(cwd: string, args: string[]): string | undefined {
  const ran = spawnSync("git", args, { cwd, encoding: "utf8" });
  return ran.status === 0 ? ran.stdout : undefined;
}

/** The text of `path` at `ref`, or undefined when the file does not exist there. */
export function fileAt(cwd: string, ref: string, path: string): string | undefined {
  return git(cwd, ["show", `${ref}:${path}`]);
}

/** Whether `ref` names a commit. */
export function refExists(cwd: string, ref: string): boolean {
  return git(cwd, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]) !== undefined;
}

/** The newest tag reachable from HEAD, if any. */
export function newestTag(cwd: string): string | undefined {
  return git(cwd, ["describe", "--tags", "--abbrev=0"])?.trim() || undefined;
}

/** The commits that changed `path`, newest first. */
export function commitsChanging(cwd: string, path: string): string[] {
  return (git(cwd, ["log", "--format=%H", "--", path]) ?? "").split("\n").filter(Boolean);
}
