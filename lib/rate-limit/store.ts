import { sqlOf, type Db } from "../db/client";
import { Prisma } from "../generated/sqlite/client";
import type { SqlRunner } from "../db/sql";
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

/** A limit's key with its current window (`start`) and the one before it (`previous`). */
interface KeyWindows {
  key: string;
  start: Date;
  previous: Date;
}

/**
 * Counts one event under every key in its current window and reads each key's previous window:
 * each key's count after this event, and the previous window's count (0 when it has none). On
 * PostgreSQL one statement (the count in a CTE, joined to the previous windows): the flood check
 * runs on every write, and a round trip costs an instance more than the statement
 * (docs/decisions/012-direct-sql.md); on SQLite two.
 */
async function countUnderEvery(
  runner: SqlRunner,
  windows: readonly KeyWindows[],
): Promise<{ key: string; count: number; previous: number }[]> {
  const count = Prisma.sql`
    INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES ${Prisma.join(windows.map((w) => Prisma.sql`(${w.key}, ${w.start}, 1)`))}
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimit"."count" + 1
    RETURNING "key", "count"`;
  if (runner.engine === "postgresql") {
    const previousStart = Prisma.join(
      windows.map((w) => Prisma.sql`WHEN ${w.key} THEN CAST(${w.previous} AS timestamp(3))`),
      " ",
    );
    const rows = await runner.query<{ key: string; count: number; previous: number | null }>(Prisma.sql`
      WITH counted AS (${count})
      SELECT counted."key", counted."count", p."count" AS "previous"
      FROM counted LEFT JOIN "RateLimit" p
        ON p."key" = counted."key" AND p."windowStart" = CASE counted."key" ${previousStart} END`);
    return rows.map((r) => ({ key: r.key, count: Number(r.count), previous: Number(r.previous ?? 0) }));
  }
  const counted = await runner.query<{ key: string; count: number | bigint }>(count);
  const previous = await runner.query<{ key: string; count: number | bigint }>(Prisma.sql`
    SELECT "key", "count" FROM "RateLimit" WHERE ${Prisma.join(
      windows.map((w) => Prisma.sql`("key" = ${w.key} AND "windowStart" = ${w.previous})`),
      " OR ",
    )}`);
  const previousOf = new Map(previous.map((r) => [r.key, Number(r.count)]));
  return counted.map((r) => ({ key: r.key, count: Number(r.count), previous: previousOf.get(r.key) ?? 0 }));
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
   * hour): the event is counted under every key and the previous windows read at once
   * (countUnderEvery).
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
    const counted = new Map((await countUnderEvery(sqlOf(this.db), windows)).map((r) => [r.key, r]));
    let result: LimitState = { allowed: true, count: 0, retryAfterSeconds: 0 };
    for (const w of windows) {
      const found = counted.get(w.key);
      const before = { current: (found?.count ?? 1) - 1, previous: found?.previous ?? 0 };
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
