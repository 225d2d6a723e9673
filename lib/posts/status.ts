/**
 * What state a post is in, as authors see it. Stored state (status, publishedAt) says what the
 * author asked for; the displayed state is derived from it at a given moment, the same way the
 * reading pages decide what is public (lib/posts/published.ts). Pure, so it is unit-tested.
 */

export type StoredStatus = "DRAFT" | "SCHEDULED" | "PUBLISHED";
export type DisplayStatus = "draft" | "scheduled" | "published";

export const DISPLAY_STATUSES: readonly DisplayStatus[] = ["draft", "scheduled", "published"];

export interface StatusFields {
  status: StoredStatus;
  publishedAt: Date | string | null;
}

function timeOf(value: Date | string | null): number | null {
  if (value === null) return null;
  const t = new Date(value).getTime();
  return Number.isNaN(t) ? null : t;
}

/**
 * "draft" for drafts (and for a publishing state without a date, which cannot be shown),
 * "scheduled" for SCHEDULED or PUBLISHED with a publication time still in the future,
 * "published" once that time has come.
 */
export function displayStatus(post: StatusFields, now: Date = new Date()): DisplayStatus {
  if (post.status === "DRAFT") return "draft";
  const at = timeOf(post.publishedAt);
  if (at === null) return "draft";
  return at > now.getTime() ? "scheduled" : "published";
}

/** Whether readers can see the post at `now` (the same rule as publishedWhere()). */
export function isPublicAt(post: StatusFields, now: Date = new Date()): boolean {
  return displayStatus(post, now) === "published";
}

/** "Draft", "Scheduled", "Published". */
export function statusLabel(status: DisplayStatus): string {
  return status === "draft" ? "Draft" : status === "scheduled" ? "Scheduled" : "Published";
}

/** A status filter from a query parameter; anything unknown means "all". */
export function parseStatusFilter(raw: string | undefined | null): DisplayStatus | "all" {
  return DISPLAY_STATUSES.find((s) => s === raw) ?? "all";
}

/** The Prisma `where` for one displayed status at `now` (mirrors displayStatus()). */
export function statusWhere(filter: DisplayStatus | "all", now: Date = new Date()) {
  switch (filter) {
    case "draft":
      return { OR: [{ status: "DRAFT" as const }, { publishedAt: null }] };
    case "scheduled":
      return { status: { in: ["SCHEDULED" as const, "PUBLISHED" as const] }, publishedAt: { gt: now } };
    case "published":
      return { status: { in: ["SCHEDULED" as const, "PUBLISHED" as const] }, publishedAt: { lte: now } };
    default:
      return {};
  }
}

/**
 * Reads a `datetime-local` value ("2026-05-01T14:30", seconds optional) as a time in the
 * author's zone. `offsetMinutes` is what the browser's Date#getTimezoneOffset() says for that
 * local time: UTC minus local time in minutes (UTC+2 gives -120, New York in winter 300).
 * Without JavaScript it is absent and the time is read as UTC. Null when the value is not a
 * real date and time.
 */
export function parseLocalDateTime(value: string, offsetMinutes: number = 0): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((p) => (p === undefined ? 0 : Number(p))) as number[];
  const utc = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
  const check = new Date(utc);
  // Reject dates that roll over (31 February, 25:00).
  if (check.getUTCMonth() !== month! - 1 || check.getUTCDate() !== day! || check.getUTCHours() !== hour!) return null;
  if (!Number.isFinite(offsetMinutes) || Math.abs(offsetMinutes) > 14 * 60) return null;
  return new Date(utc + offsetMinutes * 60_000);
}

/** The `datetime-local` value for `date` in a zone `offsetMinutes` behind UTC (0 = UTC). */
export function toLocalDateTimeValue(date: Date, offsetMinutes: number = 0): string {
  const local = new Date(date.getTime() - offsetMinutes * 60_000);
  return local.toISOString().slice(0, 16);
}
