// The contract suite's Prism does not outlive an interrupted run: SIGINT or
// SIGTERM to vitest stops it too.
import { spawn } from "node:child_process";
import { expect, test } from "vitest";
import { ROOT } from "../scripts/lib/paths.ts";
import { isRunning } from "../scripts/lib/prism.ts";

test.each(["SIGINT", "SIGTERM"] as const)(
  "%s to a running contract suite stops its Prism",
  async (signal) => {
    const child = spawn(
      process.execPath,
      [`${ROOT}node_modules/vitest/vitest.mjs`, "run", "--project", "contract"],
      {
        cwd: ROOT,
        stdio: ["ignore", "pipe", "pipe"],
        env: { ...process.env, NO_COLOR: "1" },
      },
    );
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    try {
      let output = "";
      const pid = await new Promise<number>((resolve, reject) => {
        child.stdout.on("data", (chunk: Buffer) => {
          output += chunk.toString();
          const match = /Prism mock of spec\/openapi\.yaml on \S+ \(pid (\d+)/.exec(output);
          if (match) resolve(Number(match[1]));
        });
        child.once("exit", () => reject(new Error(`vitest exited before starting Prism:\n${output}`)));
      });
      expect(isRunning(pid)).toBe(true);
      child.kill(signal);
      await exited;
      // The kill is sent on exit; give the kernel a moment to reap the process.
      for (let i = 0; i < 50 && isRunning(pid); i++) await new Promise((r) => setTimeout(r, 20));
      expect(isRunning(pid)).toBe(false);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
  },
);
