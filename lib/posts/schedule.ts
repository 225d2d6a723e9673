/**
 * Scheduled essays appear on their own. Whether an essay is public is decided at read time
 * (publishedWhere), but reading pages and their queries are cached, so something must expire
 * those caches when the time comes. This module keeps one in-process timer per scheduled post:
 * armed when a post is scheduled (lib/posts/actions.ts), for every future post when the server
 * starts (instrumentation.ts), and again by a periodic sweep that picks up posts scheduled by
 * other instances. See docs/decisions/008-scheduled-publication.md for the reasoning.
 */
import { tags } from "../cache/tags";
import { planTimer, upcoming, type ScheduledPost } from "./schedule-plan";

/** How often the sweep looks for posts scheduled elsewhere. */
export const SWEEP_INTERVAL_MS = 5 * 60_000;

interface Registry {
  timers: Map<string, { at: number; handle: ReturnType<typeof setTimeout> }>;
  sweep: ReturnType<typeof setInterval> | null;
}

// Next bundles route handlers, server actions and instrumentation separately; the registry
// lives on globalThis so they all share the same timers.
const holder = globalThis as { __hearthSchedule?: Registry };
function registry(): Registry {
  holder.__hearthSchedule ??= { timers: new Map(), sweep: null };
  return holder.__hearthSchedule;
}

/** The posts with a timer armed, and when (for tests and diagnostics). */
export function armedTimers(): Map<string, Date> {
  return new Map([...registry().timers].map(([id, t]) => [id, new Date(t.at)]));
}

async function expireOutsideRequest(postId: string): Promise<void> {
  // Loaded when first needed, as the database client is below: instrumentation.ts imports this
  // module before anything else has started.
  const { expireTagsInBackground } = await import("../cache/revalidate");
  await expireTagsInBackground([tags.posts, tags.post(postId)], `scheduled post ${postId}`);
}

/** Arms (or re-arms) the timer that makes `postId` appear at `at`. */
export function schedulePublication(postId: string, at: Date, now: Date = new Date()): void {
  const reg = registry();
  const current = reg.timers.get(postId);
  if (current?.at === at.getTime()) return;
  cancelPublication(postId);
  const plan = planTimer(at, now);
  if (plan.kind === "due") {
    void expireOutsideRequest(postId);
    return;
  }
  const handle = setTimeout(() => {
    reg.timers.delete(postId);
    if (plan.kind === "rearm") schedulePublication(postId, at);
    else void expireOutsideRequest(postId);
  }, plan.delayMs);
  // A pending publication must not keep a finishing process (tests, scripts) alive.
  handle.unref?.();
  reg.timers.set(postId, { at: at.getTime(), handle });
}

/** Forgets the timer of a post that was unpublished, rescheduled or deleted. */
export function cancelPublication(postId: string): void {
  const reg = registry();
  const current = reg.timers.get(postId);
  if (current) clearTimeout(current.handle);
  reg.timers.delete(postId);
}

/** Arms timers for every post still waiting at `now`. */
export function armAll(posts: readonly ScheduledPost[], now: Date = new Date()): number {
  const waiting = upcoming(posts, now);
  for (const post of waiting) schedulePublication(post.id, post.publishedAt, now);
  return waiting.length;
}

/** Reads the posts waiting to be published and arms their timers. */
export async function armScheduledPosts(): Promise<number> {
  const { db } = await import("../db/client");
  const now = new Date();
  const rows = await db.post.findMany({
    where: { status: { in: ["SCHEDULED", "PUBLISHED"] }, publishedAt: { gt: now } },
    select: { id: true, publishedAt: true },
  });
  return armAll(
    rows.flatMap((r) => (r.publishedAt ? [{ id: r.id, publishedAt: r.publishedAt }] : [])),
    now,
  );
}

/** Called once when the server starts: arm what is waiting, then sweep now and then. */
export async function startScheduler(): Promise<void> {
  const reg = registry();
  if (reg.sweep) return;
  const sweep = () =>
    armScheduledPosts().catch((error: unknown) => console.error("[hearth] could not read scheduled posts:", error));
  reg.sweep = setInterval(() => void sweep(), SWEEP_INTERVAL_MS);
  reg.sweep.unref?.();
  await sweep();
}
