// Runs npm scripts as the steps of one job, independent ones at the same time:
// each runs its package.json command line directly (as `npm run` would, with
// node_modules/.bin on PATH, but without starting npm for each), its output is
// kept and printed only when it fails, and a signal to this process stops
// every step with its children. Hand-written because no task runner prints
// failures only and a summary of what each step proves (npm-run-all2 prints
// everything or nothing).
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { delimiter, join } from "node:path";
import { childEnv, signalTree } from "./lifecycle.ts";
import { ROOT } from "./paths.ts";

/** One step: the npm script that runs it, what it proves, and the steps whose output it reads. */
export interface Step {
  name: string;
  proves: string;
  needs?: string[];
}

/** How a step ended: `ok` is undefined when it was skipped. */
export interface Outcome {
  step: Step;
  ok: boolean | undefined;
  ms: number;
}

/** Options of `runSteps`. */
export interface RunOptions {
  /** Steps to leave out, and why (printed once). */
  skip?: ReadonlySet<string>;
  skipReason?: string;
  /** The command line of each step, by name. @default the scripts of package.json */
  scripts?: Record<string, string>;
  /** Where each step's verdict, and a failed step's output, go. @default console.log */
  log?: (line: string) => void;
  /** After a stop signal, how long steps get to end before they are killed. @default 5000 */
  killAfterMs?: number;
  /**
   * How many steps run at once. Most steps are CPU-bound and the test runs
   * are parallel themselves, so more steps than cores only adds contention
   * (and slows the tests that wait on Prism).
   * @default availableParallelism(), or CHECK_CONCURRENCY
   */
  concurrency?: number;
}

const running = new Set<ChildProcess>();

/** Stops every running step and its children. */
function stopAll(signal: NodeJS.Signals) {
  for (const child of running) signalTree(child, signal);
}

function runOne(step: Step, scripts: Record<string, string>): Promise<{ ok: boolean; output: string }> {
  const command = scripts[step.name];
  if (command === undefined) {
    return Promise.resolve({ ok: false, output: `no npm script named ${step.name} in package.json\n` });
  }
  return new Promise((resolve) => {
    // stderr joins stdout in one pipe, so the step's lines keep their order (two pipes are read in
    // whatever order the event loop gets to them, which on a busy machine is not the order written).
    // `(…) 2>&1` means that in sh and in cmd.exe alike.
    const child = spawn(`(${command}) 2>&1`, {
      cwd: ROOT,
      shell: true,
      // Its own process group on Linux and macOS, so a stop reaches the tools it starts (vitest, Prism) too.
      detached: process.platform !== "win32",
      stdio: ["ignore", "pipe", "pipe"],
      // childEnv: should this process be killed outright, every Node process of the step ends too.
      env: childEnv({
        ...process.env,
        PATH: `${join(ROOT, "node_modules", ".bin")}${delimiter}${process.env.PATH ?? ""}`,
        FORCE_COLOR: "0",
        REDOCLY_SUPPRESS_NOTIFICATIONS: "true",
        npm_lifecycle_event: step.name,
      }),
    });
    running.add(child);
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk.toString("utf8");
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.once("error", (error) => {
      running.delete(child);
      resolve({ ok: false, output: `${output}${error.message}\n` });
    });
    // A step has ended when its shell exits; output still buffered arrives with "close", which a
    // background process that holds the pipe open could delay forever, so it gets a moment only.
    child.once("exit", (code) => {
      running.delete(child);
      // Whatever the step left running in its group would outlive it: stop it now.
      signalTree(child, "SIGKILL");
      const done = () => resolve({ ok: code === 0, output });
      const timer = setTimeout(done, 500);
      child.once("close", () => {
        clearTimeout(timer);
        done();
      });
    });
  });
}

/** Runs the steps, at most `concurrency` at once, each after the steps it needs; resolves in the steps' order. */
export async function runSteps(steps: Step[], options: RunOptions = {}): Promise<Outcome[]> {
  const skip = options.skip ?? new Set<string>();
  const scripts =
    options.scripts ??
    (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).scripts as Record<string, string>);
  const log = options.log ?? ((line: string) => console.log(line));
  const concurrency =
    options.concurrency ?? Number(process.env.CHECK_CONCURRENCY ?? availableParallelism() + 1);
  const outcomes = new Map<string, Outcome>();
  const total = steps.length;
  const label = (step: Step) => `[${steps.indexOf(step) + 1}/${total}] ${step.name}`;

  // A step may ignore the signal (a shell's background job ignores SIGINT): kill what is left after a while.
  let killer: NodeJS.Timeout | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    stopAll(signal);
    process.exitCode = 1;
    killer ??= setTimeout(() => stopAll("SIGKILL"), options.killAfterMs ?? 5_000);
    killer.unref();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  const onExit = () => stopAll("SIGKILL");
  process.once("exit", onExit);

  for (const step of steps.filter((s) => skip.has(s.name))) {
    log(`${label(step)}: skipped (${options.skipReason ?? "asked to"})`);
    outcomes.set(step.name, { step, ok: undefined, ms: 0 });
  }
  const waiting = steps.filter((s) => !skip.has(s.name));
  const active = new Set<Promise<void>>();

  const start = (step: Step) => {
    const failedNeed = (step.needs ?? []).find((need) => outcomes.get(need)?.ok === false);
    const started = performance.now();
    const done = (
      failedNeed
        ? Promise.resolve({ ok: false, output: `not run: it needs ${failedNeed}, which failed\n` })
        : runOne(step, scripts)
    ).then(({ ok, output }) => {
      const ms = performance.now() - started;
      outcomes.set(step.name, { step, ok, ms });
      const verdict = `${label(step)}: ${ok ? "pass" : "FAIL"} (${(ms / 1000).toFixed(1)} s)`;
      // A passing step's output is noise; a failing step's is the point.
      const rule = "-".repeat(8);
      log(ok ? verdict : `\n${rule} ${label(step)} ${rule}\n${output.trimEnd()}\n${verdict}`);
      active.delete(done);
    });
    active.add(done);
  };

  while (waiting.length > 0 || active.size > 0) {
    // Start what is ready, in the listed order, while there is room.
    for (let i = 0; i < waiting.length && active.size < concurrency; ) {
      const step = waiting[i] as Step;
      const ready = (step.needs ?? []).every((need) => outcomes.has(need) || skip.has(need));
      if (ready) {
        waiting.splice(i, 1);
        start(step);
      } else i++;
    }
    if (active.size === 0) break;
    await Promise.race(active);
  }

  clearTimeout(killer);
  process.off("SIGINT", onSignal);
  process.off("SIGTERM", onSignal);
  process.off("exit", onExit);
  return steps.map((step) => outcomes.get(step.name) ?? { step, ok: false, ms: 0 });
}
