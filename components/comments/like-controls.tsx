import type { FormEvent } from "react";
import { threadClasses } from "@/lib/comments/thread-classes";
import { likedByLabel, likeTarget, othersLabel } from "@/lib/comments/views";

export interface LikeControlsProps {
  commentId: number;
  /** Whose comment it is: the button's accessible name says so ("Like Ada’s comment"). */
  authorName: string;
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
    <div className={threadClasses.likes}>
      {props.hideButton ? null : (
        <form action={`/comments/${props.commentId}/like`} method="post" onSubmit={props.onSubmit}>
          <input type="hidden" name="like" value={props.nextLike} />
          {/* Seen: "☆ Like" / "★ Liked"; heard: "Like Ada’s comment, toggle button, (not) pressed". */}
          <button
            type="submit"
            aria-pressed={props.liked}
            // Not `disabled` while a like is on its way: a disabled button loses the keyboard focus.
            // LikeButton ignores presses meanwhile.
            aria-disabled={props.pending || undefined}
            className={threadClasses.likeButton}
          >
            <span aria-hidden="true">{props.liked ? "★ " : "☆ "}</span>
            {props.liked ? "Liked" : "Like"}
            <span className="sr-only"> {likeTarget(props.authorName)}</span>
          </button>
        </form>
      )}
      {props.likeCount > 0 ? (
        <details className={threadClasses.likedBy}>
          <summary className={threadClasses.likedBySummary}>{likedByLabel(props.likeCount)}</summary>
          <ul className={threadClasses.likers} aria-label="People who liked this comment">
            {props.names.map((name, i) => (
              <li key={`${name}-${i}`}>{name}</li>
            ))}
            {props.likeCount > props.names.length ? (
              <li>{othersLabel(props.likeCount - props.names.length, props.names.length > 0)}</li>
            ) : null}
          </ul>
        </details>
      ) : null}
      {props.message ? (
        <span role="alert" className={threadClasses.likeMessage}>
          {props.message}
        </span>
      ) : null}
    </div>
  );
}
