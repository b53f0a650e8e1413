// Durations on the command line, as people write them: 8h, 90m, 45s, 1h30m.
import { InvalidArgumentError } from "../errors.ts";

const UNIT_MS = { h: 3_600_000, m: 60_000, s: 1_000 } as const;

/** Milliseconds for `8h`, `90m`, `45s` or `1h30m`; `option` names the flag in the error. */
export function parseDuration(option: string, text: string): number {
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(text.trim());
  if (!match || text.trim() === "") {
    throw new InvalidArgumentError(
      option,
      `must be a duration such as 8h, 90m, 45s or 1h30m, got ${JSON.stringify(text)}`,
    );
  }
  const [, h = 0, m = 0, s = 0] = match;
  const ms = Number(h) * UNIT_MS.h + Number(m) * UNIT_MS.m + Number(s) * UNIT_MS.s;
  if (ms === 0) throw new InvalidArgumentError(option, "must be longer than nothing");
  return ms;
}
