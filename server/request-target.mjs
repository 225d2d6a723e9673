// @ts-check
// Requests Next 16.4 answers with a bare "Internal Server Error" (500, text/plain) instead of
// refusing them, answered here before Next sees them:
// - a path that is not valid percent-encoded UTF-8 ("/posts/%FF", "/tags/%") names no page: 400;
// - a server action posted from another site (its Origin names another host) is refused by Next
//   with an exception: 403 here, as the like route answers such a post.

/**
 * Whether the path of a request target cannot be decoded (an escape that is not %XX, or bytes
 * that are not UTF-8). The query string is left to the pages, which read it leniently.
 * @param {string | undefined} target
 */
export function undecodablePath(target) {
  const path = (target ?? "/").split("?")[0] ?? "/";
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

/**
 * Whether a POST that Next would run as a server action (a `Next-Action` header, or a multipart
 * form posted to a page) names another host in its Origin than the one it was sent to (the
 * first X-Forwarded-Host, else Host: the host Next compares). Route handlers (/api, /comments)
 * check their own posts.
 * @param {{ method?: string, url?: string, headers: Record<string, string | string[] | undefined> }} req
 */
export function crossSiteAction(req) {
  if (req.method !== "POST") return false;
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  const type = String(req.headers["content-type"] ?? "").toLowerCase();
  const action =
    req.headers["next-action"] !== undefined || (type.startsWith("multipart/form-data") && !/^\/(api|comments)\//.test(path));
  const origin = req.headers.origin;
  if (!action || typeof origin !== "string" || origin === "" || origin === "null") return false;
  let originHost;
  try {
    originHost = new URL(origin).host.toLowerCase();
  } catch {
    return true;
  }
  const forwarded = req.headers["x-forwarded-host"];
  const host = (typeof forwarded === "string" && forwarded !== "" ? forwarded.split(",")[0] : req.headers.host) ?? "";
  return String(host).trim().toLowerCase() !== originHost;
}

/**
 * A small complete page (no script, no external resource, light and dark) for the answers here.
 * @param {string} title
 * @param {string} paragraph
 */
function page(title, paragraph) {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title}</title>
<style>
:root { color-scheme: light dark; }
body { margin: 0; font: 16px/1.6 system-ui, sans-serif; background: #fafaf9; color: #1c1917; }
main { max-width: 36rem; margin: 4rem auto; padding: 0 1.25rem; }
h1 { font: 600 1.875rem/1.2 Georgia, serif; margin: 0 0 1rem; }
a { color: #92400e; }
@media (prefers-color-scheme: dark) { body { background: #0c0a09; color: #e7e5e4; } a { color: #fbbf24; } }
</style>
</head>
<body>
<main>
<h1>${title}</h1>
<p>${paragraph}</p>
<p><a href="/">Go to the home page</a></p>
</main>
</body>
</html>
`;
}

/** The 400 page for a path that does not decode. */
export function badPathPage() {
  return page(
    "That address is broken",
    "The link has a stray “%” or characters that were cut in half, so it cannot name a page here.",
  );
}

/** The 403 page for a form another site sent. */
export function crossSitePage() {
  return page(
    "This form was sent from another site",
    "Hearth only takes forms from its own pages. Nothing was changed: open the page here and send the form again.",
  );
}
