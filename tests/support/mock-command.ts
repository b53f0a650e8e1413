// `npm run mock` started as its script runs, in a project folder, for tests
// that call it: resolves once it listens, with its URL.
import { type ChildProcess, spawn } from "node:child_process";
import { ROOT } from "../../scripts/lib/paths.ts";

/** A running mock command: its URL, and `stop()`, which ends it (SIGTERM) and waits. */
export interface MockCommand {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts scripts/mock.ts with `args` (a free port unless given) in `cwd`; rejects with its output if it exits first. */
export async function startMockCommand(args: string[] = [], cwd = ROOT): Promise<MockCommand> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/mock.ts", "--port", "0", ...args], {
    cwd,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (\S+) /.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.once("exit", () => reject(new Error(`the mock exited before it listened:\n${output}`)));
  });
  return {
    url,
    process: child,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
