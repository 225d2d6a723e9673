/**
 * Where to send someone after signing in: only ever a path on this site. Anything that could
 * leave the site ("https://evil.example", "//evil.example", "/\\evil.example", "javascript:…")
 * falls back to `fallback`.
 */
export function safeCallbackPath(raw: unknown, fallback = "/"): string {
  const path = sameSitePath(raw, "");
  if (!path) return fallback;
  // Never bounce back into the auth pages themselves.
  if (/^\/(signin|signup|signout)(\/|$|\?)/.test(new URL(path, "http://hearth.invalid").pathname + "/")) return fallback;
  return path;
}

/**
 * A path on this site (with its query and hash), or `fallback` for anything that could leave
 * the site. Unlike safeCallbackPath, the auth pages are paths like any other (a "Back" link).
 */
export function sameSitePath(raw: unknown, fallback = "/"): string {
  if (typeof raw !== "string") return fallback;
  const value = raw.trim();
  if (!value.startsWith("/") || value.length > 2000) return fallback;
  // Protocol-relative or backslash tricks that browsers treat as another host.
  if (value.startsWith("//") || value.startsWith("/\\") || /[\u0000-\u001f\u007f]/.test(value)) return fallback;
  try {
    const url = new URL(value, "http://hearth.invalid");
    if (url.origin !== "http://hearth.invalid") return fallback;
    const path = `${url.pathname}${url.search}${url.hash}`;
    // Dot segments can collapse into "//host" ("/.//evil.example"): check the result too.
    if (path.startsWith("//") || path.startsWith("/\\")) return fallback;
    return path;
  } catch {
    return fallback;
  }
}

/** A same-site path from a full URL (e.g. the Referer header) on `origin`, or null. */
export function pathFromSameOrigin(url: string | null | undefined, origin: string): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (parsed.origin !== new URL(origin).origin) return null;
    const path = safeCallbackPath(`${parsed.pathname}${parsed.search}${parsed.hash}`, "");
    return path || null;
  } catch {
    return null;
  }
}
