// The validation proxy: `prism proxy` with the spec in front of a local
// upstream catches each kind of drift, and `npm run contract:proxy` fails a
// drifting upstream, naming each violation (it passes a conformant one, the
// stateful fake, in tests/testing/fake.e2e.test.ts).
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type PrismServer, startPrism } from "../../scripts/lib/prism.ts";
import { createServiceBindingsClient } from "../../src/index.ts";
import { EXTERNAL_TARGET_ENV } from "../support/fixtures.ts";
import type { TestServer } from "../support/http-server.ts";
import { runScriptAsync } from "../support/run.ts";
import { type Drift, startUpstream, type UpstreamMode } from "../support/upstream.ts";

const state: { drift: Drift } = { drift: "none" };
let upstream: TestServer;
let proxy: PrismServer;

beforeAll(async () => {
  upstream = await startUpstream(state);
  proxy = await startPrism({ upstream: upstream.url, quiet: true });
});

afterAll(async () => {
  await proxy?.stop();
  await upstream?.close();
});

/** Calls every read operation through the proxy with the real client and collects the sl-violations reported. */
async function violationsThroughProxy(): Promise<string[]> {
  const found: string[] = [];
  const client = createServiceBindingsClient({
    apiToken: "t",
    accountId: "258def64c72dae45f3e4c8516e2111f2",
    baseUrl: proxy.url,
    maxRetries: 0,
    fetch: async (request) => {
      const response = await fetch(request);
      const header = response.headers.get("sl-violations");
      if (header) for (const v of JSON.parse(header)) found.push(`${v.location.join(".")}: ${v.message}`);
      return response;
    },
  });
  const prefix_id = "2af39739cc4e3b5910c918468bb89828";
  const calls = [
    client.listServices(),
    client.listServiceBindings({ prefix_id }),
    client.getServiceBinding({ prefix_id, binding_id: "0429b49b6a5155297b78e75a44b09e14" }),
    client.createServiceBinding({
      prefix_id,
      body: { cidr: "192.0.2.1/32", service_id: "969ebf53b1e84a5ab8c8b5e8d1de3d24" },
    }),
  ];
  await Promise.allSettled(calls);
  return found;
}

describe("prism proxy in front of an upstream", () => {
  test("a conformant upstream raises no violation", async () => {
    state.drift = "none";
    expect(await violationsThroughProxy()).toEqual([]);
  });

  test.each([
    ["renamed field", /response\.body\.result.*must have required property '(service_name|name)'/],
    [
      "wrong status code",
      /^response: Unable to match the returned status code with those defined in the document/m,
    ],
    ["missing envelope member", /response\.body.*must have required property 'messages'/],
    ["wrong type", /response\.body\.success.*must be (boolean|equal to constant)/],
  ] as const)("an upstream with a %s is caught, with the location", async (drift, expected) => {
    state.drift = drift;
    const violations = await violationsThroughProxy();
    expect(violations.join("\n")).toMatch(expected);
  });
});

describe("npm run contract:proxy", () => {
  /** Runs the command, with writes, against an upstream of its own that behaves as asked. */
  async function runProxyCommand(drift: UpstreamMode): Promise<{ code: number | null; output: string }> {
    const own = await startUpstream({ drift });
    try {
      const ran = await runScriptAsync("contract-proxy.ts", ["--upstream", own.url], {
        ...EXTERNAL_TARGET_ENV,
        CONTRACT_ALLOW_WRITES: "1",
      });
      return { code: ran.status, output: ran.stdout + ran.stderr };
    } finally {
      await own.close();
    }
  }

  // A conformant upstream passes: the stateful fake, through this command, in tests/testing/fake.e2e.test.ts.

  // One run against an upstream that drifts differently on each operation (DRIFT_PER_OPERATION);
  // each drift alone is caught by the proxy in the tests above.
  test("fails an upstream that drifts, naming each violation and where", async () => {
    const run = await runProxyCommand("a different drift per operation");
    expect(run.code).toBe(1);
    expect(run.output).toContain("the upstream does NOT conform to the spec");
    for (const expected of [
      /- response\.body\.result\.0 Response body property result\.0 must have required property 'name'/,
      /- response Unable to match the returned status code with those defined in the document/,
      /- response\.body Response body must have required property 'messages'/,
      /- response\.body\.success Response body property success must be boolean/,
    ]) {
      expect(run.output).toMatch(expected);
    }
  });
});
