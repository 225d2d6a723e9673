import { ImageResponse } from "next/og";
import { PUBLIC_CACHE_CONTROL, essayImageKeys } from "@/lib/cache/http";
import { routeKey } from "@/lib/http/route-param";
import { getPublishedPost } from "@/lib/posts/queries";
import { OG_IMAGE_SIZE, ogFonts } from "@/lib/seo/og-image";
import { getSettings } from "@/lib/settings/queries";

/**
 * An essay's share image: its title, author and the site's name, 1200×630 PNG. Drawn on the first
 * request; then kept by HTTP caches like a reading page (public, Cache-Tag `essay:<slug>`), so
 * an edit of the essay purges it (lib/cache/http.ts).
 */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const key = routeKey((await params).slug);
  const post = key ? await getPublishedPost(key) : null;
  if (!post) {
    return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } });
  }
  const [settings, fonts] = await Promise.all([getSettings(), ogFonts()]);
  const title = post.title.length > 140 ? `${post.title.slice(0, 139)}…` : post.title;
  return new ImageResponse(
    (
      <div
        style={{
          width: "100%",
          height: "100%",
          display: "flex",
          flexDirection: "column",
          justifyContent: "space-between",
          padding: "72px 80px",
          background: "#fafaf9",
          color: "#1c1917",
          fontFamily: "Inter",
          borderTop: "24px solid #b45309",
        }}
      >
        <div style={{ display: "flex", fontSize: 32, fontWeight: 700, color: "#b45309" }}>{settings.siteTitle}</div>
        <div style={{ display: "flex", fontSize: title.length > 60 ? 60 : 76, fontWeight: 700, lineHeight: 1.1, letterSpacing: -1 }}>
          {title}
        </div>
        <div style={{ display: "flex", fontSize: 34, color: "#57534e" }}>{post.author.name}</div>
      </div>
    ),
    {
      ...OG_IMAGE_SIZE,
      fonts,
      headers: { "cache-control": PUBLIC_CACHE_CONTROL, "cache-tag": essayImageKeys(post.slug).join(" ") },
    },
  );
}
