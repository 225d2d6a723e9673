import { describe, expect, it } from "vitest";
import { retryAfterSeconds, slidingCount, windowStart, type WindowCounts } from "@/lib/rate-limit/window";
import { retryMessage } from "@/lib/rate-limit/store";

const MIN = 60_000;

/**
 * The estimate `slidingCount` gives at `later` for the events counted at `now`, assuming no new
 * events: within the same window the counts stay, one window on the current count becomes the
 * previous one, later still nothing is left.
 */
function estimateAt(counts: WindowCounts, now: number, later: number, windowMs: number): number {
  const shift = (windowStart(later, windowMs) - windowStart(now, windowMs)) / windowMs;
  const shifted: WindowCounts =
    shift === 0 ? counts : shift === 1 ? { current: 0, previous: counts.current } : { current: 0, previous: 0 };
  return slidingCount(shifted, later, windowMs);
}

describe("windowStart", () => {
  it.each([
    [0, MIN, 0],
    [1, MIN, 0],
    [MIN - 1, MIN, 0],
    [MIN, MIN, MIN],
    [MIN + 1, MIN, MIN],
    [7 * MIN + 59_999, MIN, 7 * MIN],
    [Date.UTC(2030, 0, 1, 12, 14, 59, 999), 15 * MIN, Date.UTC(2030, 0, 1, 12, 0)],
    [Date.UTC(2030, 0, 1, 12, 15), 15 * MIN, Date.UTC(2030, 0, 1, 12, 15)],
  ])("windowStart(%i, %i) = %i", (now, windowMs, expected) => {
    expect(windowStart(now, windowMs)).toBe(expected);
  });
});

describe("slidingCount", () => {
  const start = 100 * MIN;
  it.each([
    // [current, previous, ms into the window, expected]
    [0, 0, 0, 0],
    [3, 0, 30_000, 3],
    [0, 10, 0, 10],
    [0, 10, 15_000, 7.5],
    [0, 10, 30_000, 5],
    [0, 10, 45_000, 2.5],
    [4, 10, 30_000, 9],
    [4, 10, 59_999, 4 + 10 / 60_000],
  ])("current %i, previous %i, %i ms in → %d", (current, previous, into, expected) => {
    expect(slidingCount({ current, previous }, start + into, MIN)).toBeCloseTo(expected, 9);
  });

  it("weights the previous window fully at the very start and not at all one window later", () => {
    const c = { current: 0, previous: 8 };
    expect(slidingCount(c, start, MIN)).toBe(8);
    expect(estimateAt({ current: 8, previous: 0 }, start - 1, start + MIN, MIN)).toBe(0);
  });

  it("only decreases as time passes within a window", () => {
    let last = Infinity;
    for (let ms = 0; ms < MIN; ms += 1000) {
      const v = slidingCount({ current: 2, previous: 9 }, start + ms, MIN);
      expect(v).toBeLessThanOrEqual(last);
      last = v;
    }
  });
});

describe("retryAfterSeconds", () => {
  const start = 1_000 * MIN;

  it("is the rest of the window when the current window is full (not on a second boundary)", () => {
    // 10 of 10 used, 10.5 s into a one-minute window: at +50 s the previous-window weight is < 1.
    expect(retryAfterSeconds({ current: 10, previous: 0 }, start + 10_500, MIN, 10)).toBe(50);
  });

  it("is when the previous window has decayed enough", () => {
    // 0 now, 20 before, limit 10: allowed once 20·(1−t) < 10, i.e. after half the window.
    expect(retryAfterSeconds({ current: 0, previous: 20 }, start + 100, MIN, 10)).toBe(30);
    // 4 now, 10 before, limit 10 at 30.5 s: 4 + 10·(1−t) < 10 ⇔ t > 0.4 — already past, so 1 s at least.
    expect(retryAfterSeconds({ current: 4, previous: 10 }, start + 30_500, MIN, 10)).toBe(1);
  });

  it("is 1 when there is nothing to wait for", () => {
    expect(retryAfterSeconds({ current: 0, previous: 0 }, start + 5, MIN, 10)).toBe(1);
    expect(retryAfterSeconds({ current: 9, previous: 0 }, start + 5, MIN, 10)).toBe(1);
  });

  it("is 1 (never 0) in the last millisecond of a full window", () => {
    expect(retryAfterSeconds({ current: 10, previous: 0 }, start + MIN - 1, MIN, 10)).toBe(1);
  });

  // The limit is strict (allowed ⇔ estimate < limit), so landing exactly on the moment the
  // estimate equals the limit is still refused.
  it("is exact at a boundary: a full window ending on a whole second", () => {
    // 10 of 10, exactly 10 s in: at +50 s the next window starts with previous = 10 → 10, refused.
    const counts = { current: 10, previous: 0 };
    const r = retryAfterSeconds(counts, start + 10_000, MIN, 10);
    expect(estimateAt(counts, start + 10_000, start + 10_000 + r * 1000, MIN)).toBeLessThan(10);
    expect(r).toBe(51);
  });

  it("is exact at a boundary: decay reaching the limit on a whole second", () => {
    // 5 + 10·(1−t) < 10 ⇔ t > 0.5: at 30 s it is exactly 10 (refused), at 31 s 9.83 (allowed).
    const counts = { current: 5, previous: 10 };
    const r = retryAfterSeconds(counts, start + 10_000, MIN, 10);
    expect(estimateAt(counts, start + 10_000, start + 10_000 + r * 1000, MIN)).toBeLessThan(10);
    expect(r).toBe(21);
  });

  it("accounts for the carried-over weight when the current window is over the limit", () => {
    // 20 events against a limit of 10 (e.g. concurrent failures recorded after one check):
    // at the end of this window they become the previous window, 20·(1−t) < 10 ⇔ t > 0.5, so
    // the wait is the 30 s left plus just over half of the next window: 61 s, not 30 s.
    const counts = { current: 20, previous: 0 };
    const r = retryAfterSeconds(counts, start + 30_000, MIN, 10);
    expect(estimateAt(counts, start + 30_000, start + 30_000 + 30_000, MIN)).toBeGreaterThanOrEqual(10);
    expect(estimateAt(counts, start + 30_000, start + 30_000 + r * 1000, MIN)).toBeLessThan(10);
    expect(r).toBe(61);
  });

  /** Every blocked state on a grid of windows, limits, counts and moments. */
  function* blockedStates(opts: { alignedMoments: boolean; overLimit: boolean }) {
    for (const windowMs of [1000, 10_000, MIN, 15 * MIN]) {
      const base = 5_000 * windowMs;
      const fractions = opts.alignedMoments ? [0, 0.1, 0.25, 0.5, 0.75, 0.9] : [];
      const moments = [
        ...fractions.map((f) => base + Math.round(f * windowMs)),
        base + 1,
        base + 333,
        base + Math.round(windowMs * 0.4) + 7,
        base + windowMs - 1,
      ];
      for (const limit of [1, 3, 10]) {
        for (let current = 0; current <= limit + (opts.overLimit ? 5 : 0); current++) {
          for (let previous = 0; previous <= 3 * limit; previous++) {
            for (const now of moments) {
              const counts = { current, previous };
              if (slidingCount(counts, now, windowMs) < limit) continue;
              yield { windowMs, limit, counts, now, into: now - base };
            }
          }
        }
      }
    }
  }

  it("is a whole number of seconds, never below 1", () => {
    let n = 0;
    for (const s of blockedStates({ alignedMoments: true, overLimit: true })) {
      const r = retryAfterSeconds(s.counts, s.now, s.windowMs, s.limit);
      expect(Number.isInteger(r)).toBe(true);
      expect(r).toBeGreaterThanOrEqual(1);
      n++;
    }
    expect(n).toBeGreaterThan(500);
  });

  it("is never longer than needed (one second earlier is still refused, up to floating-point noise)", () => {
    const tooLong: string[] = [];
    for (const s of blockedStates({ alignedMoments: true, overLimit: true })) {
      const r = retryAfterSeconds(s.counts, s.now, s.windowMs, s.limit);
      // Exactly at the limit in exact arithmetic may come out a hair below it in floating point.
      if (r > 1 && estimateAt(s.counts, s.now, s.now + (r - 1) * 1000, s.windowMs) < s.limit - 1e-9)
        tooLong.push(JSON.stringify({ ...s, r }));
    }
    expect(tooLong.slice(0, 10)).toEqual([]);
  });

  it("is long enough in the ordinary case (counts within the limit, moments off second boundaries)", () => {
    const tooShort: string[] = [];
    for (const s of blockedStates({ alignedMoments: false, overLimit: false })) {
      const r = retryAfterSeconds(s.counts, s.now, s.windowMs, s.limit);
      if (estimateAt(s.counts, s.now, s.now + r * 1000, s.windowMs) >= s.limit) tooShort.push(JSON.stringify({ ...s, r }));
    }
    expect(tooShort.slice(0, 10)).toEqual([]);
  });

  it("is long enough everywhere: retrying after exactly that many seconds is allowed", () => {
    const tooShort: string[] = [];
    let total = 0;
    for (const s of blockedStates({ alignedMoments: true, overLimit: true })) {
      total++;
      const r = retryAfterSeconds(s.counts, s.now, s.windowMs, s.limit);
      if (estimateAt(s.counts, s.now, s.now + r * 1000, s.windowMs) >= s.limit) tooShort.push(JSON.stringify({ ...s, r }));
    }
    expect({ tooShort: tooShort.length, total, examples: tooShort.slice(0, 5) }).toEqual({ tooShort: 0, total, examples: [] });
  });
});

describe("retryMessage", () => {
  it.each([
    [1, "Try again in 1 second."],
    [2, "Try again in 2 seconds."],
    [59, "Try again in 59 seconds."],
    [60, "Try again in 1 minute."],
    [61, "Try again in 2 minutes."],
    [900, "Try again in 15 minutes."],
  ])("%i → %j", (seconds, message) => {
    expect(retryMessage(seconds)).toBe(message);
  });
});
