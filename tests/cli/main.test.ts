// The command-line tool, in-process, against the stateful fake over HTTP on
// 127.0.0.1: plan's and apply's exit codes and output (a diff, or JSON),
// progress while waiting, and every bad input refused on stderr in one line
// with its place, nothing sent, no credential ever printed.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { type Io, main } from "../../src/cli/main.ts";
import {
  createServiceBindingsFake,
  type FakeOptions,
  type ServiceBindingsFake,
} from "../../src/testing/index.ts";
import { EXAMPLE } from "../declarative/support.ts";

const TOKEN = "cli_SECRET_token_0123456789abcdef";
let dir: string;
let server: { url: string; close(): Promise<void> } | undefined;
let fake: ServiceBindingsFake;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "cli-"));
});
afterEach(async () => {
  vi.useRealTimers();
  await server?.close();
  server = undefined;
  rmSync(dir, { recursive: true, force: true });
});

/** A file in the test's folder. */
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Serves a fresh fake; the environment a user would set for it. */
async function serve(options: FakeOptions = {}) {
  fake = createServiceBindingsFake(options);
  server = await fake.listen();
  return { CLOUDFLARE_API_TOKEN: TOKEN, CLOUDFLARE_BASE_URL: server.url };
}

/** Runs the tool with these arguments and environment, collecting what it prints. */
async function run(argv: string[], env: NodeJS.ProcessEnv, io: Partial<Io> = {}) {
  const printed = { stdout: "", stderr: "" };
  const code = await main(argv, env, {
    out: (text) => {
      printed.stdout += `${text}\n`;
    },
    err: (text) => {
      printed.stderr += `${text}\n`;
    },
    isTTY: false,
    ...io,
  });
  return { code, ...printed };
}

const sent = () => fake.requests.filter((r) => r.method !== "GET");

describe("cloudflare-service-bindings plan", () => {
  test("exits 2 with the changes as a diff, each with its reason, and sends nothing", async () => {
    const env = await serve();
    const ran = await run(["plan", "--file", file("bindings.yaml", EXAMPLE)], env);
    expect(ran.code).toBe(2);
    expect(ran.stdout).toContain(
      "+ create 192.0.2.16/29 -> CDN  (the prefix has no binding of 192.0.2.16/29)",
    );
    expect(ran.stdout).toContain("~ advertise 192.0.2.0/24  (the file wants it advertised; it is withdrawn)");
    expect(ran.stdout).toContain("1 to create, 1 to advertise.");
    expect(ran.stderr).toBe("");
    expect(sent()).toEqual([]);
  });

  test("exits 0 when there is nothing to do", async () => {
    const env = await serve();
    const text = EXAMPLE.replace(/^ {6}192\.0\.2\.16\/29.*\n/m, "").replace(/^ {4}advertised.*\n/m, "");
    const ran = await run(["plan", "--file", file("b.yaml", text)], env);
    expect(ran).toMatchObject({
      code: 0,
      stdout: expect.stringContaining("No changes: the account's bindings match"),
    });
  });

  test("--json prints the plan as JSON, for CI", async () => {
    const env = await serve();
    const ran = await run(["plan", "--file", file("b.yaml", EXAMPLE), "--json"], env);
    const plan = JSON.parse(ran.stdout);
    expect(plan.steps.map((s: { action: string }) => s.action)).toEqual(["create", "advertise"]);
    expect(plan.prefixes[0].desired.advertised).toBe(true);
  });

  test("colours the diff only on a terminal, and never with NO_COLOR", async () => {
    const env = await serve();
    const path = file("b.yaml", EXAMPLE);
    expect((await run(["plan", "--file", path], env, { isTTY: true })).stdout).toContain("\u001b[");
    expect(
      (await run(["plan", "--file", path], { ...env, NO_COLOR: "1" }, { isTTY: true })).stdout,
    ).not.toContain("\u001b[");
  });

  test("authenticates with CLOUDFLARE_EMAIL and CLOUDFLARE_API_KEY instead of a token", async () => {
    const legacy = { apiEmail: "user@example.com", apiKey: "legacy_SECRET_key_0123456789" };
    const { CLOUDFLARE_BASE_URL } = await serve({ credentials: legacy });
    const env = { CLOUDFLARE_EMAIL: legacy.apiEmail, CLOUDFLARE_API_KEY: legacy.apiKey, CLOUDFLARE_BASE_URL };
    const ran = await run(["plan", "--file", file("b.yaml", EXAMPLE)], env);
    expect(ran).toMatchObject({ code: 2, stderr: "" });
    expect(ran.stdout).not.toContain(legacy.apiKey);
  });

  test("--base-url says where the API is, before CLOUDFLARE_BASE_URL", async () => {
    const { CLOUDFLARE_BASE_URL: url, ...env } = await serve();
    // Another API, which would refuse the token.
    const other = await createServiceBindingsFake({
      credentials: { apiToken: "another-token-000000000000" },
    }).listen();
    try {
      const ran = await run(["plan", "--file", file("b.yaml", EXAMPLE), "--base-url", url], {
        ...env,
        CLOUDFLARE_BASE_URL: other.url,
      });
      expect(ran).toMatchObject({ code: 2, stderr: "" });
    } finally {
      await other.close();
    }
  });

  test("a stop (Ctrl-C) before it reads the account ends it, says so, and prints no plan", async () => {
    const env = await serve();
    const ran = await run(["plan", "--file", file("b.yaml", EXAMPLE)], env, {
      signal: AbortSignal.abort(new Error("stopped by a signal")),
    });
    expect(ran).toMatchObject({ code: 1, stdout: "", stderr: expect.stringContaining("stopped;") });
  });
});

describe("cloudflare-service-bindings apply", () => {
  test("exits 0 when the account matches the file, and plan then exits 0", async () => {
    const env = await serve({ newBindingState: "active", advertiseDelayMs: 0 });
    const path = file("b.yaml", EXAMPLE);
    const applied = await run(["apply", "--file", path], env);
    expect(applied.stdout).toContain("done: + create 192.0.2.16/29 -> CDN (created)");
    expect(applied.stdout).toContain(
      "done: ~ advertise 192.0.2.0/24 (requested, Cloudflare takes 2 to 7 minutes)",
    );
    expect(applied.stdout).toContain("Apply complete: the account matches");
    expect(applied.code).toBe(0);
    expect((await run(["plan", "--file", path], env)).code).toBe(0);
  });

  test("prints the plan before it acts, then each step as it is done", async () => {
    const env = await serve({ newBindingState: "active", advertiseDelayMs: 0 });
    const { stdout } = await run(["apply", "--file", file("b.yaml", EXAMPLE)], env);
    const planned = stdout.indexOf(
      "+ create 192.0.2.16/29 -> CDN  (the prefix has no binding of 192.0.2.16/29)",
    );
    expect(planned).toBeGreaterThanOrEqual(0);
    expect(planned).toBeLessThan(stdout.indexOf("done: + create 192.0.2.16/29 -> CDN (created)"));
  });

  test("exits 1 while the advertisement waits for a binding that is still provisioning, saying what is left", async () => {
    const env = await serve();
    const applied = await run(["apply", "--file", file("b.yaml", EXAMPLE)], env);
    expect(applied.code).toBe(1);
    expect(applied.stdout).toContain("pending: ~ advertise 192.0.2.0/24");
    expect(applied.stdout).toContain("Not done: 1 step(s) left:");
  });

  test("with --wait, a progress line per poll (elapsed time, the binding and its state), then exit 0", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    const env = await serve({ advertiseDelayMs: 60_000 });
    let done = false;
    const running = run(["apply", "--file", file("b.yaml", EXAMPLE), "--wait"], env).finally(() => {
      done = true;
    });
    while (!done) await vi.advanceTimersByTimeAsync(10_000);
    const applied = await running;
    expect(applied.stdout).toMatch(
      /^\[(\d+m)?\d+s\] waiting for 192\.0\.2\.16\/29 -> CDN: provisioning \(poll 1\)$/m,
    );
    expect(applied.stdout).toContain("Apply complete");
    expect(applied.code).toBe(0);
  });

  test("with --wait --timeout 1m, stops waiting for a binding still provisioning once a minute is up, and exits 1", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    const env = await serve({ provisioningReads: 1_000 });
    let done = false;
    const running = run(
      ["apply", "--file", file("b.yaml", EXAMPLE), "--wait", "--timeout", "1m"],
      env,
    ).finally(() => {
      done = true;
    });
    while (!done) await vi.advanceTimersByTimeAsync(10_000);
    const applied = await running;
    expect(applied.code).toBe(1);
    expect(applied.stderr).toMatch(/did not become active in time: its last state was provisioning/);
    const polls = applied.stdout.split("\n").filter((line) => line.startsWith("["));
    expect(polls.length).toBeGreaterThan(0);
    // The poll that found the minute gone ends it: none comes minutes later.
    for (const poll of polls) expect(poll).toMatch(/^\[([0-4]m\d\d|\d{1,2})s\] waiting for /);
  });

  test("--json prints the result as JSON", async () => {
    const env = await serve({ newBindingState: "active", advertiseDelayMs: 0 });
    const ran = await run(["apply", "--file", file("b.yaml", EXAMPLE), "--json"], env);
    expect(JSON.parse(ran.stdout)).toMatchObject({ converged: true, remaining: [] });
  });

  test("a stop (Ctrl-C) ends it at once, says what to do, and exits 1", async () => {
    const env = await serve();
    const controller = new AbortController();
    const running = run(["apply", "--file", file("b.yaml", EXAMPLE), "--wait"], env, {
      signal: controller.signal,
    });
    await vi.waitFor(() => expect(fake.requests.some((r) => r.method === "POST")).toBe(true));
    controller.abort(new Error("stopped by a signal"));
    const ran = await running;
    expect(ran.code).toBe(1);
    expect(ran.stderr).toBe(
      "cloudflare-service-bindings: stopped; what was done stays done, and apply again finishes the rest\n",
    );
  });
});

describe("bad input: one line on stderr naming what and where, exit 1, nothing sent", () => {
  test.each([
    ["a YAML syntax error", "prefixes: [\n", /b\.yaml:2:1: Flow sequence/],
    [
      "an unknown key",
      EXAMPLE.replace("advertised: true", "advertise: true"),
      /b\.yaml:11:5: unknown key "advertise"/,
    ],
    [
      "an unknown service name",
      EXAMPLE.replace(": CDN", ": CDNN"),
      /b\.yaml:10:7: no service "CDNN": the account lists/,
    ],
    [
      "a prefix the account does not hold",
      EXAMPLE.replace("2af39739cc4e3b5910c918468bb89828", "203.0.113.0/24"),
      /b\.yaml:7:5: the account holds no prefix 203\.0\.113\.0\/24/,
    ],
  ])("%s", async (_, text, problem) => {
    const env = await serve();
    const ran = await run(["apply", "--file", file("b.yaml", text)], env);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toMatch(problem);
    expect(ran.stderr.trim().split("\n")).toHaveLength(1);
    expect(ran.stdout).toBe("");
    expect(sent()).toEqual([]);
  });

  test("an unreadable file", async () => {
    const ran = await run(["plan", "--file", join(dir, "missing.yaml")], {});
    expect(ran).toMatchObject({
      code: 1,
      stderr: `${join(dir, "missing.yaml")}:1:1: cannot read the file (ENOENT)\n`,
    });
  });

  const NOT_BOTH = "set CLOUDFLARE_API_TOKEN, or CLOUDFLARE_EMAIL with CLOUDFLARE_API_KEY, not both";
  const HALF_PAIR = "set CLOUDFLARE_EMAIL and CLOUDFLARE_API_KEY together (or CLOUDFLARE_API_TOKEN alone)";
  test.each([
    [
      "no credentials",
      {},
      "no credentials: set CLOUDFLARE_API_TOKEN (or CLOUDFLARE_EMAIL with CLOUDFLARE_API_KEY)",
    ],
    [
      "both kinds of credentials",
      { CLOUDFLARE_API_TOKEN: TOKEN, CLOUDFLARE_EMAIL: "a@b.c", CLOUDFLARE_API_KEY: "k" },
      NOT_BOTH,
    ],
    ["a token with CLOUDFLARE_EMAIL", { CLOUDFLARE_API_TOKEN: TOKEN, CLOUDFLARE_EMAIL: "a@b.c" }, NOT_BOTH],
    ["a token with CLOUDFLARE_API_KEY", { CLOUDFLARE_API_TOKEN: TOKEN, CLOUDFLARE_API_KEY: "k" }, NOT_BOTH],
    ["CLOUDFLARE_EMAIL without CLOUDFLARE_API_KEY", { CLOUDFLARE_EMAIL: "a@b.c" }, HALF_PAIR],
    ["CLOUDFLARE_API_KEY without CLOUDFLARE_EMAIL", { CLOUDFLARE_API_KEY: "k" }, HALF_PAIR],
  ])("%s", async (_, credentials, message) => {
    const { CLOUDFLARE_BASE_URL } = await serve();
    const ran = await run(["plan", "--file", file("b.yaml", EXAMPLE)], {
      ...credentials,
      CLOUDFLARE_BASE_URL,
    });
    expect(ran).toMatchObject({ code: 1, stderr: `cloudflare-service-bindings: ${message}\n` });
    expect(fake.requests).toEqual([]);
  });

  test.each([
    [["plan"], "plan needs --file <bindings.yaml>"],
    [["plan", "bindings.yaml"], 'unexpected argument "bindings.yaml"'],
    [["deploy", "--file", "x"], 'unknown command "deploy": use plan or apply'],
    [["plan", "--file", "x", "--wait"], "--wait and --timeout are options of apply"],
    [["plan", "--file", "x", "--timeout", "1h"], "--wait and --timeout are options of apply"],
    [
      ["apply", "--file", "x", "--timeout", "soon"],
      '--timeout must be a duration such as 8h, 90m, 45s or 1h30m, got "soon"',
    ],
  ])("%j", async (argv, message) => {
    const ran = await run(argv, {});
    expect(ran).toMatchObject({ code: 1, stderr: `cloudflare-service-bindings: ${message}\n` });
  });

  test("an unknown option", async () => {
    const ran = await run(["plan", "--flie", "x"], {});
    expect(ran.code).toBe(1);
    expect(ran.stderr).toMatch(
      /^cloudflare-service-bindings: Unknown option '--flie'.*see cloudflare-service-bindings --help\n$/,
    );
  });

  test("credentials the API refuses: the error is printed, the token never", async () => {
    const env = await serve({ credentials: { apiToken: "another-token-000000000000" } });
    const ran = await run(["plan", "--file", file("b.yaml", EXAMPLE)], env);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toMatch(/-> 401: Authentication error \(code 10000\)/);
    expect(ran.stdout + ran.stderr).not.toContain(TOKEN);
  });
});

describe("--help", () => {
  const TOOL_USAGE = "Usage:\n  cloudflare-service-bindings plan --file bindings.yaml";
  test.each([
    [["--help"], TOOL_USAGE],
    [["help"], TOOL_USAGE],
    [["plan", "--help"], "Usage: cloudflare-service-bindings plan --file bindings.yaml [--json]"],
    [
      ["apply", "--help"],
      "Usage: cloudflare-service-bindings apply --file bindings.yaml [--wait] [--timeout 8h] [--json]",
    ],
  ])("%j explains the command and exits 0", async (argv, usage) => {
    const ran = await run(argv, {});
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain(usage);
  });

  test("with no command, prints the tool's usage and exits 1", async () => {
    const ran = await run([], {});
    expect(ran).toMatchObject({
      code: 1,
      stdout: expect.stringContaining(TOOL_USAGE),
    });
  });
});
