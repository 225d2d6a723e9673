import { listFeedComments } from "@/lib/comments/replies";
import { getPublishedPost } from "@/lib/posts/queries";
import { routeKey } from "@/lib/http/route-param";
import { renderCommentFeed } from "@/lib/seo/comment-feed";
import { PUBLIC_CACHE_CONTROL } from "@/lib/cache/http";

export const dynamic = "force-dynamic";

/** One essay's newest comments, as Atom (its keys come from proxy.ts: the essay's). */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const slug = routeKey((await params).slug);
  const post = slug ? await getPublishedPost(slug) : null;
  if (!post) return new Response("Not found\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const xml = renderCommentFeed({
    title: `Comments on “${post.title}”`,
    subtitle: post.excerpt,
    feedPath: `/posts/${post.slug}/comments.xml`,
    comments: await listFeedComments(post.slug),
  });
  return new Response(xml, {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": PUBLIC_CACHE_CONTROL },
  });
}
