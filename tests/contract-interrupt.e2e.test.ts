// The contract suite's Prism does not outlive an interrupted run: SIGINT to
// vitest (Ctrl-C) stops it too, and its coverage records are removed. SIGTERM
// reaches the same handler (and a Prism whose vitest is gone ends by itself:
// tests/scripts/prism.e2e.test.ts kills its parent outright).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { expect, test } from "vitest";
import { ROOT } from "../scripts/lib/paths.ts";
import { isRunning } from "./support/processes.ts";
import { runVitestAsync } from "./support/run.ts";

test.each(["SIGINT"] as const)(
  "%s to a running contract suite stops its Prism and removes its records",
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
      const [pid, records] = await new Promise<[number, string]>((resolve, reject) => {
        child.stdout.on("data", (chunk: Buffer) => {
          output += chunk.toString();
          const match =
            /Prism mock of spec\/openapi\.yaml on \S+ \(pid (\d+).*coverage records in (\S+)/.exec(output);
          if (match) resolve([Number(match[1]), match[2] ?? ""]);
        });
        child.once("exit", () => reject(new Error(`vitest exited before starting Prism:\n${output}`)));
      });
      expect(isRunning(pid)).toBe(true);
      child.kill(signal);
      await exited;
      // The kill is sent on exit; give the kernel a moment to reap the process.
      for (let i = 0; i < 50 && isRunning(pid); i++) await new Promise((r) => setTimeout(r, 20));
      expect(isRunning(pid)).toBe(false);
      // Nothing is left behind in the temp folder either.
      expect(existsSync(records)).toBe(false);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
  },
);

test("a run of some files only exercises a part on purpose: the coverage gate does not judge it", async () => {
  const ran = await runVitestAsync(["--project", "contract", "contract-tests/conformance/services.test.ts"]);
  const output = ran.stdout + ran.stderr;
  expect(output).toMatch(/Tests +1 passed/);
  expect(output).not.toContain("MISS");
  expect(output).not.toContain("coverage gate failed");
  expect(ran.status).toBe(0);
});
