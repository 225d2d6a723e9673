/**
 * A post is public when it is published (or was scheduled) and its publication time has come.
 * The state is derived at read time, so a scheduled essay needs no job to appear.
 */
export function publishedWhere(now: Date = new Date()) {
  return { status: { in: ["PUBLISHED" as const, "SCHEDULED" as const] }, publishedAt: { lte: now } };
}

export const POSTS_PER_PAGE = 10;

/** Number of pages for `total` items, at least one (an empty first page is still a page). */
export function pageCountFor(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage));
}

/** Parses a page number from a URL segment: a positive integer without leading zeros, else null. */
export function parsePageParam(raw: string | undefined): number | null {
  if (raw === undefined) return 1;
  if (!/^[1-9][0-9]{0,5}$/.test(raw)) return null;
  return Number(raw);
}
