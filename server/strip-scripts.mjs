// @ts-check
// Anonymous reading pages are sent with `Content-Security-Policy: script-src 'none'`
// (lib/cache/http.ts, docs/decisions/017-http-caching.md): the browser runs none of their
// scripts, and refuses each one with a console error. The front sends such a page without the
// scripts its own policy refuses (docs/decisions/022-accessibility.md): every <script> element
// except data blocks (JSON-LD, JSON), and <link> preloads of scripts. Nothing here knows what
// wrote the scripts or what they say: the HTML is read by parse5's tokenizer (the WHATWG HTML
// tokenizer, through parse5-html-rewriting-stream), so a "<script" inside an attribute, a
// comment or escaped text is never taken for one; everything else is passed on byte for byte.
import { RewritingStream } from "parse5-html-rewriting-stream";

/**
 * Whether a Content-Security-Policy header forbids every script (`script-src 'none'`), as
 * proxy.ts sends it for anonymous reading pages.
 * @param {unknown} csp
 */
export function forbidsScripts(csp) {
  if (typeof csp !== "string") return false;
  return csp.split(";").some((d) => /^\s*script-src\s+'none'\s*$/i.test(d));
}

/** A data block is parsed, never run: it stays. */
const DATA_TYPE = /^application\/(ld\+json|json)$/i;

/** @param {{ name: string, value: string }[]} attrs @param {string} name */
const attr = (attrs, name) => attrs.find((a) => a.name === name)?.value;

/**
 * The HTML without the scripts a `script-src 'none'` policy refuses.
 * @param {string} html
 * @returns {Promise<string>}
 */
export function stripScripts(html) {
  return new Promise((resolve, reject) => {
    const rewriter = new RewritingStream();
    /** @type {string[]} */
    const out = [];
    let inRefusedScript = false;
    rewriter.on("startTag", (tag, raw) => {
      if (tag.tagName === "script" && !DATA_TYPE.test((attr(tag.attrs, "type") ?? "").trim())) {
        // Its text (until </script>) arrives as text tokens, dropped below.
        inRefusedScript = !tag.selfClosing;
        return;
      }
      if (tag.tagName === "link") {
        const rel = (attr(tag.attrs, "rel") ?? "").toLowerCase().split(/\s+/);
        const as = (attr(tag.attrs, "as") ?? "").toLowerCase();
        if (rel.includes("modulepreload") || (rel.includes("preload") && as === "script")) return;
      }
      rewriter.emitRaw(raw);
    });
    rewriter.on("endTag", (tag, raw) => {
      if (tag.tagName === "script" && inRefusedScript) {
        inRefusedScript = false;
        return;
      }
      rewriter.emitRaw(raw);
    });
    rewriter.on("text", (_, raw) => {
      if (!inRefusedScript) rewriter.emitRaw(raw);
    });
    rewriter.on("data", (chunk) => out.push(String(chunk)));
    rewriter.on("end", () => resolve(out.join("")));
    rewriter.on("error", reject);
    rewriter.end(html);
  });
}
