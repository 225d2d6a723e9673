import { Pagination } from "@/components/ui/pagination";
import { commentsHeading, type ThreadPage } from "@/lib/comments/views";
import type { CommentOrder } from "@/lib/comments/tree";
import { CommentForm } from "./comment-form";
import { CommentItem } from "./comment-item";
import type { ThreadContext } from "./thread-context";

/** Path of a page of an essay's comments (page 1 is the essay itself). */
export function commentPagePath(slug: string, page: number): string {
  return page <= 1 ? `/posts/${slug}` : `/posts/${slug}/comment-page/${page}`;
}

const ORDER_LABELS: [CommentOrder, string][] = [
  ["oldest", "Oldest"],
  ["newest", "Newest"],
  ["likes", "Most liked"],
];

/** The conversation under an essay, server-rendered in the first response. */
export function CommentSection({
  slug,
  title,
  thread,
  order,
  defaultOrder,
  closed,
  ctx,
}: {
  slug: string;
  title: string;
  thread: ThreadPage;
  order: CommentOrder;
  defaultOrder: CommentOrder;
  closed: boolean;
  ctx: ThreadContext;
}) {
  const orderQuery = order === defaultOrder ? "" : `order=${order}`;
  return (
    <section
      id="comments"
      aria-labelledby="comments-heading"
      className="mt-16 border-t border-stone-200 pt-10 dark:border-stone-800"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 id="comments-heading" className="font-serif text-2xl font-semibold tracking-tight">
          {commentsHeading(thread.total, title)}
        </h2>
        {thread.total > 1 ? (
          <nav aria-label="Comment order" className="flex gap-3 text-sm">
            {ORDER_LABELS.map(([value, label]) =>
              value === order ? (
                <span key={value} aria-current="true" className="font-semibold text-stone-900 dark:text-stone-100">
                  {label}
                </span>
              ) : (
                <a
                  key={value}
                  href={`${commentPagePath(slug, 1)}${value === defaultOrder ? "" : `?order=${value}`}#comments`}
                  className="text-stone-600 underline-offset-2 hover:underline dark:text-stone-400"
                >
                  {label}
                </a>
              ),
            )}
          </nav>
        ) : null}
      </div>
      {thread.nodes.length === 0 ? null : (
        <ol className="mt-8" aria-label="Comments">
          {thread.nodes.map((node) => (
            <CommentItem key={node.comment.id} node={node} ctx={{ ...ctx, orderQuery }} />
          ))}
        </ol>
      )}
      <Pagination
        page={thread.page}
        pageCount={thread.pageCount}
        hrefFor={(p) => `${commentPagePath(slug, p)}${orderQuery ? `?${orderQuery}` : ""}#comments`}
        label="Comment pages"
        previousLabel="← Earlier comments"
        nextLabel="Later comments →"
      />
      {closed ? (
        <p id="respond" className="mt-10 text-stone-600 dark:text-stone-400">
          Comments are closed.
        </p>
      ) : ctx.replyTo === null ? (
        <div className="mt-10">
          <CommentForm {...ctx.form} />
        </div>
      ) : null}
    </section>
  );
}
