import Link from "next/link";
import type { PostSummary } from "@/lib/posts/views";
import { PostMeta } from "./post-meta";
import { TagList } from "./tag-list";

export function PostCard({ post }: { post: PostSummary }) {
  const href = `/posts/${post.slug}`;
  return (
    <article className="flex flex-col gap-3 border-b border-stone-200 py-8 first:pt-0 last:border-b-0 dark:border-stone-800">
      <h2 className="font-serif text-2xl font-semibold leading-snug tracking-tight">
        <Link href={href} className="hover:text-amber-700 dark:hover:text-amber-400">
          {post.title}
        </Link>
      </h2>
      <PostMeta post={post} commentsHref={`${href}#comments`} />
      {post.excerpt ? <p className="leading-relaxed text-stone-700 dark:text-stone-300">{post.excerpt}</p> : null}
      <TagList tags={post.tags} />
    </article>
  );
}

export function PostList({ posts, empty }: { posts: PostSummary[]; empty: string }) {
  if (posts.length === 0) return <p className="py-8 text-stone-600 dark:text-stone-400">{empty}</p>;
  return (
    <div>
      {posts.map((p) => (
        <PostCard key={p.id} post={p} />
      ))}
    </div>
  );
}
