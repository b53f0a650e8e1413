// Each operation through the client with an injected fetch: the request it
// sends and the value it resolves to.
import { describe, expect, test, vi } from "vitest";
import { createServiceBindingsClient, MalformedResponseError, PACKAGE_VERSION } from "../../src/index.ts";
import { fakeFetch, json, ok } from "../support/fake-fetch.ts";
import { ACCOUNT, BINDING, BINDING_ID, EMAIL, KEY, PREFIX, SERVICES, TOKEN } from "../support/fixtures.ts";

const BASE = "https://api.cloudflare.com/client/v4";

function clientWith(...answers: Parameters<typeof fakeFetch>) {
  const fake = fakeFetch(...answers);
  const client = createServiceBindingsClient({ apiToken: TOKEN, accountId: ACCOUNT, fetch: fake.fetch });
  return { client, seen: fake.seen };
}

describe("GET /accounts/{account_id}/addressing/prefixes/{prefix_id}/bindings", () => {
  test("resolves to the envelope's result array", async () => {
    const { client, seen } = clientWith(ok([BINDING]));
    await expect(client.listServiceBindings({ prefix_id: PREFIX })).resolves.toEqual([BINDING]);
    expect(seen[0]?.method).toBe("GET");
    expect(seen[0]?.url).toBe(`${BASE}/accounts/${ACCOUNT}/addressing/prefixes/${PREFIX}/bindings`);
  });

  test("uses the account_id of the call over the client's default", async () => {
    const { client, seen } = clientWith(ok([]));
    await client.listServiceBindings({ account_id: "other", prefix_id: PREFIX });
    expect(seen[0]?.url).toContain("/accounts/other/");
  });
});

describe("POST /accounts/{account_id}/addressing/prefixes/{prefix_id}/bindings", () => {
  test("sends the body as JSON and resolves to the created binding", async () => {
    const { client, seen } = clientWith(ok(BINDING, 201));
    const body = { cidr: "192.0.2.0/24", service_id: BINDING.service_id };
    await expect(client.createServiceBinding({ prefix_id: PREFIX, body })).resolves.toEqual(BINDING);
    expect(seen[0]?.method).toBe("POST");
    expect(JSON.parse(seen[0]?.body ?? "")).toEqual(body);
    expect(seen[0]?.headers.get("content-type")).toBe("application/json");
  });
});

describe("GET /accounts/{account_id}/addressing/prefixes/{prefix_id}/bindings/{binding_id}", () => {
  test("resolves to the binding", async () => {
    const { client, seen } = clientWith(ok(BINDING));
    await expect(client.getServiceBinding({ prefix_id: PREFIX, binding_id: BINDING_ID })).resolves.toEqual(
      BINDING,
    );
    expect(seen[0]?.url).toBe(
      `${BASE}/accounts/${ACCOUNT}/addressing/prefixes/${PREFIX}/bindings/${BINDING_ID}`,
    );
  });

  test("passes an unknown provisioning state and extra fields through untouched", async () => {
    const future = { ...BINDING, provisioning: { state: "draining", since: "2027-01-01" }, region: "eu" };
    const { client } = clientWith(ok(future));
    await expect(client.getServiceBinding({ prefix_id: PREFIX, binding_id: BINDING_ID })).resolves.toEqual(
      future,
    );
  });
});

describe("DELETE /accounts/{account_id}/addressing/prefixes/{prefix_id}/bindings/{binding_id}", () => {
  test("resolves to undefined once the API confirms with success and no result", async () => {
    const { client, seen } = clientWith(ok());
    await expect(
      client.deleteServiceBinding({ prefix_id: PREFIX, binding_id: BINDING_ID }),
    ).resolves.toBeUndefined();
    expect(seen[0]?.method).toBe("DELETE");
    expect(seen[0]?.body).toBe("");
  });
});

describe("GET /accounts/{account_id}/addressing/services", () => {
  test("resolves to the services, with the client's default account", async () => {
    const { client, seen } = clientWith(ok(SERVICES));
    await expect(client.listServices()).resolves.toEqual(SERVICES);
    expect(seen[0]?.url).toBe(`${BASE}/accounts/${ACCOUNT}/addressing/services`);
  });
});

describe("every request", () => {
  test("authenticates with the bearer token and names the package in User-Agent", async () => {
    const { client, seen } = clientWith(ok(SERVICES));
    await client.listServices();
    expect(seen[0]?.headers.get("authorization")).toBe(`Bearer ${TOKEN}`);
    expect(seen[0]?.headers.get("x-auth-key")).toBeNull();
    expect(seen[0]?.headers.get("user-agent")).toBe(`cloudflare-service-bindings/${PACKAGE_VERSION}`);
  });

  test("authenticates with X-Auth-Email and X-Auth-Key for the legacy form, and puts the app first in User-Agent", async () => {
    const fake = fakeFetch(ok(SERVICES));
    const client = createServiceBindingsClient({
      apiEmail: EMAIL,
      apiKey: KEY,
      accountId: ACCOUNT,
      fetch: fake.fetch,
      userAgent: "my-app/1.2",
    });
    await client.listServices();
    expect(fake.seen[0]?.headers.get("x-auth-email")).toBe(EMAIL);
    expect(fake.seen[0]?.headers.get("x-auth-key")).toBe(KEY);
    expect(fake.seen[0]?.headers.get("authorization")).toBeNull();
    expect(fake.seen[0]?.headers.get("user-agent")).toBe(
      `my-app/1.2 cloudflare-service-bindings/${PACKAGE_VERSION}`,
    );
  });

  test("goes to a custom baseUrl, however many trailing slashes it has", async () => {
    for (const baseUrl of ["http://127.0.0.1:9/v4", "http://127.0.0.1:9/v4/", "http://127.0.0.1:9/v4///"]) {
      const fake = fakeFetch(ok(SERVICES));
      const client = createServiceBindingsClient({
        apiToken: TOKEN,
        accountId: ACCOUNT,
        baseUrl,
        fetch: fake.fetch,
      });
      await client.listServices();
      expect(fake.seen[0]?.url).toBe(`http://127.0.0.1:9/v4/accounts/${ACCOUNT}/addressing/services`);
    }
  });

  test("the raw openapi-fetch client is authenticated and typed for anything else", async () => {
    const { client, seen } = clientWith(ok(SERVICES));
    const { data } = await client.raw.GET("/accounts/{account_id}/addressing/services", {
      params: { path: { account_id: ACCOUNT } },
    });
    expect(data?.result).toEqual(SERVICES);
    expect(seen[0]?.headers.get("authorization")).toBe(`Bearer ${TOKEN}`);
  });

  test("without a fetch option, the global fetch of the moment sends each request, and how it ends an abandoned attempt is final", async () => {
    // The global fetch is trusted to honour the attempt's signal, so the client
    // does not race it: this one answers when the timeout aborts the attempt,
    // and that answer is what the call resolves to.
    const requests: Request[] = [];
    const globalFetch = (request: Request) =>
      new Promise<Response>((resolve) => {
        requests.push(request);
        request.signal.addEventListener("abort", () => resolve(ok(SERVICES)), { once: true });
      });
    vi.stubGlobal("fetch", globalFetch);
    try {
      const client = createServiceBindingsClient({
        apiToken: TOKEN,
        accountId: ACCOUNT,
        timeoutMs: 1,
        maxRetries: 0,
      });
      await expect(client.listServices()).resolves.toEqual(SERVICES);
      expect(requests.map((r) => r.url)).toEqual([`${BASE}/accounts/${ACCOUNT}/addressing/services`]);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe("a 2xx answer that is not the envelope the operation promises", () => {
  const PATH = `/accounts/${ACCOUNT}/addressing/prefixes/${PREFIX}/bindings/${BINDING_ID}`;

  async function malformed(answer: Response): Promise<MalformedResponseError> {
    const { fetch } = fakeFetch(answer);
    const client = createServiceBindingsClient({ apiToken: TOKEN, accountId: ACCOUNT, fetch, maxRetries: 0 });
    const error = await client.getServiceBinding({ prefix_id: PREFIX, binding_id: BINDING_ID }).then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!(error instanceof MalformedResponseError))
      throw new Error(`expected MalformedResponseError, got ${String(error)}`);
    return error;
  }

  test.each([
    ["JSON null", json(200, null), "got null"],
    ["a JSON string", json(200, "ok"), "got a string"],
    ["a JSON number", json(200, 1), "got a number"],
  ])("%s is refused as not an object, before any member is looked for", async (_, answer, got) => {
    const error = await malformed(answer);
    expect(
      error.message.startsWith(
        `GET ${PATH} -> 200: body is not the Cloudflare envelope: expected an object, ${got}`,
      ),
    ).toBe(true);
  });

  test("204 No Content is an empty body, where the envelope belongs", async () => {
    const error = await malformed(new Response(null, { status: 204 }));
    expect(error.message).toBe(`GET ${PATH} -> 204: empty response body, expected the Cloudflare envelope`);
  });

  test.each([
    ["missing", undefined, "it is missing"],
    ["a string", BINDING_ID, "got a string"],
    ["a number", 7, "got a number"],
  ])("a success whose result is %s where one binding belongs is refused", async (_, result, got) => {
    const error = await malformed(json(200, { success: true, errors: [], messages: [], result }));
    expect(
      error.message.startsWith(
        `GET ${PATH} -> 200: body is not the Cloudflare envelope: \`result\` must be an object, ${got}`,
      ),
    ).toBe(true);
  });

  test("an extra member, even one with an empty name, does not excuse a result of the wrong shape", async () => {
    const error = await malformed(json(200, { "": "", success: true, errors: [], messages: [], result: [] }));
    expect(error.message).toContain("`result` must be an object, got an array");
  });
});
