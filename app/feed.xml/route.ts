import { listFeedItems } from "@/lib/posts/queries";
import { getSettings } from "@/lib/settings/queries";
import { absoluteUrl, siteUrl } from "@/lib/config/site";
import { renderAtom } from "@/lib/seo/feed";
import { PUBLIC_CACHE_CONTROL } from "@/lib/cache/http";

// Rendered per request from cached queries, so `next build` never needs the database.
export const dynamic = "force-dynamic";

export async function GET() {
  const [items, settings] = await Promise.all([listFeedItems(20), getSettings()]);
  const xml = renderAtom({
    title: settings.siteTitle,
    subtitle: settings.siteDescription,
    siteUrl: siteUrl(),
    feedUrl: absoluteUrl("/feed.xml"),
    updated: items[0]?.updatedAt ?? new Date(0).toISOString(),
    entries: items.map((p) => ({
      id: absoluteUrl(`/posts/${p.slug}`),
      url: absoluteUrl(`/posts/${p.slug}`),
      title: p.title,
      summary: p.excerpt,
      html: p.bodyHtml,
      published: p.publishedAt,
      updated: p.updatedAt > p.publishedAt ? p.updatedAt : p.publishedAt,
      authorName: p.author.name,
      authorUrl: absoluteUrl(`/authors/${p.author.handle}`),
      categories: p.tags.map((t) => t.name),
    })),
  });
  return new Response(xml, {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": PUBLIC_CACHE_CONTROL },
  });
}
