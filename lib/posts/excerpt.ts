import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import type { Nodes } from "mdast";

export const EXCERPT_LENGTH = 220;

const BLOCKS = new Set(["paragraph", "heading", "blockquote", "listItem", "tableRow", "list", "table"]);

/**
 * Markdown to plain text, through the real Markdown parser: code blocks, raw HTML and footnote
 * definitions are left out, images become their alt text, everything else its text. Used for
 * excerpts and word counts (the HTML comes from lib/markdown).
 */
export function markdownToPlainText(markdown: string): string {
  const tree = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const out: string[] = [];
  const walk = (node: Nodes): void => {
    switch (node.type) {
      case "html":
        // Raw HTML is never rendered, but its text still belongs to the prose.
        out.push(node.value.replace(/<!--[\s\S]*?-->|<[^>]*>/g, ""));
        return;
      case "code":
      case "footnoteDefinition":
      case "footnoteReference":
      case "definition":
      case "thematicBreak":
        return;
      case "text":
      case "inlineCode":
        out.push(node.value);
        return;
      case "image":
        out.push(node.alt ?? "");
        return;
      case "break":
        out.push(" ");
        return;
      case "tableCell":
        for (const child of node.children) walk(child);
        out.push(" ");
        return;
      default:
        if ("children" in node) {
          for (const child of node.children) walk(child as Nodes);
          if (BLOCKS.has(node.type)) out.push("\n\n");
        }
    }
  };
  walk(tree);
  return out
    .join("")
    .replace(/[ \t]+/g, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/**
 * An excerpt for listings: the first paragraphs of the essay as plain text, cut at a word
 * boundary near `length` characters with an ellipsis.
 */
export function makeExcerpt(markdown: string, length: number = EXCERPT_LENGTH): string {
  const text = markdownToPlainText(markdown).replace(/\s+/g, " ").trim();
  if (text.length <= length) return text;
  const cut = text.slice(0, length + 1);
  const lastSpace = cut.lastIndexOf(" ");
  const body = (lastSpace > length * 0.6 ? cut.slice(0, lastSpace) : text.slice(0, length)).replace(/[\s,;:.!?—–-]+$/u, "");
  return `${body}…`;
}
