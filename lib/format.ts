const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});

/** "27 November 2026" (UTC, so cached pages read the same for everyone). */
export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

/** "27 November 2026 at 14:05 UTC" */
export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso)).replace(",", " at");
}

/** "1 comment" / "30 comments" */
export function commentCountLabel(count: number): string {
  return count === 1 ? "1 comment" : `${count.toLocaleString("en-US")} comments`;
}
