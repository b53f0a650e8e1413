// npm run contract:proxy -- --upstream URL: puts `prism proxy` with the spec in
// front of an upstream (the real API, or any implementation) and runs the
// contract suite's conformance subset through it. Any request or response that
// breaks the spec is reported with its location and fails the run.
//
// The conformance subset needs CLOUDFLARE_API_TOKEN, CLOUDFLARE_ACCOUNT_ID and
// CLOUDFLARE_PREFIX_ID (and CONTRACT_ALLOW_WRITES=1 to create and delete a binding).
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { childEnv, whenStarterGoes } from "./lib/lifecycle.ts";
import { ROOT } from "./lib/paths.ts";
import { startPrism, stopWithThisProcess } from "./lib/prism.ts";

const { values } = parseArgs({ args: process.argv.slice(2), options: { upstream: { type: "string" } } });
if (!values.upstream) {
  console.error(
    "contract:proxy: --upstream URL is required, e.g. --upstream https://api.cloudflare.com/client/v4",
  );
  process.exit(2);
}

// The conformance subset sends one request without credentials on purpose, to
// check how failures are mapped; its security violation is expected.
const EXPECTED = new Set(["request Invalid security scheme used"]);

/** The violations Prism logged, one line each: where (e.g. response.body.result.0), and what. */
function violationsIn(log: string): string[] {
  return log
    .split("\n")
    .filter((line) => line.includes("Violation:"))
    .map((line) => line.replace(/^.*Violation:\s*/, "").trim())
    .filter((violation) => !EXPECTED.has(violation));
}

const proxy = await startPrism({ upstream: values.upstream, quiet: true }).catch((error: Error) => {
  console.error(`contract:proxy: ${error.message}`);
  process.exit(1);
});
console.log(`contract:proxy: validating proxy on ${proxy.url} in front of ${values.upstream}`);

stopWithThisProcess(proxy);
// Should npm (or whoever started this) go away, stop as on Ctrl-C: Prism first, and the suite with us.
await whenStarterGoes(() => process.kill(process.pid, "SIGTERM"));

const suite = spawn(
  process.execPath,
  [`${ROOT}node_modules/vitest/vitest.mjs`, "run", "--project", "contract"],
  { cwd: ROOT, stdio: "inherit", env: childEnv({ ...process.env, CONTRACT_BASE_URL: proxy.url }) },
);
const suitePassed = await new Promise<boolean>((resolve) =>
  suite.once("exit", (code) => resolve(code === 0)),
);
await proxy.stop();

const violations = violationsIn(proxy.log());
if (violations.length > 0) {
  console.error(
    `\ncontract:proxy: ${violations.length} violation(s) of spec/openapi.yaml seen by the proxy:`,
  );
  for (const violation of violations) console.error(`  - ${violation}`);
}
const ok = suitePassed && violations.length === 0;
console.log(
  ok
    ? "\ncontract:proxy: the upstream conforms to the spec."
    : "\ncontract:proxy: the upstream does NOT conform to the spec.",
);
process.exitCode = ok ? 0 : 1;
