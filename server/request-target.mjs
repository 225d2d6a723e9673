// @ts-check
// Requests Next 16.4 answers with a bare "Internal Server Error" (500, text/plain) instead of
// refusing them, answered here before Next sees them:
// - a path that is not valid percent-encoded UTF-8 ("/posts/%FF", "/tags/%") names no page: 400;
// - a server action posted from another site (its Origin names another host) is refused by Next
//   with an exception: 403 here, as the like route answers such a post.
import { standalonePage } from "../lib/html/standalone-page.mjs";

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
 * The page for the answers here (lib/html/standalone-page.mjs). `paragraph` is HTML.
 * @param {string} title
 * @param {string} paragraph
 */
function page(title, paragraph) {
  return standalonePage({ heading: title, body: `<p>${paragraph}</p>\n<p><a href="/">Go to the home page</a></p>` });
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
