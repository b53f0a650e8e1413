// Input is refused before any request is sent, with an error naming the argument.
import { describe, expect, test } from "vitest";
import { createServiceBindingsClient, InvalidArgumentError } from "../../src/index.ts";
import { fakeFetch, ok } from "../support/fake-fetch.ts";
import { BINDING, PREFIX, TOKEN } from "../support/fixtures.ts";

function setup(accountId?: string) {
  const fake = fakeFetch(ok(BINDING));
  const client = createServiceBindingsClient({ apiToken: TOKEN, accountId, fetch: fake.fetch });
  return { client, seen: fake.seen };
}

async function refusal(promise: Promise<unknown>): Promise<InvalidArgumentError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof InvalidArgumentError))
    throw new Error(`expected InvalidArgumentError, got ${String(error)}`);
  return error;
}

describe("path identifiers", () => {
  test.each([
    ["empty", "", "binding_id must not be empty"],
    ["a number", 42, "binding_id must be a string, got 42"],
    ["null", null, "binding_id must be a string, got null"],
    ["missing", undefined, "binding_id is required"],
    ["33 characters", "a".repeat(33), "binding_id must be at most 32 characters, got 33"],
    ["33 code points of emoji", "😀".repeat(33), "binding_id must be at most 32 characters, got 33"],
    ["a lone surrogate", "ab\uD800", "binding_id must be well-formed Unicode (it has a lone surrogate)"],
    ["a dot", ".", 'binding_id must not be "." or "..", which a URL resolves as a path step'],
    ["two dots", "..", 'binding_id must not be "." or "..", which a URL resolves as a path step'],
  ])("refuses a binding_id that is %s, sending nothing", async (_, bindingId, message) => {
    const { client, seen } = setup("acc");
    const error = await refusal(
      client.getServiceBinding({ prefix_id: PREFIX, binding_id: bindingId as string }),
    );
    expect(error.argument).toBe("binding_id");
    expect(error.message).toBe(message);
    expect(seen).toHaveLength(0);
  });

  test("accepts 32 code points of emoji (the spec counts characters, not UTF-16 units)", async () => {
    const { client, seen } = setup("acc");
    await client.getServiceBinding({ prefix_id: PREFIX, binding_id: "😀".repeat(32) });
    expect(seen).toHaveLength(1);
  });

  test("refuses a call without account_id when the client has no default account", async () => {
    const { client, seen } = setup();
    const error = await refusal(client.listServices());
    expect(error.argument).toBe("account_id");
    expect(error.message).toBe("account_id is required: pass it to the call or set accountId on the client");
    expect(seen).toHaveLength(0);
  });

  test("refuses a prefix_id that is too long on every prefix operation", async () => {
    const { client, seen } = setup("acc");
    const prefix_id = "p".repeat(40);
    for (const call of [
      client.listServiceBindings({ prefix_id }),
      client.createServiceBinding({
        prefix_id,
        body: { cidr: BINDING.cidr, service_id: BINDING.service_id },
      }),
      client.deleteServiceBinding({ prefix_id, binding_id: "b" }),
    ]) {
      expect((await refusal(call)).argument).toBe("prefix_id");
    }
    expect(seen).toHaveLength(0);
  });
});

describe("the create body", () => {
  test.each([
    ["missing", undefined, "body", "body is required: an object with cidr and service_id"],
    ["an array", [], "body", "body must be an object with cidr and service_id, got an array"],
    // Refused as a whole, before any member is looked for in it.
    [
      "that is a string",
      "192.0.2.0/24",
      "body",
      "body must be an object with cidr and service_id, got a string",
    ],
    ["that is null", null, "body", "body must be an object with cidr and service_id, got null"],
    ["without cidr", { service_id: "s" }, "body.cidr", "body.cidr is required"],
    ["with a numeric cidr", { cidr: 10, service_id: "s" }, "body.cidr", "body.cidr must be a string, got 10"],
    ["without service_id", { cidr: "192.0.2.0/24" }, "body.service_id", "body.service_id is required"],
    [
      "with a long service_id",
      { cidr: "192.0.2.0/24", service_id: "s".repeat(33) },
      "body.service_id",
      "body.service_id must be at most 32 characters, got 33",
    ],
  ])("refuses a body %s, sending nothing", async (_, body, argument, message) => {
    const { client, seen } = setup("acc");
    const error = await refusal(client.createServiceBinding({ prefix_id: PREFIX, body: body as never }));
    expect(error.argument).toBe(argument);
    expect(error.message).toBe(message);
    expect(seen).toHaveLength(0);
  });
});

describe("the parameters object", () => {
  test.each([
    ["a string", "2af39739cc4e3b5910c918468bb89828"],
    ["null", null],
    ["a number", 7],
  ])("refuses %s where the parameters belong, sending nothing", async (_, params) => {
    const { client, seen } = setup("acc");
    const error = await refusal(client.listServiceBindings(params as never));
    expect(error.argument).toBe("params");
    expect(error.message).toBe("params must be an object");
    expect(seen).toHaveLength(0);
  });

  test("may be left out when nothing in it is required", async () => {
    const { client, seen } = setup("acc");
    // The answer here is a binding, not a list: what matters is the request that went out.
    await client.listServices().catch(() => undefined);
    expect(seen[0]?.url).toContain("/accounts/acc/addressing/services");
  });
});

describe("per-call options", () => {
  test("refuses a bad timeoutMs or maxRetries for one call", async () => {
    const { client, seen } = setup("acc");
    expect((await refusal(client.listServices({}, { timeoutMs: -1 }))).argument).toBe("timeoutMs");
    expect((await refusal(client.listServices({}, { maxRetries: 99 }))).argument).toBe("maxRetries");
    expect(seen).toHaveLength(0);
  });
});
