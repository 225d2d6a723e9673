import type { CommentFormProps } from "./comment-form";
import type { RevisionView } from "@/lib/comments/history";

/** Everything a comment item needs to know about the page and the person looking at it. */
export interface ThreadContext {
  postId: string;
  postAuthorId: string;
  /** Base path of this comment page, for permalinks. */
  permalinkBase: string;
  /** The page's URL without viewer parameters (for "Cancel"). */
  pagePath: string;
  commentsOpen: boolean;
  viewer: { id: string; name: string; role: "READER" | "AUTHOR" | "ADMIN" } | null;
  editWindowMinutes: number;
  /** Server time of the render (ISO), for the edit window. */
  now: string;
  replyTo: number | null;
  /** The comment being edited and its Markdown source. */
  editing: { id: number; bodyMarkdown: string } | null;
  /** Extra query for links that keep the reader's chosen order. */
  orderQuery: string;
  form: Omit<CommentFormProps, "replyTo">;
  /** Earlier versions of edited comments, only when the viewer may see them (the essay's author,
   * admins); null for everyone else, so the shared page never carries them. */
  history: Record<number, RevisionView[]> | null;
}
