// cloudflare-service-bindings plan|apply --file bindings.yaml: bindings as code
// from a terminal or CI. Exit codes as `terraform plan -detailed-exitcode`:
// plan exits 0 with nothing to do, 2 with changes, 1 on any error; apply exits
// 0 when the account matches the file, 1 otherwise. Credentials come from the
// environment only, and no output ever holds one.
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { createServiceBindingsClient } from "../client.ts";
import { applyServiceBindingsPlan } from "../declarative/apply.ts";
import { BindingsFileError, formatProblem, ProblemsError } from "../declarative/errors.ts";
import { parseBindingsFile } from "../declarative/file.ts";
import { planServiceBindings } from "../declarative/plan.ts";
import { applyJson, planJson, renderApplyEnd, renderEvent, renderPlan } from "../declarative/render.ts";
import { ServiceBindingsError } from "../errors.ts";
import { parseDuration } from "./duration.ts";
import { HELP } from "./help.ts";

/** Where the tool writes, and what it knows of its terminal. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Whether stdout is a terminal (colour is used only then). */
  isTTY: boolean;
  /** Aborted when the user stops the tool (Ctrl-C): calls and waits end at once. */
  signal?: AbortSignal | undefined;
}

/** An error the user can fix, said in one line (or one per problem), with nothing sent. */
class UsageError extends ServiceBindingsError {
  // Stryker disable next-line StringLiteral: a UsageError never leaves main, which prints only its message
  override name = "UsageError";
}

const OPTIONS = {
  file: { type: "string", short: "f" },
  json: { type: "boolean", default: false },
  wait: { type: "boolean", default: false },
  timeout: { type: "string" },
  "base-url": { type: "string" },
  help: { type: "boolean", short: "h", default: false },
} as const;

/** The client, from the environment's credentials: never from the command line. */
function clientFrom(env: NodeJS.ProcessEnv, baseUrl: string | undefined) {
  const { CLOUDFLARE_API_TOKEN: token, CLOUDFLARE_EMAIL: apiEmail, CLOUDFLARE_API_KEY: apiKey } = env;
  const legacy = apiEmail !== undefined || apiKey !== undefined;
  if (token !== undefined && legacy) {
    throw new UsageError("set CLOUDFLARE_API_TOKEN, or CLOUDFLARE_EMAIL with CLOUDFLARE_API_KEY, not both");
  }
  if (token === undefined && !legacy) {
    throw new UsageError(
      "no credentials: set CLOUDFLARE_API_TOKEN (or CLOUDFLARE_EMAIL with CLOUDFLARE_API_KEY)",
    );
  }
  if (legacy && (apiEmail === undefined || apiKey === undefined)) {
    throw new UsageError(
      "set CLOUDFLARE_EMAIL and CLOUDFLARE_API_KEY together (or CLOUDFLARE_API_TOKEN alone)",
    );
  }
  const credentials = token !== undefined ? { apiToken: token } : { apiEmail, apiKey };
  return createServiceBindingsClient({
    ...credentials,
    ...(baseUrl ? { baseUrl } : {}),
    userAgent: "cloudflare-service-bindings-cli",
  });
}

/** Runs the tool; resolves to its exit code. */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  let parsed: ReturnType<
    typeof parseArgs<{ args: string[]; options: typeof OPTIONS; allowPositionals: true }>
  >;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    io.err(
      `cloudflare-service-bindings: ${(error as Error).message}; see cloudflare-service-bindings --help`,
    );
    return 1;
  }
  const { values, positionals } = parsed;
  const [command, ...extra] = positionals;
  if (command === undefined || command === "help") {
    io.out(HELP.main);
    return command === undefined && !values.help ? 1 : 0;
  }
  if (command !== "plan" && command !== "apply") {
    io.err(`cloudflare-service-bindings: unknown command ${JSON.stringify(command)}: use plan or apply`);
    return 1;
  }
  if (values.help) {
    io.out(HELP[command]);
    return 0;
  }
  const how = { colour: io.isTTY && !env.NO_COLOR };
  try {
    if (extra.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(extra[0])}`);
    if (!values.file) throw new UsageError(`${command} needs --file <bindings.yaml>`);
    if (command === "plan" && (values.wait || values.timeout !== undefined)) {
      throw new UsageError("--wait and --timeout are options of apply");
    }
    const timeoutMs = values.timeout === undefined ? undefined : parseDuration("--timeout", values.timeout);
    const text = await readFile(values.file, "utf8").catch((error: NodeJS.ErrnoException) => {
      throw new BindingsFileError([
        { file: values.file as string, line: 1, column: 1, message: `cannot read the file (${error.code})` },
      ]);
    });
    const desired = parseBindingsFile(text, { file: values.file, accountId: env.CLOUDFLARE_ACCOUNT_ID });
    const client = clientFrom(env, values["base-url"] ?? env.CLOUDFLARE_BASE_URL);
    const plan = await planServiceBindings(client, desired, { signal: io.signal });
    if (command === "plan") {
      io.out(values.json ? JSON.stringify(planJson(plan), null, 2) : renderPlan(plan, how));
      return plan.steps.length === 0 ? 0 : 2;
    }
    if (!values.json) io.out(renderPlan(plan, how));
    const result = await applyServiceBindingsPlan(client, plan, {
      wait: values.wait,
      timeoutMs,
      signal: io.signal,
      onProgress: values.json ? undefined : (event) => io.out(renderEvent(event, how)),
    });
    io.out(values.json ? JSON.stringify(applyJson(result), null, 2) : renderApplyEnd(result, how));
    return result.converged ? 0 : 1;
  } catch (error) {
    if (error instanceof ProblemsError) {
      for (const problem of error.problems) io.err(formatProblem(problem));
    } else if (io.signal?.aborted) {
      io.err(
        "cloudflare-service-bindings: stopped; what was done stays done, and apply again finishes the rest",
      );
    } else {
      io.err(`cloudflare-service-bindings: ${error instanceof Error ? error.message : String(error)}`);
    }
    return 1;
  }
}
