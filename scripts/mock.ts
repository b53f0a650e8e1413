// npm run mock: a mock of the API on 127.0.0.1, started by hand, for local
// development and for code that is not TypeScript (a Terraform provider's
// tests, a Python script).
//   npm run mock                      Prism, stateless: each answer is the spec's example
//                                     (--dynamic: generated from the schemas; --seed S)
//   npm run mock -- --stateful        the package's stateful fake: what you create is there to get
//                                     (Prefer: code=NNN[, example=NAME] as Prism; Prefer: lose-answer;
//                                     --advertise-delay-ms N, --withdraw-delay-ms N: how long BGP changes take;
//                                     --binding-state S: the state a new binding starts in, e.g. active)
// --port N (default 4010; 0 picks a free one). Both stop on Ctrl-C (SIGINT) or SIGTERM, through npm
// too, and when whoever started them goes away.
import { parseArgs } from "node:util";
import { createServiceBindingsFake } from "../src/testing/index.ts";
import { whenStarterGoes } from "./lib/lifecycle.ts";
import { startPrism } from "./lib/prism.ts";

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    port: { type: "string", default: "4010" },
    dynamic: { type: "boolean", default: false },
    seed: { type: "string" },
    stateful: { type: "boolean", default: false },
    "advertise-delay-ms": { type: "string" },
    "withdraw-delay-ms": { type: "string" },
    "binding-state": { type: "string" },
  },
});
const port = Number(values.port);

/** Runs `stop`, then exits: on a signal, or when the parent goes away. */
async function stopOnExit(stop: () => Promise<void>): Promise<void> {
  let stopping = false;
  const end = () => {
    if (stopping) return;
    stopping = true;
    stop().then(() => process.exit(0));
  };
  process.on("SIGINT", end);
  process.on("SIGTERM", end);
  await whenStarterGoes(end);
}

async function stateful(): Promise<void> {
  if (values.dynamic || values.seed !== undefined) {
    throw new Error("--dynamic and --seed are Prism's options; the stateful fake answers from its state");
  }
  // The fake's clock is the real one here: its BGP delays (5 and 15 minutes by default) can be shortened.
  const advertise = values["advertise-delay-ms"];
  const withdraw = values["withdraw-delay-ms"];
  const state = values["binding-state"];
  const fake = createServiceBindingsFake({
    ...(advertise === undefined ? {} : { advertiseDelayMs: Number(advertise) }),
    ...(withdraw === undefined ? {} : { withdrawDelayMs: Number(withdraw) }),
    ...(state === undefined ? {} : { newBindingState: state }),
  });
  const server = await fake.listen({ port });
  const { services, accounts } = fake.state();
  console.log(`Stateful fake of spec/openapi.yaml listening on ${server.url} (pid ${process.pid})`);
  for (const account of accounts) {
    console.log(`  account ${account.id}`);
    for (const prefix of account.prefixes) {
      console.log(`    prefix ${prefix.id} ${prefix.cidr} (approved ${prefix.approved})`);
      for (const binding of prefix.bindings) {
        console.log(
          `      binding ${binding.id} ${binding.cidr} -> ${binding.service_name} (${binding.provisioning.state})`,
        );
      }
      for (const bgp of prefix.bgpPrefixes) {
        const { advertised, on_demand_locked } = bgp.on_demand;
        const state = advertised === null ? "not on demand" : advertised ? "advertised" : "withdrawn";
        console.log(`      bgp prefix ${bgp.id} ${bgp.cidr} (${state}${on_demand_locked ? ", locked" : ""})`);
      }
    }
  }
  for (const service of services) console.log(`  service ${service.id} ${service.name}`);
  const [account] = accounts;
  console.log(
    `Try: curl -H 'Authorization: Bearer x' ${server.url}/accounts/${account?.id}/addressing/prefixes/${account?.prefixes[0]?.id}/bindings`,
  );
  console.log(
    "Steer it: -H 'Prefer: code=409, example=cidr_already_bound' answers that example, applying nothing; -H 'Prefer: lose-answer' applies the request, then resets the connection",
  );
  await stopOnExit(() => server.close());
}

async function prism(): Promise<void> {
  if ((values["advertise-delay-ms"] ?? values["withdraw-delay-ms"]) !== undefined) {
    throw new Error(
      "--advertise-delay-ms and --withdraw-delay-ms are the stateful fake's options (--stateful)",
    );
  }
  const server = await startPrism({
    port,
    dynamic: values.dynamic,
    ...(values.seed === undefined ? {} : { seed: values.seed }),
  });
  console.log(
    `Prism mock of spec/openapi.yaml listening on ${server.url} (pid ${server.pid}, ready in ${Math.round(server.readyMs)} ms), run by pid ${process.pid}`,
  );
  console.log(
    `Try: curl -H 'Authorization: Bearer x' ${server.url}/accounts/258def64c72dae45f3e4c8516e2111f2/addressing/services`,
  );
  console.log(`A failure on demand: add -H 'Prefer: code=404' (or code=429, example=prefix_not_found, ...)`);
  // Prism ends with this process in any case (it watches its parent); here it is stopped first, cleanly.
  await stopOnExit(() => server.stop());
}

try {
  await (values.stateful ? stateful() : prism());
} catch (error) {
  console.error(`mock: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
