"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import Link from "next/link";
import { deleteCommentAction, editCommentAction } from "@/lib/comments/actions";
import { FormMessage } from "@/components/ui/form";

export function EditCommentForm({ commentId, body, cancelHref }: { commentId: number; body: string; cancelHref: string }) {
  const [state, form, pending] = useFormAction(editCommentAction, {});
  return (
    <form {...form} className="mt-2 flex flex-col gap-3" noValidate aria-label="Edit comment">
      <FormMessage message={state.message} />
      <input type="hidden" name="commentId" value={commentId} />
      <label htmlFor={`edit-${commentId}`} className="text-sm font-medium">
        Edit your comment
      </label>
      <textarea
        id={`edit-${commentId}`}
        name="body"
        rows={5}
        maxLength={10_000}
        defaultValue={state.values?.body ?? body}
        aria-invalid={state.errors?.body ? true : undefined}
        aria-describedby={state.errors?.body ? `edit-${commentId}-error` : undefined}
        className="block w-full rounded-md border border-stone-300 bg-white px-3 py-2 dark:border-stone-600 dark:bg-stone-800"
      />
      {state.errors?.body ? (
        <p id={`edit-${commentId}-error`} className="text-sm font-medium text-red-700 dark:text-red-400">
          {state.errors.body}
        </p>
      ) : null}
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded-full bg-amber-700 px-4 py-1.5 text-sm font-semibold text-white hover:bg-amber-800"
        >
          Save changes
        </button>
        <Link href={cancelHref} className="text-sm underline">
          Cancel
        </Link>
      </div>
    </form>
  );
}

/** Delete with a confirmation step that needs no JavaScript (a disclosure with the real button). */
export function DeleteCommentForm({ commentId }: { commentId: number }) {
  const [state, form, pending] = useFormAction(deleteCommentAction, {});
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-stone-600 hover:text-red-700 dark:text-stone-400">Delete</summary>
      <form {...form} className="mt-2 flex flex-wrap items-center gap-2">
        <input type="hidden" name="commentId" value={commentId} />
        <span>Delete this comment? Replies stay.</span>
        <button
          type="submit"
          disabled={pending}
          className="rounded-full bg-red-700 px-3 py-1 text-sm font-semibold text-white hover:bg-red-800"
        >
          Delete comment
        </button>
        {state.message ? (
          <span role="alert" className="text-red-700">
            {state.message}
          </span>
        ) : null}
      </form>
    </details>
  );
}
