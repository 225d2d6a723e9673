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

/** Every link in a comment is user-generated: no SEO credit, no window.opener. */
function rehypeUgcLinks() {
  return (tree: HastRoot) => {
    visit(tree, "element", (node: Element) => {
      if (node.tagName === "a") {
        node.properties = { ...node.properties, rel: ["nofollow", "ugc", "noopener"] };
      }
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
