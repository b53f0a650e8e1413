// The fake's time: the test's clock (`options.now`, Date.now by default, so
// vitest's fake timers move it too) plus what `fake.advanceTime` added. Nothing
// in the fake sleeps: what takes time (a BGP advertisement) is due at a moment,
// and the store settles what is due when it is next read.

/** The fake's clock: the time now, in milliseconds since the epoch, and a way to move it on. */
export interface Clock {
  now(): number;
  /** Moves the fake's time on by `ms` (a non-negative number). */
  advance(ms: number): void;
}

/** A clock reading `now` (the test's time) plus every advance made. */
export function createClock(now: () => number): Clock {
  let offset = 0;
  return {
    now: () => now() + offset,
    advance: (ms) => {
      if (!Number.isFinite(ms) || ms < 0) {
        throw new Error(`advanceTime: ms must be a non-negative number of milliseconds, got ${ms}`);
      }
      offset += ms;
    },
  };
}

/** A moment in the API's RFC 3339 form (e.g. `2014-01-01T05:20:00.123Z`). */
export function timestamp(ms: number): string {
  return new Date(ms).toISOString();
}
