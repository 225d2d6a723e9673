import type { Db } from "../db/client";
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
    const start = windowStart(now, rule.windowMs);
    const where = { key_windowStart: { key, windowStart: new Date(start) } };
    let current: number;
    try {
      current = (
        await this.db.rateLimit.upsert({
          where,
          create: { key, windowStart: new Date(start), count: 1 },
          update: { count: { increment: 1 } },
        })
      ).count;
    } catch {
      current = (await this.db.rateLimit.update({ where, data: { count: { increment: 1 } } })).count;
    }
    const previousRow = await this.db.rateLimit.findUnique({
      where: { key_windowStart: { key, windowStart: new Date(start - rule.windowMs) } },
      select: { count: true },
    });
    const before = { current: current - 1, previous: previousRow?.count ?? 0 };
    const count = slidingCount(before, now, rule.windowMs);
    if (count < rule.limit) return { allowed: true, count: count + 1, retryAfterSeconds: 0 };
    await this.db.rateLimit.update({ where, data: { count: { decrement: 1 } } });
    return { allowed: false, count, retryAfterSeconds: retryAfterSeconds(before, now, rule.windowMs, rule.limit) };
  }

  /** Takes back one event counted in the current window (never below zero). */
  async undo(key: string, rule: Pick<LimitRule, "windowMs">, now: number = Date.now()): Promise<void> {
    await this.db.rateLimit.updateMany({
      where: { key, windowStart: new Date(windowStart(now, rule.windowMs)), count: { gt: 0 } },
      data: { count: { decrement: 1 } },
    });
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
