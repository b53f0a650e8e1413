// The redactor and the cause copier on their own: every form a secret can take
// is replaced, nothing else is touched, and a cause is copied safely however it
// is built (non-Errors, aggregates, long chains, missing stacks).
import { inspect } from "node:util";
import { describe, expect, test } from "vitest";
import { base64Forms, createRedactor, REDACTED, safeCause } from "../../src/redact.ts";

describe("createRedactor", () => {
  test("with no secrets, or only empty ones, leaves every text as it is", () => {
    for (const redact of [createRedactor([]), createRedactor(["", ""])]) {
      expect(redact("a text with t and token")).toBe("a text with t and token");
    }
  });

  test("replaces a secret's raw, percent-encoded and JSON-escaped forms, each whole", () => {
    const secret = 'to"k/en+value%99';
    const redact = createRedactor([secret]);
    for (const form of [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]) {
      expect(redact(`<${form}>`)).toBe(`<${REDACTED}>`);
    }
  });

  test("a secret that contains another is replaced whole, not around the shorter one", () => {
    const redact = createRedactor(["key-12345678", "key-12345678-extended"]);
    expect(redact("x key-12345678-extended y")).toBe(`x ${REDACTED} y`);
    expect(redact("x key-12345678 y")).toBe(`x ${REDACTED} y`);
  });

  test("a secret of exactly eight characters is found inside a word; of seven, only as a word", () => {
    expect(createRedactor(["12345678"])("a12345678b")).toBe(`a${REDACTED}b`);
    expect(createRedactor(["1234567"])("a1234567b 1234567")).toBe(`a1234567b ${REDACTED}`);
  });

  test("an empty secret beside a real one is ignored", () => {
    expect(createRedactor(["", "secret-value-1"])("x secret-value-1 y")).toBe(`x ${REDACTED} y`);
  });

  test("a short secret and a real-length one given together are both replaced", () => {
    // As many forms of each kind (three short, three long): neither may be taken for no secrets at all.
    expect(createRedactor(["t", "secret-value-1"])("t and secret-value-1")).toBe(
      `${REDACTED} and ${REDACTED}`,
    );
  });

  test("leaves text that holds no secret exactly as it is, whatever the secrets", () => {
    // Ordinary log text, and the placeholder text a mutation tool plants in lists, so that a
    // stray entry in any of the redactor's lists of forms would show up here as a change.
    const texts = [
      "GET /accounts/abc/addressing/prefixes -> 404: Binding not found (code 1002)",
      "connect ECONNREFUSED 127.0.0.1:443",
      "Stryker was here",
      "stryker was here!",
      `already ${REDACTED} once`,
    ];
    for (const secrets of [[], ["", ""], ["t"], ["secret-value-1"], ["t", "secret-value-1"]]) {
      const redact = createRedactor(secrets);
      for (const text of texts) expect(redact(text)).toBe(text);
    }
  });
});

describe("base64Forms", () => {
  test("gives, for each of three offsets, the characters made of the secret's bits alone, in both alphabets", () => {
    const forms = base64Forms("~~~???");
    expect(forms).toHaveLength(6);
    const encoded = (pad: string) => Buffer.from(`${pad}~~~???`).toString("base64");
    expect(forms[0]).toBe(encoded("").slice(0, 8));
    expect(forms[2]).toBe(encoded("a").slice(2, 9));
    expect(forms[4]).toBe(encoded("ab").slice(3, 10));
    expect(forms[1]).toBe(forms[0]?.replace(/\+/g, "-").replace(/\//g, "_"));
    expect(forms.some((form) => /[+/]/.test(form))).toBe(true);
  });
});

describe("safeCause", () => {
  const redact = createRedactor(["secret-token-1"]);

  test("leaves undefined and null as they are", () => {
    expect(safeCause(undefined, redact)).toBeUndefined();
    expect(safeCause(null, redact)).toBeNull();
  });

  test("turns anything that is not an Error into a redacted string", () => {
    expect(safeCause("a secret-token-1", redact)).toBe(`a ${REDACTED}`);
    expect(safeCause({ token: "secret-token-1" }, redact)).toBe(`{"token":"${REDACTED}"}`);
    expect(safeCause(42, redact)).toBe("42");
    expect(safeCause(Symbol("s"), redact)).toBe("Symbol(s)");
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(safeCause(circular, redact)).toBe("[object Object]");
  });

  test("copies an Error's name, message, stack and network fields, redacted, never the original", () => {
    const original = Object.assign(new Error("failed secret-token-1"), {
      code: "ECONNRESET",
      errno: -104,
      port: 443,
      address: "secret-token-1.example",
      request: { headers: { authorization: "secret-token-1" } },
    });
    original.name = "SocketError";
    const copy = safeCause(original, redact) as Error & Record<string, unknown>;
    expect(copy).not.toBe(original);
    expect(copy).toMatchObject({ name: "SocketError", message: `failed ${REDACTED}`, code: "ECONNRESET" });
    expect(copy.errno).toBe(-104);
    expect(copy.port).toBe(443);
    expect(copy.address).toBe(`${REDACTED}.example`);
    expect(copy.request).toBeUndefined();
    // The original's own stack, frames and all, redacted.
    expect(copy.stack).toBe(original.stack?.replaceAll("secret-token-1", REDACTED));
    expect(copy.stack).toMatch(/\n +at /);
  });

  test("an Error whose name, message or stack is not text is copied as text, redacted, without failing", () => {
    const original = new Error("x");
    Object.assign(original, {
      name: { kind: "secret-token-1" },
      message: ["secret-token-1"],
      stack: undefined,
    });
    const copy = safeCause(original, redact) as Error;
    expect(copy.name).toBe("[object Object]");
    expect(copy.message).toBe(REDACTED);
    expect(copy.stack).toBe(`[object Object]: ${REDACTED}`);
    const named = Object.assign(new Error("failed"), { name: "Error for secret-token-1" });
    expect((safeCause(named, redact) as Error).name).toBe(`Error for ${REDACTED}`);
  });

  test("a network field that is neither text nor a number is left out, since no redactor looks inside it", () => {
    const original = Object.assign(new Error("failed"), {
      code: null,
      address: { host: "secret-token-1.example" },
      port: ["secret-token-1"],
    });
    const copy = safeCause(original, redact) as Error;
    for (const field of ["code", "errno", "syscall", "address", "port"])
      expect(Object.hasOwn(copy, field)).toBe(false);
    expect(inspect(copy, { depth: 10, showHidden: true })).not.toContain("secret-token-1");
  });

  test("an Error without a cause is copied without one, so a log shows no empty cause", () => {
    const copy = safeCause(new Error("outer", { cause: new Error("inner") }), redact) as Error;
    const inner = copy.cause as Error;
    expect(inner.message).toBe("inner");
    expect(Object.hasOwn(inner, "cause")).toBe(false);
    expect(inspect(inner)).not.toMatch(/\bcause: undefined/);
  });

  test("an Error without a stack gets one made of its name and message", () => {
    const original = new TypeError("no stack secret-token-1");
    delete original.stack;
    expect((safeCause(original, redact) as Error).stack).toBe(`TypeError: no stack ${REDACTED}`);
  });

  test("copies an AggregateError's inner errors, redacted", () => {
    const aggregate = new AggregateError([new Error("one secret-token-1"), "two secret-token-1"], "both");
    const copy = safeCause(aggregate, redact) as { errors: unknown[] };
    expect((copy.errors[0] as Error).message).toBe(`one ${REDACTED}`);
    expect(copy.errors[1]).toBe(`two ${REDACTED}`);
  });

  test("follows a cause chain to eight levels, and drops what is deeper", () => {
    let chain: Error = new Error("level 10");
    for (let level = 9; level >= 0; level--) chain = new Error(`level ${level}`, { cause: chain });
    let copy = safeCause(chain, redact) as Error | undefined;
    const levels: string[] = [];
    while (copy) {
      levels.push(copy.message);
      copy = copy.cause as Error | undefined;
    }
    expect(levels).toEqual(Array.from({ length: 9 }, (_, level) => `level ${level}`));
  });

  test("stops an aggregate's inner errors at the same depth", () => {
    let chain: unknown = new AggregateError([new Error("deepest")], "level 9");
    for (let level = 8; level >= 0; level--) chain = new AggregateError([chain], `level ${level}`);
    let copy = safeCause(chain, redact) as { errors?: unknown[]; message: string } | undefined;
    let depth = 0;
    while (copy?.errors?.[0]) {
      copy = copy.errors[0] as typeof copy;
      depth++;
    }
    expect(depth).toBe(8);
  });
});
