import { defaultSchema } from "rehype-sanitize";
import type { Options as SanitizeSchema } from "rehype-sanitize";

/**
 * What an essay may contain: GitHub's own safe subset (the default schema: no scripts, no
 * event handlers, no style, only http(s)/mailto links and http(s) images).
 *
 * `clobber` is emptied on purpose. Essays cannot carry raw HTML (remark-rehype drops it), so the
 * only ids in the tree are footnote ids that remark-rehype already prefixed with
 * "user-content-"; prefixing them again would break the footnote links.
 */
export const essaySchema: SanitizeSchema = {
  ...defaultSchema,
  clobber: [],
};

/**
 * What a comment may contain after rendering: the subset readers need for conversation.
 * No headings, images, tables, ids or classes; links only to http(s) and mailto.
 */
export const commentSchema: SanitizeSchema = {
  tagNames: ["p", "br", "em", "strong", "del", "a", "code", "pre", "blockquote", "ul", "ol", "li", "hr"],
  attributes: {
    a: ["href"],
    ol: ["start"],
  },
  protocols: { href: ["http", "https", "mailto"] },
  strip: ["script", "style", "template", "iframe", "object", "embed", "svg", "math"],
  clobber: [],
  clobberPrefix: "",
  required: {},
  ancestors: { li: ["ol", "ul"] },
};
