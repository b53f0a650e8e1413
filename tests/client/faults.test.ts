// The fault table, against a real HTTP server on 127.0.0.1 that counts the
// requests it receives: what is retried, how often, and what is thrown.
import type { ServerResponse } from "node:http";
import { afterEach, describe, expect, test } from "vitest";
import { invoke, specInputs } from "../../contract-tests/support/invoke.ts";
import { loadSpec, operations, responses } from "../../scripts/lib/spec.ts";
import {
  CloudflareApiError,
  ConnectionError,
  createServiceBindingsClient,
  InternalServerError,
  MalformedResponseError,
  RateLimitError,
  RequestAbortedError,
  RequestError,
  type RetryEvent,
  TimeoutError,
} from "../../src/index.ts";
import { ACCOUNT, BINDING, BINDING_ID, NO_WAIT, PREFIX, TOKEN } from "../support/fixtures.ts";
import { deadServerUrl, envelope, sendJson, startServer, type TestServer } from "../support/http-server.ts";

/** One way for an attempt to fail, as the server plays it. */
type Fault = (response: ServerResponse) => void;

const FAULTS: Record<string, Fault> = {
  "503": (r) =>
    sendJson(r, 503, {
      success: false,
      errors: [{ code: 1010, message: "Unavailable" }],
      messages: [],
      result: null,
    }),
  "429 with Retry-After: 0": (r) =>
    sendJson(
      r,
      429,
      { success: false, errors: [{ code: 10429, message: "Slow down" }], messages: [], result: null },
      { "retry-after": "0" },
    ),
  "an HTML 502 page": (r) => {
    r.writeHead(502, { "content-type": "text/html" });
    r.end("<html><head><title>502 Bad Gateway</title></head><body>cloudflare</body></html>");
  },
  "an empty 500": (r) => {
    r.writeHead(500, { "content-length": "0" });
    r.end();
  },
  "a connection reset mid-body": (r) => {
    r.writeHead(200, { "content-type": "application/json", "content-length": "500" });
    r.write('{"success":true,"errors":[],"mess');
    setTimeout(() => r.socket?.resetAndDestroy(), 5);
  },
  "a body cut short by the server closing": (r) => {
    r.writeHead(200, { "content-type": "application/json", "content-length": "500" });
    r.write('{"success":true,"errors":[],"mess');
    setTimeout(() => r.socket?.end(), 5);
  },
  "an answer that never arrives": () => {
    /* the per-attempt timeout must end it */
  },
};

/** The class each fault ends in once attempts run out. */
const FINAL_ERROR: Record<keyof typeof FAULTS, new (...args: never[]) => Error> = {
  "503": InternalServerError,
  "429 with Retry-After: 0": RateLimitError,
  "an HTML 502 page": InternalServerError,
  "an empty 500": InternalServerError,
  "a connection reset mid-body": ConnectionError,
  "a body cut short by the server closing": ConnectionError,
  "an answer that never arrives": TimeoutError,
};

const spec = loadSpec();
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/**
 * The per-attempt timeout: short where an answer never arrives, so that case ends quickly, and
 * generous otherwise, so a busy machine never turns a slow answer into a timeout.
 */
const timeoutFor = (faults: Fault[]) =>
  faults.includes(FAULTS["an answer that never arrives"] as Fault) ? 300 : 10_000;

/** Starts a server that plays `faults` in order, then answers `success` for every later request. */
async function serve(faults: Fault[], success: unknown = envelope([BINDING]), successStatus = 200) {
  server = await startServer((_, response, index) => {
    const fault = faults[index];
    if (fault) fault(response);
    else sendJson(response, successStatus, success);
  });
  return createServiceBindingsClient({
    apiToken: TOKEN,
    accountId: ACCOUNT,
    baseUrl: server.url,
    timeoutMs: timeoutFor(faults),
    backoff: NO_WAIT,
  });
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error("the call succeeded");
    },
    (e: Error) => e,
  );
}

const listed = () => ({ prefix_id: PREFIX });
const body = { cidr: BINDING.cidr, service_id: BINDING.service_id };

describe("GET is retried on connection errors, timeouts, 429 and 5xx", () => {
  test.each(Object.keys(FAULTS))("%s, twice, then 200: resolves after 3 requests", async (name) => {
    const fault = FAULTS[name] as Fault;
    const client = await serve([fault, fault]);
    await expect(client.listServiceBindings(listed())).resolves.toEqual([BINDING]);
    expect(server?.requests).toHaveLength(3);
  });

  test.each(Object.keys(FAULTS))("%s every time: gives up after 1 + maxRetries requests", async (name) => {
    const fault = FAULTS[name] as Fault;
    const client = await serve([fault, fault, fault, fault]);
    const error = await rejection(client.listServiceBindings(listed()));
    expect(error).toBeInstanceOf(FINAL_ERROR[name] as never);
    expect(error).toMatchObject({ attempts: 3 });
    expect(error.message).toContain("(after 3 attempts)");
    expect(server?.requests).toHaveLength(3);
  });

  test("429 with Retry-After: 1 waits a second before the retry", async () => {
    const started = performance.now();
    const limited: Fault = (r) =>
      sendJson(
        r,
        429,
        { success: false, errors: [{ code: 10429, message: "Slow down" }], messages: [], result: null },
        { "retry-after": "1" },
      );
    server = await startServer((_, response, index) =>
      index === 0 ? limited(response) : sendJson(response, 200, envelope([BINDING])),
    );
    const client = createServiceBindingsClient({ apiToken: TOKEN, accountId: ACCOUNT, baseUrl: server.url });
    await expect(client.listServiceBindings(listed())).resolves.toEqual([BINDING]);
    expect(server.requests).toHaveLength(2);
    const waited = performance.now() - started;
    // About one second: not the backoff's half second, not the 30 s a mistaken unit would give.
    expect(waited).toBeGreaterThanOrEqual(990);
    expect(waited).toBeLessThan(5_000);
  });

  test("a connection refused is a ConnectionError with the cause, after 1 + maxRetries attempts", async () => {
    const client = createServiceBindingsClient({
      apiToken: TOKEN,
      accountId: ACCOUNT,
      baseUrl: await deadServerUrl(),
      backoff: NO_WAIT,
    });
    const error = await rejection(client.listServices());
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toMatch(
      /^GET \/accounts\/\w+\/addressing\/services -> connection failed: fetch failed \(ECONNREFUSED\) \(after 3 attempts\)$/,
    );
    // The cause is a redacted copy of undici's TypeError, keeping the system error's code.
    expect((error.cause as Error).name).toBe("TypeError");
    expect(((error.cause as Error).cause as { code?: string }).code).toBe("ECONNREFUSED");
  });

  test("a timeout says how long the attempt was given", async () => {
    const client = await serve([FAULTS["an answer that never arrives"] as Fault]);
    const error = await rejection(client.listServiceBindings(listed(), { maxRetries: 0 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toBe(
      `GET /accounts/${ACCOUNT}/addressing/prefixes/${PREFIX}/bindings -> timed out after 300 ms`,
    );
  });
});

describe("answers that are not worth another attempt", () => {
  test.each([
    [
      "invalid JSON in a 200",
      (r: ServerResponse) => {
        r.writeHead(200, { "content-type": "application/json" });
        r.end("{not json");
      },
      MalformedResponseError,
    ],
    [
      "a truncated JSON body with a matching length",
      (r: ServerResponse) => {
        r.writeHead(200, { "content-type": "application/json", "content-length": "12" });
        r.end('{"success":t');
      },
      MalformedResponseError,
    ],
    [
      "200 with success: false",
      (r: ServerResponse) =>
        sendJson(r, 200, {
          success: false,
          errors: [{ code: 1010, message: "No" }],
          messages: [],
          result: null,
        }),
      CloudflareApiError,
    ],
    [
      "404",
      (r: ServerResponse) =>
        sendJson(r, 404, {
          success: false,
          errors: [{ code: 1002, message: "Binding not found" }],
          messages: [],
          result: null,
        }),
      CloudflareApiError,
    ],
  ])("%s: one request, then the error", async (_, fault, ErrorClass) => {
    const client = await serve([fault]);
    const error = await rejection(client.getServiceBinding({ prefix_id: PREFIX, binding_id: BINDING_ID }));
    expect(error).toBeInstanceOf(ErrorClass);
    expect(server?.requests).toHaveLength(1);
  });
});

describe("POST is never retried unless the call opts in", () => {
  test.each(Object.keys(FAULTS))("%s: exactly one attempt", async (name) => {
    const fault = FAULTS[name] as Fault;
    const client = await serve([fault, fault, fault], envelope(BINDING), 201);
    const error = await rejection(client.createServiceBinding({ prefix_id: PREFIX, body }));
    expect(error).toBeInstanceOf(FINAL_ERROR[name] as never);
    expect(error).toMatchObject({ attempts: 1 });
    expect(server?.requests).toHaveLength(1);
    expect(server?.requests[0]?.method).toBe("POST");
  });

  test("with idempotent: true, a 503 is retried and the same body is sent again", async () => {
    const fault = FAULTS["503"] as Fault;
    const client = await serve([fault], envelope(BINDING), 201);
    await expect(
      client.createServiceBinding({ prefix_id: PREFIX, body }, { idempotent: true }),
    ).resolves.toEqual(BINDING);
    expect(server?.requests.map((r) => JSON.parse(r.body))).toEqual([body, body]);
  });
});

describe("which operations are retried is the spec's to say", () => {
  test.each(operations(spec).map((o) => [o.operationId, o] as const))(
    "%s is retried after a 503 exactly when the spec marks it x-idempotent",
    async (operationId, operation) => {
      const success = responses(spec, operation).find((r) => r.status.startsWith("2"));
      const answer = Object.values(success?.examples ?? {})[0]?.value;
      server = await startServer((_, response, index) =>
        index === 0
          ? (FAULTS["503"] as Fault)(response)
          : sendJson(response, Number(success?.status), answer),
      );
      const client = createServiceBindingsClient({
        apiToken: TOKEN,
        accountId: ACCOUNT,
        baseUrl: server.url,
        maxRetries: 1,
        backoff: NO_WAIT,
      });
      const outcome = await invoke(client, operationId, specInputs(operationId)).then(
        () => "resolved",
        (error: unknown) => error,
      );
      const marked = typeof operation.node["x-idempotent"] === "string";
      expect(server.requests).toHaveLength(marked ? 2 : 1);
      if (marked) expect(outcome).toBe("resolved");
      else expect(outcome).toBeInstanceOf(InternalServerError);
    },
  );
});

describe("answers the client does not follow", () => {
  test("a redirect is an error, and the redirect target receives nothing", async () => {
    const elsewhere = await startServer((_, response) => sendJson(response, 200, envelope([BINDING])));
    try {
      server = await startServer((_, response) => {
        response.writeHead(302, { location: `${elsewhere.url}/steal` });
        response.end();
      });
      const client = createServiceBindingsClient({
        apiEmail: "a@b.c",
        apiKey: "k",
        accountId: ACCOUNT,
        baseUrl: server.url,
      });
      const error = await rejection(client.listServiceBindings(listed()));
      expect(error).toBeInstanceOf(CloudflareApiError);
      expect(error).toMatchObject({ status: 302 });
      expect(elsewhere.requests).toHaveLength(0);
    } finally {
      await elsewhere.close();
    }
  });
});

describe("a fetch that ignores its AbortSignal", () => {
  test("still times out, and still stops at once when the caller aborts", async () => {
    const hanging = () => new Promise<Response>(() => {});
    const client = createServiceBindingsClient({
      apiToken: TOKEN,
      accountId: ACCOUNT,
      fetch: hanging,
      timeoutMs: 50,
      maxRetries: 0,
    });
    await expect(client.listServices()).rejects.toBeInstanceOf(TimeoutError);
    const controller = new AbortController();
    const pending = client.listServices({}, { signal: controller.signal, timeoutMs: 60_000 });
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(RequestAbortedError);
  });
});

describe("a fetch passed in that throws something other than an Error", () => {
  test.each([
    ["a string", "socket closed", "socket closed"],
    ["an object", { code: 7 }, "non-Error thrown"],
    ["a number", 42, "non-Error thrown"],
  ])("throwing %s is a ConnectionError, retried, that says what it could", async (_, thrown, said) => {
    let calls = 0;
    const client = createServiceBindingsClient({
      apiToken: TOKEN,
      accountId: ACCOUNT,
      fetch: () => {
        calls++;
        return Promise.reject(thrown);
      },
      backoff: NO_WAIT,
    });
    const error = await rejection(client.listServiceBindings(listed()));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toBe(
      `GET /accounts/${ACCOUNT}/addressing/prefixes/${PREFIX}/bindings -> connection failed: ${said} (after 3 attempts)`,
    );
    expect(calls).toBe(3);
  });
});

describe("a success answer", () => {
  test("with extra members, even one whose name is empty, resolves to its result", async () => {
    const client = await serve([], { ...envelope([BINDING]), "": "extra", note: 1 });
    await expect(client.listServiceBindings(listed())).resolves.toEqual([BINDING]);
    expect(server?.requests).toHaveLength(1);
  });

  test("with an extra member named problem, resolves to its result: no member the server sends is read as the client's verdict", async () => {
    const client = await serve([], { ...envelope([BINDING]), problem: "none at all" });
    await expect(client.listServiceBindings(listed())).resolves.toEqual([BINDING]);
  });
});

describe("DELETE is retried like GET", () => {
  test("503 then 200: resolves after 2 requests", async () => {
    const client = await serve([FAULTS["503"] as Fault], envelope());
    await expect(
      client.deleteServiceBinding({ prefix_id: PREFIX, binding_id: BINDING_ID }),
    ).resolves.toBeUndefined();
    expect(server?.requests.map((r) => r.method)).toEqual(["DELETE", "DELETE"]);
  });
});

describe("the caller's AbortSignal", () => {
  test("aborting during an attempt stops at once, with no further attempt", async () => {
    const client = await serve([FAULTS["an answer that never arrives"] as Fault]);
    const controller = new AbortController();
    const pending = client.listServiceBindings(listed(), { signal: controller.signal, timeoutMs: 10_000 });
    setTimeout(() => controller.abort(new Error("user pressed stop")), 50);
    const error = await rejection(pending);
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect(error).toBeInstanceOf(RequestError);
    expect(error).not.toBeInstanceOf(ConnectionError);
    expect((error.cause as Error).message).toBe("user pressed stop");
    expect(server?.requests).toHaveLength(1);
  });

  test("aborting during the wait between attempts stops at once, with no further attempt", async () => {
    server = await startServer((_, response) => (FAULTS["503"] as Fault)(response));
    const client = createServiceBindingsClient({
      apiToken: TOKEN,
      accountId: ACCOUNT,
      baseUrl: server.url,
      backoff: { initialDelayMs: 60_000, maxDelayMs: 60_000 },
    });
    const controller = new AbortController();
    const pending = client.listServiceBindings(listed(), { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    const error = await rejection(pending);
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect(error).toMatchObject({ attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });

  test("an already aborted signal sends nothing", async () => {
    const client = await serve([]);
    const error = await rejection(client.listServiceBindings(listed(), { signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect(error).toMatchObject({ attempts: 0 });
    expect(server?.requests).toHaveLength(0);
  });
});

describe("onRetry", () => {
  test("hears each wait before it: method, path, the failed attempt, the delay and the error, never a credential", async () => {
    server = await startServer((_, response, index) =>
      index < 2
        ? sendJson(
            response,
            index === 0 ? 503 : 429,
            { success: false, errors: [{ code: 1010, message: `no ${TOKEN}` }], messages: [], result: null },
            index === 1 ? { "retry-after": "0" } : {},
          )
        : sendJson(response, 200, envelope([BINDING])),
    );
    const events: RetryEvent[] = [];
    const client = createServiceBindingsClient({
      apiToken: TOKEN,
      accountId: ACCOUNT,
      baseUrl: server.url,
      backoff: { initialDelayMs: 40, maxDelayMs: 40 },
      onRetry: (event) => events.push(event),
    });
    await expect(client.listServiceBindings(listed())).resolves.toEqual([BINDING]);
    expect(events.map(({ method, path, attempt, error }) => [method, path, attempt, error.name])).toEqual([
      ["GET", `/accounts/${ACCOUNT}/addressing/prefixes/${PREFIX}/bindings`, 1, "InternalServerError"],
      ["GET", `/accounts/${ACCOUNT}/addressing/prefixes/${PREFIX}/bindings`, 2, "RateLimitError"],
    ]);
    // The backoff's 40 ms less up to 25% jitter, then Retry-After: 0 exactly.
    expect(events[0]?.delayMs).toBeGreaterThanOrEqual(30);
    expect(events[0]?.delayMs).toBeLessThanOrEqual(40);
    expect(events[1]?.delayMs).toBe(0);
    expect(JSON.stringify(events)).not.toContain(TOKEN);
    expect(String(events[0]?.error.message)).toContain("[REDACTED]");
  });

  test("is not called when nothing is retried, nor for a POST, and must be a function", async () => {
    const calls: RetryEvent[] = [];
    server = await startServer((request, response) =>
      request.method === "POST"
        ? sendJson(response, 503, envelope())
        : sendJson(response, 200, envelope([BINDING])),
    );
    const client = createServiceBindingsClient({
      apiToken: TOKEN,
      accountId: ACCOUNT,
      baseUrl: server.url,
      backoff: NO_WAIT,
      onRetry: (event) => calls.push(event),
    });
    await client.listServiceBindings(listed());
    await rejection(client.createServiceBinding({ prefix_id: PREFIX, body }));
    expect(calls).toEqual([]);
    expect(() => createServiceBindingsClient({ apiToken: TOKEN, onRetry: "log" as never })).toThrow(
      "onRetry must be a function",
    );
  });
});

describe("the timeout covers the body", () => {
  test("headers that arrive, then a body that stalls: TimeoutError", async () => {
    server = await startServer((_, response) => {
      response.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
      response.write('{"success":true,"errors":[],');
    });
    const client = createServiceBindingsClient({
      apiToken: TOKEN,
      accountId: ACCOUNT,
      baseUrl: server.url,
      timeoutMs: 300,
      maxRetries: 0,
    });
    // Without the timeout over the body, this call would wait for the test's own timeout.
    const error = await rejection(client.listServiceBindings(listed()));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toMatch(/-> timed out after 300 ms$/);
  });
});
