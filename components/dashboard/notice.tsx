/** The confirmations a dashboard page shows after a redirect (?notice=…). */
const NOTICES: Record<string, string> = {
  created: "Draft saved.",
  saved: "Saved.",
  published: "Published. Readers can see it now.",
  scheduled: "Scheduled. It will appear on its own at that time.",
  unpublished: "Moved back to drafts. Readers no longer see it.",
  deleted: "The post was deleted.",
};

export function Notice({ code }: { code: string | undefined }) {
  const text = code ? NOTICES[code] : undefined;
  if (!text) return null;
  return (
    <p
      role="status"
      className="mb-6 rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100"
    >
      {text}
    </p>
  );
}
