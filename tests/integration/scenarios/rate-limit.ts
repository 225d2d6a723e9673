import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import type { RateLimiter as RateLimiterClass, LimitRule } from "@/lib/rate-limit/store";

// The database rate limiter (lib/rate-limit/store.ts) on each engine: rate-limit.test.ts runs it
// on SQLite, rate-limit-postgres.test.ts on PostgreSQL, where hitAll is one statement of its own.
const MIN = 60_000;
const RULE: LimitRule = { limit: 5, windowMs: MIN };
/** 10.5 s into a one-minute window, far from any edge. */
const W0 = Date.UTC(2030, 0, 1, 12, 0);
const T0 = W0 + 10_500;

/** The rate limiter's tests, on the database `open` gives (call inside a describe). */
export function rateLimiterTests(open: () => Promise<{ db: Db; url: string; cleanup: () => Promise<void> }>): void {
  let fresh: { db: Db; url: string; cleanup: () => Promise<void> };
  let db: Db;
  let RateLimiter: typeof RateLimiterClass;
  let limiter: RateLimiterClass;

  beforeAll(async () => {
    fresh = await open();
    db = fresh.db;
    ({ RateLimiter } = await import("@/lib/rate-limit/store"));
    limiter = new RateLimiter(db);
  });

  afterAll(async () => {
    await fresh?.cleanup();
  });

  const recordTimes = async (key: string, n: number, now: number) => {
    for (let i = 0; i < n; i++) await limiter.record(key, RULE, now);
  };

  it("allows an unknown key without counting anything", async () => {
    expect(await limiter.check("fresh-key", RULE, T0)).toEqual({ allowed: true, count: 0, retryAfterSeconds: 0 });
    expect(await db.rateLimit.count({ where: { key: "fresh-key" } })).toBe(0);
  });

  it("check does not count", async () => {
    for (let i = 0; i < 20; i++) expect((await limiter.check("check-only", RULE, T0)).allowed).toBe(true);
    expect(await db.rateLimit.count({ where: { key: "check-only" } })).toBe(0);
  });

  it("reaches the limit exactly at N recorded events", async () => {
    const key = "exact-n";
    for (let i = 0; i < RULE.limit; i++) {
      const state = await limiter.check(key, RULE, T0);
      expect(state, `after ${i}`).toEqual({ allowed: true, count: i, retryAfterSeconds: 0 });
      await limiter.record(key, RULE, T0);
    }
    const full = await limiter.check(key, RULE, T0);
    expect(full.allowed).toBe(false);
    expect(full.count).toBe(RULE.limit);
    // The window ends 49.5 s later; the previous-window weight is below 1 right after that.
    expect(full.retryAfterSeconds).toBe(50);
    const rows = await db.rateLimit.findMany({ where: { key } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.count).toBe(RULE.limit);
    expect(rows[0]?.windowStart.getTime()).toBe(W0);
  });

  it("hitAll counts under every key at once and sees what record and check see", async () => {
    const HOUR: LimitRule = { limit: 7, windowMs: 60 * MIN };
    await recordTimes("all-min", 2, T0);
    const first = await limiter.hitAll(
      [
        { key: "all-min", rule: RULE },
        { key: "all-hour", rule: HOUR },
      ],
      T0,
    );
    expect(first).toEqual({ allowed: true, count: 3, retryAfterSeconds: 0 });
    // The rows written by plain SQL are the ones the ORM-based check reads (same key and window).
    expect((await limiter.check("all-min", RULE, T0)).count).toBe(3);
    expect((await limiter.check("all-hour", HOUR, T0)).count).toBe(1);
    expect(await db.rateLimit.count({ where: { key: { in: ["all-min", "all-hour"] } } })).toBe(2);
  });

  it("hitAll weighs each key's previous window of its own length, as check does", async () => {
    const HOUR: LimitRule = { limit: 100, windowMs: 60 * MIN };
    // T1 is a quarter into a minute and into an hour; both previous windows hold events.
    const T1 = W0 + 60 * MIN + 15_000;
    await recordTimes("prev-min", 4, T1 - MIN);
    await recordTimes("prev-hour", 40, T1 - 60 * MIN);
    const limits = [
      { key: "prev-min", rule: RULE },
      { key: "prev-hour", rule: HOUR },
    ];
    // Previous minute: 4 × 0.75 = 3, plus this one: 4 < 5. Previous hour: 40 × (1 − 15/3600), plus this one.
    const hourCount = 40 * (1 - 15 / 3600) + 1;
    const first = await limiter.hitAll(limits, T1);
    expect(first).toMatchObject({ allowed: true, retryAfterSeconds: 0 });
    expect(first.count).toBeCloseTo(hourCount, 9);
    expect((await limiter.check("prev-min", RULE, T1)).count).toBe(4);
    // A second one is the fifth in the sliding minute; a third would be the sixth: refused, and
    // taken back under both keys.
    expect((await limiter.hitAll(limits, T1)).allowed).toBe(true);
    const refused = await limiter.hitAll(limits, T1);
    expect(refused).toMatchObject({ allowed: false, count: 5 });
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect((await limiter.check("prev-min", RULE, T1)).count).toBe(5);
    expect((await limiter.check("prev-hour", HOUR, T1)).count).toBeCloseTo(hourCount + 1, 9);
  });

  it("hitAll refuses when any limit is reached, takes back every count and answers the longest wait", async () => {
    const HOUR: LimitRule = { limit: 3, windowMs: 60 * MIN };
    const limits = [
      { key: "both-min", rule: RULE },
      { key: "both-hour", rule: HOUR },
    ];
    for (let i = 0; i < 3; i++) expect((await limiter.hitAll(limits, T0 + i)).allowed, `hit ${i + 1}`).toBe(true);
    const refused = await limiter.hitAll(limits, T0 + 10);
    expect(refused.allowed).toBe(false);
    expect(refused.count).toBe(3);
    // The hour's window ends 59 min 49.5 s later: far longer than the minute's.
    expect(refused.retryAfterSeconds).toBeGreaterThan(30 * 60);
    const rows = await db.rateLimit.findMany({ where: { key: { in: ["both-min", "both-hour"] } }, orderBy: { key: "asc" } });
    expect(rows.map((r) => [r.key, r.count])).toEqual([
      ["both-hour", 3],
      ["both-min", 3],
    ]);
    await expect(limiter.hitAll([limits[0]!, limits[0]!], T0)).rejects.toThrow(/distinct/);
  });

  it("hit allows N events, then refuses without counting the refused ones", async () => {
    const key = "hits";
    for (let i = 0; i < RULE.limit; i++) {
      const state = await limiter.hit(key, RULE, T0 + i);
      expect(state.allowed, `hit ${i + 1}`).toBe(true);
      expect(state.retryAfterSeconds).toBe(0);
      expect((await db.rateLimit.findMany({ where: { key } })).map((r) => r.count)).toEqual([i + 1]);
    }
    for (let i = 0; i < 3; i++) {
      const refused = await limiter.hit(key, RULE, T0 + 100);
      expect(refused.allowed).toBe(false);
      expect(refused.count).toBe(RULE.limit);
      expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    }
    expect((await db.rateLimit.findMany({ where: { key } })).map((r) => r.count)).toEqual([RULE.limit]);
  });

  it("lets the previous window decay (sliding window)", async () => {
    const key = "decay";
    await recordTimes(key, RULE.limit, T0);
    const next = W0 + MIN;
    // Right at the start of the next window all 5 still weigh fully.
    const atStart = await limiter.check(key, RULE, next);
    expect(atStart.allowed).toBe(false);
    expect(atStart.count).toBe(5);
    // A tenth of the way in: 4.5 — allowed again.
    const tenth = await limiter.check(key, RULE, next + MIN / 10);
    expect(tenth.allowed).toBe(true);
    expect(tenth.count).toBeCloseTo(4.5, 9);
    // Halfway: 2.5; with 3 new events in this window 5.5 — refused again.
    expect((await limiter.check(key, RULE, next + MIN / 2)).count).toBeCloseTo(2.5, 9);
    await recordTimes(key, 3, next + MIN / 2);
    const mixed = await limiter.check(key, RULE, next + MIN / 2);
    expect(mixed.count).toBeCloseTo(5.5, 9);
    expect(mixed.allowed).toBe(false);
    // 3 + 5·(1−t) < 5 ⇔ t > 0.6: 6 s after the halfway point (+1 for the strict comparison at most).
    expect(mixed.retryAfterSeconds).toBeGreaterThanOrEqual(6);
    expect(mixed.retryAfterSeconds).toBeLessThanOrEqual(7);
    expect((await limiter.check(key, RULE, next + MIN / 2 + 7_000)).allowed).toBe(true);
    // Two windows on, the first window's events no longer count at all.
    expect((await limiter.check(key, RULE, W0 + 2 * MIN + 1)).count).toBeCloseTo(3 * (1 - 1 / MIN), 9);
    expect((await limiter.check(key, RULE, W0 + 3 * MIN)).count).toBe(0);
  });

  it("keeps keys apart", async () => {
    await recordTimes("iso:a", RULE.limit, T0);
    await recordTimes("iso:b", 2, T0);
    expect((await limiter.check("iso:a", RULE, T0)).allowed).toBe(false);
    expect(await limiter.check("iso:b", RULE, T0)).toMatchObject({ allowed: true, count: 2 });
    expect(await limiter.check("iso:c", RULE, T0)).toMatchObject({ allowed: true, count: 0 });
    // A key that is a prefix of another is a different key.
    expect(await limiter.check("iso:", RULE, T0)).toMatchObject({ allowed: true, count: 0 });
  });

  it("keeps windows of different lengths apart for the same key only by their start", async () => {
    const key = "two-rules";
    await recordTimes(key, 2, T0);
    // A 15-minute rule sees the same row only when the window starts coincide (W0 is a quarter hour).
    expect((await limiter.check(key, { limit: 5, windowMs: 15 * MIN }, T0)).count).toBe(2);
  });

  it("reset forgets every window of that key and nothing else", async () => {
    await recordTimes("reset:a", 3, T0 - MIN);
    await recordTimes("reset:a", 4, T0);
    await recordTimes("reset:b", 4, T0);
    expect(await db.rateLimit.count({ where: { key: "reset:a" } })).toBe(2);
    await limiter.reset("reset:a");
    expect(await db.rateLimit.count({ where: { key: "reset:a" } })).toBe(0);
    expect(await limiter.check("reset:a", RULE, T0)).toEqual({ allowed: true, count: 0, retryAfterSeconds: 0 });
    expect(await limiter.check("reset:b", RULE, T0)).toMatchObject({ count: 4 });
    await limiter.reset("reset:nothing-here");
  });

  it("counts 50 concurrent record calls exactly", async () => {
    const key = "concurrent";
    await Promise.all(Array.from({ length: 50 }, () => limiter.record(key, RULE, T0)));
    expect((await limiter.check(key, RULE, T0)).count).toBe(50);
    const rows = await db.rateLimit.findMany({ where: { key } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.count).toBe(50);
  });

  it("counts concurrent record calls exactly through separate clients (several app instances)", async () => {
    const { createDb } = await import("@/lib/db/client");
    const clients = [createDb(fresh.url), createDb(fresh.url), createDb(fresh.url)];
    try {
      const key = "concurrent:instances";
      await Promise.all(
        Array.from({ length: 45 }, (_, i) => new RateLimiter(clients[i % clients.length] as Db).record(key, RULE, T0)),
      );
      expect((await limiter.check(key, RULE, T0)).count).toBe(45);
    } finally {
      await Promise.all(clients.map((c) => c.$disconnect()));
    }
  });

  it("records into the window of the injected time, not the clock's", async () => {
    const key = "injected";
    await limiter.record(key, RULE, T0 - 5 * MIN);
    const row = await db.rateLimit.findFirst({ where: { key } });
    expect(row?.windowStart.getTime()).toBe(W0 - 5 * MIN);
    expect((await limiter.check(key, RULE, T0)).count).toBe(0);
  });

  // `hit` reads (check) and then writes (record) without holding anything in between, so
  // concurrent callers all see the same count and all get through.
  it("hit does not let concurrent callers past the limit", async () => {
    const key = "concurrent:hit";
    const states = await Promise.all(Array.from({ length: 20 }, () => limiter.hit(key, RULE, T0)));
    expect(states.filter((s) => s.allowed)).toHaveLength(RULE.limit);
    expect((await limiter.check(key, RULE, T0)).count).toBe(RULE.limit);
  });
}
