// npm run mock: the contract suite's Prism mock, started by hand for local
// development. Options: --port N (default 4010), --dynamic, --seed S.
// Stops Prism on Ctrl-C (SIGINT) and SIGTERM.
import { parseArgs } from "node:util";
import { startPrism, stopWithThisProcess } from "./lib/prism.ts";

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    port: { type: "string", default: "4010" },
    dynamic: { type: "boolean", default: false },
    seed: { type: "string" },
  },
});

try {
  const prism = await startPrism({
    port: Number(values.port),
    dynamic: values.dynamic,
    ...(values.seed === undefined ? {} : { seed: values.seed }),
  });
  console.log(
    `Prism mock of spec/openapi.yaml listening on ${prism.url} (pid ${prism.pid}, ready in ${Math.round(prism.readyMs)} ms)`,
  );
  console.log(
    `Try: curl -H 'Authorization: Bearer x' ${prism.url}/accounts/258def64c72dae45f3e4c8516e2111f2/addressing/services`,
  );
  // Ctrl-C is how a developer ends the mock: exit cleanly once Prism is gone.
  stopWithThisProcess(prism, () => process.exit(0));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
