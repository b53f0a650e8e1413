// Durations as people write them on the command line (--timeout 8h): hours,
// minutes and seconds in that order, each optional, adding up; anything else,
// and a duration of nothing, is refused naming the flag.
import { describe, expect, test } from "vitest";
import { parseDuration } from "../../src/cli/duration.ts";
import { InvalidArgumentError } from "../../src/index.ts";

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** What `parseDuration` throws for `text` given to `option`. */
function refusal(option: string, text: string): unknown {
  try {
    parseDuration(option, text);
  } catch (error) {
    return error;
  }
  throw new Error(`${JSON.stringify(text)} was accepted`);
}

describe("parseDuration", () => {
  test.each([
    ["8h", 8 * HOUR],
    ["12h", 12 * HOUR],
    ["90m", 90 * MINUTE],
    ["45s", 45 * SECOND],
    ["120s", 2 * MINUTE],
    ["1h30m", 90 * MINUTE],
    ["2h15s", 2 * HOUR + 15 * SECOND],
    ["1h2m3s", HOUR + 2 * MINUTE + 3 * SECOND],
    [" 10m\n", 10 * MINUTE],
  ])("%j is %d ms", (text, ms) => {
    expect(parseDuration("--timeout", text)).toBe(ms);
  });

  test.each(["soon", "", "  ", "h", "1.5h", "30m1h", "-5m", "10", "1d"])(
    "%j is refused, naming the flag and quoting what was given",
    (text) => {
      const error = refusal("--timeout", text);
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect(error).toMatchObject({
        argument: "--timeout",
        message: `--timeout must be a duration such as 8h, 90m, 45s or 1h30m, got ${JSON.stringify(text)}`,
      });
    },
  );

  test.each(["0s", "0h0m0s", "00m"])("%j is refused as no time at all", (text) => {
    const error = refusal("--wait-for", text);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error).toMatchObject({
      argument: "--wait-for",
      message: "--wait-for must be longer than nothing",
    });
  });
});
