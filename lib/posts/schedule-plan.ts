/**
 * The timing rules behind scheduled publication (lib/posts/schedule.ts arms the timers). Pure,
 * so they are unit-tested.
 */

/** The longest delay setTimeout accepts (about 24.8 days); longer ones fire at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** Fire a little after the publication time, so a page rendered then already includes the post. */
export const FIRE_MARGIN_MS = 250;

export interface ScheduledPost {
  id: string;
  publishedAt: Date;
}

/** What a timer for a publication due at `dueAt` should do, seen at `now`. */
export type TimerPlan =
  /** The time has come (or is within the margin): expire the caches now. */
  | { kind: "due" }
  /** Wait `delayMs`, then expire the caches. */
  | { kind: "fire"; delayMs: number }
  /** Too far for one timer: wait `delayMs` (the maximum) and plan again. */
  | { kind: "rearm"; delayMs: number };

export function planTimer(dueAt: Date, now: Date): TimerPlan {
  const delay = dueAt.getTime() - now.getTime() + FIRE_MARGIN_MS;
  if (delay <= 0) return { kind: "due" };
  if (delay > MAX_TIMER_MS) return { kind: "rearm", delayMs: MAX_TIMER_MS };
  return { kind: "fire", delayMs: delay };
}

/** The posts that are still waiting at `now`, soonest first. */
export function upcoming(posts: readonly ScheduledPost[], now: Date): ScheduledPost[] {
  return posts
    .filter((p) => p.publishedAt.getTime() > now.getTime())
    .sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime());
}

/** When the next post goes public after `now`, or null when nothing is waiting. */
export function nextDueTime(posts: readonly ScheduledPost[], now: Date): Date | null {
  return upcoming(posts, now)[0]?.publishedAt ?? null;
}

/** Which of `posts` became public in the window (since, until]. */
export function dueBetween(posts: readonly ScheduledPost[], since: Date, until: Date): ScheduledPost[] {
  return posts.filter((p) => p.publishedAt.getTime() > since.getTime() && p.publishedAt.getTime() <= until.getTime());
}
