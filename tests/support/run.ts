import { spawnSync } from "node:child_process";
import { ROOT } from "../../scripts/lib/paths.ts";

/** The result of a finished child process. */
export interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

const ENV = {
  ...process.env,
  REDOCLY_SUPPRESS_NOTIFICATIONS: "true",
  REDOCLY_TELEMETRY: "off",
  NO_COLOR: "1",
};

function run(command: string, args: string[]): Ran {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: "utf8", env: ENV });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs a binary of node_modules/.bin from the repository root and waits for it. */
export function runBin(name: string, args: string[]): Ran {
  return run(`${ROOT}node_modules/.bin/${name}`, args);
}

/** Runs one of the repository's scripts (a path under scripts/), as `npm run` would but in one process. */
export function runScript(script: string, args: string[] = []): Ran {
  return run(process.execPath, ["--import", "tsx", `${ROOT}scripts/${script}`, ...args]);
}
