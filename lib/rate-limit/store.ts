import { sqlOf, type Db } from "../db/client";
import { Prisma } from "../generated/sqlite/client";
import { retryAfterSeconds, slidingCount, windowStart, type WindowCounts } from "./window";

export interface LimitRule {
  /** Events allowed within the window. */
  limit: number;
  windowMs: number;
}

export interface LimitState {
  allowed: boolean;
  count: number;
  retryAfterSeconds: number;
}

async function counts(db: Db, key: string, now: number, windowMs: number): Promise<WindowCounts> {
  const start = windowStart(now, windowMs);
  const rows = await db.rateLimit.findMany({
    where: { key, windowStart: { in: [new Date(start), new Date(start - windowMs)] } },
    select: { windowStart: true, count: true },
  });
  let current = 0;
  let previous = 0;
  for (const r of rows) {
    if (r.windowStart.getTime() === start) current = r.count;
    else previous = r.count;
  }
  return { current, previous };
}

/**
 * Rate limits kept in the database, so every instance of the app sees the same counts.
 * `check` only reads; `record` counts one event.
 */
export class RateLimiter {
  constructor(private readonly db: Db) {}

  /** Whether one more event under `key` is allowed by `rule` (does not count it). */
  async check(key: string, rule: LimitRule, now: number = Date.now()): Promise<LimitState> {
    const c = await counts(this.db, key, now, rule.windowMs);
    const count = slidingCount(c, now, rule.windowMs);
    const allowed = count < rule.limit;
    return { allowed, count, retryAfterSeconds: allowed ? 0 : retryAfterSeconds(c, now, rule.windowMs, rule.limit) };
  }

  /** Counts one event under `key`. */
  async record(key: string, rule: Pick<LimitRule, "windowMs">, now: number = Date.now()): Promise<void> {
    const start = new Date(windowStart(now, rule.windowMs));
    const where = { key_windowStart: { key, windowStart: start } };
    try {
      await this.db.rateLimit.upsert({
        where,
        create: { key, windowStart: start, count: 1 },
        update: { count: { increment: 1 } },
      });
    } catch {
      // Two instances created the row at the same moment: the row exists now.
      await this.db.rateLimit.update({ where, data: { count: { increment: 1 } } });
    }
    // Now and then, forget windows nobody can be limited by any more.
    if (Math.random() < 0.01) {
      await this.db.rateLimit.deleteMany({ where: { windowStart: { lt: new Date(now - 2 * 86_400_000) } } });
    }
  }

  /**
   * Counts one event and tells whether it was allowed, atomically: the increment happens first
   * and each caller sees its own position, so concurrent callers cannot all slip under the
   * limit. A refused event is taken back, so retrying too early does not extend the wait.
   */
  async hit(key: string, rule: LimitRule, now: number = Date.now()): Promise<LimitState> {
    return this.hitAll([{ key, rule }], now);
  }

  /**
   * `hit` for several limits at once (e.g. per address and per person, per minute and per
   * hour): one statement counts the event under every key, one reads the previous windows (on
   * PostgreSQL, both are one statement).
   * Allowed only when every limit allows it; otherwise nothing stays counted, and the answer is
   * the longest wait. Keys must be distinct.
   */
  async hitAll(limits: readonly { key: string; rule: LimitRule }[], now: number = Date.now()): Promise<LimitState> {
    if (limits.length === 0) return { allowed: true, count: 0, retryAfterSeconds: 0 };
    if (new Set(limits.map((l) => l.key)).size !== limits.length) throw new Error("hitAll: keys must be distinct");
    const windows = limits.map((l) => {
      const start = windowStart(now, l.rule.windowMs);
      return { ...l, start: new Date(start), previous: new Date(start - l.rule.windowMs) };
    });
    const values = Prisma.join(windows.map((w) => Prisma.sql`(${w.key}, ${w.start}, 1)`));
    const count = Prisma.sql`
      INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES ${values}
      ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimit"."count" + 1
      RETURNING "key", "count"`;
    const runner = sqlOf(this.db);
    let counted: { key: string; count: number | bigint }[];
    let previousRows: { key: string; count: number | bigint | null }[];
    if (runner.engine === "postgresql") {
      // One round trip: the count and the previous windows in one statement (a like's or a
      // comment's flood check runs on every write; docs/decisions/010-write-path.md).
      const previousStart = Prisma.join(
        windows.map((w) => Prisma.sql`WHEN ${w.key} THEN CAST(${w.previous} AS timestamp(3))`),
        " ",
      );
      const both = await runner.query<{ key: string; count: number; previous: number | null }>(Prisma.sql`
        WITH counted AS (${count})
        SELECT counted."key", counted."count", p."count" AS "previous"
        FROM counted LEFT JOIN "RateLimit" p
          ON p."key" = counted."key" AND p."windowStart" = CASE counted."key" ${previousStart} END`);
      counted = both;
      previousRows = both.map((r) => ({ key: r.key, count: r.previous }));
    } else {
      counted = await runner.query(count);
      previousRows = await runner.query(Prisma.sql`
        SELECT "key", "count" FROM "RateLimit" WHERE ${Prisma.join(
          windows.map((w) => Prisma.sql`("key" = ${w.key} AND "windowStart" = ${w.previous})`),
          " OR ",
        )}`);
    }
    const currentOf = new Map(counted.map((r) => [r.key, Number(r.count)]));
    const previousOf = new Map(previousRows.map((r) => [r.key, Number(r.count ?? 0)]));
    let result: LimitState = { allowed: true, count: 0, retryAfterSeconds: 0 };
    for (const w of windows) {
      const before = { current: (currentOf.get(w.key) ?? 1) - 1, previous: previousOf.get(w.key) ?? 0 };
      const count = slidingCount(before, now, w.rule.windowMs);
      if (count < w.rule.limit) {
        if (result.allowed) result = { allowed: true, count: Math.max(result.count, count + 1), retryAfterSeconds: 0 };
        continue;
      }
      const wait = retryAfterSeconds(before, now, w.rule.windowMs, w.rule.limit);
      if (result.allowed || wait > result.retryAfterSeconds) result = { allowed: false, count, retryAfterSeconds: wait };
    }
    if (!result.allowed) await this.undoAll(limits, now);
    if (Math.random() < 0.01) {
      await sqlOf(this.db).execute(Prisma.sql`DELETE FROM "RateLimit" WHERE "windowStart" < ${new Date(now - 2 * 86_400_000)}`);
    }
    return result;
  }

  /** Takes back the events `hitAll` counted under these limits at `now`. */
  async undoAll(limits: readonly { key: string; rule: Pick<LimitRule, "windowMs"> }[], now: number = Date.now()): Promise<void> {
    if (limits.length === 0) return;
    await sqlOf(this.db).execute(Prisma.sql`
      UPDATE "RateLimit" SET "count" = "count" - 1
      WHERE "count" > 0 AND (${Prisma.join(
        limits.map((l) => Prisma.sql`("key" = ${l.key} AND "windowStart" = ${new Date(windowStart(now, l.rule.windowMs))})`),
        " OR ",
      )})`);
  }

  /** Takes back one event counted in the current window (never below zero). */
  async undo(key: string, rule: Pick<LimitRule, "windowMs">, now: number = Date.now()): Promise<void> {
    await this.undoAll([{ key, rule }], now);
  }

  /** Forgets the events under `key` (e.g. failed sign-ins after a successful one). */
  async reset(key: string): Promise<void> {
    await this.db.rateLimit.deleteMany({ where: { key } });
  }
}

/** "Try again in 12 minutes." */
export function retryMessage(seconds: number): string {
  if (seconds < 60) return `Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`;
  const minutes = Math.ceil(seconds / 60);
  return `Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
