/** The public origin of the site (for canonical URLs, feeds and sitemaps). */
export function siteUrl(): string {
  const raw = process.env.SITE_URL?.trim() || `http://localhost:${process.env.PORT || 3000}`;
  return raw.replace(/\/+$/, "");
}

/** Absolute URL for a site path. */
export function absoluteUrl(path: string): string {
  return `${siteUrl()}${path.startsWith("/") ? path : `/${path}`}`;
}
