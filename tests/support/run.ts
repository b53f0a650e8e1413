import { spawnSync } from "node:child_process";
import { ROOT } from "../../scripts/lib/paths.ts";

/** The result of a finished child process. */
export interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a binary of node_modules/.bin from the repository root and waits for it. */
export function runBin(name: string, args: string[], options: { cwd?: string } = {}): Ran {
  const result = spawnSync(`${ROOT}node_modules/.bin/${name}`, args, {
    cwd: options.cwd ?? ROOT,
    encoding: "utf8",
    env: { ...process.env, REDOCLY_SUPPRESS_NOTIFICATIONS: "true", REDOCLY_TELEMETRY: "off", NO_COLOR: "1" },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs one of the repository's scripts (a path under scripts/) with tsx. */
export function runScript(script: string, args: string[] = []): Ran {
  return runBin("tsx", [`${ROOT}scripts/${script}`, ...args]);
}
