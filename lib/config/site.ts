import { env } from "../env";

/** The public origin of the site (for canonical URLs, feeds and sitemaps). */
export function siteUrl(): string {
  const { SITE_URL, PORT } = env();
  return (SITE_URL ?? `http://localhost:${PORT}`).replace(/\/+$/, "");
}

/** Absolute URL for a site path. */
export function absoluteUrl(path: string): string {
  return `${siteUrl()}${path.startsWith("/") ? path : `/${path}`}`;
}
