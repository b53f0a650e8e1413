// The Prism lifecycle: a clear failure when Prism cannot start, and no Prism
// left behind when `npm run mock` is stopped.
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { ROOT } from "../../scripts/lib/paths.ts";
import { PrismStartError, startPrism } from "../../scripts/lib/prism.ts";
import { startServer } from "../support/http-server.ts";
import { isRunning } from "../support/processes.ts";

describe("startPrism", () => {
  test("an invalid spec fails at once with Prism's own message", async () => {
    const spec = join(tmpdir(), `broken-${process.pid}.yaml`);
    writeFileSync(spec, "openapi: 3.1.0\npaths: [\n");
    const error = await startPrism({ spec }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PrismStartError);
    expect((error as Error).message).toMatch(/^Prism did not start \(exited with code 1\)\. Its output:\n/);
    expect((error as Error).message).toContain(`Error parsing ${spec}`);
    // Prism's usage text is cut: the reason is the last thing said.
    expect((error as Error).message).not.toContain("Positionals:");
  });

  test("Prism ends when the process that started it is killed outright, with no chance to stop it", async () => {
    const driver = `
      import { startPrism } from "./scripts/lib/prism.ts";
      const prism = await startPrism({ quiet: true });
      console.log("prism pid", prism.pid);
      setInterval(() => {}, 1000);
    `;
    const parent = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", driver], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      const pid = await new Promise<number>((resolve, reject) => {
        let output = "";
        parent.stdout.on("data", (chunk: Buffer) => {
          output += chunk.toString();
          const match = /prism pid (\d+)/.exec(output);
          if (match) resolve(Number(match[1]));
        });
        parent.once("exit", () => reject(new Error(`the parent exited first:\n${output}`)));
      });
      expect(isRunning(pid)).toBe(true);
      parent.kill("SIGKILL");
      for (let i = 0; i < 100 && isRunning(pid); i++) await new Promise((r) => setTimeout(r, 50));
      expect(isRunning(pid)).toBe(false);
    } finally {
      if (parent.exitCode === null && parent.signalCode === null) parent.kill("SIGKILL");
    }
  });

  test("a port that is taken fails at once and names the port", async () => {
    const squatter = await startServer(() => undefined);
    try {
      const port = Number(new URL(squatter.url).port);
      await expect(startPrism({ port })).rejects.toThrow(
        `port ${port} on 127.0.0.1 is not free (EADDRINUSE)`,
      );
    } finally {
      await squatter.close();
    }
  });
});

describe("npm run mock", () => {
  // SIGINT (Ctrl-C) here; SIGTERM reaches the same handler, and tests/scripts/mock.e2e.test.ts sends it through npm.
  test.each(["SIGINT"] as const)("serves the spec, and %s stops it with its Prism", async (signal) => {
    const child = spawn(process.execPath, ["--import", "tsx", `${ROOT}scripts/mock.ts`, "--port", "0"], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    try {
      const line = await new Promise<string>((resolve, reject) => {
        child.stdout.on("data", (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes("(pid")) resolve(output);
        });
        child.stderr.on("data", (chunk: Buffer) => {
          output += chunk.toString();
        });
        child.once("exit", () => reject(new Error(`mock exited early:\n${output}`)));
      });
      const [, url, pid] = /listening on (\S+) \(pid (\d+)/.exec(line) ?? [];
      const response = await fetch(`${url}/accounts/258def64c72dae45f3e4c8516e2111f2/addressing/services`, {
        headers: { Authorization: "Bearer x" },
      });
      expect(response.status).toBe(200);
      expect(isRunning(Number(pid))).toBe(true);
      child.kill(signal);
      const code = await exited;
      // Windows has no signals: kill() ends the process outright, and Prism ends because its parent went.
      if (process.platform !== "win32") expect(code).toBe(0);
      expect(isRunning(Number(pid))).toBe(false);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  });
});
