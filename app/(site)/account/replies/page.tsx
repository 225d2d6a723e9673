import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Pagination } from "@/components/ui/pagination";
import { requireUser } from "@/lib/auth/session";
import { listRepliesTo } from "@/lib/comments/replies";
import { formatDateTime } from "@/lib/format";
import { parsePageParam } from "@/lib/posts/published";

export const metadata: Metadata = { title: "Replies to you", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Approved replies by others to the signed-in reader's comments, newest first. */
export default async function RepliesPage({ searchParams }: Props) {
  const raw = (await searchParams).page;
  const page = parsePageParam(typeof raw === "string" ? raw : undefined);
  const user = await requireUser("/account/replies");
  if (page === null) notFound();
  const { total, pageCount, items } = await listRepliesTo(user.id, page);
  if (page > pageCount) notFound();
  return (
    <section className="flex flex-col gap-6">
      <header>
        <h1 className="font-serif text-3xl font-semibold tracking-tight">Replies to you</h1>
        <p className="mt-2 text-stone-600 dark:text-stone-400">
          {total === 0
            ? "Nobody has replied to your comments yet."
            : `${total.toLocaleString("en-US")} ${total === 1 ? "reply" : "replies"} to your comments, newest first.`}{" "}
          <Link href="/account" className="underline">
            Your account
          </Link>
        </p>
      </header>
      {items.length > 0 ? (
        <ol className="flex flex-col gap-4" aria-label="Replies">
          {items.map((reply) => (
            <li key={reply.id} className="rounded-lg border border-stone-200 p-4 dark:border-stone-800">
              <article aria-labelledby={`reply-${reply.id}`}>
                <p id={`reply-${reply.id}`} className="text-sm text-stone-600 dark:text-stone-400">
                  <strong className="text-stone-900 dark:text-stone-100">{reply.authorName}</strong> replied on{" "}
                  <Link href={`/posts/${reply.post.slug}`} className="underline">
                    {reply.post.title}
                  </Link>{" "}
                  · <time dateTime={reply.createdAt}>{formatDateTime(reply.createdAt)}</time>
                </p>
                {reply.inReplyTo ? (
                  <p className="mt-1 text-sm text-stone-500 dark:text-stone-400">To your comment: “{reply.inReplyTo.excerpt}”</p>
                ) : null}
                <div
                  className="prose prose-stone mt-2 max-w-none dark:prose-invert"
                  // Sanitized when the comment was saved (lib/markdown/comment.ts).
                  dangerouslySetInnerHTML={{ __html: reply.bodyHtml }}
                />
                <p className="mt-2 text-sm">
                  <Link href={`/comments/${reply.id}`} className="font-medium text-amber-800 underline dark:text-amber-400">
                    Open the reply
                  </Link>
                </p>
              </article>
            </li>
          ))}
        </ol>
      ) : null}
      <Pagination page={page} pageCount={pageCount} hrefFor={(p) => (p === 1 ? "/account/replies" : `/account/replies?page=${p}`)} label="Reply pages" />
    </section>
  );
}
