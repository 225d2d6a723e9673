"use client";

import Link from "next/link";
import { type MouseEvent } from "react";
import { useFormAction } from "@/components/ui/use-form-action";
import { FormMessage } from "@/components/ui/form";
import { threadClasses } from "@/lib/comments/thread-classes";
import { formatDateTime } from "@/lib/format";
import { initialFormState } from "@/lib/forms/state";
import { moderateCommentsAction } from "@/lib/moderation/actions";
import type { QueueItem } from "@/lib/moderation/queries";
import { OP_LABEL, type ModerationOp } from "@/lib/moderation/transitions";

const buttonClass =
  "rounded-full border border-stone-300 px-3 py-1 text-xs font-medium hover:border-amber-600 disabled:opacity-60 dark:border-stone-600";
const dangerClass =
  "rounded-full border border-red-300 px-3 py-1 text-xs font-medium text-red-800 hover:border-red-600 disabled:opacity-60 dark:border-red-800 dark:text-red-300";

/** With JavaScript, a permanent deletion asks first (without it, the Trash is the safety net). */
function confirmDelete(event: MouseEvent<HTMLButtonElement>) {
  if (!window.confirm("Delete permanently? This cannot be undone.")) event.preventDefault();
}

/**
 * One comment's status buttons: each submits `op` = "<op>:<id>" to moderateCommentsAction (the
 * queue's rows and a comment's own page alike). Spam, Trash and Delete look dangerous.
 */
export function ModerationOpButtons({ commentId, ops, pending }: { commentId: number; ops: ModerationOp[]; pending: boolean }) {
  return ops.map((op) => (
    <button
      key={op}
      type="submit"
      name="op"
      value={`${op}:${commentId}`}
      disabled={pending}
      onClick={op === "delete" ? confirmDelete : undefined}
      className={op === "delete" || op === "spam" || op === "trash" ? dangerClass : buttonClass}
    >
      {OP_LABEL[op]}
    </button>
  ));
}

function QueueRow({ item, ops, pending }: { item: QueueItem; ops: ModerationOp[]; pending: boolean }) {
  const rowId = `queue-comment-${item.id}`;
  const parentHref = item.parent
    ? item.parent.status === "APPROVED"
      ? `/comments/${item.parent.id}`
      : `/dashboard/comments/${item.parent.id}`
    : null;
  return (
    <li id={rowId} aria-labelledby={`${rowId}-label`} className="flex gap-3 py-5">
      <div className="pt-1">
        <input
          type="checkbox"
          name="ids"
          value={item.id}
          id={`${rowId}-select`}
          aria-label={`Select comment ${item.id} by ${item.authorName}`}
          className="h-4 w-4"
        />
      </div>
      <div className="min-w-0 flex-1">
        <p id={`${rowId}-label`} className="text-sm">
          <span className="font-semibold">{item.authorName}</span>
          <span className="text-stone-500 dark:text-stone-400"> on </span>
          <Link href={`/posts/${item.post.slug}`} className="font-medium underline decoration-stone-300 hover:text-amber-700 dark:hover:text-amber-400">
            {item.post.title}
          </Link>
        </p>
        <dl className="mt-1 flex flex-wrap gap-x-4 gap-y-0.5 text-xs text-stone-600 dark:text-stone-400">
          {item.email ? (
            <div className="flex gap-1">
              <dt>E-mail:</dt>
              <dd>
                <a href={`mailto:${item.email}`} className="underline">
                  {item.email}
                </a>
              </dd>
            </div>
          ) : null}
          {item.website ? (
            <div className="flex gap-1">
              <dt>Website:</dt>
              <dd className="max-w-64 truncate">
                <a href={item.website} rel="nofollow ugc noopener" className="underline">
                  {item.website}
                </a>
              </dd>
            </div>
          ) : null}
          {item.authorHandle ? (
            <div className="flex gap-1">
              <dt>Account:</dt>
              <dd>
                <Link href={`/authors/${item.authorHandle}`} className="underline">
                  @{item.authorHandle}
                </Link>
              </dd>
            </div>
          ) : (
            <div className="flex gap-1">
              <dt>Account:</dt>
              <dd>guest</dd>
            </div>
          )}
          {item.ipHash ? (
            <div className="flex gap-1">
              <dt>IP hash:</dt>
              <dd>
                <code>{item.ipHash}</code>
              </dd>
            </div>
          ) : null}
          <div className="flex gap-1">
            <dt className="sr-only">Posted</dt>
            <dd>
              <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time>
              {item.editedAt ? " (edited)" : ""}
            </dd>
          </div>
          {item.likeCount > 0 ? (
            <div className="flex gap-1">
              <dt>Likes:</dt>
              <dd>{item.likeCount}</dd>
            </div>
          ) : null}
        </dl>
        {item.parent && parentHref ? (
          <p className="mt-2 border-l-2 border-stone-300 pl-3 text-xs text-stone-600 dark:border-stone-700 dark:text-stone-400">
            In reply to{" "}
            <Link href={parentHref} className="font-medium underline">
              {item.parent.authorName}
            </Link>
            {item.parent.excerpt ? <>: “{item.parent.excerpt}”</> : null}
          </p>
        ) : null}
        <div
          className={threadClasses.body}
          // Sanitized when the comment was saved (lib/markdown/comment.ts).
          dangerouslySetInnerHTML={{ __html: item.bodyHtml }}
        />
        <div className="mt-3 flex flex-wrap gap-2">
          <ModerationOpButtons commentId={item.id} ops={ops} pending={pending} />
          <Link href={`/dashboard/comments/${item.id}`} className={buttonClass}>
            {item.status === "APPROVED" ? "Edit or reply" : "Edit"}
          </Link>
          {item.status === "APPROVED" ? (
            <Link href={`/comments/${item.id}`} className="self-center text-xs underline">
              View on the essay
            </Link>
          ) : null}
        </div>
      </div>
    </li>
  );
}

/**
 * The queue as one plain form: each comment's buttons submit `op=<action>:<id>`; the bulk menu
 * submits `op=bulk` with the ticked ids. Works without JavaScript; with it, the page updates in
 * place.
 */
export function ModerationQueue({ items, ops, tabLabel }: { items: QueueItem[]; ops: ModerationOp[]; tabLabel: string }) {
  const [state, form, pending] = useFormAction(moderateCommentsAction, initialFormState);
  return (
    <form {...form} aria-label={`${tabLabel} comments`} className="mt-6">
      <FormMessage message={state.message} ok={state.ok} />
      {items.length === 0 ? (
        <p className="mt-6 text-stone-600 dark:text-stone-400">No comments here.</p>
      ) : (
        <>
          <div className="mt-4 flex flex-wrap items-center gap-2">
            <label htmlFor="bulk-action" className="text-sm font-medium">
              Bulk action
            </label>
            <select
              id="bulk-action"
              name="bulkAction"
              defaultValue=""
              className="rounded-md border border-stone-300 bg-white px-2 py-1 text-sm dark:border-stone-600 dark:bg-stone-800"
            >
              <option value="">Choose…</option>
              {ops.map((op) => (
                <option key={op} value={op}>
                  {OP_LABEL[op]}
                </option>
              ))}
            </select>
            <button type="submit" name="op" value="bulk" disabled={pending} className={buttonClass}>
              Apply
            </button>
            <span className="text-xs text-stone-500 dark:text-stone-400">to the ticked comments</span>
          </div>
          <ul className="mt-2 divide-y divide-stone-200 dark:divide-stone-800" aria-label="Comments">
            {items.map((item) => (
              <QueueRow key={item.id} item={item} ops={ops} pending={pending} />
            ))}
          </ul>
        </>
      )}
    </form>
  );
}
