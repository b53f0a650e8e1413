// No identifier can change the request's path or query: every path parameter
// is percent-encoded. Proven against a real server that records the raw
// request target, with fast-check generating the ids.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  createServiceBindingsClient,
  InvalidArgumentError,
  type ServiceBindingsClient,
} from "../../src/index.ts";
import { BINDING, TOKEN } from "../support/fixtures.ts";
import { envelope, sendJson, startServer, type TestServer } from "../support/http-server.ts";

const HOSTILE = [
  "../x",
  "a/b",
  "x?y=1",
  "x#y",
  "%2e%2e",
  "%2E%2E/..",
  "..%2f",
  "a\\b",
  "ä/ö",
  "💥",
  " ",
  "%",
  "&",
  "a;b",
  "a=b",
  "@",
  "~",
  "{prefix_id}",
  "$&",
  "\u0000",
  "\n",
];

/**
 * Any id the client accepts: 1 to 32 code points of well-formed Unicode, other than "." and "..": any code
 * point, or strings of the characters that URLs treat specially. (The hostile ids above are each sent
 * once, below; random ones find what no list names: 100 runs per property.)
 */
const RUNS = 100;
const anyId = fc
  .oneof(
    fc.string({ unit: "binary", minLength: 1, maxLength: 32 }),
    fc.string({
      unit: fc.constantFrom(".", "/", "%", "?", "#", "2", "e", "\\"),
      minLength: 1,
      maxLength: 32,
    }),
  )
  .filter((id) => id !== "." && id !== ".." && id.isWellFormed() && [...id].length <= 32);

let server: TestServer;
let client: ServiceBindingsClient;

beforeAll(async () => {
  server = await startServer((_, response) => sendJson(response, 200, envelope(BINDING)));
  client = createServiceBindingsClient({
    apiToken: TOKEN,
    baseUrl: `${server.url}/client/v4`,
    maxRetries: 0,
  });
});

afterAll(() => server.close());

/** The raw target split into segments, after checking it has no query and no fragment. */
function segmentsOf(rawTarget: string): string[] {
  expect(rawTarget).not.toContain("?");
  expect(rawTarget).not.toContain("#");
  return rawTarget.split("/");
}

/** Sends one get with these ids and checks each reached the server as exactly its own segment. */
async function expectSegments(account: string, prefix: string, binding: string): Promise<void> {
  const before = server.requests.length;
  await client.getServiceBinding({ account_id: account, prefix_id: prefix, binding_id: binding });
  expect(server.requests.length).toBe(before + 1);
  const segments = segmentsOf(server.requests.at(-1)?.rawTarget ?? "");
  expect(segments).toHaveLength(10);
  const fixed = [0, 1, 2, 3, 5, 6, 8].map((i) => segments[i]);
  expect(fixed).toEqual(["", "client", "v4", "accounts", "addressing", "prefixes", "bindings"]);
  expect([4, 7, 9].map((i) => decodeURIComponent(segments[i] ?? ""))).toEqual([account, prefix, binding]);
}

describe("path parameters", () => {
  test.each(HOSTILE)(
    "the hostile id %j reaches the server as exactly one segment, in every position",
    async (id) => {
      await expectSegments(id, id, id);
    },
  );

  test("every generated id reaches the server as exactly one path segment that decodes back to it", async () => {
    await fc.assert(fc.asyncProperty(anyId, anyId, anyId, expectSegments), { numRuns: RUNS });
  });

  test("the binding id segment is last and decodes back to the id", async () => {
    await fc.assert(
      fc.asyncProperty(anyId, async (binding) => {
        await client.deleteServiceBinding({ account_id: "acc", prefix_id: "pre", binding_id: binding });
        const segments = segmentsOf(server.requests.at(-1)?.rawTarget ?? "");
        expect(segments.slice(0, 9)).toEqual([
          "",
          "client",
          "v4",
          "accounts",
          "acc",
          "addressing",
          "prefixes",
          "pre",
          "bindings",
        ]);
        expect(segments).toHaveLength(10);
        expect(decodeURIComponent(segments[9] ?? "")).toBe(binding);
      }),
      { numRuns: RUNS },
    );
  });

  test.each(HOSTILE)("the hostile id %j stays inside its segment", async (id) => {
    await client.getServiceBinding({ account_id: "acc", prefix_id: "pre", binding_id: id });
    const segments = segmentsOf(server.requests.at(-1)?.rawTarget ?? "");
    expect(segments.slice(0, -1).join("/")).toBe("/client/v4/accounts/acc/addressing/prefixes/pre/bindings");
    expect(decodeURIComponent(segments.at(-1) ?? "")).toBe(id);
  });

  test.each([".", ".."])(
    "the id %j, which no encoding keeps in its segment, is refused before sending",
    async (id) => {
      const before = server.requests.length;
      await expect(
        client.getServiceBinding({ account_id: "acc", prefix_id: "pre", binding_id: id }),
      ).rejects.toBeInstanceOf(InvalidArgumentError);
      expect(server.requests.length).toBe(before);
    },
  );
});
