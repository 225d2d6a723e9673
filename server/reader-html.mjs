// @ts-check
/**
 * Zero-JavaScript reading. Pages served from the front cache go to anonymous readers, who
 * need no client code: the essay, the thread and every form work as plain HTML. This removes
 * Next's client runtime from such a page — its <script src> tags, script preloads and the inline
 * React Server Components payload — and keeps everything else, including JSON-LD and any
 * script that opts in with `data-hearth-keep`. See docs/decisions/005-zero-js-reading.md.
 */

/** Script tags that load Next's runtime, with their (empty) bodies. */
const RUNTIME_SCRIPT_SRC = /<script\b[^>]*\ssrc="\/_next\/[^"]*"[^>]*>\s*<\/script>/gi;
/** Preload hints for runtime scripts. */
const SCRIPT_PRELOAD =
  /<link\b(?=[^>]*\srel="(?:preload|modulepreload)")(?=[^>]*\sas="script"|[^>]*\srel="modulepreload")[^>]*>/gi;
/** Inline scripts: only the RSC payload and the bundler's bootstrap are removed. */
const NEXT_INLINE = /^\s*\(?\s*(?:self\.__next_[fs]\b|globalThis\[["']TURBOPACK["']\]|self\.__webpack_)/;
const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;

/**
 * @param {string} html
 * @returns {string}
 */
export function stripClientRuntime(html) {
  return html
    .replace(RUNTIME_SCRIPT_SRC, (tag) => (/\sdata-hearth-keep\b/.test(tag) ? tag : ""))
    .replace(SCRIPT_PRELOAD, "")
    .replace(INLINE_SCRIPT, (tag, attrs, body) => {
      if (/\sdata-hearth-keep\b/.test(attrs) || /\stype="application\/ld\+json"/.test(attrs)) return tag;
      if (/\ssrc=/.test(attrs)) return tag;
      return NEXT_INLINE.test(body) ? "" : tag;
    });
}

/**
 * True when a page can be served without its runtime: a full HTML document with no
 * streamed Suspense boundaries left to reveal (those need Next's inline scripts).
 * @param {string} html
 */
export function canStripClientRuntime(html) {
  return html.startsWith("<!DOCTYPE html>") && !html.includes("<template") && !/\$R[CSX]\b/.test(html);
}
