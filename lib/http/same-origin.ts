interface HeaderBag {
  get(name: string): string | null;
}

/**
 * Whether a form post comes from this site's own pages (the check Next makes for server
 * actions, for our own POST routes). Browsers send `Origin` with every POST; it must name the
 * host the request was sent to (`X-Forwarded-Host` behind a proxy). Without `Origin` (old
 * browsers, tools), `Sec-Fetch-Site`, when present, must not say another site sent it.
 * Session cookies are SameSite=Lax as well, so another site's post arrives signed out anyway.
 */
export function isSameOriginPost(headers: HeaderBag): boolean {
  const origin = headers.get("origin");
  if (origin === null || origin === "") {
    const site = headers.get("sec-fetch-site");
    return site === null || site === "same-origin" || site === "none";
  }
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  const hosts = [headers.get("x-forwarded-host")?.split(",")[0]?.trim(), headers.get("host")?.trim()].filter((h): h is string =>
    Boolean(h),
  );
  return hosts.some((h) => h.toLowerCase() === originHost.toLowerCase());
}
