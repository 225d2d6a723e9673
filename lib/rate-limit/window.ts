/**
 * Sliding-window rate limiting, approximated from two fixed windows (the current and the
 * previous one), the way large sites do it: cheap to store, no burst at window edges.
 */
export interface WindowCounts {
  current: number;
  previous: number;
}

/** Start of the fixed window that contains `now`. */
export function windowStart(now: number, windowMs: number): number {
  return Math.floor(now / windowMs) * windowMs;
}

/** Estimated number of events in the last `windowMs` milliseconds. */
export function slidingCount(counts: WindowCounts, now: number, windowMs: number): number {
  const elapsed = (now - windowStart(now, windowMs)) / windowMs;
  return counts.current + counts.previous * (1 - elapsed);
}

/** Seconds until the estimate drops below `limit` again, assuming no new events (at least 1). */
export function retryAfterSeconds(counts: WindowCounts, now: number, windowMs: number, limit: number): number {
  const start = windowStart(now, windowMs);
  if (counts.current >= limit) return Math.max(1, Math.ceil((start + windowMs - now) / 1000));
  if (counts.previous === 0) return 1;
  // current + previous * (1 - t) < limit  ⇔  t > 1 - (limit - current) / previous
  const t = 1 - (limit - counts.current) / counts.previous;
  const at = start + Math.max(0, t) * windowMs;
  return Math.max(1, Math.ceil((at - now) / 1000));
}
