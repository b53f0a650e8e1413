// createServiceBindingsClient refuses bad options at once, naming the option.
import { describe, expect, test } from "vitest";
import {
  createServiceBindingsClient,
  InvalidArgumentError,
  type ServiceBindingsClientOptions,
} from "../../src/index.ts";
import { EMAIL, KEY, TOKEN } from "../support/fixtures.ts";

function refusal(options: unknown): InvalidArgumentError {
  try {
    createServiceBindingsClient(options as ServiceBindingsClientOptions);
  } catch (error) {
    if (error instanceof InvalidArgumentError) return error;
    throw error;
  }
  throw new Error("the options were accepted");
}

describe("credentials", () => {
  test.each([
    [
      "none",
      {},
      "credentials",
      "credentials are missing: give apiToken (preferred), or apiEmail with apiKey",
    ],
    [
      "both forms",
      { apiToken: TOKEN, apiKey: KEY },
      "credentials",
      "credentials must be apiToken, or apiEmail with apiKey, not both",
    ],
    ["an e-mail without a key", { apiEmail: EMAIL }, "apiKey", "apiKey is required with apiEmail"],
    ["a key without an e-mail", { apiKey: KEY }, "apiEmail", "apiEmail is required with apiKey"],
    ["an empty token", { apiToken: "" }, "apiToken", "apiToken must not be empty"],
    ["a token that is not a string", { apiToken: 42 }, "apiToken", "apiToken must be a string, got a number"],
    [
      "a token with a line break",
      { apiToken: `${TOKEN}\r\nX-Evil: 1` },
      "apiToken",
      "apiToken must be visible ASCII characters only (no spaces, line breaks or other characters)",
    ],
    [
      "an e-mail with a space",
      { apiEmail: `${EMAIL} x`, apiKey: KEY },
      "apiEmail",
      "apiEmail must be visible ASCII characters only (no spaces, line breaks or other characters)",
    ],
    ["an empty e-mail", { apiEmail: "", apiKey: KEY }, "apiEmail", "apiEmail must not be empty"],
    [
      "a key with a space",
      { apiEmail: EMAIL, apiKey: `${KEY} x` },
      "apiKey",
      "apiKey must be visible ASCII characters only (no spaces, line breaks or other characters)",
    ],
  ])("refuses %s with a clear error", (_, options, argument, message) => {
    const error = refusal(options);
    expect(error.argument).toBe(argument);
    expect(error.message).toBe(message);
  });

  test("accepts either form alone", () => {
    expect(() => createServiceBindingsClient({ apiToken: TOKEN })).not.toThrow();
    expect(() => createServiceBindingsClient({ apiEmail: EMAIL, apiKey: KEY })).not.toThrow();
  });

  test("never echoes a refused credential", () => {
    const error = refusal({ apiToken: `${TOKEN} with space` });
    expect(`${error.message} ${error.stack}`).not.toContain(TOKEN);
  });
});

describe("options", () => {
  test.each([
    ["baseUrl", { baseUrl: "not a url" }, "baseUrl must be an absolute http(s) URL"],
    ["baseUrl", { baseUrl: "ftp://example.org" }, "baseUrl must be an absolute http(s) URL"],
    ["baseUrl", { baseUrl: "https://example.org/v4?x=1" }, "baseUrl must not have a query or a fragment"],
    [
      "timeoutMs",
      { timeoutMs: 0 },
      "timeoutMs must be a positive number of milliseconds up to 2147483647, got 0",
    ],
    [
      "timeoutMs",
      { timeoutMs: Number.POSITIVE_INFINITY },
      "timeoutMs must be a positive number of milliseconds up to 2147483647, got Infinity",
    ],
    [
      "timeoutMs",
      { timeoutMs: 2 ** 31 },
      "timeoutMs must be a positive number of milliseconds up to 2147483647, got 2147483648",
    ],
    [
      "baseUrl",
      { baseUrl: "https://user:pa55@example.org/v4" },
      "baseUrl must not contain credentials (user:password@); use apiToken",
    ],
    [
      "userAgent",
      { userAgent: "app/1\r\nX-Evil: 1" },
      "userAgent must be a string of printable ASCII characters only",
    ],
    ["userAgent", { userAgent: "" }, "userAgent must be a string of printable ASCII characters only"],
    ["userAgent", { userAgent: 5 as never }, "userAgent must be a string of printable ASCII characters only"],
    ["maxRetries", { maxRetries: -1 }, "maxRetries must be a whole number from 0 to 10, got -1"],
    ["maxRetries", { maxRetries: 11 }, "maxRetries must be a whole number from 0 to 10, got 11"],
    ["maxRetries", { maxRetries: 1.5 }, "maxRetries must be a whole number from 0 to 10, got 1.5"],
    ["accountId", { accountId: "a".repeat(33) }, "accountId must be at most 32 characters, got 33"],
    [
      "backoff.maxDelayMs",
      { backoff: { maxDelayMs: -5 } },
      "backoff.maxDelayMs must be a non-negative number of milliseconds up to 2147483647",
    ],
    ["fetch", { fetch: "nope" }, "fetch must be a function"],
    ["baseUrl", { baseUrl: 42 }, "baseUrl must be a string"],
    [
      "baseUrl",
      { baseUrl: "https://:pa55@example.org/v4" },
      "baseUrl must not contain credentials (user:password@); use apiToken",
    ],
    [
      "baseUrl",
      { baseUrl: "https://user@example.org/v4" },
      "baseUrl must not contain credentials (user:password@); use apiToken",
    ],
    [
      "timeoutMs",
      { timeoutMs: "100" },
      "timeoutMs must be a positive number of milliseconds up to 2147483647, got a string",
    ],
    [
      "timeoutMs",
      { timeoutMs: Number.NaN },
      "timeoutMs must be a positive number of milliseconds up to 2147483647, got NaN",
    ],
    [
      "timeoutMs",
      { timeoutMs: -1 },
      "timeoutMs must be a positive number of milliseconds up to 2147483647, got -1",
    ],
    ["maxRetries", { maxRetries: "2" }, "maxRetries must be a whole number from 0 to 10, got a string"],
    [
      "backoff.initialDelayMs",
      { backoff: { initialDelayMs: "1" } },
      "backoff.initialDelayMs must be a non-negative number of milliseconds up to 2147483647",
    ],
    [
      "backoff.initialDelayMs",
      { backoff: { initialDelayMs: Number.NaN } },
      "backoff.initialDelayMs must be a non-negative number of milliseconds up to 2147483647",
    ],
    [
      "backoff.maxRetryAfterMs",
      { backoff: { maxRetryAfterMs: 2 ** 31 } },
      "backoff.maxRetryAfterMs must be a non-negative number of milliseconds up to 2147483647",
    ],
  ])("refuses a bad %s", (argument, options, message) => {
    const error = refusal({ apiToken: TOKEN, ...options });
    expect(error.argument).toBe(argument);
    expect(error.message).toBe(message);
  });

  test("never echoes a baseUrl, which may carry credentials", () => {
    const error = refusal({ apiToken: TOKEN, baseUrl: "ftp://user:hunter2@example.org" });
    expect(error.message).not.toContain("hunter2");
  });

  test("refuses a missing options object", () => {
    expect(refusal(undefined).argument).toBe("options");
    expect(refusal(null).message).toBe("options must be an object with credentials");
  });

  test.each([
    ["the longest timer", { timeoutMs: 2 ** 31 - 1 }],
    ["a wait of nothing, and the longest", { backoff: { initialDelayMs: 0, maxDelayMs: 2 ** 31 - 1 } }],
    ["no retries, and the most", { maxRetries: 10 }],
    ["trailing slashes on the base URL", { baseUrl: "https://example.org/v4///" }],
    ["a user agent of printable ASCII", { userAgent: "ops-tool/1.2 (+https://example.org)" }],
  ])("accepts %s", (_, options) => {
    expect(() => createServiceBindingsClient({ apiToken: TOKEN, ...options })).not.toThrow();
  });
});
