"use client";

import Link from "next/link";
import { useFormAction } from "@/components/ui/use-form-action";
import { FormMessage } from "@/components/ui/form";
import { threadClasses } from "@/lib/comments/thread-classes";
import { formatDateTime } from "@/lib/format";
import { initialFormState } from "@/lib/forms/state";
import { reportOpAction } from "@/lib/reports/actions";
import type { ReportedComment } from "@/lib/reports/queries";
import { REPORT_OP_LABEL, REPORT_OPS } from "@/lib/reports/schema";

const buttonClass =
  "rounded-full border border-stone-300 px-3 py-1 text-xs font-medium hover:border-amber-600 disabled:opacity-60 dark:border-stone-600";
const dangerClass =
  "rounded-full border border-red-300 px-3 py-1 text-xs font-medium text-red-800 hover:border-red-600 disabled:opacity-60 dark:border-red-800 dark:text-red-300";

/**
 * The Reports tab: each reported comment with how many reports it has and why, and the buttons
 * (dismiss, spam, trash) as one plain form: `op=<action>:<comment id>`. Works without JavaScript.
 */
export function ReportsList({ items }: { items: ReportedComment[] }) {
  const [state, form, pending] = useFormAction(reportOpAction, initialFormState);
  return (
    <form {...form} aria-label="Reported comments" className="mt-6">
      <FormMessage message={state.message} ok={state.ok} />
      {items.length === 0 ? (
        <p className="mt-6 text-stone-600 dark:text-stone-400">No reported comments.</p>
      ) : (
        <ul className="mt-2 divide-y divide-stone-200 dark:divide-stone-800" aria-label="Comments">
          {items.map((item) => {
            const rowId = `queue-comment-${item.id}`;
            const count = item.reports.length === 1 ? "1 report" : `${item.reports.length} reports`;
            return (
              <li key={item.id} id={rowId} aria-labelledby={`${rowId}-label`} className="py-5">
                <p id={`${rowId}-label`} className="text-sm">
                  <span className="font-semibold">{item.authorName}</span>
                  <span className="text-stone-500 dark:text-stone-400"> on </span>
                  <Link href={`/posts/${item.post.slug}`} className="font-medium underline decoration-stone-300">
                    {item.post.title}
                  </Link>
                  <span className="text-stone-500 dark:text-stone-400">
                    {" "}
                    · <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time> ·{" "}
                    {item.status.charAt(0) + item.status.slice(1).toLowerCase()}
                  </span>
                </p>
                <div
                  className={threadClasses.body}
                  // Sanitized when the comment was saved (lib/markdown/comment.ts).
                  dangerouslySetInnerHTML={{ __html: item.bodyHtml }}
                />
                <p className="mt-3 text-sm font-semibold">{count}</p>
                <ul className="mt-1 list-disc pl-5 text-sm text-stone-700 dark:text-stone-300" aria-label="Reports">
                  {item.reports.map((r, i) => (
                    <li key={i}>
                      <span className="font-medium">{r.reason}</span> — {r.reporterName}
                      {r.note ? <>: “{r.note}”</> : null}
                    </li>
                  ))}
                </ul>
                <div className="mt-3 flex flex-wrap gap-2">
                  {REPORT_OPS.map((op) => (
                    <button
                      key={op}
                      type="submit"
                      name="op"
                      value={`${op}:${item.id}`}
                      disabled={pending}
                      className={op === "dismiss" ? buttonClass : dangerClass}
                    >
                      {REPORT_OP_LABEL[op]}
                    </button>
                  ))}
                  <Link href={`/dashboard/comments/${item.id}`} className={buttonClass}>
                    Open
                  </Link>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </form>
  );
}
