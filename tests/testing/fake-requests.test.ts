// How the fake reads a request: the credentials it accepts, the bodies and
// path identifiers it refuses (before it looks at its state), every form of
// fetch call, the faults it answers on demand, and the same over HTTP.
import { request as httpRequest } from "node:http";
import { connect, createServer } from "node:net";
import { describe, expect, test } from "vitest";
import { createServiceBindingsFake, type FakeOptions } from "../../src/testing/index.ts";
import { ACCOUNT, BINDINGS_PATH, CDN, clientOf, PREFIX, specExample, TOKEN } from "./fake-support.ts";

const SERVICES = `http://fake/accounts/${ACCOUNT}/addressing/services`;
const BEARER = { authorization: `Bearer ${TOKEN}` };

async function statusOf(options: FakeOptions, headers: Record<string, string>): Promise<number> {
  return (await createServiceBindingsFake(options).fetch(SERVICES, { headers })).status;
}

describe("credentials", () => {
  test.each([
    [
      "both forms",
      { apiToken: TOKEN, apiKey: "k" },
      "credentials must be apiToken, or apiEmail with apiKey, not both",
    ],
    ["an e-mail alone", { apiEmail: "ops@example.org" }, "apiKey is required with apiEmail"],
    ["a token with a space", { apiToken: "a token" }, "apiToken must be visible ASCII characters only"],
  ])("told impossible ones (%s): refused at once, as the client refuses them", (_, credentials, message) => {
    expect(() => createServiceBindingsFake({ credentials })).toThrow(message);
  });

  test.each([
    ["none", {}],
    ["an empty authorization", { authorization: "" }],
    ["a scheme that only ends in Bearer", { authorization: `NotBearer ${TOKEN}` }],
    ["a bearer with more after the token", { authorization: `Bearer ${TOKEN} extra` }],
    ["an e-mail without a key", { "x-auth-email": "ops@example.org" }],
    ["a key without an e-mail", { "x-auth-key": "a-global-key" }],
  ])("%s: 400 missing_credentials, whatever the fake accepts", async (_, headers) => {
    const response = await createServiceBindingsFake().fetch(SERVICES, { headers });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(specExample("listServices", "400", "missing_credentials"));
  });

  test("told a token: that token is accepted; another token, or an e-mail and key, get 401", async () => {
    const options = { credentials: { apiToken: TOKEN } };
    expect(await statusOf(options, BEARER)).toBe(200);
    expect(await statusOf(options, { authorization: "Bearer another-token" })).toBe(401);
    expect(await statusOf(options, { "x-auth-email": "ops@example.org", "x-auth-key": TOKEN })).toBe(401);
  });

  test("told an e-mail and key: that pair is accepted, the e-mail in any case; another key or e-mail, or a token, get 401", async () => {
    const options = { credentials: { apiEmail: "Ops@Example.org", apiKey: "a-global-key" } };
    const pair = (email: string, key: string) => ({ "x-auth-email": email, "x-auth-key": key });
    expect(await statusOf(options, pair("Ops@Example.org", "a-global-key"))).toBe(200);
    expect(await statusOf(options, pair("ops@example.ORG", "a-global-key"))).toBe(200);
    expect(await statusOf(options, pair("ops@example.org", "A-GLOBAL-KEY"))).toBe(401);
    expect(await statusOf(options, pair("dev@example.org", "a-global-key"))).toBe(401);
    expect(await statusOf(options, { authorization: "Bearer a-global-key" })).toBe(401);
  });
});

describe("bodies, checked against the spec's schema before the state", () => {
  const post = (body: string) =>
    createServiceBindingsFake().fetch(`http://fake${BINDINGS_PATH}`, {
      method: "POST",
      headers: BEARER,
      body,
    });

  test.each([
    ["empty", ""],
    ["not JSON", "{cidr:"],
    ["null", "null"],
    ["a string", '"192.0.2.1/32"'],
    ["missing cidr, with a service_id the fake does not know either", JSON.stringify({ service_id: "nope" })],
  ])("%s: the example that points at cidr", async (_, body) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(specExample("createServiceBinding", "400", "invalid_cidr"));
  });

  test.each([
    ["a numeric service_id", { cidr: "192.0.2.1/32", service_id: 7 }],
    ["a service_id of 33 characters", { cidr: "192.0.2.1/32", service_id: "é".repeat(33) }],
  ])("%s: the example that points at service_id", async (_, body) => {
    const response = await post(JSON.stringify(body));
    expect(await response.json()).toEqual(specExample("createServiceBinding", "400", "invalid_service_id"));
  });

  test("a create without a body: the example that points at cidr", async () => {
    const fake = createServiceBindingsFake();
    const response = await fake.fetch(`http://fake${BINDINGS_PATH}`, { method: "POST", headers: BEARER });
    expect(await response.json()).toEqual(specExample("createServiceBinding", "400", "invalid_cidr"));
    const request = new Request(`http://fake${BINDINGS_PATH}`, { method: "POST", headers: BEARER });
    expect(await (await fake.fetch(request)).json()).toEqual(
      specExample("createServiceBinding", "400", "invalid_cidr"),
    );
  });

  test("a service_id of 32 characters, counted as code points, passes the schema (and is judged by the state)", async () => {
    const response = await post(JSON.stringify({ cidr: "192.0.2.1/32", service_id: "é".repeat(32) }));
    expect(await response.json()).toEqual(specExample("createServiceBinding", "400", "invalid_service_id"));
    const known = await post(JSON.stringify({ cidr: "192.0.2.1/32", service_id: CDN }));
    expect(known.status).toBe(201);
  });
});

describe("answers", () => {
  test("are JSON, and say so", async () => {
    const fake = createServiceBindingsFake();
    for (const headers of [BEARER, {}]) {
      const response = await fake.fetch(SERVICES, { headers });
      expect(response.headers.get("content-type")).toBe("application/json");
    }
  });
});

describe("path identifiers", () => {
  const get = (fake: ReturnType<typeof createServiceBindingsFake>, prefix: string) =>
    fake.fetch(`http://fake/accounts/${ACCOUNT}/addressing/prefixes/${prefix}/bindings`, { headers: BEARER });

  test("percent-encoded, they are decoded before they are looked up", async () => {
    const encoded = [...PREFIX].map((c) => `%${c.charCodeAt(0).toString(16)}`).join("");
    expect((await get(createServiceBindingsFake(), encoded)).status).toBe(200);
  });

  test.each([
    ["a malformed escape", "%E0%A4%A"],
    ["33 code points", "é".repeat(33)],
  ])("%s: 400 with the spec's invalid_identifier", async (_, prefix) => {
    const response = await get(createServiceBindingsFake(), encodeURI(prefix).replace("%25", "%"));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(specExample("listServiceBindings", "4XX", "invalid_identifier"));
  });

  test("32 code points are within the limit: an unknown prefix, 404", async () => {
    expect((await get(createServiceBindingsFake(), encodeURIComponent("é".repeat(32)))).status).toBe(404);
  });
});

describe("fetch, called every way a client calls it", () => {
  const url = `http://fake${BINDINGS_PATH}`;
  // One address per create: a CIDR that has a binding gets no second one.
  const bodyFor = (host: number) => JSON.stringify({ cidr: `192.0.2.${host}/32`, service_id: CDN });
  const body = bodyFor(1);

  test("a Request and an init: the init's method, headers and body win, the Request's fill in", async () => {
    const fake = createServiceBindingsFake();
    const unauthenticated = new Request(url, { method: "POST", body });
    expect((await fake.fetch(unauthenticated, { headers: BEARER })).status).toBe(201);
    const getRequest = new Request(url, { headers: BEARER });
    expect((await fake.fetch(getRequest, { method: "post", body: bodyFor(2) })).status).toBe(201);
    expect((await fake.fetch(new Request(url, { headers: BEARER }), {})).status).toBe(200);
  });

  test("a body that is not a string (bytes, a stream) is read as text", async () => {
    const fake = createServiceBindingsFake();
    const bytes = new TextEncoder().encode(body);
    expect((await fake.fetch(url, { method: "POST", headers: BEARER, body: bytes })).status).toBe(201);
    const stream = new Blob([new TextEncoder().encode(bodyFor(2))]).stream();
    const init = { method: "POST", headers: BEARER, body: stream, duplex: "half" } as RequestInit;
    expect((await fake.fetch(url, init)).status).toBe(201);
  });

  test("a lower-case method is read as upper case, and recorded so", async () => {
    const fake = createServiceBindingsFake();
    expect((await fake.fetch(SERVICES, { method: "get", headers: BEARER })).status).toBe(200);
    expect(fake.requests.map((r) => r.method)).toEqual(["GET"]);
  });

  test("a path the API has no route for: the live API's 400 envelope with code 7000, whole", async () => {
    const response = await createServiceBindingsFake().fetch(`http://fake/accounts/${ACCOUNT}/nothing`, {
      headers: BEARER,
    });
    expect(await response.json()).toEqual({
      success: false,
      errors: [{ code: 7000, message: "No route for that URI" }],
      messages: [],
      result: null,
    });
  });
});

describe("faults on demand", () => {
  test.each([[399], [600], [503.5], [Number.NaN]])(
    "a status outside 400-599 (%s) is refused at once",
    (status) => {
      expect(() => createServiceBindingsFake().failNext({ status })).toThrow(
        `failNext: status must be a whole number from 400 to 599, got ${status}`,
      );
    },
  );

  test("400 and 599, the ends of the range, are answered", async () => {
    const fake = createServiceBindingsFake();
    fake.failNext({ status: 400 });
    fake.failNext({ status: 599 });
    expect((await fake.fetch(SERVICES, { headers: BEARER })).status).toBe(400);
    expect((await fake.fetch(SERVICES, { headers: BEARER })).status).toBe(599);
  });

  test("without retryAfterSeconds, no Retry-After header", async () => {
    const fake = createServiceBindingsFake();
    fake.failNext({ status: 503 });
    const response = await fake.fetch(SERVICES, { headers: BEARER });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBeNull();
    expect((await fake.fetch(SERVICES, { headers: BEARER })).status).toBe(200);
  });

  test("a status the spec gives no example of answers its range's example (418: 4XX, 524: 5XX)", async () => {
    const fake = createServiceBindingsFake();
    fake.failNext({ status: 418 });
    fake.failNext({ status: 524 });
    const teapot = await fake.fetch(SERVICES, { headers: BEARER });
    expect([teapot.status, await teapot.json()]).toEqual([
      418,
      specExample("listServices", "4XX", "invalid_identifier"),
    ]);
    const timeout = await fake.fetch(SERVICES, { headers: BEARER });
    expect(timeout.status).toBe(524);
    expect(await timeout.json()).toEqual(expect.objectContaining({ success: false, result: null }));
  });

  test("a failure is answered after the credentials are checked: a refused request does not use it up", async () => {
    const fake = createServiceBindingsFake();
    fake.failNext({ status: 503 });
    expect((await fake.fetch(SERVICES)).status).toBe(400);
    expect((await fake.fetch(SERVICES, { headers: BEARER })).status).toBe(503);
  });
});

describe("state()", () => {
  test("is a snapshot: reading it does not move provisioning on, and changing it changes nothing", async () => {
    const fake = createServiceBindingsFake({ provisioningReads: 1 });
    const created = await clientOf(fake).createServiceBinding({
      prefix_id: PREFIX,
      body: { cidr: "192.0.2.1/32", service_id: CDN },
    });
    const states = () => fake.state().accounts[0]?.prefixes[0]?.bindings.map((b) => b.provisioning.state);
    expect(states()).toEqual(["active", "provisioning"]);
    expect(states()).toEqual(["active", "provisioning"]);
    const snapshot = fake.state();
    snapshot.services.length = 0;
    snapshot.accounts[0]?.prefixes[0]?.bindings.pop();
    expect(fake.state().services).toHaveLength(3);
    expect(fake.state().accounts[0]?.prefixes[0]?.bindings.map((b) => b.id)).toContain(created.id);
  });
});

describe("over HTTP (listen)", () => {
  async function freePort(): Promise<number> {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as { port: number };
    await new Promise((resolve) => probe.close(resolve));
    return port;
  }

  test("on the port asked for; a port in use is refused with the system's error", async () => {
    const port = await freePort();
    const fake = createServiceBindingsFake();
    const server = await fake.listen({ port });
    try {
      expect(server.url).toBe(`http://127.0.0.1:${port}`);
      await expect(createServiceBindingsFake().listen({ port })).rejects.toThrow("EADDRINUSE");
    } finally {
      await server.close();
    }
  });

  test("on 127.0.0.1 only: not on the IPv6 loopback, nor any other address", async () => {
    const server = await createServiceBindingsFake().listen();
    try {
      const { port } = new URL(server.url);
      const connects = await new Promise<boolean>((resolve) => {
        const socket = connect({ host: "::1", port: Number(port) });
        socket.once("connect", () => resolve(true)).once("error", () => resolve(false));
        socket.unref();
      });
      expect(connects).toBe(false);
    } finally {
      await server.close();
    }
  });

  test("headers pass both ways: credentials in, Retry-After and an exact Content-Length out", async () => {
    const fake = createServiceBindingsFake({ credentials: { apiToken: TOKEN } });
    fake.failNext({ status: 429, retryAfterSeconds: 3 });
    const server = await fake.listen();
    try {
      const limited = await fetch(`${server.url}${SERVICES.slice("http://fake".length)}`, {
        headers: BEARER,
      });
      expect(limited.status).toBe(429);
      expect(limited.headers.get("retry-after")).toBe("3");
      const text = await limited.text();
      expect(limited.headers.get("content-length")).toBe(String(Buffer.byteLength(text)));
      const ok = await fetch(`${server.url}${SERVICES.slice("http://fake".length)}`, { headers: BEARER });
      expect(ok.status).toBe(200);
    } finally {
      await server.close();
    }
  });

  test("a request the fake cannot take (a TRACE) gets 500 with the reason, and the server goes on", async () => {
    const server = await createServiceBindingsFake().listen();
    try {
      const { status, type, text } = await new Promise<{ status: number; type: string; text: string }>(
        (resolve, reject) => {
          const request = httpRequest(`${server.url}/`, { method: "TRACE" }, (response) => {
            let text = "";
            response.on("data", (chunk) => {
              text += chunk;
            });
            response.on("end", () =>
              resolve({
                status: response.statusCode ?? 0,
                type: String(response.headers["content-type"]),
                text,
              }),
            );
          });
          request.on("error", reject);
          request.end();
        },
      );
      expect([status, type]).toEqual([500, "text/plain"]);
      expect(text).toMatch(/^the fake failed: .*TRACE/);
      expect((await fetch(`${server.url}/`)).status).toBe(400);
    } finally {
      await server.close();
    }
  });
});
