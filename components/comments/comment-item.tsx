import Link from "next/link";
import { Avatar } from "@/components/ui/avatar";
import { formatDateTime } from "@/lib/format";
import { can } from "@/lib/auth/permissions";
import { withinEditWindow } from "@/lib/comments/policy";
import type { CommentNodeView } from "@/lib/comments/views";
import { CommentForm } from "./comment-form";
import { DeleteCommentForm, EditCommentForm } from "./edit-forms";
import { LikeButton } from "./like-button";
import { LikeControls } from "./like-controls";
import type { ThreadContext } from "./thread-context";

function AuthorName({ node }: { node: CommentNodeView }) {
  const c = node.comment;
  if (c.authorHandle) {
    return (
      <Link href={`/authors/${c.authorHandle}`} className="font-semibold text-stone-900 hover:text-amber-700 dark:text-stone-100">
        {c.authorName}
      </Link>
    );
  }
  if (c.guestUrl) {
    return (
      <a
        href={c.guestUrl}
        rel="nofollow ugc noopener"
        className="font-semibold text-stone-900 underline decoration-stone-300 hover:text-amber-700 dark:text-stone-100"
      >
        {c.authorName}
      </a>
    );
  }
  return <span className="font-semibold text-stone-900 dark:text-stone-100">{c.authorName}</span>;
}

function withQuery(path: string, query: string, hash: string): string {
  return `${path}${query ? `?${query}` : ""}${hash}`;
}

/** One comment and its replies, as an item of the thread's nested ordered lists. */
export function CommentItem({ node, ctx }: { node: CommentNodeView; ctx: ThreadContext }) {
  const c = node.comment;
  const anchor = `comment-${c.id}`;
  const viewer = ctx.viewer;
  const resource = { authorId: c.authorId, postAuthorId: ctx.postAuthorId };
  const moderator = !!viewer && (viewer.role === "ADMIN" || viewer.id === ctx.postAuthorId);
  const canEdit =
    !node.tombstone &&
    !!viewer &&
    can(viewer, "comment:update", resource) &&
    (moderator || withinEditWindow(c.createdAt, ctx.editWindowMinutes, new Date(ctx.now)));
  const canDelete = !node.tombstone && !!viewer && can(viewer, "comment:delete", resource);
  const canReply = ctx.commentsOpen && !node.tombstone && !c.pending;
  const ownComment = !!viewer && c.authorId === viewer.id;
  const editing = ctx.editing?.id === c.id && canEdit ? ctx.editing : null;
  const baseQuery = ctx.orderQuery;
  const replyHref = withQuery(ctx.pagePath, [baseQuery, `replyto=${c.id}`].filter(Boolean).join("&"), "#respond");
  const editHref = withQuery(ctx.pagePath, [baseQuery, `edit=${c.id}`].filter(Boolean).join("&"), `#${anchor}`);
  const cancelHref = withQuery(ctx.pagePath, baseQuery, `#${anchor}`);

  return (
    <li id={anchor} className="mt-6 first:mt-0">
      {node.tombstone ? (
        <article className="rounded-lg border border-dashed border-stone-300 px-4 py-3 text-sm italic text-stone-500 dark:border-stone-700">
          This comment was deleted.
        </article>
      ) : (
        <article className="flex gap-3" aria-labelledby={`${anchor}-author`}>
          <Avatar name={c.authorName} image={c.authorImage} size={40} />
          <div className="min-w-0 flex-1">
            <header className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5 text-sm">
              <span id={`${anchor}-author`}>
                <AuthorName node={node} />
              </span>
              {c.isPostAuthor ? (
                <span className="rounded bg-amber-600 px-1.5 py-px text-[0.7rem] font-semibold uppercase tracking-wide text-white">
                  Author
                </span>
              ) : null}
              <a href={`${ctx.permalinkBase}#${anchor}`} className="text-stone-500 hover:text-amber-700 dark:text-stone-400">
                <time dateTime={c.createdAt}>{formatDateTime(c.createdAt)}</time>
              </a>
              {c.editedAt ? <span className="text-stone-500">(edited)</span> : null}
            </header>
            {c.pending ? (
              <p className="mt-1 rounded bg-amber-50 px-2 py-1 text-sm font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-100">
                Your comment is awaiting moderation.
              </p>
            ) : null}
            {node.replyingTo ? (
              <p className="mt-1 text-xs text-stone-500">
                Replying to{" "}
                <a href={`${ctx.permalinkBase}#comment-${node.replyingTo.id}`} className="underline underline-offset-2">
                  {node.replyingTo.name}
                </a>
              </p>
            ) : null}
            {editing ? (
              <EditCommentForm commentId={c.id} body={editing.bodyMarkdown} cancelHref={cancelHref} />
            ) : (
              <div
                className="prose prose-stone prose-sm mt-2 max-w-none dark:prose-invert prose-p:my-2 prose-pre:my-2"
                // Sanitized when the comment was saved (lib/markdown/comment.ts).
                dangerouslySetInnerHTML={{ __html: c.bodyHtml }}
              />
            )}
            {c.pending ? null : viewer ? (
              <LikeButton
                commentId={c.id}
                liked={c.likedByMe}
                likeCount={c.likeCount}
                likedBy={c.likedBy}
                viewerName={viewer.name}
                hideButton={ownComment}
              />
            ) : (
              // Anonymous readers: the same form, without any client code.
              <LikeControls commentId={c.id} liked={false} likeCount={c.likeCount} names={c.likedBy} nextLike="1" />
            )}
            <div className="mt-2 flex flex-wrap items-center gap-4 text-sm">
              {canReply ? (
                <a
                  href={replyHref}
                  className="font-medium text-amber-800 hover:underline dark:text-amber-400"
                  aria-label={`Reply to ${c.authorName}`}
                >
                  Reply
                </a>
              ) : null}
              {canEdit && !editing ? (
                <a href={editHref} className="text-stone-600 hover:underline dark:text-stone-400">
                  Edit
                </a>
              ) : null}
              {canDelete ? <DeleteCommentForm commentId={c.id} /> : null}
            </div>
            {ctx.replyTo === c.id && canReply ? (
              <CommentForm {...ctx.form} replyTo={{ id: c.id, name: c.authorName, cancelHref }} />
            ) : null}
          </div>
        </article>
      )}
      {node.children.length > 0 ? (
        <ol className="mt-6 border-l-2 border-stone-200 pl-4 sm:pl-6 dark:border-stone-800">
          {node.children.map((child) => (
            <CommentItem key={child.comment.id} node={child} ctx={ctx} />
          ))}
        </ol>
      ) : null}
    </li>
  );
}
