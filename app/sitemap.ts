import type { MetadataRoute } from "next";
import { listSitemapEntries } from "@/lib/posts/queries";
import { absoluteUrl } from "@/lib/config/site";

export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const entries = await listSitemapEntries();
  return entries.map((e) => ({ url: absoluteUrl(e.path), lastModified: e.lastModified }));
}
