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

/** Credentials with every character that an encoding changes: quotes, backslashes, `%`, `+`, `/` and mixed case. */
// "~~~" and "???" encode to base64 with "+" and "/" (URL-safe "-" and "_") at every offset.
const AWKWARD_TOKEN = 'tok"en\\Pct%2F+Slash/MiXeD_case~~~???0123456789';
const AWKWARD_KEY = 'k\\e"y%41+/Zz_~~~???0123456789abcdef';

const CREDENTIALS: [string, ServiceBindingsClientOptions, string[]][] = [
  ["an API token", { apiToken: TOKEN }, [TOKEN]],
  ["an e-mail and key", { apiEmail: EMAIL, apiKey: KEY }, [EMAIL, KEY]],
  ["a token with quotes, backslashes, %, + and /", { apiToken: AWKWARD_TOKEN }, [AWKWARD_TOKEN]],
  [
    "an e-mail in another case and a key with quotes, backslashes, %, + and /",
    { apiEmail: "Ops.Admin+ci@Example.ORG", apiKey: AWKWARD_KEY },
    ["Ops.Admin+ci@Example.ORG", AWKWARD_KEY],
  ],
];

/** Base64, standard and URL-safe. */
const base64 = (text: string) => Buffer.from(text).toString("base64");
const base64url = (text: string) => Buffer.from(text).toString("base64url");

/** Every form the tests look for: raw, upper and lower case, percent-encoded, JSON-escaped, base64 of the whole. */
function formsOf(secret: string): string[] {
  return [
    secret,
    secret.toUpperCase(),
    secret.toLowerCase(),
    encodeURIComponent(secret),
    JSON.stringify(secret).slice(1, -1),
    base64(secret).replace(/=+$/, ""),
  ];
}

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
    ["a JSON body that is not the envelope", json(502, { echoed: all, upper: all.toUpperCase() })],
    [
      "a message in base64, as Basic auth carries credentials",
      json(404, {
        success: false,
        errors: [{ code: 1002, message: `not found for ${base64(all)} and ${base64(secrets.join(":"))}` }],
        messages: [],
        result: null,
      }),
    ],
    [
      "base64 at each alignment inside a longer encoded text, standard and URL-safe",
      new Response(
        ["", "a", "ab"]
          .flatMap((pad) => secrets.flatMap((s) => [base64(`${pad}${s}~~`), base64url(`${pad}?${s}>>`)]))
          .join(" "),
        { status: 500 },
      ),
    ],
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
      for (const form of formsOf(secret)) expect(text).not.toContain(form);
    }
  });

  test.each(["", "a", "ab"])(
    "no base64 run of a secret survives at offset %j, in either alphabet",
    async (pad) => {
      const encoded = secrets.flatMap((s) => [base64(`${pad}${s}`), base64url(`${pad}${s}`)]).join(".");
      const { fetch } = fakeFetch(new Response(encoded, { status: 502 }));
      const client = createServiceBindingsClient({
        ...credentials,
        accountId: ACCOUNT,
        fetch,
        maxRetries: 0,
      });
      const text = everyForm(await failureOf(client.listServices()));
      for (const secret of secrets) {
        for (const whole of [base64(`${pad}${secret}`), base64url(`${pad}${secret}`)]) {
          // The characters made of the secret's bits alone, at this offset: no 8 of them in a row may remain.
          const first = Math.ceil((pad.length * 8) / 6);
          const inner = whole.slice(first, Math.floor(((pad.length + secret.length) * 8) / 6));
          for (let i = 0; i + 8 <= inner.length; i++) expect(text).not.toContain(inner.slice(i, i + 8));
        }
      }
    },
  );

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

/** The message of the error a client with these credentials throws for one answer of getServiceBinding. */
async function messageFor(credentials: ServiceBindingsClientOptions, answer: Answer): Promise<string> {
  const { fetch } = fakeFetch(answer);
  const client = createServiceBindingsClient({ ...credentials, accountId: ACCOUNT, fetch, maxRetries: 0 });
  return (await failureOf(client.getServiceBinding({ prefix_id: PREFIX, binding_id: BINDING_ID }))).message;
}

const notFound = (message: string) =>
  json(404, { success: false, errors: [{ code: 1002, message }], messages: [], result: null });

describe("the redaction rule: real secrets never leave, and messages stay readable", () => {
  test("a one-letter test token leaves a message that does not contain it as a word untouched", async () => {
    expect(await messageFor({ apiToken: "t" }, notFound("Binding not found"))).toBe(
      `GET /accounts/${ACCOUNT}/addressing/prefixes/${PREFIX}/bindings/${BINDING_ID} -> 404: Binding not found (code 1002)`,
    );
  });

  test("a short value is still redacted where it stands as a whole word, in any case", async () => {
    const message = await messageFor(
      { apiToken: "tk-1" },
      notFound("token tk-1 (TK-1) refused; atk-1b kept"),
    );
    expect(message).toContain("token [REDACTED] ([REDACTED]) refused; atk-1b kept");
  });

  test("a short e-mail and key are redacted as words, and the words around them are kept", async () => {
    const message = await messageFor(
      { apiEmail: "a@b.io", apiKey: "k9" },
      notFound("user a@b.io with key k9 not found; k99 and ka@b.iob are other words"),
    );
    expect(message).toContain(
      "user [REDACTED] with key [REDACTED] not found; k99 and ka@b.iob are other words",
    );
  });

  test("a real-length secret is redacted even inside a longer word", async () => {
    const message = await messageFor({ apiToken: TOKEN }, notFound(`Bearer${TOKEN}xyz`));
    expect(message).toContain("Bearer[REDACTED]xyz");
  });

  test.each([
    ["a short one", "RED"],
    ["a long one that the marker contains", "REDACTED"],
    ["one that is the marker", "[REDACTED]"],
  ])("the marker is never redacted again, even by a secret that is %s", async (_, apiToken) => {
    const message = await messageFor({ apiToken }, notFound(`echo ${apiToken} and ${apiToken}`));
    expect(message).toContain("echo [REDACTED] and [REDACTED]");
    expect(message).not.toMatch(/\[REDAC(?!TED\])|(?<!\[REDAC)TED\]/);
  });
});
