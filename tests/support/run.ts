import { spawn, spawnSync } from "node:child_process";
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

/**
 * Runs a command without blocking this process, so a server the test runs
 * in-process can answer it; resolves when it exits, with its output.
 */
export function runAsync(
  command: string,
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...ENV, ...options.env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
    child.once("exit", (status) => resolve({ status, stdout, stderr }));
  });
}

/** Runs one of the repository's scripts without blocking this process. */
export function runScriptAsync(
  script: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<Ran> {
  return runAsync(process.execPath, ["--import", "tsx", `${ROOT}scripts/${script}`, ...args], { env });
}

/** Runs vitest on the repository, as `npm test` would, without blocking this process. */
export function runVitestAsync(args: string[], env: Record<string, string> = {}): Promise<Ran> {
  return runAsync(process.execPath, [`${ROOT}node_modules/vitest/vitest.mjs`, "run", ...args], { env });
}
