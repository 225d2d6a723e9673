import Link from "next/link";
import { formatDate, commentCountLabel } from "@/lib/format";
import { formatReadingTime } from "@/lib/posts/reading";
import type { PostSummary } from "@/lib/posts/views";

/** "By Iris Calloway · 12 March 2026 · 5 min read · 30 comments" */
export function PostMeta({ post, commentsHref }: { post: PostSummary; commentsHref: string }) {
  return (
    <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-stone-600 dark:text-stone-400">
      <span>
        By{" "}
        <Link
          href={`/authors/${post.author.handle}`}
          rel="author"
          className="font-medium text-stone-800 hover:text-amber-700 dark:hover:text-amber-400 dark:text-stone-200"
        >
          {post.author.name}
        </Link>
      </span>
      <span aria-hidden="true">·</span>
      <time dateTime={post.publishedAt}>{formatDate(post.publishedAt)}</time>
      <span aria-hidden="true">·</span>
      <span>{formatReadingTime(post.readingMinutes)}</span>
      <span aria-hidden="true">·</span>
      <a href={commentsHref} className="hover:text-amber-700 dark:hover:text-amber-400">
        {commentCountLabel(post.commentCount)}
      </a>
    </p>
  );
}
