import type { CommentOrder, ThreadNode, TreeInput } from "./tree";
import type { RememberedCommenter } from "./tokens";

/** A comment as the thread shows it. Guests' e-mail addresses never leave the server. */
export interface CommentView {
  id: number;
  parentId: number | null;
  depth: number;
  authorName: string;
  /** The writer's account id (null for guests and tombstones), for the viewer's own controls. */
  authorId: string | null;
  authorHandle: string | null;
  authorImage: string | null;
  /** A guest's website, shown as a nofollow/ugc link. */
  guestUrl: string | null;
  isPostAuthor: boolean;
  /** Empty for tombstones. */
  bodyHtml: string;
  createdAt: string;
  editedAt: string | null;
  likeCount: number;
  /** Names of the people who liked it, oldest like first. */
  likedBy: string[];
  /** The viewer's own comment awaiting moderation (never true on the shared, cached page). */
  pending: boolean;
  /** Whether the viewer likes it (never true on the shared, cached page). */
  likedByMe: boolean;
}

export interface CommentNodeView {
  comment: CommentView;
  tombstone: boolean;
  replyingTo: { id: number; name: string } | null;
  displayDepth: number;
  children: CommentNodeView[];
}

export interface ThreadPage {
  /** Approved comments on the post (the heading's N). */
  total: number;
  page: number;
  pageCount: number;
  nodes: CommentNodeView[];
}

/** Maps a built tree to its view form (no Dates, no private fields). */
export function toNodeViews<T extends TreeInput>(
  nodes: readonly ThreadNode<T>[],
  view: (c: T) => CommentView,
): CommentNodeView[] {
  return nodes.map((n) => ({
    comment: n.tombstone ? { ...view(n.comment), bodyHtml: "", likeCount: 0, likedBy: [], likedByMe: false } : view(n.comment),
    tombstone: n.tombstone,
    replyingTo: n.replyingTo,
    displayDepth: n.displayDepth,
    children: toNodeViews(n.children, view),
  }));
}

/** "No comments yet" / "One thought on “Title”" / "30 thoughts on “Title”" */
export function commentsHeading(count: number, title: string): string {
  if (count <= 0) return "No comments yet";
  if (count === 1) return `One thought on “${title}”`;
  return `${count.toLocaleString("en-US")} thoughts on “${title}”`;
}

/** "Liked by 1 person" / "Liked by 5 people" */
export function likedByLabel(count: number): string {
  return count === 1 ? "Liked by 1 person" : `Liked by ${count.toLocaleString("en-US")} people`;
}

/**
 * People who liked a comment but keep their names out of public lists (they still count):
 * "and 2 others" after the listed names, "2 people" when no name is listed.
 */
export function othersLabel(count: number, afterNames: boolean): string {
  if (afterNames) return count === 1 ? "and 1 other" : `and ${count.toLocaleString("en-US")} others`;
  return count === 1 ? "1 person" : `${count.toLocaleString("en-US")} people`;
}

/**
 * What a Like button acts on, for screen readers: the button reads "Like" (or "Liked") followed
 * by this, visually hidden — "Like Ada Lovelace’s comment" — so a list of a thread's buttons says
 * which comment each one likes, as the Reply links ("Reply to Ada Lovelace") do.
 */
export function likeTarget(authorName: string): string {
  const name = authorName.trim() || "this";
  return name === "this" ? "this comment" : `${name}’s comment`;
}

/** What the per-viewer version of an essay page knows about who is looking. */
export interface EssayViewer {
  user: {
    id: string;
    name: string;
    role: "READER" | "AUTHOR" | "ADMIN";
    /** The account's address while it is unconfirmed (such accounts cannot comment yet); else null. */
    unconfirmedEmail: string | null;
    /** While the account is blocked: until when (ISO). Such accounts cannot comment. */
    blockedUntil: string | null;
  } | null;
  pendingIds: number[];
  remembered: Omit<RememberedCommenter, "key"> | null;
  replyTo: number | null;
  editId: number | null;
  order: CommentOrder | null;
}
