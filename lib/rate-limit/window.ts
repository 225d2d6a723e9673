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

/**
 * Whole seconds to wait, assuming no new events, until the estimate is below `limit` again:
 * the first whole second strictly after the moment it reaches the limit (at least 1).
 */
export function retryAfterSeconds(counts: WindowCounts, now: number, windowMs: number, limit: number): number {
  const start = windowStart(now, windowMs);
  let at: number;
  if (counts.current < limit) {
    // Still in this window: current + previous·(1 − f) drops to the limit at f = 1 − (limit − current)/previous.
    at = counts.previous > 0 ? start + (1 - (limit - counts.current) / counts.previous) * windowMs : now;
  } else {
    // Next window: this window's events carry over with weight (1 − g); they reach the limit at g = 1 − limit/current.
    at = start + windowMs + (1 - limit / counts.current) * windowMs;
  }
  const wait = at - now;
  return Math.max(1, Math.floor(wait / 1000) + 1);
}
