// @ts-check
// Anonymous reading pages are sent with `Content-Security-Policy: script-src 'none'`
// (lib/cache/http.ts, docs/decisions/017-http-caching.md): the browser runs none of their
// scripts. Next.js still writes its scripts into the HTML (the React Server Components payload
// inline, its chunks as <script src> and preload links), which the browser then refuses one by
// one, logging a Content-Security-Policy error in the console for each. For such a page the
// server leaves them out (docs/decisions/022-accessibility.md): the page is the same for the
// reader, a good deal smaller, and the console stays clean.

/**
 * Whether a Content-Security-Policy header forbids every script (`script-src 'none'`), as
 * proxy.ts sends it for anonymous reading pages.
 * @param {unknown} csp
 */
export function forbidsScripts(csp) {
  if (typeof csp !== "string") return false;
  return csp.split(";").some((d) => /^\s*script-src\s+'none'\s*$/i.test(d));
}

// A data block is parsed, never run (JSON-LD, JSON): it stays.
const DATA_TYPE = /\btype\s*=\s*["']?application\/(ld\+json|json)["']?/i;
// React and Next.js escape "<" inside inline scripts (\u003c) and in text and attributes (&lt;),
// so the first "</script" after an opening tag is its end.
const SCRIPT = /<script\b([^>]*)>[\s\S]*?<\/script\s*>/gi;
const SCRIPT_LINK = /<link\b(?=[^>]*\b(?:as\s*=\s*["']?script\b|rel\s*=\s*["']?modulepreload\b))[^>]*>/gi;

/**
 * The HTML without the scripts a `script-src 'none'` policy would refuse: every <script> element
 * but data blocks, and <link> preloads of scripts.
 * @param {string} html
 * @returns {string}
 */
export function stripScripts(html) {
  return html.replace(SCRIPT, (element, attributes) => (DATA_TYPE.test(attributes) ? element : "")).replace(SCRIPT_LINK, "");
}
