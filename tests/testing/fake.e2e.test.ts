// The stateful fake tells the truth: the contract suite's conformance subset,
// writes and the model-based lifecycle included, passes against the fake over
// HTTP (what `npm run mock -- --stateful` serves) through a validating proxy of the spec and
// leaves the prefix as it found it, and a scripted workflow with every refusal
// the fake makes raises no response violation in `prism proxy`.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type PrismServer, startPrism } from "../../scripts/lib/prism.ts";
import { type CloudflareApiError, createServiceBindingsClient } from "../../src/index.ts";
import { createServiceBindingsFake } from "../../src/testing/index.ts";
import { EXTERNAL_TARGET_ENV } from "../support/fixtures.ts";
import { runScriptAsync } from "../support/run.ts";
import { ACCOUNT, BASE_BINDING, CDN, PREFIX } from "./fake-support.ts";

describe("the conformance subset against the fake over HTTP", () => {
  test("passes, writes and the model-based lifecycle included, through npm run contract:proxy's validating proxy, and leaves the prefix as it found it", async () => {
    const mock = await createServiceBindingsFake().listen();
    try {
      const { url } = mock;
      const client = createServiceBindingsClient({
        apiToken: "t",
        accountId: ACCOUNT,
        baseUrl: url,
        maxRetries: 0,
      });
      const before = await client.listServiceBindings({ prefix_id: PREFIX });
      const ran = await runScriptAsync("contract-proxy.ts", ["--upstream", url], {
        ...EXTERNAL_TARGET_ENV,
        CONTRACT_ALLOW_WRITES: "1",
      });
      const output = ran.stdout + ran.stderr;
      // The suite ran in external mode: the conformance subset with writes, no mock examples, no coverage gate.
      expect(output).toContain("conformance subset, with writes");
      expect(output).toContain("conformance/writes.test.ts");
      expect(output).not.toContain("examples.test.ts");
      expect(output).not.toContain("Contract coverage");
      expect(output).toMatch(
        /model-based lifecycle: 3 sequences, \d+ commands, against http:\/\/127\.0\.0\.1:\d+/,
      );
      expect(output).toContain("the upstream conforms to the spec");
      expect(ran.status).toBe(0);
      // Every binding the runs created was deleted again: the prefix is as it was.
      expect(await client.listServiceBindings({ prefix_id: PREFIX })).toEqual(before);
    } finally {
      await mock.close();
    }
  }, 120_000);
});

describe("the fake behind prism proxy", () => {
  const fake = createServiceBindingsFake();
  let server: { url: string; close(): Promise<void> };
  let proxy: PrismServer;
  beforeAll(async () => {
    server = await fake.listen();
    proxy = await startPrism({ upstream: server.url, quiet: true });
  });
  afterAll(async () => {
    await proxy?.stop();
    await server?.close();
  });

  /** Every violation the proxy reports, by where: request violations come from a deliberately bad request. */
  const seen: { call: string; location: string; message: string }[] = [];
  function client(call: string, headers: Record<string, string | null> = {}) {
    return createServiceBindingsClient({
      apiToken: "a-token",
      accountId: ACCOUNT,
      baseUrl: proxy.url,
      maxRetries: 0,
      fetch: async (request) => {
        for (const [name, value] of Object.entries(headers)) {
          if (value === null) request.headers.delete(name);
          else request.headers.set(name, value);
        }
        const response = await fetch(request);
        for (const v of JSON.parse(response.headers.get("sl-violations") ?? "[]")) {
          seen.push({ call, location: v.location.join("."), message: v.message });
        }
        return response;
      },
    });
  }
  const status = (promise: Promise<unknown>) =>
    promise.then(
      () => 200,
      (error: CloudflareApiError) => error.status,
    );

  test("a workflow (list services, create, list, get until active, delete, get 404) and every refusal: no response violation", async () => {
    const services = await client("list services").listServices();
    const cdn = services.find((s) => s.name === "CDN");
    expect(cdn?.id).toBe(CDN);
    const created = await client("create").createServiceBinding({
      prefix_id: PREFIX,
      body: { cidr: "192.0.2.64/26", service_id: CDN },
    });
    expect((await client("list").listServiceBindings({ prefix_id: PREFIX })).map((b) => b.id)).toContain(
      created.id,
    );
    const states: string[] = [];
    for (let poll = 0; poll < 5 && states.at(-1) !== "active"; poll++) {
      states.push(
        (await client("get").getServiceBinding({ prefix_id: PREFIX, binding_id: created.id })).provisioning
          .state,
      );
    }
    expect(states.at(-1)).toBe("active");
    await client("delete").deleteServiceBinding({ prefix_id: PREFIX, binding_id: created.id });
    expect(
      await status(client("get deleted").getServiceBinding({ prefix_id: PREFIX, binding_id: created.id })),
    ).toBe(404);

    // Every refusal the fake makes, each answered with an envelope the spec declares for its status.
    const refusals: [string, () => Promise<unknown>, number][] = [
      ["no credentials", () => client("no credentials", { authorization: null }).listServices(), 400],
      [
        "a CIDR outside the prefix",
        () =>
          client("outside").createServiceBinding({
            prefix_id: PREFIX,
            body: { cidr: "10.0.0.0/8", service_id: CDN },
          }),
        400,
      ],
      [
        "a malformed CIDR",
        () =>
          client("malformed").createServiceBinding({
            prefix_id: PREFIX,
            body: { cidr: "192.0.2.1", service_id: CDN },
          }),
        400,
      ],
      [
        "an unlisted service",
        () =>
          client("unlisted").createServiceBinding({
            prefix_id: PREFIX,
            body: { cidr: "192.0.2.1/32", service_id: "0".repeat(32) },
          }),
        400,
      ],
      [
        "the base binding",
        () => client("base").deleteServiceBinding({ prefix_id: PREFIX, binding_id: BASE_BINDING }),
        409,
      ],
      ["an unknown prefix", () => client("prefix").listServiceBindings({ prefix_id: "0".repeat(32) }), 404],
      [
        "an unknown binding",
        () => client("binding").getServiceBinding({ prefix_id: PREFIX, binding_id: "0".repeat(32) }),
        404,
      ],
      ["an unknown account", () => client("account").listServices({ account_id: "0".repeat(32) }), 403],
    ];
    for (const [what, call, expected] of refusals) expect(await status(call()), what).toBe(expected);
    // An identifier over the limit gets past no client: send it by hand.
    const overLong = await fetch(
      `${proxy.url}/accounts/${ACCOUNT}/addressing/prefixes/${"p".repeat(33)}/bindings`,
      {
        headers: { authorization: "Bearer a-token" },
      },
    );
    expect(overLong.status).toBe(400);
    for (const v of JSON.parse(overLong.headers.get("sl-violations") ?? "[]")) {
      seen.push({ call: "over-long id", location: v.location.join("."), message: v.message });
    }

    // No answer of the fake broke the spec; the only violations are the two requests made bad on purpose.
    expect(seen.filter((v) => !v.location.startsWith("request"))).toEqual([]);
    expect(seen.map((v) => v.call).sort()).toEqual(["no credentials", "over-long id"]);
  });
});
