// The command-line tool as a user runs it (node bin/cloudflare-service-bindings.mjs) against
// `npm run mock -- --stateful` over HTTP: plan exits 2, apply makes the account match, plan then exits 0;
// a bad file exits 1 naming its line; and Ctrl-C during `apply --wait` stops it with nothing left running.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ROOT } from "../scripts/lib/paths.ts";
import { descendants, isRunning } from "./support/processes.ts";
import { runAsync } from "./support/run.ts";

const BIN = join(ROOT, "bin/cloudflare-service-bindings.mjs");
const EXAMPLE = readFileSync(join(ROOT, "examples/bindings.yaml"), "utf8");
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "cli-e2e-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `npm run mock -- --stateful` with these options, on a free port: its URL and a way to stop it. */
async function startMock(...options: string[]) {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", join(ROOT, "scripts/mock.ts"), "--stateful", "--port", "0", ...options],
    { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk;
      const match = /listening on (\S+) /.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once("exit", () => reject(new Error(`the mock exited before it listened:\n${output}`)));
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    child.kill("SIGTERM");
    await exited;
  };
  return { url, stop };
}

/** Runs the tool against the mock at `url`, with a token from the environment. */
function cli(url: string, ...args: string[]) {
  return runAsync(process.execPath, [BIN, ...args], {
    env: { CLOUDFLARE_API_TOKEN: "e2e-token-0123456789", CLOUDFLARE_BASE_URL: url },
  });
}

describe("cloudflare-service-bindings against npm run mock -- --stateful", () => {
  test("plan exits 2, apply makes the account match and exits 0, then plan exits 0", async () => {
    const mock = await startMock("--binding-state", "active", "--advertise-delay-ms", "0");
    try {
      const file = join(dir, "bindings.yaml");
      writeFileSync(file, EXAMPLE);
      const planned = await cli(mock.url, "plan", "--file", file);
      expect(planned.stdout).toContain("+ create 192.0.2.16/29 -> CDN");
      expect(planned.status).toBe(2);
      const applied = await cli(mock.url, "apply", "--file", file);
      expect(applied.stdout).toContain("Apply complete");
      expect(applied.status).toBe(0);
      const again = await cli(mock.url, "plan", "--file", file);
      expect(again.stdout).toContain("No changes");
      expect(again.status).toBe(0);
    } finally {
      await mock.stop();
    }
  });

  test("a bad file exits 1, naming the file, line and column, and sends nothing", async () => {
    const file = join(dir, "bad.yaml");
    writeFileSync(file, EXAMPLE.replace("advertised: true", "advertised: maybe"));
    // No server at all: a bad file is refused before anything is sent.
    const ran = await cli("http://127.0.0.1:9", "plan", "--file", file);
    expect(ran.stderr).toBe(`${file}:11:17: "advertised" must be a boolean\n`);
    expect(ran.status).toBe(1);
  });

  test("SIGINT during apply --wait stops it at once, saying what to do, with nothing left running", async () => {
    const mock = await startMock();
    try {
      const file = join(dir, "wait.yaml");
      writeFileSync(file, EXAMPLE);
      const child = spawn(process.execPath, [BIN, "apply", "--file", file, "--wait"], {
        cwd: ROOT,
        stdio: ["ignore", "pipe", "pipe"],
        env: { ...process.env, CLOUDFLARE_API_TOKEN: "e2e-token-0123456789", CLOUDFLARE_BASE_URL: mock.url },
      });
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => (output += chunk));
      child.stderr.on("data", (chunk: Buffer) => (output += chunk));
      const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
      // It polls the new binding every 30 s: the first progress line means it is waiting.
      for (let i = 0; i < 200 && !/waiting for 192\.0\.2\.16\/29/.test(output); i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(output).toMatch(/waiting for 192\.0\.2\.16\/29 -> CDN: provisioning \(poll 1\)/);
      const below = (await descendants(child.pid as number)).map((p) => p.pid);
      const started = Date.now();
      child.kill("SIGINT");
      expect(await exited).toBe(1);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(output).toContain("stopped; what was done stays done, and apply again finishes the rest");
      expect([child.pid as number, ...below].filter(isRunning)).toEqual([]);
    } finally {
      await mock.stop();
    }
  });
});
