import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import remarkRehype from "remark-rehype";
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import { visit, SKIP } from "unist-util-visit";
import type { Root as HastRoot, Element } from "hast";
import type { Root as MdastRoot, Parent as MdastParent, Text as MdastText, PhrasingContent, Nodes, Html, Image } from "mdast";
import { commentSchema } from "./sanitize-schema";

/**
 * Comments are a safe subset of Markdown: emphasis, links, inline and block code, quotes and
 * lists. What falls outside it is not silently lost but shown as the writer typed it:
 * raw HTML as literal text, headings as plain paragraphs, images as links to the image.
 */
function remarkCommentSubset() {
  return (tree: MdastRoot) => {
    visit(tree, (node: Nodes, index, parent: MdastParent | undefined) => {
      if (!parent || index === undefined) return;
      if (node.type === "link") {
        // An image inside a link would become a link inside a link: keep its alt text.
        node.children = node.children.map((child) =>
          child.type === "image" ? ({ type: "text", value: child.alt || child.url } as MdastText) : child,
        );
        return undefined;
      }
      if (node.type === "footnoteReference") {
        // Footnotes are not part of the subset (their ids would collide with the essay's).
        parent.children.splice(index, 1, { type: "text", value: `[^${node.label ?? node.identifier}]` } as never);
        return [SKIP, index + 1];
      }
      if (node.type === "footnoteDefinition") {
        const label: MdastText = { type: "text", value: `[^${node.label ?? node.identifier}]: ` };
        const blocks = node.children;
        const first = blocks[0];
        if (first && first.type === "paragraph") first.children.unshift(label);
        else blocks.unshift({ type: "paragraph", children: [label] });
        parent.children.splice(index, 1, ...(blocks as never[]));
        return [SKIP, index];
      }
      if (node.type === "html") {
        const text: MdastText = { type: "text", value: (node as Html).value };
        parent.children.splice(index, 1, text as never);
        return [SKIP, index + 1];
      }
      if (node.type === "heading") {
        parent.children.splice(index, 1, { type: "paragraph", children: node.children } as never);
        return [SKIP, index];
      }
      if (node.type === "image") {
        const image = node as Image;
        const label: PhrasingContent = { type: "text", value: image.alt || image.url };
        parent.children.splice(index, 1, { type: "link", url: image.url, children: [label] } as never);
        return [SKIP, index + 1];
      }
      return undefined;
    });
  };
}

const ABSOLUTE_LINK = /^(https?:\/\/[^/\s]|mailto:)/i;

/**
 * Every link in a comment is user-generated: no SEO credit, no window.opener. Links must be
 * absolute http(s) or mailto: a relative link ("/admin", "#top", "//host") would point into
 * the page or the site, so it is shown as plain text instead.
 */
function rehypeUgcLinks() {
  return (tree: HastRoot) => {
    visit(tree, "element", (node: Element, index, parent) => {
      if (node.tagName !== "a") return undefined;
      const href = node.properties?.href;
      if (typeof href !== "string" || !ABSOLUTE_LINK.test(href)) {
        if (parent && index !== undefined) {
          parent.children.splice(index, 1, ...node.children);
          return [SKIP, index];
        }
        return undefined;
      }
      node.properties = { ...node.properties, rel: ["nofollow", "ugc", "noopener"] };
      return undefined;
    });
  };
}

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm, { singleTilde: false })
  .use(remarkCommentSubset)
  .use(remarkRehype)
  .use(rehypeSanitize, commentSchema)
  .use(rehypeUgcLinks)
  .use(rehypeStringify);

/** Renders a comment's Markdown to sanitized HTML, once, when the comment is saved. */
export async function renderComment(markdown: string): Promise<string> {
  return String(await processor.process(markdown));
}

/** Counts the links a comment would carry (for the "hold when it has N links" rule). */
export function countLinks(html: string): number {
  return (html.match(/<a\s/g) ?? []).length;
}
