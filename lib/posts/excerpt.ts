export const EXCERPT_LENGTH = 220;

/**
 * Strips Markdown syntax to plain text. Good enough for excerpts and word counts; the
 * rendered HTML is produced by the real pipeline in lib/markdown.
 */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .replace(/\r\n?/g, "\n")
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?\n\1[^\n]*$/gm, " ") // fenced code blocks
    .replace(/^\[\^[^\]]+\]:.*$/gm, " ") // footnote definitions
    .replace(/\[\^[^\]]+\]/g, "") // footnote references
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1") // images → alt text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1") // links → text
    .replace(/<[^>]+>/g, " ") // raw HTML tags
    .replace(/`([^`]*)`/g, "$1") // inline code
    .replace(/^\s{0,3}(#{1,6}|>+|[-*+]\s+\[[ xX]\]|[-*+]|\d+[.)])\s+/gm, "") // block markers
    .replace(/^\s*\|?\s*:?-{3,}.*$/gm, " ") // table delimiter rows
    .replace(/\|/g, " ")
    .replace(/(\*\*|__|\*|_|~~)(?=\S)([\s\S]*?\S)\1/g, "$2") // emphasis, strikethrough
    .replace(/[ \t]+/g, " ")
    .replace(/\n{2,}/g, "\n\n")
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
