/**
 * The pure half of search (docs/decisions/021-search.md): what a typed query becomes, and how a
 * snippet the database marked up is split into plain text and highlighted parts. Unit-tested.
 */

/** At most this many words of a query are searched for (the rest are ignored). */
export const MAX_TERMS = 8;
/** A longer word is cut to this length (no real word is longer; it bounds the work). */
export const MAX_TERM_LENGTH = 40;
/** A query longer than this is cut before it is read. */
export const MAX_QUERY_LENGTH = 200;

/**
 * Where a match starts and ends in the snippets the database returns. Characters of Unicode's
 * private use area: no text a person types means anything by them, and snippetParts copes with
 * stray ones anyway (user content may contain them).
 */
export const MARK_START = "\uE000";
export const MARK_END = "\uE001";

/**
 * The words of a query: runs of letters and digits (in any script), lower-cased, each once, in
 * order. Everything else — quotes, `*`, `AND(`, `-`, `:` and other operators of either engine's
 * query language — only separates words, so no input is a syntax error.
 */
export function searchTerms(raw: string): string[] {
  const words = raw.slice(0, MAX_QUERY_LENGTH).normalize("NFKC").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const terms: string[] = [];
  for (const word of words) {
    const term = word.slice(0, MAX_TERM_LENGTH);
    if (!terms.includes(term)) terms.push(term);
    if (terms.length === MAX_TERMS) break;
  }
  return terms;
}

/**
 * An FTS5 MATCH expression finding rows with every term: each a quoted string (so no word is
 * read as an operator such as AND, OR, NOT or NEAR), separated by spaces (FTS5's implicit AND).
 */
export function fts5Match(terms: readonly string[]): string {
  return terms.map((t) => `"${t.replaceAll('"', '""')}"`).join(" ");
}

/**
 * Text for PostgreSQL's plainto_tsquery finding rows with every term. plainto_tsquery has no
 * operators at all (unlike websearch_to_tsquery, where a bare "or" means OR), so the terms go in
 * as they are.
 */
export function tsqueryText(terms: readonly string[]): string {
  return terms.join(" ");
}

/** A piece of a snippet: plain text, or a match to highlight. Rendered as text (never as HTML). */
export interface SnippetPart {
  text: string;
  hit: boolean;
}

/**
 * Splits a snippet marked with MARK_START/MARK_END into parts. Marks that do not pair up (a
 * stray marker typed by a user, a match the engine cut at a fragment's edge) are dropped, never
 * shown; adjacent parts of the same kind are merged; empty parts are left out.
 */
export function snippetParts(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let hit = false;
  let text = "";
  const flush = () => {
    if (text === "") return;
    const last = parts.at(-1);
    if (last && last.hit === hit) last.text += text;
    else parts.push({ text, hit });
    text = "";
  };
  for (const ch of marked) {
    if (ch === MARK_START || ch === MARK_END) {
      const opens = ch === MARK_START;
      if (opens !== hit) {
        flush();
        hit = opens;
      }
      continue;
    }
    text += ch;
  }
  // An opened mark never closed: show what follows it as plain text.
  if (hit) {
    hit = false;
  }
  flush();
  return parts;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** A snippet as HTML: every part's text escaped, matches in <mark>. */
export function snippetHtml(parts: readonly SnippetPart[]): string {
  return parts
    .map((p) => {
      const text = p.text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
      return p.hit ? `<mark>${text}</mark>` : text;
    })
    .join("");
}
