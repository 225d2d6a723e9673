import type { FormEvent } from "react";
import { likedByLabel } from "@/lib/comments/views";

export interface LikeControlsProps {
  commentId: number;
  liked: boolean;
  likeCount: number;
  /** Names shown under "Liked by N people". */
  names: string[];
  /** No button (e.g. one's own comment); the "Liked by" line still shows. */
  hideButton?: boolean;
  /** What the button sends: "1" to like, "0" to unlike. */
  nextLike: "0" | "1";
  pending?: boolean;
  message?: string | null;
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
}

/**
 * The Like button and the "Liked by N people" line, as markup: a plain form posting to
 * /comments/<id>/like (works without JavaScript). Rendered as is for anonymous readers (no
 * client code at all) and by LikeButton, which adds the in-place, optimistic behaviour.
 */
export function LikeControls(props: LikeControlsProps) {
  return (
    <div className="mt-2 flex flex-wrap items-center gap-3 text-sm">
      {props.hideButton ? null : (
        <form action={`/comments/${props.commentId}/like`} method="post" onSubmit={props.onSubmit}>
          <input type="hidden" name="like" value={props.nextLike} />
          <button
            type="submit"
            aria-pressed={props.liked}
            disabled={props.pending}
            className="rounded-full border border-stone-300 px-3 py-0.5 font-medium hover:border-amber-600 aria-pressed:border-amber-600 aria-pressed:bg-amber-100 aria-pressed:text-amber-900 dark:border-stone-600 dark:aria-pressed:bg-amber-900/50 dark:aria-pressed:text-amber-100"
          >
            {props.liked ? "★ Liked" : "☆ Like"}
          </button>
        </form>
      )}
      {props.likeCount > 0 ? (
        <details className="text-stone-600 dark:text-stone-400">
          <summary className="cursor-pointer select-none hover:text-amber-700">{likedByLabel(props.likeCount)}</summary>
          <ul className="mt-1 list-inside list-disc pl-1" aria-label="People who liked this comment">
            {props.names.map((name, i) => (
              <li key={`${name}-${i}`}>{name}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {props.message ? (
        <span role="alert" className="text-red-700 dark:text-red-400">
          {props.message}
        </span>
      ) : null}
    </div>
  );
}
