import type { MetadataRoute } from "next";
import { absoluteUrl } from "@/lib/config/site";

export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: ["/api/", "/dashboard", "/account", "/admin"] }],
    sitemap: absoluteUrl("/sitemap.xml"),
  };
}
