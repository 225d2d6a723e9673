"use client";

import Link from "next/link";
import { useFormAction } from "@/components/ui/use-form-action";
import { FormMessage, SubmitButton, TextArea } from "@/components/ui/form";
import { initialFormState } from "@/lib/forms/state";
import {
  moderateCommentsAction,
  moderatorEditAction,
  moderatorReplyAction,
  removeLikeAction,
  type ReplyState,
} from "@/lib/moderation/actions";
import type { Liker } from "@/lib/comments/likes-moderation";
import type { ModerationOp } from "@/lib/moderation/transitions";
import { ModerationOpButtons } from "./moderation-queue";

const sectionClass = "flex flex-col gap-4 rounded-lg border border-stone-200 p-5 dark:border-stone-800";

/** One comment's status buttons (the same action as the queue). */
export function CommentStatusForm({ commentId, ops }: { commentId: number; ops: ModerationOp[] }) {
  const [state, form, pending] = useFormAction(moderateCommentsAction, initialFormState);
  return (
    <form {...form} className="flex flex-col gap-3" aria-label="Status">
      <FormMessage message={state.message} ok={state.ok} />
      <div className="flex flex-wrap gap-2">
        <ModerationOpButtons commentId={commentId} ops={ops} pending={pending} />
      </div>
    </form>
  );
}

/** Rewrite the comment's Markdown; it is rendered again with the comment pipeline. */
export function ModeratorEditForm({ commentId, body }: { commentId: number; body: string }) {
  const [state, form, pending] = useFormAction(moderatorEditAction, initialFormState);
  return (
    <form {...form} className={sectionClass} noValidate>
      <h2 className="text-lg font-semibold">Edit the comment</h2>
      <FormMessage message={state.message} ok={state.ok} />
      <input type="hidden" name="commentId" value={commentId} />
      <TextArea
        // Distinct names: the edit and reply forms share the page, and field ids follow names.
        name="editBody"
        label="Comment text"
        rows={6}
        defaultValue={state.values?.editBody ?? body}
        error={state.errors?.body}
        hint="Markdown: emphasis, links, code, quotes and lists. Shown as “(edited)”."
      />
      <div>
        <SubmitButton pending={pending}>Save comment</SubmitButton>
      </div>
    </form>
  );
}

/** Reply as the essay's author (or an admin): published at once. */
export function ModeratorReplyForm({ commentId, asName }: { commentId: number; asName: string }) {
  const [state, form, pending] = useFormAction<ReplyState>(moderatorReplyAction, initialFormState);
  return (
    <form {...form} className={sectionClass} noValidate>
      <h2 className="text-lg font-semibold">Reply</h2>
      {state.ok && state.replyUrl ? (
        <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
          {state.message}{" "}
          <Link href={state.replyUrl} className="underline">
            See it on the essay
          </Link>
        </p>
      ) : (
        <FormMessage message={state.message} ok={state.ok} />
      )}
      <input type="hidden" name="commentId" value={commentId} />
      <TextArea
        name="replyBody"
        label="Your reply"
        rows={4}
        defaultValue={state.values?.replyBody ?? ""}
        error={state.errors?.body}
        hint={`Posted as ${asName}, approved at once.`}
      />
      <div>
        <SubmitButton pending={pending}>Publish reply</SubmitButton>
      </div>
    </form>
  );
}

/** Everyone who liked the comment (hidden names too: moderators only) and a Remove button each. */
export function LikersList({ commentId, likers }: { commentId: number; likers: Liker[] }) {
  const [state, form, pending] = useFormAction(removeLikeAction, initialFormState);
  return (
    <form {...form} className={sectionClass} aria-labelledby="likers-heading">
      <h2 id="likers-heading" className="text-lg font-semibold">
        Liked by {likers.length === 1 ? "1 person" : `${likers.length} people`}
      </h2>
      <FormMessage message={state.message} ok={state.ok} />
      <input type="hidden" name="commentId" value={commentId} />
      {likers.length === 0 ? (
        <p className="text-sm text-stone-600 dark:text-stone-400">Nobody has liked this comment.</p>
      ) : (
        <ul className="divide-y divide-stone-200 text-sm dark:divide-stone-800" aria-label="People who liked this comment">
          {likers.map((l) => (
            <li key={l.userId} aria-label={l.name} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                <Link href={`/authors/${l.handle}`} className="font-medium underline">
                  {l.name}
                </Link>
                {l.hidden ? <span className="text-stone-500 dark:text-stone-400"> (name hidden from the public)</span> : null}
              </span>
              <button
                type="submit"
                name="userId"
                value={l.userId}
                disabled={pending}
                className="rounded-full border border-red-300 px-3 py-1 text-xs font-medium text-red-800 hover:border-red-600 disabled:opacity-60 dark:border-red-800 dark:text-red-300"
              >
                Remove like
              </button>
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
