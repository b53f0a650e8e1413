// No credential ever leaves in an error: not in its message, stack, JSON form,
// util.inspect output or anywhere along its cause chain, even when a server or
// a fetch implementation echoes it back.
import { inspect } from "node:util";
import { describe, expect, test } from "vitest";
import {
  createServiceBindingsClient,
  type ServiceBindingsClientOptions,
  ServiceBindingsError,
} from "../../src/index.ts";
import { type Answer, fakeFetch, json } from "../support/fake-fetch.ts";
import { ACCOUNT, BINDING_ID, EMAIL, KEY, NO_WAIT, PREFIX, TOKEN } from "../support/fixtures.ts";
import { deadServerUrl, startServer } from "../support/http-server.ts";

const CREDENTIALS: [string, ServiceBindingsClientOptions, string[]][] = [
  ["an API token", { apiToken: TOKEN }, [TOKEN]],
  ["an e-mail and key", { apiEmail: EMAIL, apiKey: KEY }, [EMAIL, KEY]],
];

/** Every text form of an error a log could hold, its cause chain included. */
function everyForm(error: unknown): string {
  const forms: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 10; depth++) {
    forms.push(
      String(current),
      inspect(current, { depth: 10, showHidden: true }),
      JSON.stringify(current) ?? "",
    );
    if (current instanceof Error) forms.push(current.message, current.stack ?? "");
    current = current instanceof Error ? current.cause : undefined;
  }
  return forms.join("\n");
}

async function failureOf(promise: Promise<unknown>): Promise<ServiceBindingsError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ServiceBindingsError))
    throw new Error(`expected a ServiceBindingsError, got ${String(error)}`);
  return error;
}

/** Answers that echo every secret back, in every place a careless server or proxy might. */
function echoes(secrets: string[]): [string, Answer][] {
  const all = secrets.join(" ");
  return [
    [
      "an envelope message",
      json(403, {
        success: false,
        errors: [{ code: 10000, message: `bad credential ${all}` }],
        messages: [{ code: 1000, message: all }],
        result: null,
      }),
    ],
    ["an HTML page", new Response(`<html>Authorization: Bearer ${all}</html>`, { status: 502 })],
    [
      "a percent-encoded echo",
      new Response(`redirect=${secrets.map(encodeURIComponent).join("&")}`, { status: 500 }),
    ],
    [
      "a cf-ray header",
      json(500, { success: false, errors: [], messages: [], result: null }, { "cf-ray": secrets[0] ?? "" }),
    ],
    ["a malformed 200", new Response(`{"oops": "${all}"`, { status: 200 })],
    [
      "a fetch error whose message holds the secrets",
      new TypeError(`fetch failed for ${all}`, { cause: new Error(`socket ${all}`) }),
    ],
  ];
}

describe.each(CREDENTIALS)("with %s", (_, credentials, secrets) => {
  test.each(echoes(secrets))("an error built from %s holds no secret in any form", async (_, answer) => {
    const { fetch } = fakeFetch(answer);
    const client = createServiceBindingsClient({ ...credentials, accountId: ACCOUNT, fetch, maxRetries: 0 });
    const error = await failureOf(client.getServiceBinding({ prefix_id: PREFIX, binding_id: BINDING_ID }));
    const text = everyForm(error);
    expect(text).toContain("[REDACTED]");
    for (const secret of secrets) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(encodeURIComponent(secret));
    }
  });

  test("a connection error, a timeout and an abort against a real server hold no secret", async () => {
    const server = await startServer(() => {
      /* never answers */
    });
    try {
      const client = createServiceBindingsClient({
        ...credentials,
        accountId: ACCOUNT,
        baseUrl: server.url,
        timeoutMs: 50,
        maxRetries: 1,
        backoff: NO_WAIT,
      });
      const timeout = await failureOf(client.listServices());
      const controller = new AbortController();
      const pending = client.listServices({}, { signal: controller.signal, timeoutMs: 5_000 });
      setTimeout(() => controller.abort(new Error(`stop ${secrets.join(" ")}`)), 20);
      const aborted = await failureOf(pending);
      const refused = await failureOf(
        createServiceBindingsClient({
          ...credentials,
          accountId: ACCOUNT,
          baseUrl: await deadServerUrl(),
          maxRetries: 0,
        }).listServices(),
      );
      expect([timeout.name, aborted.name, refused.name]).toEqual([
        "TimeoutError",
        "RequestAbortedError",
        "ConnectionError",
      ]);
      for (const error of [timeout, aborted, refused]) {
        const text = everyForm(error);
        for (const secret of secrets) expect(text).not.toContain(secret);
      }
    } finally {
      await server.close();
    }
  });

  test("the client object itself does not show the secrets when inspected", () => {
    const client = createServiceBindingsClient({ ...credentials, accountId: ACCOUNT });
    const text = `${inspect(client, { depth: 10, showHidden: true })}${JSON.stringify(client)}`;
    for (const secret of secrets) expect(text).not.toContain(secret);
  });
});
