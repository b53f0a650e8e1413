// Faults on demand, aimed at one request: failNext by operation and by its nth
// request, and a lost answer (loseNextAnswer: the fake applies the request,
// then the connection fails), in-process and over HTTP, with which
// ensureServiceBinding's recovery is tested without wrapping fetch.
import { describe, expect, test } from "vitest";
import { operations } from "../../scripts/lib/spec.ts";
import { ConnectionError, createServiceBindingsClient } from "../../src/index.ts";
import { createServiceBindingsFake, LOST_ANSWER, type ServiceBindingsFake } from "../../src/testing/index.ts";
import { NO_WAIT } from "../support/fixtures.ts";
import {
  ACCOUNT,
  BASE_BINDING,
  BINDINGS_PATH,
  CDN,
  clientOf,
  PREFIX,
  spec,
  specExample,
  TOKEN,
} from "./fake-support.ts";

const calls = (fake: ServiceBindingsFake) => fake.requests.map((r) => `${r.method} ${r.status}`);
const cdnOn = (host: number) => ({
  prefix_id: PREFIX,
  body: { cidr: `192.0.2.${host}/32`, service_id: CDN },
});
const get = { prefix_id: PREFIX, binding_id: BASE_BINDING };

describe("failNext, aimed at an operation and its nth request", () => {
  test("operation: only its requests fail; the others pass and do not use it up", async () => {
    const fake = createServiceBindingsFake();
    fake.failNext({ status: 503, operation: "createServiceBinding" });
    const client = clientOf(fake);
    await client.listServices();
    await client.listServiceBindings({ prefix_id: PREFIX });
    await expect(client.createServiceBinding(cdnOn(1))).rejects.toMatchObject({ status: 503 });
    await client.createServiceBinding(cdnOn(1));
    expect(calls(fake)).toEqual(["GET 200", "GET 200", "POST 503", "POST 201"]);
  });

  test("nth: the nth request of the operation from now fails (the third get), the ones before pass", async () => {
    const fake = createServiceBindingsFake();
    fake.failNext({ status: 500, operation: "getServiceBinding", nth: 3 });
    const client = clientOf(fake);
    for (let i = 0; i < 4; i++) {
      await client.getServiceBinding(get).catch(() => undefined);
      await client.listServices();
    }
    expect(calls(fake).filter((_, i) => i % 2 === 0)).toEqual(["GET 200", "GET 200", "GET 500", "GET 200"]);
  });

  test("nth and times: from the nth on, times in a row; without operation, requests of any operation count", async () => {
    const fake = createServiceBindingsFake();
    fake.failNext({ status: 502, nth: 2, times: 2 });
    const client = clientOf(fake);
    for (let i = 0; i < 4; i++) await client.listServices().catch(() => undefined);
    expect(calls(fake)).toEqual(["GET 200", "GET 502", "GET 502", "GET 200"]);
  });

  test("faults wait in the order asked for; one counting to its nth counts the requests another one answers", async () => {
    const fake = createServiceBindingsFake();
    fake.failNext({ status: 503 });
    fake.failNext({ status: 500, operation: "listServices", nth: 2 });
    fake.failNext({ status: 429 });
    const client = clientOf(fake);
    for (let i = 0; i < 4; i++) await client.listServices().catch(() => undefined);
    expect(calls(fake)).toEqual(["GET 503", "GET 500", "GET 429", "GET 200"]);
  });

  test("an operation the spec does not have is refused with the list of the ones it has", () => {
    const fake = createServiceBindingsFake();
    const refusal = (() => {
      try {
        fake.failNext({ status: 503, operation: "createBinding" });
      } catch (error) {
        return String(error);
      }
    })();
    const listed = /\((.*)\), got createBinding$/.exec(refusal ?? "")?.[1]?.split(", ");
    expect(listed?.sort()).toEqual(
      operations(spec)
        .map((o) => o.operationId)
        .sort(),
    );
  });

  test.each([
    [{ status: 503, operation: "createBinding" }, "failNext: operation must be an operationId of the spec"],
    [{ status: 503, nth: 0 }, "failNext: nth must be a whole number from 1, got 0"],
    [{ status: 503, nth: 1.5 }, "failNext: nth must be a whole number from 1, got 1.5"],
    [{ status: 503, times: 0 }, "failNext: times must be a whole number from 1, got 0"],
  ])("%j is refused at once, saying why", (failure, message) => {
    expect(() => createServiceBindingsFake().failNext(failure)).toThrow(message);
  });
});

describe("loseNextAnswer", () => {
  test("applies the request, then rejects as Node's fetch does on a reset connection; recorded with LOST_ANSWER and the status lost", async () => {
    const fake = createServiceBindingsFake();
    fake.loseNextAnswer();
    const url = `http://fake${BINDINGS_PATH}`;
    const init = {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify(cdnOn(7).body),
    };
    const error = await fake.fetch(url, init).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TypeError);
    expect(error).toMatchObject({ message: "fetch failed", cause: { code: "ECONNRESET" } });
    expect(fake.state().accounts[0]?.prefixes[0]?.bindings.map((b) => b.cidr)).toContain("192.0.2.7/32");
    expect(fake.requests).toEqual([{ method: "POST", path: BINDINGS_PATH, status: LOST_ANSWER, lost: 201 }]);
    expect(LOST_ANSWER).toBe(0);
    expect((await fake.fetch(url, init)).status).toBe(409);
  });

  test("aimed like failNext: only the operation's nth request loses its answer; the client sees a ConnectionError", async () => {
    const fake = createServiceBindingsFake();
    fake.loseNextAnswer({ operation: "createServiceBinding", nth: 2 });
    const client = clientOf(fake);
    await client.createServiceBinding(cdnOn(1));
    await client.listServices();
    const error = await client.createServiceBinding(cdnOn(2)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(calls(fake)).toEqual(["POST 201", "GET 200", `POST ${LOST_ANSWER}`]);
    expect(() => fake.loseNextAnswer({ nth: -1 })).toThrow(
      "loseNextAnswer: nth must be a whole number from 1, got -1",
    );
  });

  test("ensureServiceBinding recovers from a create whose answer is lost: one binding, found by listing again", async () => {
    const fake = createServiceBindingsFake();
    fake.loseNextAnswer({ operation: "createServiceBinding" });
    const client = createServiceBindingsClient({
      apiToken: TOKEN,
      accountId: ACCOUNT,
      fetch: fake.fetch,
      backoff: NO_WAIT,
    });
    const { binding, created } = await client.ensureServiceBinding({
      prefix_id: PREFIX,
      cidr: "192.0.2.9/32",
      service_id: CDN,
    });
    expect(binding.cidr).toBe("192.0.2.9/32");
    expect(created).toBe(true);
    expect(calls(fake)).toEqual(["GET 200", `POST ${LOST_ANSWER}`, "GET 200"]);
    const bindings = fake.state().accounts[0]?.prefixes[0]?.bindings ?? [];
    expect(bindings.filter((b) => b.cidr === "192.0.2.9/32")).toEqual([binding]);
  });
});

describe("over HTTP (listen)", () => {
  async function served(fake: ServiceBindingsFake, run: (url: string) => Promise<void>) {
    const server = await fake.listen();
    try {
      await run(server.url);
    } finally {
      await server.close();
    }
  }

  test("a lost answer resets the connection (ECONNRESET) after the request was applied, and the server goes on", async () => {
    const fake = createServiceBindingsFake();
    fake.loseNextAnswer();
    await served(fake, async (url) => {
      const headers = { authorization: `Bearer ${TOKEN}` };
      const body = JSON.stringify(cdnOn(5).body);
      const error = await fetch(`${url}${BINDINGS_PATH}`, { method: "POST", headers, body }).catch(
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ message: "fetch failed", cause: { code: "ECONNRESET" } });
      expect(fake.state().accounts[0]?.prefixes[0]?.bindings.map((b) => b.cidr)).toContain("192.0.2.5/32");
      expect((await fetch(`${url}${BINDINGS_PATH}`, { headers })).status).toBe(200);
    });
  });

  test("in-process, a lost answer rejects as Node's fetch does over HTTP: the same message, and the same cause", async () => {
    const fake = createServiceBindingsFake();
    const init = { headers: { authorization: `Bearer ${TOKEN}`, prefer: "lose-answer" } };
    const seen = (error: { message: string; cause: Error & { code?: string; syscall?: string } }) => {
      const { message, code, syscall } = error.cause;
      return { message: error.message, cause: { message, code, syscall } };
    };
    const inProcess = await fake.fetch(`http://fake${BINDINGS_PATH}`, init).catch(seen);
    await served(fake, async (url) => {
      expect(await fetch(`${url}${BINDINGS_PATH}`, init).catch(seen)).toEqual(inProcess);
    });
  });

  test("ensureServiceBinding over HTTP recovers from the lost create: exactly one binding", async () => {
    const fake = createServiceBindingsFake();
    fake.loseNextAnswer({ operation: "createServiceBinding" });
    await served(fake, async (baseUrl) => {
      const client = createServiceBindingsClient({
        apiToken: TOKEN,
        accountId: ACCOUNT,
        baseUrl,
        backoff: NO_WAIT,
      });
      const { binding } = await client.ensureServiceBinding({
        prefix_id: PREFIX,
        cidr: "192.0.2.9/32",
        service_id: CDN,
      });
      expect(calls(fake)).toEqual(["GET 200", `POST ${LOST_ANSWER}`, "GET 200"]);
      const bindings = fake.state().accounts[0]?.prefixes[0]?.bindings ?? [];
      expect(bindings.filter((b) => b.cidr === "192.0.2.9/32").map((b) => b.id)).toEqual([binding.id]);
    });
  });

  describe("the Prefer header", () => {
    const headers = (prefer: string) => ({ authorization: `Bearer ${TOKEN}`, prefer });
    const post = (url: string, prefer: string) =>
      fetch(`${url}${BINDINGS_PATH}`, {
        method: "POST",
        headers: headers(prefer),
        body: JSON.stringify(cdnOn(3).body),
      });
    const bound = (fake: ServiceBindingsFake) => fake.state().accounts[0]?.prefixes[0]?.bindings.length;

    test.each([
      ["code=409", 409, "cidr_already_bound"],
      ["code=409, example=prefix_not_approved", 409, "prefix_not_approved"],
      ['code="400"; example="magic_transit_not_prefix_wide"', 400, "magic_transit_not_prefix_wide"],
      ["example=invalid_service_id", 400, "invalid_service_id"],
      ["code=201", 201, "created"],
      // RFC 7240 allows whitespace around the "=".
      ["code = 409 , example = prefix_not_approved", 409, "prefix_not_approved"],
    ])(
      "Prefer: %s answers the spec's example of that status (and name), as Prism does, and applies nothing",
      async (prefer, status, name) => {
        const fake = createServiceBindingsFake();
        await served(fake, async (url) => {
          const response = await post(url, prefer);
          expect(response.status).toBe(status);
          expect(await response.json()).toEqual(specExample("createServiceBinding", String(status), name));
          expect(bound(fake)).toBe(1);
        });
      },
    );

    test("a status the operation declares only by its range (418: 4XX) answers the range's example with that status", async () => {
      await served(createServiceBindingsFake(), async (url) => {
        const response = await fetch(`${url}${BINDINGS_PATH}`, { headers: headers("code=418") });
        expect(response.status).toBe(418);
        expect(await response.json()).toEqual(
          specExample("listServiceBindings", "4XX", "invalid_identifier"),
        );
      });
    });

    test("Prefer: lose-answer applies the request and resets the connection", async () => {
      const fake = createServiceBindingsFake();
      await served(fake, async (url) => {
        const error = await post(url, "lose-answer").catch((e: unknown) => e);
        expect(error).toMatchObject({ cause: { code: "ECONNRESET" } });
        expect(bound(fake)).toBe(2);
      });
    });

    test.each([
      ["code=299", "the spec has no 299 example for createServiceBinding"],
      ["code=409, example=nope", "the spec has no 409 example named nope for createServiceBinding"],
      ["example=nope", "Prefer: createServiceBinding has no example named nope"],
      ["code=abc", "Prefer: code must be an HTTP status, got abc"],
      ["code=4090", "Prefer: code must be an HTTP status, got 4090"],
      ["code=1409", "Prefer: code must be an HTTP status, got 1409"],
      // A value is unquoted only when it is quoted whole; an "=" in it is its own.
      ["example=a=b", "Prefer: createServiceBinding has no example named a=b"],
      ['example=no"pe"', 'Prefer: createServiceBinding has no example named no"pe"'],
      ['example="no"pe', 'Prefer: createServiceBinding has no example named "no"pe'],
      [
        "lose-answer, code=500",
        "Prefer: lose-answer applies the request; code and example answer without it: not both",
      ],
      [
        "lose-answer, example=created",
        "Prefer: lose-answer applies the request; code and example answer without it: not both",
      ],
    ])(
      "Prefer: %s, which the spec does not declare: 500 with the reason, nothing applied",
      async (prefer, reason) => {
        const fake = createServiceBindingsFake();
        await served(fake, async (url) => {
          const response = await post(url, prefer);
          expect([response.status, await response.text()]).toEqual([500, `the fake failed: ${reason}`]);
          expect(bound(fake)).toBe(1);
        });
      },
    );

    test("other preferences are ignored, and credentials are checked first", async () => {
      const fake = createServiceBindingsFake();
      await served(fake, async (url) => {
        expect((await post(url, "return=minimal, respond-async")).status).toBe(201);
        const anonymous = await fetch(`${url}${BINDINGS_PATH}`, { headers: { prefer: "code=404" } });
        expect(anonymous.status).toBe(400);
      });
    });
  });
});
