import Link from "next/link";
import { Avatar } from "@/components/ui/avatar";
import { formatDateTime } from "@/lib/format";
import { likedByLabel, type CommentNodeView } from "@/lib/comments/views";

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

/** One comment and its replies, as an item of the thread's nested ordered lists. */
export function CommentItem({ node, permalinkBase }: { node: CommentNodeView; permalinkBase: string }) {
  const c = node.comment;
  const anchor = `comment-${c.id}`;
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
              <a href={`${permalinkBase}#${anchor}`} className="text-stone-500 hover:text-amber-700 dark:text-stone-400">
                <time dateTime={c.createdAt}>{formatDateTime(c.createdAt)}</time>
              </a>
              {c.editedAt ? <span className="text-stone-500">(edited)</span> : null}
            </header>
            {node.replyingTo ? (
              <p className="mt-1 text-xs text-stone-500">
                Replying to{" "}
                <a href={`${permalinkBase}#comment-${node.replyingTo.id}`} className="underline underline-offset-2">
                  {node.replyingTo.name}
                </a>
              </p>
            ) : null}
            <div
              className="prose prose-stone prose-sm mt-2 max-w-none dark:prose-invert prose-p:my-2 prose-pre:my-2"
              // Sanitized when the comment was saved (lib/markdown/comment.ts).
              dangerouslySetInnerHTML={{ __html: c.bodyHtml }}
            />
            {c.likeCount > 0 ? (
              <details className="mt-2 text-sm text-stone-600 dark:text-stone-400">
                <summary className="cursor-pointer select-none hover:text-amber-700">{likedByLabel(c.likeCount)}</summary>
                <ul className="mt-1 list-inside list-disc pl-1" aria-label={`People who liked this comment`}>
                  {c.likedBy.map((name, i) => (
                    <li key={`${name}-${i}`}>{name}</li>
                  ))}
                </ul>
              </details>
            ) : null}
          </div>
        </article>
      )}
      {node.children.length > 0 ? (
        <ol className="mt-6 border-l-2 border-stone-200 pl-4 sm:pl-6 dark:border-stone-800">
          {node.children.map((child) => (
            <CommentItem key={child.comment.id} node={child} permalinkBase={permalinkBase} />
          ))}
        </ol>
      ) : null}
    </li>
  );
}
