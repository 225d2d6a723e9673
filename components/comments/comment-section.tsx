import { Pagination } from "@/components/ui/pagination";
import { commentsHeading, type ThreadPage } from "@/lib/comments/views";
import { CommentItem } from "./comment-item";

/** Path of a page of an essay's comments (page 1 is the essay itself). */
export function commentPagePath(slug: string, page: number): string {
  return page <= 1 ? `/posts/${slug}` : `/posts/${slug}/comment-page/${page}`;
}

/** The conversation under an essay, server-rendered in the first response. */
export function CommentSection({
  slug,
  title,
  thread,
  commentsOpen,
}: {
  slug: string;
  title: string;
  thread: ThreadPage;
  commentsOpen: boolean;
}) {
  const permalinkBase = commentPagePath(slug, thread.page);
  return (
    <section
      id="comments"
      aria-labelledby="comments-heading"
      className="mt-16 border-t border-stone-200 pt-10 dark:border-stone-800"
    >
      <h2 id="comments-heading" className="font-serif text-2xl font-semibold tracking-tight">
        {commentsHeading(thread.total, title)}
      </h2>
      {thread.nodes.length > 0 ? (
        <ol className="mt-8" aria-label="Comments">
          {thread.nodes.map((node) => (
            <CommentItem key={node.comment.id} node={node} permalinkBase={permalinkBase} />
          ))}
        </ol>
      ) : null}
      <Pagination
        page={thread.page}
        pageCount={thread.pageCount}
        hrefFor={(p) => `${commentPagePath(slug, p)}#comments`}
        label="Comment pages"
        previousLabel="← Earlier comments"
        nextLabel="Later comments →"
      />
      <div id="respond" className="mt-10">
        {commentsOpen ? null : <p className="text-stone-600 dark:text-stone-400">Comments are closed.</p>}
      </div>
    </section>
  );
}
