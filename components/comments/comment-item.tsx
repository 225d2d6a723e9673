import Link from "next/link";
import { Avatar } from "@/components/ui/avatar";
import { formatDateTime } from "@/lib/format";
import { can } from "@/lib/auth/permissions";
import { withinEditWindow } from "@/lib/comments/policy";
import { threadClasses } from "@/lib/comments/thread-classes";
import { commentLinks } from "@/lib/comments/thread-links";
import type { CommentNodeView } from "@/lib/comments/views";
import type { RevisionView } from "@/lib/comments/history";
import { CommentForm } from "./comment-form";
import { DeleteCommentForm, EditCommentForm } from "./edit-forms";
import { LikeButton } from "./like-button";
import { LikeControls } from "./like-controls";
import type { ThreadContext } from "./thread-context";

function AuthorName({ node }: { node: CommentNodeView }) {
  const c = node.comment;
  if (c.authorHandle) {
    return (
      <Link href={`/authors/${c.authorHandle}`} className={threadClasses.authorLink}>
        {c.authorName}
      </Link>
    );
  }
  if (c.guestUrl) {
    return (
      <a href={c.guestUrl} rel="nofollow ugc noopener" className={threadClasses.guestLink}>
        {c.authorName}
      </a>
    );
  }
  return <span className={threadClasses.authorName}>{c.authorName}</span>;
}

/**
 * "(edited)": for the essay's author and admins a disclosure with the earlier versions (plain
 * HTML, works without JavaScript); for everyone else just the words.
 */
function EditedMark({ commentId, history }: { commentId: number; history: RevisionView[] | null }) {
  if (!history || history.length === 0) return <span className={threadClasses.edited}>(edited)</span>;
  return (
    <details className={threadClasses.edited} id={`comment-${commentId}-history`}>
      <summary className="cursor-pointer underline">(edited)</summary>
      <ol
        aria-label="Earlier versions"
        className="mt-2 flex flex-col gap-2 border-l-2 border-stone-300 pl-3 dark:border-stone-700"
      >
        {history.map((v, i) => (
          <li key={i}>
            <p className="text-xs text-stone-500 dark:text-stone-400">
              Before {v.editorName}’s edit of <time dateTime={v.replacedAt}>{formatDateTime(v.replacedAt)}</time>
            </p>
            <div
              className={threadClasses.body}
              // Sanitized when that version was saved (lib/markdown/comment.ts).
              dangerouslySetInnerHTML={{ __html: v.bodyHtml }}
            />
          </li>
        ))}
      </ol>
    </details>
  );
}

/**
 * One comment and its replies, as an item of the thread's nested ordered lists, with the
 * viewer's own controls (none for an anonymous reader). The one renderer of the thread's markup.
 */
export function CommentItem({ node, ctx }: { node: CommentNodeView; ctx: ThreadContext }) {
  const c = node.comment;
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
  const links = commentLinks(ctx, c.id);
  const anchor = links.anchor;
  const { reply: replyHref, edit: editHref, cancel: cancelHref } = links;

  return (
    <li id={anchor} className={threadClasses.item}>
      {node.tombstone ? (
        <article className={threadClasses.tombstone}>This comment was deleted.</article>
      ) : (
        <article className={threadClasses.article} aria-labelledby={`${anchor}-author`}>
          <Avatar name={c.authorName} image={c.authorImage} size={40} />
          <div className={threadClasses.main}>
            <header className={threadClasses.header}>
              <span id={`${anchor}-author`}>
                <AuthorName node={node} />
              </span>
              {c.isPostAuthor ? <span className={threadClasses.authorBadge}>Author</span> : null}
              <a href={links.permalink} className={threadClasses.date}>
                <time dateTime={c.createdAt}>{formatDateTime(c.createdAt)}</time>
              </a>
              {c.editedAt ? <EditedMark commentId={c.id} history={ctx.history?.[c.id] ?? null} /> : null}
            </header>
            {c.pending ? <p className={threadClasses.pending}>Your comment is awaiting moderation.</p> : null}
            {node.replyingTo ? (
              <p className={threadClasses.replyingTo}>
                Replying to{" "}
                <a href={`${ctx.permalinkBase}#comment-${node.replyingTo.id}`} className={threadClasses.replyingToLink}>
                  {node.replyingTo.name}
                </a>
              </p>
            ) : null}
            {editing ? (
              <EditCommentForm commentId={c.id} body={editing.bodyMarkdown} cancelHref={cancelHref} />
            ) : (
              <div
                className={threadClasses.body}
                // Sanitized when the comment was saved (lib/markdown/comment.ts).
                dangerouslySetInnerHTML={{ __html: c.bodyHtml }}
              />
            )}
            {c.pending ? null : viewer ? (
              <LikeButton
                commentId={c.id}
                authorName={c.authorName}
                liked={c.likedByMe}
                likeCount={c.likeCount}
                likedBy={c.likedBy}
                viewerName={viewer.name}
                hideButton={ownComment}
              />
            ) : (
              // Anonymous readers: the same form, without any client code.
              <LikeControls commentId={c.id} authorName={c.authorName} liked={false} likeCount={c.likeCount} names={c.likedBy} nextLike="1" />
            )}
            <div className={threadClasses.actions}>
              {canReply ? (
                <a href={replyHref} className={threadClasses.reply} aria-label={`Reply to ${c.authorName}`}>
                  Reply
                </a>
              ) : null}
              {canEdit && !editing ? (
                <a href={editHref} className="text-stone-600 hover:underline dark:text-stone-400">
                  Edit
                </a>
              ) : null}
              {canDelete ? <DeleteCommentForm commentId={c.id} /> : null}
              {/* Only for signed-in viewers: their page is their own, never the shared anonymous copy. */}
              {viewer && !ownComment && !c.pending ? (
                <a
                  href={`/comments/${c.id}/report`}
                  className="text-stone-500 hover:underline dark:text-stone-400"
                  aria-label={`Report the comment by ${c.authorName}`}
                >
                  Report
                </a>
              ) : null}
            </div>
            {ctx.replyTo === c.id && canReply ? (
              <CommentForm {...ctx.form} replyTo={{ id: c.id, name: c.authorName, cancelHref }} />
            ) : null}
          </div>
        </article>
      )}
      {node.children.length > 0 ? (
        <ol className={threadClasses.replies}>
          {node.children.map((child) => (
            <CommentItem key={child.comment.id} node={child} ctx={ctx} />
          ))}
        </ol>
      ) : null}
    </li>
  );
}
