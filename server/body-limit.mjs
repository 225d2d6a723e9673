// @ts-check
// Requests larger than the server takes (lib/uploads/limits.mjs) are answered here, before Next
// reads them: Next would read up to its server-action body limit and then fail with a bare
// "Internal Server Error". Without JavaScript that was all an author saw after choosing too
// large a file; this answers 413 with a page that says what happened and links back.
import { escapeHtml } from "../lib/html/escape.mjs";
import { standalonePage } from "../lib/html/standalone-page.mjs";
import { megabytes } from "../lib/uploads/limits.mjs";

/**
 * Whether a request announces a body larger than `limitBytes` (its Content-Length). Only
 * POSTs: forms and server actions are the only requests here that carry a body. A request
 * without a Content-Length (chunked) is left to Next, which counts what it reads.
 * @param {{ method?: string, headers: Record<string, string | string[] | undefined> }} req
 * @param {number} limitBytes
 */
export function exceedsBodyLimit(req, limitBytes) {
  if (req.method !== "POST") return false;
  const raw = req.headers["content-length"];
  if (typeof raw !== "string" || !/^\d+$/.test(raw.trim())) return false;
  return Number(raw.trim()) > limitBytes;
}

/**
 * Whether a request carries a body of unannounced length (`Transfer-Encoding` without
 * `Content-Length`): only counting it as it arrives can limit it.
 * @param {{ headers: Record<string, string | string[] | undefined> }} req
 */
export function hasUnannouncedBody(req) {
  return req.headers["content-length"] === undefined && req.headers["transfer-encoding"] !== undefined;
}

/**
 * Holds back a request body of unannounced length while it arrives, counting it, so nothing
 * reads more than `limitBytes` of it: `onDone(true)` once it ended within the limit (the body is
 * then handed on, whole, to whoever reads the request), `onDone(false)` as soon as it passes the
 * limit (what was held is dropped; the caller answers 413 and discards the rest). Everything a
 * request body holds enters its stream through `push` (Readable's documented interface for a
 * stream's source), which is where the bytes are counted.
 * @param {import("node:stream").Readable} req
 * @param {number} limitBytes
 * @param {(withinLimit: boolean) => void} onDone
 */
export function holdBody(req, limitBytes, onDone) {
  const push = req.push;
  /** @type {Buffer[]} */
  let held = [];
  let size = 0;
  const release = () => {
    req.push = push;
  };
  req.push = /** @type {typeof req.push} */ (
    function (/** @type {any} */ chunk, /** @type {any} */ encoding) {
      if (chunk === null) {
        release();
        for (const c of held) push.call(req, c);
        held = [];
        const result = push.call(req, null);
        onDone(true);
        return result;
      }
      const buffer = typeof chunk === "string" ? Buffer.from(chunk, encoding) : Buffer.from(chunk);
      size += buffer.length;
      if (size > limitBytes) {
        release();
        held = [];
        onDone(false);
        return true;
      }
      held.push(buffer);
      return true;
    }
  );
}

/**
 * A same-site path (never another site's, never protocol-relative) from a URL or path.
 * @param {URL} url
 */
function localPath(url) {
  return `${url.pathname.replace(/^\/+/, "/")}${url.search}`;
}

/**
 * Where "Back to the form" leads: the page the form was on (the Referer) when it is a page of
 * this site, otherwise the address the form was sent to (forms here post to their own page).
 * Always a path on this site.
 * @param {Record<string, string | string[] | undefined>} headers
 * @param {string | undefined} requestUrl
 */
export function backLink(headers, requestUrl) {
  const referer = headers.referer;
  if (typeof referer === "string" && referer !== "") {
    try {
      const from = new URL(referer);
      const forwarded = headers["x-forwarded-host"];
      const hosts = [typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined, headers.host]
        .filter((h) => typeof h === "string" && h !== "")
        .map((h) => String(h).toLowerCase());
      if ((from.protocol === "http:" || from.protocol === "https:") && hosts.includes(from.host.toLowerCase())) {
        return localPath(from);
      }
    } catch {
      // Not a URL: use the request's own path.
    }
  }
  try {
    // A request target is a path ("/dashboard/import?x"), read as one even when it starts "//".
    const target = requestUrl?.startsWith("/") ? requestUrl : "/";
    return new URL(`http://localhost${target}`).pathname.replace(/^\/+/, "/");
  } catch {
    return "/";
  }
}

/**
 * The 413 page: what was refused, the limits, a link back (lib/html/standalone-page.mjs).
 * @param {{ limitBytes: number, imageMaxBytes: number, sentBytes: number, back: string }} input
 */
export function tooLargePage({ limitBytes, imageMaxBytes, sentBytes, back }) {
  return standalonePage({
    title: "Upload too large",
    heading: "That upload is too large",
    body: `<p>Hearth accepts at most ${megabytes(limitBytes)} in one form, and this one was ${Number.isFinite(sentBytes) ? megabytes(sentBytes) : "larger"}. Nothing was saved.</p>
<p>Images may be at most ${megabytes(imageMaxBytes)}: choose a smaller one. Markdown files can be imported a few at a time.</p>
<p><a href="${escapeHtml(back)}">Back to the form</a> <small>(your browser’s Back button may still have what you typed)</small></p>`,
  });
}
