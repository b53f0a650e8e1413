// Starts and stops Prism (@stoplight/prism-cli, pinned 5.14.2) from
// node_modules: as a mock of the spec, or as a validating proxy in front of
// an upstream. Used by the contract suite, `npm run mock` and the proxy run.
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { connect, createServer } from "node:net";
import { dirname, join } from "node:path";
import { EXIT_WITH_PARENT } from "./lifecycle.ts";
import { SPEC_PATH } from "./paths.ts";

/** The Prism CLI entry point inside node_modules, never a download. */
export const PRISM_CLI = join(
  dirname(createRequire(import.meta.url).resolve("@stoplight/prism-cli/package.json")),
  "dist/index.js",
);

/** How to start Prism. */
export interface PrismOptions {
  /** The spec to serve. @default spec/openapi.yaml */
  spec?: string;
  /** 0 picks a free port. @default 0 */
  port?: number;
  /** Generate responses from the schemas instead of serving the examples. @default false */
  dynamic?: boolean;
  /** Makes dynamic responses repeatable. */
  seed?: string;
  /** Proxy to this upstream, validating requests and responses, instead of mocking. */
  upstream?: string;
  /**
   * How long to wait for Prism to listen. It starts in about a second, but a machine busy with
   * `npm run check`'s parallel steps was seen to need more than 15 s; a start that fails
   * (a bad spec, a taken port) ends at once whatever this is.
   * @default 60000
   */
  readyTimeoutMs?: number;
  /** Log errors only: Prism spends a sixth of its time logging each request. @default false */
  quiet?: boolean;
}

/** A running Prism. */
export interface PrismServer {
  url: string;
  pid: number;
  /** Milliseconds from spawn to listening. */
  readyMs: number;
  /** Everything Prism printed so far. */
  log(): string;
  /** Stops Prism and waits for it to exit (SIGTERM, then SIGKILL after 3 s). */
  stop(): Promise<void>;
}

/** Prism did not start; the message carries Prism's own output. */
export class PrismStartError extends Error {
  override name = "PrismStartError";
}

const LISTENING = /Prism is listening on (http:\/\/\S+)/;

/** Starts Prism and resolves once it listens, or rejects with Prism's own output. */
export async function startPrism(options: PrismOptions = {}): Promise<PrismServer> {
  // Prism reports a taken port as a bare "fatal" and its usage text: say it plainly instead.
  if (options.port) await assertPortFree(options.port);
  // Quiet Prism prints no "listening" line, so the port must be known in advance.
  const port = options.port || (options.quiet ? await freePort() : 0);
  return spawnPrism(options, port);
}

function spawnPrism(options: PrismOptions, port: number): Promise<PrismServer> {
  const spec = options.spec ?? SPEC_PATH;
  // The preload makes Prism end when whoever started it goes, however that one ends.
  const args = ["--require", EXIT_WITH_PARENT, PRISM_CLI];
  if (options.upstream) args.push("proxy", spec, options.upstream, "--errors=false");
  else args.push("mock", spec);
  args.push("--host", "127.0.0.1", "--port", String(port));
  if (options.dynamic) args.push("--dynamic");
  if (options.seed !== undefined) args.push("--seed", options.seed);
  if (options.quiet) args.push("--verboseLevel", "error");

  const started = performance.now();
  const child = spawn(process.execPath, args, {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NO_COLOR: "1" },
  });
  let output = "";
  const collect = (chunk: Buffer) => {
    output += chunk.toString("utf8");
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const readyTimeoutMs = options.readyTimeoutMs ?? 60_000;

  return new Promise<PrismServer>((resolve, reject) => {
    let settled = false;
    const fail = (why: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      stopChild(child, exited).then(() =>
        reject(
          new PrismStartError(
            `Prism did not start (${why}). Its output:\n${withoutUsage(output) || "(nothing)"}`,
          ),
        ),
      );
    };
    const ready = (url: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({
        url,
        pid: child.pid ?? -1,
        readyMs: performance.now() - started,
        log: () => output,
        stop: () => stopChild(child, exited),
      });
    };
    const timer = setTimeout(() => fail(`not listening after ${readyTimeoutMs} ms`), readyTimeoutMs);
    child.once("error", (error) => fail(error.message));
    child.once("exit", (code, signal) => fail(`exited with ${signal ?? `code ${code}`}`));
    if (port === 0) {
      const onData = () => {
        const match = LISTENING.exec(output);
        if (!match?.[1]) return;
        child.stdout?.off("data", onData);
        ready(match[1]);
      };
      child.stdout?.on("data", onData);
    } else {
      const url = `http://127.0.0.1:${port}`;
      const poll = () => {
        if (settled) return;
        const socket = connect(port, "127.0.0.1");
        socket.once("connect", () => {
          socket.destroy();
          ready(url);
        });
        socket.once("error", () => {
          socket.destroy();
          setTimeout(poll, 20);
        });
      };
      poll();
    }
  });
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 3_000);
  await exited;
  clearTimeout(timer);
}

/**
 * Ties Prism's life to this process. On SIGINT or SIGTERM, Prism is stopped
 * and waited for, then `afterSignal` runs (by default the signal is raised
 * again, so this process ends as it would have). Should this process exit
 * first, Prism is killed on the way out (synchronously: on exit there is no
 * time to wait). Returns a function that unties them.
 */
export function stopWithThisProcess(
  server: PrismServer,
  afterSignal: (signal: NodeJS.Signals) => void = (signal) => process.kill(process.pid, signal),
): () => void {
  const killNow = () => {
    try {
      process.kill(server.pid, "SIGKILL");
    } catch {
      // It has ended already.
    }
  };
  const onSignal = (signal: NodeJS.Signals) => {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    server.stop().then(() => {
      process.off("exit", killNow);
      afterSignal(signal);
    });
  };
  process.once("exit", killNow);
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  return () => {
    process.off("exit", killNow);
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  };
}

/** Prism's output without the usage text it appends to every fatal error. */
function withoutUsage(output: string): string {
  const usage = output.search(/^prism (mock|proxy) <document>/m);
  return (usage === -1 ? output : output.slice(0, usage)).trim();
}

function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        new PrismStartError(`Prism did not start: port ${port} on 127.0.0.1 is not free (${error.code}).`),
      ),
    );
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
}

/** A port on 127.0.0.1 that was free a moment ago. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
