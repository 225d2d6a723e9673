/**
 * WordPress HTML → Markdown with turndown and its GFM plugin (tables, strikethrough). The
 * Markdown is then rendered and sanitized by Hearth's own pipeline like any essay or comment,
 * so nothing from the file reaches readers unsanitized. Pure, so it is unit-tested.
 */
import TurndownService from "turndown";
import { gfm } from "turndown-plugin-gfm";

const BLOCK = /^<(?:p|div|h[1-6]|ul|ol|li|blockquote|pre|table|figure|hr|dl|section|img|!--)/i;

/**
 * WordPress stores most posts without <p> tags (wpautop adds them when it shows the post):
 * blank lines separate paragraphs, single newlines are line breaks. Does the same, leaving
 * chunks that are already block HTML alone.
 */
export function autop(html: string): string {
  const chunks = html.replace(/\r\n?/g, "\n").split(/\n\s*\n/);
  return chunks
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => (BLOCK.test(chunk) ? chunk : `<p>${chunk.replace(/\n/g, "<br>\n")}</p>`))
    .join("\n\n");
}

let service: TurndownService | null = null;

function turndown(): TurndownService {
  if (service) return service;
  const t = new TurndownService({
    headingStyle: "atx",
    codeBlockStyle: "fenced",
    bulletListMarker: "-",
    emDelimiter: "*",
    hr: "---",
  });
  t.use(gfm);
  // WordPress block-editor comments (<!-- wp:paragraph -->) and scripts carry nothing to keep.
  t.remove(["script", "style", "iframe", "noscript"]);
  service = t;
  return t;
}

/** Converts a post's or comment's WordPress HTML to Markdown. */
export function htmlToMarkdown(html: string): string {
  const withoutBlockComments = html.replace(/<!--[\s\S]*?-->/g, "");
  if (!withoutBlockComments.trim()) return "";
  return turndown().turndown(autop(withoutBlockComments)).trim();
}
