"use client";

import { useActionState } from "react";
import { likeCommentAction, type LikeState } from "@/lib/comments/actions";
import { likedByLabel } from "@/lib/comments/views";
import { useHardRedirect } from "@/components/ui/use-hard-redirect";

/**
 * The Like button and the "Liked by N people" line. A plain form bound to the server action, so
 * it works without JavaScript; with JavaScript the pressed state and the count flip the moment
 * the button is pressed (while the action is pending) and settle on the server's answer.
 * (useOptimistic would need a client-side function as the form's action, which cannot work
 * without JavaScript; the pending flag gives the same optimistic display.)
 */
export function LikeButton({
  commentId,
  liked,
  likeCount,
  likedBy,
  viewerName,
  disabledReason,
}: {
  commentId: number;
  liked: boolean;
  likeCount: number;
  likedBy: string[];
  viewerName: string | null;
  /** Why the viewer can't like this one (their own comment); the button is then not shown. */
  disabledReason?: string | null;
}) {
  const [state, action, pending] = useActionState<LikeState, FormData>(likeCommentAction, {});
  useHardRedirect(state.redirectTo);
  const server = { liked: state.liked ?? liked, likeCount: state.likeCount ?? likeCount };
  const optimistic = pending ? { liked: !server.liked, likeCount: server.likeCount + (server.liked ? -1 : 1) } : server;
  const names = likedBy.filter((n) => !(viewerName && liked && n === viewerName));
  if (optimistic.liked && viewerName) names.push(viewerName);

  return (
    <div className="mt-2 flex flex-wrap items-center gap-3 text-sm">
      {disabledReason ? null : (
        <form action={action}>
          <input type="hidden" name="commentId" value={commentId} />
          <input type="hidden" name="like" value={server.liked ? "0" : "1"} />
          <button
            type="submit"
            aria-pressed={optimistic.liked}
            disabled={pending}
            className="rounded-full border border-stone-300 px-3 py-0.5 font-medium hover:border-amber-600 aria-pressed:border-amber-600 aria-pressed:bg-amber-100 aria-pressed:text-amber-900 dark:border-stone-600 dark:aria-pressed:bg-amber-900/50 dark:aria-pressed:text-amber-100"
          >
            {optimistic.liked ? "★ Liked" : "☆ Like"}
          </button>
        </form>
      )}
      {optimistic.likeCount > 0 ? (
        <details className="text-stone-600 dark:text-stone-400">
          <summary className="cursor-pointer select-none hover:text-amber-700">{likedByLabel(optimistic.likeCount)}</summary>
          <ul className="mt-1 list-inside list-disc pl-1" aria-label="People who liked this comment">
            {names.map((name, i) => (
              <li key={`${name}-${i}`}>{name}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {state.message && !state.ok ? (
        <span role="alert" className="text-red-700 dark:text-red-400">
          {state.message}
        </span>
      ) : null}
    </div>
  );
}
