// ensureServiceBinding against the stateful fake: it returns what exists,
// creates what does not, refuses a CIDR bound elsewhere, and, when a create's
// answer is lost after the fake made the binding, finds it instead of making
// a second one.
import { describe, expect, test } from "vitest";
import {
  BindingConflictError,
  ConnectionError,
  createServiceBindingsClient,
  InvalidArgumentError,
  RequestAbortedError,
  type ServiceBindingsClientOptions,
} from "../../src/index.ts";
import { createServiceBindingsFake, type ServiceBindingsFake } from "../../src/testing/index.ts";
import { NO_WAIT } from "../support/fixtures.ts";
import { ACCOUNT, CDN, PREFIX, SPECTRUM } from "../testing/fake-support.ts";

function setup(
  fetch?: (fake: ServiceBindingsFake) => (request: Request) => Promise<Response>,
  options: Partial<ServiceBindingsClientOptions> = {},
) {
  const fake = createServiceBindingsFake({ provisioningReads: 1 });
  const client = createServiceBindingsClient({
    apiToken: "t",
    accountId: ACCOUNT,
    fetch: fetch ? fetch(fake) : fake.fetch,
    backoff: NO_WAIT,
    ...options,
  });
  const bindingsOf = (cidr: string) =>
    (fake.state().accounts[0]?.prefixes[0]?.bindings ?? []).filter((b) => b.cidr === cidr);
  return { fake, client, bindingsOf };
}

const calls = (fake: ServiceBindingsFake) => fake.requests.map((r) => `${r.method} ${r.status}`);

/** Binds 192.0.2.1/32 to the CDN, then asks for it on Spectrum: the CDN binding and what that second call threw. */
async function conflict(client: ReturnType<typeof setup>["client"]) {
  const { binding: cdn } = await client.ensureServiceBinding({
    prefix_id: PREFIX,
    cidr: "192.0.2.1/32",
    service_id: CDN,
  });
  const error = await client
    .ensureServiceBinding({ prefix_id: PREFIX, cidr: "192.0.2.1/32", service_id: SPECTRUM })
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  return { cdn, error };
}

describe("ensureServiceBinding", () => {
  test("creates the binding when the CIDR has none, after listing", async () => {
    const { fake, client, bindingsOf } = setup();
    const { binding, created } = await client.ensureServiceBinding({
      prefix_id: PREFIX,
      cidr: "192.0.2.1/32",
      service_id: CDN,
    });
    expect(binding).toMatchObject({ cidr: "192.0.2.1/32", service_id: CDN, service_name: "CDN" });
    expect(created).toBe(true);
    expect(calls(fake)).toEqual(["GET 200", "POST 201"]);
    expect(bindingsOf("192.0.2.1/32")).toHaveLength(1);
  });

  test("returns the existing binding of that CIDR and service, creating nothing", async () => {
    const { fake, client, bindingsOf } = setup();
    const first = await client.ensureServiceBinding({
      prefix_id: PREFIX,
      cidr: "192.0.2.1/32",
      service_id: CDN,
    });
    const again = await client.ensureServiceBinding({
      prefix_id: PREFIX,
      cidr: "192.0.2.1/32",
      service_id: CDN,
    });
    expect(again.binding.id).toBe(first.binding.id);
    expect([first.created, again.created]).toEqual([true, false]);
    expect(calls(fake)).toEqual(["GET 200", "POST 201", "GET 200"]);
    expect(bindingsOf("192.0.2.1/32")).toHaveLength(1);
  });

  test("a CIDR bound to another service is a BindingConflictError that names it; nothing is created", async () => {
    const { fake, client } = setup();
    const { cdn, error } = await conflict(client);
    expect(error).toBeInstanceOf(BindingConflictError);
    expect((error as BindingConflictError).existing).toEqual(cdn);
    expect((error as Error).message).toBe(
      `192.0.2.1/32 of prefix ${PREFIX} is already bound to CDN (binding ${cdn.id}), not to service ${SPECTRUM}: delete that binding first`,
    );
    expect(calls(fake).filter((c) => c.startsWith("POST"))).toHaveLength(1);
  });

  test("a conflicting binding whose answer has no service_name (the spec makes it optional) is named by its service id", async () => {
    const { client } = setup((fake) => async (request) => {
      const response = await fake.fetch(request);
      if (request.method !== "GET") return response;
      const body = (await response.json()) as { result: Record<string, unknown>[] };
      for (const binding of body.result) delete binding.service_name;
      return Response.json(body, { status: response.status });
    });
    const { cdn, error } = await conflict(client);
    expect(error).toBeInstanceOf(BindingConflictError);
    expect((error as Error).message).toBe(
      `192.0.2.1/32 of prefix ${PREFIX} is already bound to service ${CDN} (binding ${cdn.id}), not to service ${SPECTRUM}: delete that binding first`,
    );
  });

  test("a create whose answer is lost after it was made: found by listing again, never made twice", async () => {
    let lost = 0;
    const { fake, client, bindingsOf } = setup((fake) => async (request) => {
      const response = await fake.fetch(request);
      // The server made the binding, and the connection failed before its answer arrived.
      if (request.method === "POST" && lost++ === 0)
        throw new TypeError("fetch failed", { cause: new Error("socket hang up") });
      return response;
    });
    const { binding, created } = await client.ensureServiceBinding({
      prefix_id: PREFIX,
      cidr: "192.0.2.9/32",
      service_id: CDN,
    });
    expect(binding.cidr).toBe("192.0.2.9/32");
    // It did not exist when the call began: this call made it, even though it learnt so by listing.
    expect(created).toBe(true);
    expect(calls(fake)).toEqual(["GET 200", "POST 201", "GET 200"]);
    expect(bindingsOf("192.0.2.9/32")).toHaveLength(1);
  });

  test("a create lost before it was made: listed again, then created once", async () => {
    let lost = 0;
    const { fake, client, bindingsOf } = setup((fake) => async (request) => {
      if (request.method === "POST" && lost++ === 0) throw new TypeError("fetch failed");
      return fake.fetch(request);
    });
    await client.ensureServiceBinding({ prefix_id: PREFIX, cidr: "192.0.2.9/32", service_id: CDN });
    expect(calls(fake)).toEqual(["GET 200", "GET 200", "POST 201"]);
    expect(bindingsOf("192.0.2.9/32")).toHaveLength(1);
  });

  test("gives up after the client's maxRetries more creates, with the connection error", async () => {
    const { fake, client, bindingsOf } = setup(
      (fake) => async (request) => {
        if (request.method === "POST") throw new TypeError("fetch failed");
        return fake.fetch(request);
      },
      { maxRetries: 2 },
    );
    await expect(
      client.ensureServiceBinding({ prefix_id: PREFIX, cidr: "192.0.2.9/32", service_id: CDN }),
    ).rejects.toBeInstanceOf(ConnectionError);
    expect(calls(fake)).toEqual(["GET 200", "GET 200", "GET 200"]);
    expect(bindingsOf("192.0.2.9/32")).toHaveLength(0);
  });

  test("a refused create is not tried again", async () => {
    const { fake, client } = setup();
    await expect(
      client.ensureServiceBinding({ prefix_id: PREFIX, cidr: "10.0.0.0/8", service_id: CDN }),
    ).rejects.toMatchObject({ status: 400, code: 1001 });
    expect(calls(fake)).toEqual(["GET 200", "POST 400"]);
  });

  test("with wait: true it resolves once the binding is active", async () => {
    const { client } = setup();
    const { binding, created } = await client.ensureServiceBinding(
      { prefix_id: PREFIX, cidr: "192.0.2.1/32", service_id: CDN },
      { wait: { intervalMs: 1 } },
    );
    expect(binding.provisioning.state).toBe("active");
    expect(created).toBe(true);
  });

  /** ensureServiceBinding with a signal that the fake's `fetch` aborts when a request of `method` arrives. */
  async function abortedAt(method: string) {
    const controller = new AbortController();
    const { fake, client } = setup((fake) => async (request) => {
      if (request.method === method) controller.abort();
      return fake.fetch(request);
    });
    const error = await client
      .ensureServiceBinding(
        { prefix_id: PREFIX, cidr: "192.0.2.9/32", service_id: CDN },
        { signal: controller.signal },
      )
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(RequestAbortedError);
    return { message: (error as Error).message, fake };
  }

  test("an abort while listing ends it there: the list is the call aborted, and nothing is created", async () => {
    const { message, fake } = await abortedAt("GET");
    expect(message).toMatch(/^GET \S+\/bindings -> aborted by the caller/);
    expect(fake.requests.map((r) => r.method)).not.toContain("POST");
  });

  test("an abort while creating ends it there, with the create as the call aborted", async () => {
    const { message } = await abortedAt("POST");
    expect(message).toMatch(/^POST \S+\/bindings -> aborted by the caller/);
  });

  test("a bad body is refused as create refuses it", async () => {
    const { client } = setup();
    await expect(
      client.ensureServiceBinding({ prefix_id: PREFIX, cidr: 10 as never, service_id: CDN }),
    ).rejects.toBeInstanceOf(InvalidArgumentError);
  });
});
