// The JavaScript a reader's browser downloads for an essay: every same-origin <script src> and
// script preload (<link rel="modulepreload"> or <link rel="preload" as="script">).
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";
import { get } from "./http";

export interface ClientJsFile {
  url: string;
  rawBytes: number;
  gzipBytes: number;
  brotliBytes: number;
  /** A `nomodule` script: only browsers without ES modules load it, so it is not in the totals. */
  noModule: boolean;
}

export interface ClientJsResult {
  page: string;
  files: ClientJsFile[];
  /** Totals over the files a modern browser loads (nomodule scripts excluded). */
  rawBytes: number;
  gzipBytes: number;
  brotliBytes: number;
  /** JavaScript inline in the HTML (<script> without src: the RSC payload and bootstrap). */
  inlineScriptBytes: number;
  inlineScriptGzipBytes: number;
  targetGzipBytes: number;
  pass: boolean;
}

const decode = (s: string) =>
  s
    .replace(/&amp;/g, "&")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"');

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(tag);
  return m ? decode(m[1] ?? m[2] ?? m[3] ?? "") : null;
}

const hasAttr = (tag: string, name: string) => new RegExp(`\\s${name}(?:[\\s=>/]|$)`, "i").test(tag);

/** Script URLs the page makes the browser fetch, with whether each is a nomodule script. */
export function scriptUrls(html: string, base: string): Map<string, boolean> {
  const found = new Map<string, boolean>();
  const add = (href: string | null, noModule: boolean) => {
    if (!href) return;
    const url = new URL(href, base);
    if (url.origin !== new URL(base).origin) return;
    const key = url.href;
    // A file both preloaded and loaded as a module counts once, as a module.
    found.set(key, (found.get(key) ?? true) && noModule);
  };
  for (const m of html.matchAll(/<script\b[^>]*>/gi)) {
    const tag = m[0];
    add(attr(tag, "src"), hasAttr(tag, "nomodule"));
  }
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const tag = m[0];
    const rel = (attr(tag, "rel") ?? "").toLowerCase().split(/\s+/);
    const as = (attr(tag, "as") ?? "").toLowerCase();
    if (rel.includes("modulepreload") || (rel.includes("preload") && as === "script")) add(attr(tag, "href"), false);
  }
  return found;
}

/** Total size of the inline scripts (no src) of a page, raw and gzipped together. */
function inlineScripts(html: string): { raw: number; gzip: number } {
  const parts: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1] ?? "";
    if (/\ssrc\s*=/i.test(` ${attrs}`)) continue;
    if (/type\s*=\s*"application\/ld\+json"/i.test(attrs)) continue;
    parts.push(m[2] ?? "");
  }
  const all = Buffer.from(parts.join("\n"));
  return { raw: all.length, gzip: gzipSync(all, { level: 9 }).length };
}

export async function measureClientJs(base: string, page: string, targetGzipBytes: number): Promise<ClientJsResult> {
  const html = (await get(`${base}${page}`)).body.toString("utf8");
  const files: ClientJsFile[] = [];
  for (const [url, noModule] of scriptUrls(html, base)) {
    const body = (await get(url)).body;
    files.push({
      url: new URL(url).pathname,
      rawBytes: body.length,
      gzipBytes: gzipSync(body, { level: 9 }).length,
      brotliBytes: brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length,
      noModule,
    });
  }
  const loaded = files.filter((f) => !f.noModule);
  const sum = (key: "rawBytes" | "gzipBytes" | "brotliBytes") => loaded.reduce((n, f) => n + f[key], 0);
  const inline = inlineScripts(html);
  const gzipBytes = sum("gzipBytes");
  return {
    page,
    files,
    rawBytes: sum("rawBytes"),
    gzipBytes,
    brotliBytes: sum("brotliBytes"),
    inlineScriptBytes: inline.raw,
    inlineScriptGzipBytes: inline.gzip,
    targetGzipBytes,
    pass: gzipBytes <= targetGzipBytes,
  };
}
