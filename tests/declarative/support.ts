// What the bindings-as-code tests share: a client on a fresh fake, the
// example file, and a desired state written in the tests' own words.
import { readFileSync } from "node:fs";
import { ROOT } from "../../scripts/lib/paths.ts";
import { type DesiredState, PlanError, parseBindingsFile } from "../../src/declarative/index.ts";
import { createServiceBindingsClient } from "../../src/index.ts";
import {
  createServiceBindingsFake,
  defaultSeed,
  type FakeOptions,
  type FakePrefixSeed,
} from "../../src/testing/index.ts";

/** The default seed's account and prefix (192.0.2.0/24, a Magic Transit binding spanning it, its BGP prefix withdrawn). */
export const ACCOUNT = "258def64c72dae45f3e4c8516e2111f2";
export const PREFIX = "2af39739cc4e3b5910c918468bb89828";

/** The default seed's services (Magic Transit, CDN, Spectrum). */
export const SERVICES = defaultSeed().services ?? [];

/** A default service's id, by its name. */
export const serviceId = (name: string) => SERVICES.find((s) => s.name === name)?.id ?? "";

/** The problems a plan is refused with, one `file:line:column: message` a line; fails when there are none. */
export async function planProblems(plan: Promise<unknown>): Promise<string[]> {
  const error = await plan.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof PlanError)) throw new Error(`the plan was not refused: ${String(error)}`);
  return error.message.split("\n");
}

/** The repository's example file. */
export const EXAMPLE = readFileSync(`${ROOT}examples/bindings.yaml`, "utf8");

/** A client on a fresh fake, no waits between retries. */
export function setup(options: FakeOptions = {}) {
  const fake = createServiceBindingsFake(options);
  const client = createServiceBindingsClient({
    apiToken: "t",
    accountId: ACCOUNT,
    fetch: fake.fetch,
    backoff: { initialDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0 },
  });
  return { fake, client };
}

/** A client on a fake whose one prefix, 192.0.2.0/24 bound to Magic Transit, is changed by `overrides`. */
export function setupWithPrefix(overrides: Partial<FakePrefixSeed>) {
  const prefix: FakePrefixSeed = {
    id: PREFIX,
    cidr: "192.0.2.0/24",
    bindings: [{ cidr: "192.0.2.0/24", service_id: "2db684ee7ca04e159946fd05b99e1bcd" }],
    ...overrides,
  };
  return setup({
    seed: { ...defaultSeed(), accounts: [{ id: ACCOUNT, prefixes: [prefix] }] },
  });
}

/** A desired state from YAML text, as the CLI reads a file. */
export function desiredFrom(text: string, file = "bindings.yaml"): DesiredState {
  return parseBindingsFile(text, { file, accountId: ACCOUNT });
}

/** The YAML of one prefix entry with these bindings. */
export function fileWith(bindings: Record<string, string>, extra = "", prefix = PREFIX): string {
  const lines = Object.entries(bindings).map(([cidr, service]) => `      ${cidr}: ${service}`);
  return `prefixes:\n  - prefix: ${prefix}\n    bindings:\n${lines.join("\n")}\n${extra}`;
}
