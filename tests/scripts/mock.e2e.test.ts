// npm run mock, as a user runs it in the background: it serves, and it ends
// with everything it started when npm is signalled (SIGTERM) and when npm goes
// away at once (SIGKILL, so nothing could be forwarded). Each mode meets one
// signal: both modes share the stopping, and each signal takes its own path.
import { spawn } from "node:child_process";
import { describe, expect, test } from "vitest";
import { ROOT } from "../../scripts/lib/paths.ts";
import { allGone, isRunning, npmCommand } from "../support/processes.ts";

const ACCOUNT = "258def64c72dae45f3e4c8516e2111f2";

describe("npm run mock", () => {
  test.each([
    ["Prism", "SIGKILL", []],
    ["the stateful fake", "SIGTERM", ["--stateful"]],
  ] as const)("serving %s, ends with everything it started when npm gets %s", async (_, signal, mode) => {
    const [command, prefix] = npmCommand();
    const npm = spawn(command, [...prefix, "run", "--silent", "mock", "--", "--port", "0", ...mode], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const started: number[] = [];
    try {
      const { url, pids } = await new Promise<{ url: string; pids: number[] }>((resolve, reject) => {
        let output = "";
        npm.stdout.on("data", (chunk: Buffer) => {
          output += chunk.toString();
          const line = /listening on (\S+) \(pid (\d+)[^\n]*?(?:run by pid (\d+))?\n/.exec(output);
          if (line?.[1]) resolve({ url: line[1], pids: [line[2], line[3]].filter(Boolean).map(Number) });
        });
        npm.stderr.on("data", (chunk: Buffer) => {
          output += chunk.toString();
        });
        npm.once("exit", () => reject(new Error(`npm exited before the mock listened:\n${output}`)));
      });
      started.push(...pids);
      expect(pids.length).toBe(mode.length === 0 ? 2 : 1);
      const served = await fetch(`${url}/accounts/${ACCOUNT}/addressing/services`, {
        headers: { authorization: "Bearer x" },
      });
      expect(served.status).toBe(200);
      process.kill(npm.pid ?? 0, signal);
      expect(await allGone(pids)).toBe(true);
      await expect(fetch(`${url}/accounts/${ACCOUNT}/addressing/services`)).rejects.toThrow();
    } finally {
      for (const pid of started) if (isRunning(pid)) process.kill(pid, "SIGKILL");
      if (npm.exitCode === null && npm.signalCode === null) npm.kill("SIGKILL");
    }
  });
});
