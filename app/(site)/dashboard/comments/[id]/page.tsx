import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { BlockForm } from "@/components/account/block-form";
import { CommentStatusForm, LikersList, ModeratorEditForm, ModeratorReplyForm } from "@/components/dashboard/moderation-forms";
import { db } from "@/lib/db/client";
import { likersForModeration } from "@/lib/comments/likes-moderation";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { parseIntId } from "@/lib/forms/schema";
import { formatDateTime } from "@/lib/format";
import { commentForModeration } from "@/lib/moderation/queries";
import { opsForTab, type QueueStatus } from "@/lib/moderation/transitions";

export const metadata: Metadata = { title: "Moderate a comment", robots: { index: false, follow: false } };

type Props = { params: Promise<{ id: string }> };

/** One comment with its status buttons, an edit form and (approved comments) a reply form. */
export default async function ModerateCommentPage({ params }: Props) {
  const { id } = await params;
  const user = await requireUser(`/dashboard/comments/${encodeURIComponent(id)}`);
  if (!can(user, "comment:moderate")) forbidden();
  const commentId = parseIntId(id);
  if (commentId === null) notFound();
  const comment = await commentForModeration(commentId);
  if (!comment) notFound();
  if (!can(user, "comment:moderate", { postAuthorId: comment.postAuthorId })) forbidden();
  const status = comment.status as QueueStatus;

  return (
    <section className="flex flex-col gap-6">
      <p className="text-sm">
        <Link href={`/dashboard/comments?status=${status.toLowerCase()}`} className="underline">
          ← Back to the queue
        </Link>
      </p>
      <header>
        <h1 className="font-serif text-3xl font-semibold tracking-tight">Comment by {comment.authorName}</h1>
        <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">
          On{" "}
          <Link href={`/posts/${comment.post.slug}`} className="underline">
            {comment.post.title}
          </Link>{" "}
          · <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt)}</time> · Status:{" "}
          <strong>{status.charAt(0) + status.slice(1).toLowerCase()}</strong>
          {comment.email ? <> · {comment.email}</> : null}
          {comment.website ? <> · {comment.website}</> : null}
          {comment.ipHash ? (
            <>
              {" "}
              · IP hash <code>{comment.ipHash}</code>
            </>
          ) : null}
        </p>
        {comment.parent ? (
          <p className="mt-2 border-l-2 border-stone-300 pl-3 text-sm text-stone-600 dark:border-stone-700 dark:text-stone-400">
            In reply to{" "}
            <Link
              href={
                comment.parent.status === "APPROVED"
                  ? `/comments/${comment.parent.id}`
                  : `/dashboard/comments/${comment.parent.id}`
              }
              className="underline"
            >
              {comment.parent.authorName}
            </Link>
            {comment.parent.excerpt ? <>: “{comment.parent.excerpt}”</> : null}
          </p>
        ) : null}
      </header>
      {comment.writer && can(user, "user:block") && comment.writer.role !== "ADMIN" && comment.writer.id !== user.id ? (
        <section
          className="flex flex-col gap-2 rounded-lg border border-stone-200 p-4 dark:border-stone-800"
          aria-label="The writer's account"
        >
          <h2 className="text-sm font-semibold">Block {comment.writer.name} from commenting, replying, editing and liking</h2>
          <BlockForm userId={comment.writer.id} name={comment.writer.name} bannedUntil={comment.writer.bannedUntil} />
        </section>
      ) : null}
      <div
        className="prose prose-stone max-w-none rounded-lg border border-stone-200 p-4 dark:prose-invert dark:border-stone-800"
        // Sanitized when the comment was saved (lib/markdown/comment.ts).
        dangerouslySetInnerHTML={{ __html: comment.bodyHtml }}
      />
      {/* Deleting permanently happens in the Trash tab: this page would have nothing left to show. */}
      <CommentStatusForm commentId={comment.id} ops={opsForTab(status).filter((op) => op !== "delete")} />
      <LikersList commentId={comment.id} likers={await likersForModeration(db, comment.id)} />
      <ModeratorEditForm commentId={comment.id} body={comment.bodyMarkdown} />
      {status === "APPROVED" ? (
        <ModeratorReplyForm commentId={comment.id} asName={user.name} />
      ) : (
        <p className="text-sm text-stone-600 dark:text-stone-400">Approve the comment to reply to it.</p>
      )}
    </section>
  );
}
