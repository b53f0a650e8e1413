// The retry policy's data and arithmetic: which statuses, how long to wait.
import { describe, expect, test } from "vitest";
import { DEFAULT_BACKOFF, isRetryableStatus, parseRetryAfter, retryDelayMs, sleep } from "../../src/retry.ts";

describe("isRetryableStatus", () => {
  test.each([408, 429, 500, 502, 503, 504, 520, 599])("%i is retried", (status) => {
    expect(isRetryableStatus(status)).toBe(true);
  });

  test.each([200, 201, 400, 401, 403, 404, 409, 422, 501, 505, 600])("%i is not retried", (status) => {
    expect(isRetryableStatus(status)).toBe(false);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-11-26T12:00:00Z");

  test.each([
    ["seconds", "17", 17],
    ["seconds with spaces", " 3 ", 3],
    ["fractional seconds", "1.5", 1.5],
    ["an HTTP date 30 s ahead", "Thu, 26 Nov 2026 12:00:30 GMT", 30],
    ["an HTTP date in the past", "Thu, 26 Nov 2026 11:00:00 GMT", 0],
    ["an RFC 850 date", "Thursday, 26-Nov-26 12:00:10 GMT", 10],
    ["an asctime date", "Thu Nov 26 12:00:20 2026", 20],
    ["garbage", "soon", undefined],
    ["words around a number", "abc 5", undefined],
    ["a bare year after a word", "foo 2026", undefined],
    ["a negative number", "-5", undefined],
    ["a number followed by words", "5 seconds", undefined],
    ["seconds with two decimals", "1.25", 1.25],
    ["an HTTP date that names no real day", "Thu, 99 Nov 2026 12:00:30 GMT", undefined],
    ["an asctime date at no real hour", "Thu Nov 26 25:00:20 2026", undefined],
    ["an HTTP date with a wrong zone", "Thu, 26 Nov 2026 12:00:30 UTC", undefined],
  ])("reads %s", (_, value, seconds) => {
    expect(parseRetryAfter(value, now)).toBe(seconds);
  });

  test("is undefined without the header", () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe("retryDelayMs", () => {
  test("doubles from the initial delay up to the maximum, before jitter", () => {
    const noJitter = () => 0;
    expect(
      [1, 2, 3, 4, 5, 6].map((retry) => retryDelayMs(retry, undefined, DEFAULT_BACKOFF, noJitter)),
    ).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
  });

  test("jitter shortens a wait by at most a quarter", () => {
    expect(retryDelayMs(1, undefined, DEFAULT_BACKOFF, () => 0.999999)).toBe(375);
    expect(retryDelayMs(3, undefined, DEFAULT_BACKOFF, () => 0.5)).toBe(1750);
  });

  test("honours Retry-After exactly, capped at maxRetryAfterMs", () => {
    expect(retryDelayMs(1, 1, DEFAULT_BACKOFF)).toBe(1000);
    expect(retryDelayMs(1, 0, DEFAULT_BACKOFF)).toBe(0);
    expect(retryDelayMs(1, 3600, DEFAULT_BACKOFF)).toBe(60_000);
  });
});

describe("sleep", () => {
  test("rejects at once with the reason when the signal has already aborted", async () => {
    const controller = new AbortController();
    controller.abort(new Error("before"));
    await expect(sleep(60_000, controller.signal)).rejects.toThrow("before");
  });

  test("rejects with the reason when the signal aborts during the wait, and only then", async () => {
    const controller = new AbortController();
    const waiting = sleep(60_000, controller.signal);
    controller.abort(new Error("during"));
    await expect(waiting).rejects.toThrow("during");
    await expect(sleep(1, controller.signal)).rejects.toThrow("during");
    await expect(sleep(1, new AbortController().signal)).resolves.toBeUndefined();
    await expect(sleep(1, undefined)).resolves.toBeUndefined();
  });
});
