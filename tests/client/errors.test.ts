// How answers become errors: the class follows the status, the fields carry
// what the API said, and the message reads well in a log line.
import { describe, expect, test } from "vitest";
import {
  AdvertisementRefusedError,
  AuthenticationError,
  BadRequestError,
  BindingConflictError,
  CloudflareApiError,
  ConflictError,
  ConnectionError,
  createServiceBindingsClient,
  ERROR_CLASS_BY_CODE,
  InternalServerError,
  InvalidArgumentError,
  MalformedResponseError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RequestError,
  RouteNotFoundError,
  ServiceBindingsError,
  UnprocessableEntityError,
  WaitError,
} from "../../src/index.ts";
import { type Answer, failure, fakeFetch, json } from "../support/fake-fetch.ts";
import { ACCOUNT, BINDING_ID, PREFIX, TOKEN } from "../support/fixtures.ts";
import { sendJson, startServer } from "../support/http-server.ts";

const PATH = `/accounts/${ACCOUNT}/addressing/prefixes/${PREFIX}/bindings/${BINDING_ID}`;

/** The error a GET rejects with, given one answer (retries off, so one answer is one outcome). */
async function errorFor(answer: Answer, baseUrl?: string): Promise<CloudflareApiError> {
  const { fetch } = fakeFetch(answer);
  const client = createServiceBindingsClient({
    apiToken: TOKEN,
    accountId: ACCOUNT,
    fetch,
    maxRetries: 0,
    baseUrl,
  });
  const error = await client.getServiceBinding({ prefix_id: PREFIX, binding_id: BINDING_ID }).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof CloudflareApiError))
    throw new Error(`expected a CloudflareApiError, got ${String(error)}`);
  return error;
}

describe("the error class follows the status", () => {
  test.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [502, InternalServerError],
    [503, InternalServerError],
    [504, InternalServerError],
    [520, InternalServerError],
    [599, InternalServerError],
    [418, CloudflareApiError],
    [499, CloudflareApiError],
  ])("%i -> %o", async (status, ErrorClass) => {
    const error = await errorFor(failure(status, 1000, "Something"));
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(ServiceBindingsError);
    expect(error).toBeInstanceOf(RequestError);
    expect(error.constructor).toBe(ErrorClass);
    expect(error.name).toBe(ErrorClass.name);
    expect(error.status).toBe(status);
  });

  test("a status above 599 from a real server is an error of the base class, not a server error", async () => {
    // A Response cannot be built with such a status, but Node's fetch hands one on from the wire.
    const server = await startServer((_, response) =>
      sendJson(response, 600, { success: false, errors: [{ code: 1000, message: "Odd" }], messages: [] }),
    );
    try {
      const client = createServiceBindingsClient({
        apiToken: TOKEN,
        accountId: ACCOUNT,
        baseUrl: server.url,
        maxRetries: 0,
      });
      const error = await client.getServiceBinding({ prefix_id: PREFIX, binding_id: BINDING_ID }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(CloudflareApiError);
      expect((error as CloudflareApiError).constructor).toBe(CloudflareApiError);
      expect(error).toMatchObject({ name: "CloudflareApiError", status: 600 });
    } finally {
      await server.close();
    }
  });
});

/** The failure envelope with these errors, as the live API sends it. */
const observed = (status: number, ...errors: { code: number; message: string }[]) =>
  json(status, { success: false, errors, messages: [], result: null });

// The bodies the live API was seen to send (sources in src/error-from-response.ts and the spec).
const CODE_CASES = [
  [
    "400 with 9106, missing credentials",
    observed(400, { code: 9106, message: "Missing X-Auth-Key, X-Auth-Email or Authorization headers" }),
    AuthenticationError,
  ],
  [
    "400 with 7003 then 7000, no route",
    observed(
      400,
      { code: 7003, message: "Could not route to /accounts/x, perhaps your object identifier is invalid?" },
      { code: 7000, message: "No route for that URI" },
    ),
    RouteNotFoundError,
  ],
  [
    "400 with 7000 alone",
    observed(400, { code: 7000, message: "No route for that URI" }),
    RouteNotFoundError,
  ],
] as const;

describe("an error code the API was seen to send decides the class over the status", () => {
  test.each(CODE_CASES)("%s -> %o", async (_, answer, ErrorClass) => {
    const error = await errorFor(answer);
    expect(error.constructor).toBe(ErrorClass);
    expect(error.name).toBe(ErrorClass.name);
    expect(error.status).toBe(400);
  });

  test("every row of ERROR_CLASS_BY_CODE has a case above", () => {
    const cased = CODE_CASES.map(([name]) => name);
    for (const row of ERROR_CLASS_BY_CODE) {
      expect(
        cased.some((name) => name.startsWith(`${row.status} with`) && name.includes(String(row.code))),
      ).toBe(true);
    }
  });

  test.each([
    [
      "another code on a 400 stays a BadRequestError",
      observed(400, { code: 1001, message: "Invalid CIDR" }),
      BadRequestError,
    ],
    [
      "a listed code counts wherever it stands among the errors",
      observed(400, { code: 1001, message: "Invalid CIDR" }, { code: 9106, message: "Missing" }),
      AuthenticationError,
    ],
    [
      "9106 on a 403 follows the status",
      observed(403, { code: 9106, message: "Missing" }),
      PermissionDeniedError,
    ],
    [
      "7000 in an envelope on a 404 follows the status",
      observed(404, { code: 7000, message: "No route" }),
      NotFoundError,
    ],
  ])("%s", async (_, answer, ErrorClass) => {
    expect((await errorFor(answer)).constructor).toBe(ErrorClass);
  });

  test("no route for the URI names the base URL as the likely cause", async () => {
    const error = await errorFor(
      observed(400, { code: 7000, message: "No route for that URI" }),
      "https://api.cloudflare.com/client/v4/client/v4",
    );
    expect(error.message).toBe(
      `GET ${PATH} -> 400: No route for that URI (code 7000); check baseUrl https://api.cloudflare.com/client/v4/client/v4`,
    );
  });
});

describe("a 404 that is not the API's envelope reached no endpoint: RouteNotFoundError, never NotFoundError", () => {
  const prismPage = {
    type: "https://stoplight.io/prism/errors#NO_PATH_MATCHED_ERROR",
    title: "Route not resolved, no path matched",
    status: 404,
    detail: "The route /client/v4/accounts could not be found",
  };
  test.each([
    ["a mock's problem+json page", json(404, prismPage, { "content-type": "application/problem+json" })],
    ["an HTML page", new Response("<html><body>404 Not Found</body></html>", { status: 404 })],
    ["an empty body", new Response(null, { status: 404 })],
  ])("%s", async (_, answer) => {
    const error = await errorFor(answer, "http://127.0.0.1:4010/client/v4");
    expect(error).toBeInstanceOf(RouteNotFoundError);
    expect(error).not.toBeInstanceOf(NotFoundError);
    expect(error.status).toBe(404);
    expect(error.message).toMatch(
      new RegExp(
        `^GET ${PATH} -> 404: no such API endpoint; check baseUrl http://127\\.0\\.0\\.1:4010/client/v4 \\(`,
      ),
    );
  });
});

describe("what an error carries", () => {
  test("status, method, path, the envelope's errors and messages, and cf-ray", async () => {
    const body = {
      success: false,
      errors: [{ code: 1002, message: "Binding not found", documentation_url: "https://example.org/doc" }],
      messages: [{ code: 1100, message: "Checked prefix" }],
      result: null,
    };
    const error = await errorFor(json(404, body, { "cf-ray": "8f1e2d3c4b5a6978-AMS" }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      status: 404,
      method: "GET",
      path: PATH,
      attempts: 1,
      code: 1002,
      errors: body.errors,
      messages: body.messages,
      rayId: "8f1e2d3c4b5a6978-AMS",
      bodyExcerpt: undefined,
    });
    expect(error.message).toBe(
      `GET ${PATH} -> 404: Binding not found (code 1002), cf-ray 8f1e2d3c4b5a6978-AMS`,
    );
  });

  test("several errors are joined in the message", async () => {
    const body = {
      success: false,
      errors: [
        { code: 1001, message: "Invalid CIDR" },
        { code: 1003, message: "Invalid service id" },
      ],
      messages: [],
      result: null,
    };
    const error = await errorFor(json(400, body));
    expect(error.message).toBe(
      `GET ${PATH} -> 400: Invalid CIDR (code 1001); Invalid service id (code 1003)`,
    );
  });

  test("a 429 carries Retry-After in seconds", async () => {
    const error = await errorFor(failure(429, 10429, "Rate limited", { "retry-after": "17" }));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfterSeconds).toBe(17);
  });

  test("an HTML 502 page from a proxy keeps a short excerpt of the page", async () => {
    const page = `<html>\n<head><title>502 Bad Gateway</title></head>\n<body>${"x".repeat(500)}</body></html>`;
    const error = await errorFor(
      new Response(page, { status: 502, headers: { "content-type": "text/html" } }),
    );
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.errors).toEqual([]);
    expect(error.bodyExcerpt?.startsWith("<html> <head><title>502 Bad Gateway</title></head>")).toBe(true);
    expect(error.bodyExcerpt?.length).toBe(201);
    expect(error.message).toMatch(/^GET \S+ -> 502: body is not JSON: "<html> <head><title>502 Bad Gateway/);
  });

  test("an empty 500 says the body was empty", async () => {
    const error = await errorFor(new Response(null, { status: 500 }));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.bodyExcerpt).toBeUndefined();
    expect(error.message).toBe(`GET ${PATH} -> 500: empty response body`);
  });

  test("JSON that is not the envelope says so and keeps an excerpt", async () => {
    const error = await errorFor(json(400, { error: "bad" }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.message).toBe(
      `GET ${PATH} -> 400: body is not the Cloudflare envelope: "{\\"error\\":\\"bad\\"}"`,
    );
  });

  test("an error body with errors but no messages still names its errors", async () => {
    const error = await errorFor(
      json(403, { success: false, errors: [{ code: 10000, message: "Authentication error" }] }),
    );
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error.code).toBe(10000);
    expect(error.messages).toEqual([]);
    expect(error.message).toMatch(/-> 403: Authentication error \(code 10000\)$/);
  });

  test("serialises to a useful plain object", async () => {
    const error = await errorFor(failure(404, 1002, "Binding not found", { "cf-ray": "abc" }));
    const logged = JSON.parse(JSON.stringify(error));
    expect(logged).toMatchObject({
      name: "NotFoundError",
      status: 404,
      rayId: "abc",
      path: PATH,
      method: "GET",
    });
    expect(logged.message).toContain("Binding not found");
  });
});

describe("a 2xx that is not a success", () => {
  test("success: false with status 200 is an error, with the envelope's errors", async () => {
    const error = await errorFor(
      json(200, { success: false, errors: [{ code: 1010, message: "Oops" }], messages: [], result: null }),
    );
    expect(error.constructor).toBe(CloudflareApiError);
    expect(error.status).toBe(200);
    expect(error.message).toBe(`GET ${PATH} -> 200: Oops (code 1010)`);
  });

  test.each([
    ["invalid JSON", new Response("{not json", { status: 200 }), 'body is not JSON: "{not json"'],
    [
      "an empty body",
      new Response("", { status: 200 }),
      "empty response body, expected the Cloudflare envelope",
    ],
    ["an array", json(200, []), "body is not the Cloudflare envelope: expected an object, got an array"],
    [
      "no success member",
      json(200, { errors: [], messages: [], result: {} }),
      "body is not the Cloudflare envelope: `success` must be a boolean, it is missing",
    ],
    [
      "no errors member",
      json(200, { success: true, messages: [], result: {} }),
      "body is not the Cloudflare envelope: `errors` must be an array, it is missing",
    ],
    [
      "messages not an array",
      json(200, { success: true, errors: [], messages: "hi", result: {} }),
      "body is not the Cloudflare envelope: `messages` must be an array, got a string",
    ],
    [
      "a null result",
      json(200, { success: true, errors: [], messages: [], result: null }),
      "body is not the Cloudflare envelope: `result` must be an object, got null",
    ],
    [
      "a list where one binding belongs",
      json(200, { success: true, errors: [], messages: [], result: [] }),
      "body is not the Cloudflare envelope: `result` must be an object, got an array",
    ],
  ])("%s is a MalformedResponseError that says what is wrong", async (_, answer, problem) => {
    const error = await errorFor(answer);
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect(error.status).toBe(200);
    expect(error.message.startsWith(`GET ${PATH} -> 200: ${problem}`)).toBe(true);
  });
});

describe("a 2xx with nothing to show says only what is wrong", () => {
  test.each([
    [
      "an empty body",
      new Response("", { status: 200 }),
      "empty response body, expected the Cloudflare envelope",
    ],
    ["a body of whitespace alone", new Response(" \n\t ", { status: 200 }), "body is not JSON"],
  ])("%s", async (_, answer, problem) => {
    const error = await errorFor(answer);
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect(error.message).toBe(`GET ${PATH} -> 200: ${problem}`);
  });
});

describe("the result's shape is the operation's", () => {
  test("a list operation refuses one object where its list belongs", async () => {
    const { fetch } = fakeFetch(json(200, { success: true, errors: [], messages: [], result: {} }));
    const client = createServiceBindingsClient({ apiToken: TOKEN, accountId: ACCOUNT, fetch, maxRetries: 0 });
    const error = await client.listServiceBindings({ prefix_id: PREFIX }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect((error as Error).message).toContain("`result` must be an array, got an object");
  });

  test("delete resolves to nothing, whatever the envelope's result", async () => {
    const { fetch } = fakeFetch(json(200, { success: true, errors: [], messages: [], result: { id: "x" } }));
    const client = createServiceBindingsClient({ apiToken: TOKEN, accountId: ACCOUNT, fetch, maxRetries: 0 });
    await expect(
      client.deleteServiceBinding({ prefix_id: PREFIX, binding_id: BINDING_ID }),
    ).resolves.toBeUndefined();
  });
});

describe("what a failure body says, however it is built", () => {
  test("an envelope with success false and no errors says so", async () => {
    const error = await errorFor(json(502, { success: false, errors: [], messages: [], result: null }));
    expect(error.message).toBe(`GET ${PATH} -> 502: success is false, with no error details`);
    expect(error.bodyExcerpt).toBeUndefined();
  });

  test("an envelope that claims success on a failure status says it has no details", async () => {
    const error = await errorFor(json(503, { success: true, errors: [], messages: [] }));
    expect(error.message).toBe(`GET ${PATH} -> 503: error without details`);
  });

  test("a JSON array is not the envelope, and is shown; a bare string is shown as text", async () => {
    const list = await errorFor(json(500, [{ errors: [{ code: 1, message: "m" }] }]));
    expect(list.errors).toEqual([]);
    expect(list.message).toContain('500: body is not the Cloudflare envelope: "[{\\"errors\\"');
    const text = await errorFor(json(500, "maintenance"));
    expect(text.message).toBe(`GET ${PATH} -> 500: body is not JSON: "maintenance"`);
  });

  test("messages of odd shapes are kept to their documented members", async () => {
    const error = await errorFor(
      json(400, {
        success: false,
        errors: [
          { code: "1001", message: 42, source: "cidr" },
          { message: null, source: { pointer: 7 }, documentation_url: 3 },
          "just text",
          { code: 1003, message: "Invalid service id", source: { pointer: "/service_id" }, extra: "x" },
        ],
        messages: [],
        result: null,
      }),
    );
    expect(error.errors).toEqual([
      { code: Number.NaN, message: "42" },
      { code: Number.NaN, message: "", source: {} },
      { code: Number.NaN, message: "" },
      { code: 1003, message: "Invalid service id", source: { pointer: "/service_id" } },
    ]);
    expect(error.message).toBe(`GET ${PATH} -> 400: 42; ; ; Invalid service id (code 1003)`);
  });

  test("a message whose source is null is kept, without a source", async () => {
    const error = await errorFor(
      json(400, {
        success: false,
        errors: [{ code: 1001, message: "Invalid CIDR", source: null }],
        messages: [],
        result: null,
      }),
    );
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.errors).toEqual([{ code: 1001, message: "Invalid CIDR" }]);
    expect(error.message).toBe(`GET ${PATH} -> 400: Invalid CIDR (code 1001)`);
  });

  test("an excerpt folds whitespace, trims, and is cut after 200 characters with an ellipsis", async () => {
    const exact = await errorFor(new Response(`  ${"x".repeat(200)}\n\n`, { status: 502 }));
    expect(exact.bodyExcerpt).toBe("x".repeat(200));
    const long = await errorFor(new Response(`a\t\tb\n\n${"y".repeat(300)}`, { status: 502 }));
    expect(long.bodyExcerpt).toBe(`a b ${"y".repeat(196)}…`);
  });
});

describe("every error class", () => {
  test("names itself, for logs", async () => {
    const details = {
      method: "GET",
      path: "/p",
      attempts: 1,
      status: 200,
      errors: [],
      messages: [],
      rayId: undefined,
      bodyExcerpt: undefined,
      retryAfterSeconds: undefined,
    };
    expect(new ServiceBindingsError("m").name).toBe("ServiceBindingsError");
    expect(new MalformedResponseError("m", details).name).toBe("MalformedResponseError");
    expect(
      new WaitError("m", { reason: "timeout", state: undefined, polls: 0, last: undefined }),
    ).toMatchObject({
      name: "WaitError",
      reason: "timeout",
      state: undefined,
      polls: 0,
    });
    expect(new BindingConflictError("m", {} as never).name).toBe("BindingConflictError");
    expect(new AdvertisementRefusedError("m", {} as never).name).toBe("AdvertisementRefusedError");
    expect(new CloudflareApiError("m", details).code).toBeUndefined();
  });

  test("toJSON holds every field and a copy of the cause's name and message, never the cause itself", async () => {
    const cause = Object.assign(new Error("socket hang up"), { request: { headers: "x" } });
    const error = new ConnectionError(
      "GET /p -> connection failed",
      { method: "GET", path: "/p", attempts: 2 },
      cause,
    );
    expect(error.toJSON()).toEqual({
      name: "ConnectionError",
      message: "GET /p -> connection failed",
      method: "GET",
      path: "/p",
      attempts: 2,
      cause: { name: "Error", message: "socket hang up" },
    });
    expect(new InvalidArgumentError("body", "is required").toJSON()).toEqual({
      name: "InvalidArgumentError",
      message: "body is required",
      argument: "body",
    });
    expect("cause" in new ConnectionError("m", { method: "GET", path: "/p", attempts: 1 })).toBe(false);
  });

  test("toJSON leaves out a cause attached after the error was made, unless it is an Error, and then keeps only its name and message", async () => {
    const withObject = new InvalidArgumentError("body", "is required");
    withObject.cause = { request: { headers: { authorization: `Bearer ${TOKEN}` } } };
    expect(withObject.toJSON()).toEqual({
      name: "InvalidArgumentError",
      message: "body is required",
      argument: "body",
    });
    expect(JSON.stringify(withObject)).not.toContain(TOKEN);
    const withError = new InvalidArgumentError("body", "is required");
    withError.cause = Object.assign(new TypeError("bad body"), { body: TOKEN });
    expect(withError.toJSON()).toEqual({
      name: "InvalidArgumentError",
      message: "body is required",
      argument: "body",
      cause: { name: "TypeError", message: "bad body" },
    });
  });
});
