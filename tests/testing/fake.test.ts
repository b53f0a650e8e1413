// The stateful fake, through the package's real client: what it starts with,
// how it behaves like the API (create, list, get, delete, provisioning), the
// refusals the spec describes, faults on demand, and that every answer is
// valid against the spec's schema for its status.
import { describe, expect, test } from "vitest";
import { operations, responses } from "../../scripts/lib/spec.ts";
import { specValidator } from "../../scripts/lib/spec-validator.ts";
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  createServiceBindingsClient,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
} from "../../src/index.ts";
import { createServiceBindingsFake, defaultSeed, type ServiceBindingsFake } from "../../src/testing/index.ts";
import {
  ACCOUNT,
  BASE_BINDING,
  CDN,
  clientOf,
  failure,
  PREFIX,
  seedWith,
  spec,
  specExample,
  TOKEN,
} from "./fake-support.ts";

describe("the default seed, from the spec's examples", () => {
  test("one account and prefix (the parameter examples), the three services, one active Magic Transit binding spanning the prefix", async () => {
    const fake = createServiceBindingsFake();
    const client = clientOf(fake);
    expect(await client.listServices()).toEqual(specExample("listServices", "200", "all_services").result);
    expect(await client.listServiceBindings({ prefix_id: PREFIX })).toEqual([
      specExample("getServiceBinding", "200", "active").result,
    ]);
    expect(fake.state().accounts).toEqual([
      {
        id: ACCOUNT,
        prefixes: [
          {
            ...specExample("getPrefix", "200", "approved").result,
            bindings: [specExample("getServiceBinding", "200", "active").result],
            bgpPrefixes: [specExample("getBgpPrefix", "200", "withdrawn").result],
          },
        ],
      },
    ]);
    expect(defaultSeed().accounts?.[0]?.prefixes?.[0]?.bindings?.[0]?.id).toBe(BASE_BINDING);
  });
});

describe("the lifecycle of a binding", () => {
  test("create answers 201 with a new 32-hex id, and the binding then appears in list and get", async () => {
    const fake = createServiceBindingsFake();
    const client = clientOf(fake);
    const created = await client.createServiceBinding({
      prefix_id: PREFIX,
      body: { cidr: "192.0.2.1/32", service_id: CDN },
    });
    expect(created).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      cidr: "192.0.2.1/32",
      provisioning: { state: "provisioning" },
      service_id: CDN,
      service_name: "CDN",
    });
    expect(fake.requests.at(-1)).toEqual({
      method: "POST",
      path: `/client/v4/accounts/${ACCOUNT}/addressing/prefixes/${PREFIX}/bindings`,
      status: 201,
    });
    const listed = await client.listServiceBindings({ prefix_id: PREFIX });
    expect(listed.map((b) => b.id)).toEqual([BASE_BINDING, created.id]);
    expect((await client.getServiceBinding({ prefix_id: PREFIX, binding_id: created.id })).cidr).toBe(
      "192.0.2.1/32",
    );
  });

  test("a new binding reports provisioning for its first two reads, and active after", async () => {
    const fake = createServiceBindingsFake();
    const client = clientOf(fake);
    const { id } = await client.createServiceBinding({
      prefix_id: PREFIX,
      body: { cidr: "192.0.2.8/29", service_id: CDN },
    });
    const states: string[] = [];
    for (let read = 0; read < 4; read++) {
      states.push((await client.getServiceBinding({ prefix_id: PREFIX, binding_id: id })).provisioning.state);
    }
    expect(states).toEqual(["provisioning", "provisioning", "active", "active"]);
  });

  test("a list counts as a read of each binding it shows", async () => {
    const fake = createServiceBindingsFake({ provisioningReads: 1 });
    const client = clientOf(fake);
    const { id } = await client.createServiceBinding({
      prefix_id: PREFIX,
      body: { cidr: "192.0.2.8/29", service_id: CDN },
    });
    const first = await client.listServiceBindings({ prefix_id: PREFIX });
    expect(first.find((b) => b.id === id)?.provisioning.state).toBe("provisioning");
    expect((await client.getServiceBinding({ prefix_id: PREFIX, binding_id: id })).provisioning.state).toBe(
      "active",
    );
  });

  test("setProvisioningState sets any state, which then stays", async () => {
    const fake = createServiceBindingsFake();
    const client = clientOf(fake);
    const { id } = await client.createServiceBinding({
      prefix_id: PREFIX,
      body: { cidr: "192.0.2.8/29", service_id: CDN },
    });
    fake.setProvisioningState(id, "magic_transit_route_missing");
    for (let read = 0; read < 3; read++) {
      const binding = await client.getServiceBinding({ prefix_id: PREFIX, binding_id: id });
      expect(binding.provisioning.state).toBe("magic_transit_route_missing");
    }
    fake.setProvisioningState(id, "a_state_from_the_future");
    expect((await client.getServiceBinding({ prefix_id: PREFIX, binding_id: id })).provisioning.state).toBe(
      "a_state_from_the_future",
    );
    // Set back to provisioning, it stays there: a test can hold a binding unready for as long as it needs.
    fake.setProvisioningState(id, "provisioning");
    for (let read = 0; read < 4; read++) {
      const binding = await client.getServiceBinding({ prefix_id: PREFIX, binding_id: id });
      expect(binding.provisioning.state).toBe("provisioning");
    }
    expect(() => fake.setProvisioningState("nope", "active")).toThrow("the fake has no binding nope");
  });

  test("setProvisioningState finds a binding on any prefix of the account, not only the first", async () => {
    const other = "e".repeat(32);
    const fake = createServiceBindingsFake({
      seed: seedWith({ id: PREFIX, cidr: "192.0.2.0/24" }, { id: other, cidr: "198.51.100.0/24" }),
    });
    const client = clientOf(fake);
    const body = { cidr: "198.51.100.0/24", service_id: CDN };
    const { id } = await client.createServiceBinding({ prefix_id: other, body });
    fake.setProvisioningState(id, "magic_transit_route_missing");
    const binding = await client.getServiceBinding({ prefix_id: other, binding_id: id });
    expect(binding.provisioning.state).toBe("magic_transit_route_missing");
  });

  test("delete answers 200, and the binding is gone: get answers the spec's 404 envelope", async () => {
    const fake = createServiceBindingsFake();
    const client = clientOf(fake);
    const { id } = await client.createServiceBinding({
      prefix_id: PREFIX,
      body: { cidr: "192.0.2.1/32", service_id: CDN },
    });
    await expect(client.deleteServiceBinding({ prefix_id: PREFIX, binding_id: id })).resolves.toBeUndefined();
    expect(fake.requests.at(-1)?.status).toBe(200);
    const error = await failure(client.getServiceBinding({ prefix_id: PREFIX, binding_id: id }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.errors).toEqual(specExample("getServiceBinding", "404", "binding_not_found").errors);
    expect((await client.listServiceBindings({ prefix_id: PREFIX })).map((b) => b.id)).toEqual([
      BASE_BINDING,
    ]);
  });
});

describe("refusals, each with the spec's failure envelope", () => {
  const post = (
    fake: ServiceBindingsFake,
    body: unknown,
    headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` },
  ) =>
    fake.fetch(
      `https://api.cloudflare.com/client/v4/accounts/${ACCOUNT}/addressing/prefixes/${PREFIX}/bindings`,
      {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify(body),
      },
    );

  test("no credentials: 400 with code 9106, as the live API answers", async () => {
    const response = await post(createServiceBindingsFake(), { cidr: "192.0.2.1/32", service_id: CDN }, {});
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(specExample("createServiceBinding", "400", "missing_credentials"));
  });

  test("the legacy e-mail and key pair is accepted too", async () => {
    const fake = createServiceBindingsFake();
    const client = createServiceBindingsClient({
      apiEmail: "ops@example.org",
      apiKey: "a-global-key",
      accountId: ACCOUNT,
      fetch: fake.fetch,
    });
    await expect(client.listServices()).resolves.toHaveLength(3);
  });

  test("credentials other than the ones it was told to accept: 401", async () => {
    const fake = createServiceBindingsFake({ credentials: { apiToken: "the-right-token" } });
    const error = await failure(clientOf(fake).listServices());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.status).toBe(401);
  });

  test("a path identifier over 32 characters: 400 with the spec's invalid_identifier", async () => {
    const response = await createServiceBindingsFake().fetch(
      `http://fake/accounts/${ACCOUNT}/addressing/prefixes/${"p".repeat(33)}/bindings`,
      { headers: { authorization: `Bearer ${TOKEN}` } },
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(specExample("listServiceBindings", "4XX", "invalid_identifier"));
  });

  test.each([
    ["without cidr", { service_id: CDN }, "invalid_cidr"],
    ["with a numeric cidr", { cidr: 10, service_id: CDN }, "invalid_cidr"],
    ["without service_id", { cidr: "192.0.2.1/32" }, "invalid_service_id"],
    [
      "with a service_id over 32 characters",
      { cidr: "192.0.2.1/32", service_id: "s".repeat(33) },
      "invalid_service_id",
    ],
    ["that is not an object", ["192.0.2.1/32"], "invalid_cidr"],
  ])("a create body %s: 400 with the example that points at the member", async (_, body, name) => {
    const response = await post(createServiceBindingsFake(), body);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(specExample("createServiceBinding", "400", name));
  });

  test.each([
    ["a malformed CIDR", "192.0.2.300/32"],
    ["a CIDR outside the prefix", "198.51.100.0/24"],
    ["a wider CIDR than the prefix", "192.0.0.0/16"],
    ["an IPv6 CIDR on an IPv4 prefix", "2001:db8::/48"],
  ])("%s: BadRequestError with the spec's invalid_cidr", async (_, cidr) => {
    const error = await failure(
      clientOf(createServiceBindingsFake()).createServiceBinding({
        prefix_id: PREFIX,
        body: { cidr, service_id: CDN },
      }),
    );
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.errors).toEqual(specExample("createServiceBinding", "400", "invalid_cidr").errors);
  });

  test("a first binding that is not the prefix's own CIDR: invalid_cidr; the prefix's CIDR itself is accepted", async () => {
    const fake = createServiceBindingsFake({
      seed: {
        services: defaultSeed().services ?? [],
        accounts: [{ id: ACCOUNT, prefixes: [{ id: PREFIX, cidr: "2001:db8::/48" }] }],
      },
    });
    const client = clientOf(fake);
    const error = await failure(
      client.createServiceBinding({ prefix_id: PREFIX, body: { cidr: "2001:db8::/64", service_id: CDN } }),
    );
    expect(error.errors).toEqual(specExample("createServiceBinding", "400", "invalid_cidr").errors);
    await expect(
      client.createServiceBinding({ prefix_id: PREFIX, body: { cidr: "2001:db8:0::/48", service_id: CDN } }),
    ).resolves.toMatchObject({ cidr: "2001:db8:0::/48" });
    await expect(
      client.createServiceBinding({
        prefix_id: PREFIX,
        body: { cidr: "2001:db8:0:1::/64", service_id: CDN },
      }),
    ).resolves.toMatchObject({ service_name: "CDN" });
  });

  test("a service_id that List Services does not list: BadRequestError with the spec's invalid_service_id", async () => {
    const error = await failure(
      clientOf(createServiceBindingsFake()).createServiceBinding({
        prefix_id: PREFIX,
        body: { cidr: "192.0.2.1/32", service_id: "0".repeat(32) },
      }),
    );
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.errors).toEqual(specExample("createServiceBinding", "400", "invalid_service_id").errors);
  });

  test("the Magic Transit binding that spans the prefix cannot be deleted: 409 with the spec's base_binding", async () => {
    const fake = createServiceBindingsFake();
    const error = await failure(
      clientOf(fake).deleteServiceBinding({ prefix_id: PREFIX, binding_id: BASE_BINDING }),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.errors).toEqual(specExample("deleteServiceBinding", "409", "base_binding").errors);
    expect(fake.state().accounts[0]?.prefixes[0]?.bindings.map((b) => b.id)).toEqual([BASE_BINDING]);
  });

  const UNKNOWN = "0".repeat(32);
  /** One call of each operation, on the ids given (the default prefix and base binding unless told). */
  const everyOperation = (
    client: ReturnType<typeof clientOf>,
    ids: { account_id?: string; prefix_id?: string; binding_id?: string },
  ) => {
    const where = { prefix_id: PREFIX, ...ids };
    const one = { binding_id: BASE_BINDING, ...where };
    return {
      listServices: () => client.listServices(ids),
      listServiceBindings: () => client.listServiceBindings(where),
      createServiceBinding: () =>
        client.createServiceBinding({ ...where, body: { cidr: "192.0.2.1/32", service_id: CDN } }),
      getServiceBinding: () => client.getServiceBinding(one),
      deleteServiceBinding: () => client.deleteServiceBinding(one),
    };
  };

  test("an account it does not hold, on every operation: 403 with the spec's permission_denied", async () => {
    const fake = createServiceBindingsFake();
    for (const [operationId, call] of Object.entries(
      everyOperation(clientOf(fake), { account_id: UNKNOWN }),
    )) {
      const error = await failure(call());
      expect(error, operationId).toBeInstanceOf(PermissionDeniedError);
      expect(error.errors).toEqual(specExample(operationId, "403", "permission_denied").errors);
    }
  });

  test("an unknown prefix, on every operation on a prefix: 404 with the spec's prefix_not_found", async () => {
    const fake = createServiceBindingsFake();
    const { listServices: _, ...onAPrefix } = everyOperation(clientOf(fake), { prefix_id: UNKNOWN });
    for (const [operationId, call] of Object.entries(onAPrefix)) {
      const error = await failure(call());
      expect(error, operationId).toBeInstanceOf(NotFoundError);
      expect(error.errors).toEqual(specExample(operationId, "404", "prefix_not_found").errors);
    }
  });

  test("an unknown binding, on get and delete: 404 with the spec's binding_not_found", async () => {
    const fake = createServiceBindingsFake();
    const calls = everyOperation(clientOf(fake), { binding_id: UNKNOWN });
    for (const operationId of ["getServiceBinding", "deleteServiceBinding"] as const) {
      const error = await failure(calls[operationId]());
      expect(error.errors).toEqual(specExample(operationId, "404", "binding_not_found").errors);
    }
  });

  test("any other binding can be deleted: a narrower Magic Transit one, or another service spanning the prefix", async () => {
    const magicTransit = defaultSeed().services?.find((s) => s.name === "Magic Transit")?.id ?? "";
    const fake = createServiceBindingsFake({
      seed: {
        services: defaultSeed().services ?? [],
        accounts: [
          {
            id: ACCOUNT,
            prefixes: [
              {
                id: PREFIX,
                cidr: "192.0.2.0/24",
                bindings: [
                  { id: "narrow", cidr: "192.0.2.0/25", service_id: magicTransit },
                  { id: "spanning", cidr: "192.0.2.0/24", service_id: CDN },
                ],
              },
            ],
          },
        ],
      },
    });
    const client = clientOf(fake);
    await client.deleteServiceBinding({ prefix_id: PREFIX, binding_id: "narrow" });
    await client.deleteServiceBinding({ prefix_id: PREFIX, binding_id: "spanning" });
    expect(await client.listServiceBindings({ prefix_id: PREFIX })).toEqual([]);
  });
});

describe("faults on demand", () => {
  test("failNext answers the next requests with the status and the spec's envelope, and a client retries past them", async () => {
    const fake = createServiceBindingsFake();
    fake.failNext({ status: 503, times: 2 });
    await expect(clientOf(fake, { maxRetries: 2 }).listServices()).resolves.toHaveLength(3);
    expect(fake.requests.map((r) => r.status)).toEqual([503, 503, 200]);
  });

  test("a 429 with Retry-After, answered with the spec's rate limit envelope", async () => {
    const fake = createServiceBindingsFake();
    fake.failNext({ status: 429, retryAfterSeconds: 7 });
    const error = await failure(clientOf(fake).listServices());
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfterSeconds).toBe(7);
    expect(error.errors).toEqual(specExample("listServices", "429", "rate_limited").errors);
  });
});

describe("what it records, and how it is reached", () => {
  test("requests hold method, path and status, never a credential", async () => {
    const fake = createServiceBindingsFake();
    await clientOf(fake).listServices();
    expect(fake.requests).toEqual([
      { method: "GET", path: `/client/v4/accounts/${ACCOUNT}/addressing/services`, status: 200 },
    ]);
    expect(JSON.stringify(fake.requests)).not.toContain(TOKEN);
  });

  test("fetch takes a Request or a URL with init, under any origin and base path", async () => {
    const fake = createServiceBindingsFake();
    const init = { headers: { authorization: `Bearer ${TOKEN}` } };
    for (const url of [
      `https://api.cloudflare.com/client/v4/accounts/${ACCOUNT}/addressing/services`,
      `http://localhost:9/accounts/${ACCOUNT}/addressing/services`,
    ]) {
      expect((await fake.fetch(url, init)).status).toBe(200);
      expect((await fake.fetch(new URL(url), init)).status).toBe(200);
      expect((await fake.fetch(new Request(url, init))).status).toBe(200);
    }
  });

  test("a path the API has no route for: 400 with code 7000, as the live API answers", async () => {
    const response = await createServiceBindingsFake().fetch("http://fake/accounts/x/addressing/nothing", {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ success: false, errors: [{ code: 7000 }] });
  });

  test("listen serves the same state over HTTP on 127.0.0.1, and close stops it", async () => {
    const fake = createServiceBindingsFake();
    const server = await fake.listen();
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const overHttp = createServiceBindingsClient({
        apiToken: TOKEN,
        accountId: ACCOUNT,
        baseUrl: server.url,
        maxRetries: 0,
      });
      const { id } = await overHttp.createServiceBinding({
        prefix_id: PREFIX,
        body: { cidr: "192.0.2.1/32", service_id: CDN },
      });
      await expect(
        clientOf(fake).getServiceBinding({ prefix_id: PREFIX, binding_id: id }),
      ).resolves.toMatchObject({ id });
    } finally {
      await server.close();
    }
    await expect(fetch(`${server.url}/`)).rejects.toThrow();
  });
});

describe("every answer is valid against the spec's schema for its status", () => {
  const validator = specValidator(spec);
  test("across a workflow and its refusals", async () => {
    const fake = createServiceBindingsFake();
    const answers: { operationId: string; status: number; body: unknown }[] = [];
    const recording = async (request: Request, operationId: string) => {
      const response = await fake.fetch(request);
      answers.push({ operationId, status: response.status, body: await response.clone().json() });
      return response;
    };
    const via = (operationId: string) =>
      createServiceBindingsClient({
        apiToken: TOKEN,
        accountId: ACCOUNT,
        maxRetries: 0,
        fetch: (r) => recording(r, operationId),
      });
    await via("listServices").listServices();
    const { id } = await via("createServiceBinding").createServiceBinding({
      prefix_id: PREFIX,
      body: { cidr: "192.0.2.1/32", service_id: CDN },
    });
    await via("listServiceBindings").listServiceBindings({ prefix_id: PREFIX });
    await via("getServiceBinding").getServiceBinding({ prefix_id: PREFIX, binding_id: id });
    await via("deleteServiceBinding").deleteServiceBinding({ prefix_id: PREFIX, binding_id: id });
    for (const [operationId, call] of [
      [
        "getServiceBinding",
        () => via("getServiceBinding").getServiceBinding({ prefix_id: PREFIX, binding_id: id }),
      ],
      [
        "deleteServiceBinding",
        () =>
          via("deleteServiceBinding").deleteServiceBinding({ prefix_id: PREFIX, binding_id: BASE_BINDING }),
      ],
      [
        "createServiceBinding",
        () =>
          via("createServiceBinding").createServiceBinding({
            prefix_id: PREFIX,
            body: { cidr: "10.0.0.0/8", service_id: CDN },
          }),
      ],
      ["listServices", () => via("listServices").listServices({ account_id: "x" })],
    ] as const) {
      await call().catch(() => undefined);
      expect(answers.at(-1)?.operationId).toBe(operationId);
    }
    expect(answers).toHaveLength(9);
    for (const answer of answers) {
      const operation = operations(spec).find((o) => o.operationId === answer.operationId);
      const declared = responses(spec, operation as never).find(
        (r) => r.status === String(answer.status) || r.status === `${String(answer.status)[0]}XX`,
      );
      expect(declared, `${answer.operationId} ${answer.status} is declared`).toBeDefined();
      const validate = validator.of(declared?.schema);
      expect(validate(answer.body) ? [] : validate.errors, `${answer.operationId} ${answer.status}`).toEqual(
        [],
      );
    }
  });
});
