"use client";

import { useState, type FormEvent } from "react";
import { LikeControls } from "./like-controls";

/**
 * The Like button for a signed-in reader: the same form as without JavaScript, sent in place.
 * The pressed state and the count flip the moment it is pressed and settle on the server's
 * answer; a refusal shows its message next to the button.
 */
export function LikeButton({
  commentId,
  authorName,
  liked,
  likeCount,
  likedBy,
  viewerName,
  hideButton,
}: {
  commentId: number;
  authorName: string;
  liked: boolean;
  likeCount: number;
  likedBy: string[];
  viewerName: string;
  hideButton?: boolean;
}) {
  const [server, setServer] = useState({ liked, likeCount });
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const shown = pending ? { liked: !server.liked, likeCount: server.likeCount + (server.liked ? -1 : 1) } : server;
  const names = likedBy.filter((n) => !(liked && n === viewerName));
  if (shown.liked) names.push(viewerName);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const body = new FormData(event.currentTarget);
    setPending(true);
    setMessage(null);
    try {
      const response = await fetch(`/comments/${commentId}/like`, {
        method: "POST",
        body,
        headers: { accept: "application/json" },
      });
      const data = (await response.json()) as {
        ok: boolean;
        liked?: boolean;
        likeCount?: number;
        message?: string;
        redirectTo?: string;
      };
      if (data.redirectTo) {
        window.location.assign(data.redirectTo);
        return;
      }
      if (data.ok && typeof data.liked === "boolean" && typeof data.likeCount === "number") {
        setServer({ liked: data.liked, likeCount: data.likeCount });
      } else {
        setMessage(data.message ?? "That did not work. Please try again.");
      }
    } catch {
      setMessage("Could not reach the site. Please try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <LikeControls
      commentId={commentId}
      authorName={authorName}
      liked={shown.liked}
      likeCount={shown.likeCount}
      names={names}
      hideButton={hideButton}
      nextLike={server.liked ? "0" : "1"}
      pending={pending}
      message={message}
      onSubmit={onSubmit}
    />
  );
}
