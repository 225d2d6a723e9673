import { listFeedComments } from "@/lib/comments/replies";
import { getSettings } from "@/lib/settings/queries";
import { renderCommentFeed } from "@/lib/seo/comment-feed";
import { httpKeys, PUBLIC_CACHE_CONTROL } from "@/lib/cache/http";

export const dynamic = "force-dynamic";

/**
 * The newest comments of the whole site, as Atom. A shared page like the others, under its own
 * key, which any change to an essay's comments purges (lib/cache/http.ts).
 */
export async function GET() {
  const [comments, settings] = await Promise.all([listFeedComments(null), getSettings()]);
  const xml = renderCommentFeed({
    title: `Comments — ${settings.siteTitle}`,
    subtitle: settings.siteDescription,
    feedPath: "/feed/comments.xml",
    comments,
  });
  return new Response(xml, {
    headers: {
      "Content-Type": "application/atom+xml; charset=utf-8",
      "Cache-Control": PUBLIC_CACHE_CONTROL,
      "Cache-Tag": `${httpKeys.site} ${httpKeys.comments}`,
    },
  });
}
