import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import remarkRehype from "remark-rehype";
import rehypeSanitize from "rehype-sanitize";
import rehypeSlug from "rehype-slug";
import rehypeAutolinkHeadings from "rehype-autolink-headings";
import rehypePrettyCode from "rehype-pretty-code";
import rehypeStringify from "rehype-stringify";
import { toString as hastToString } from "hast-util-to-string";
import { visit } from "unist-util-visit";
import type { Root, Element } from "hast";
import { essaySchema } from "./sanitize-schema";
import { countWords, readingMinutes } from "../posts/reading";
import { markdownToPlainText } from "../posts/excerpt";

export interface TocEntry {
  id: string;
  text: string;
  depth: 2 | 3;
}

export interface RenderedEssay {
  html: string;
  toc: TocEntry[];
  wordCount: number;
  readingMinutes: number;
}

/** Collects h2/h3 headings (after rehype-slug gave them ids) into `file.data.toc`. */
function rehypeCollectToc() {
  return (tree: Root, file: { data: Record<string, unknown> }) => {
    const toc: TocEntry[] = [];
    visit(tree, "element", (node: Element) => {
      if (node.tagName !== "h2" && node.tagName !== "h3") return;
      const id = node.properties?.id;
      // The footnotes section's hidden heading is not part of the essay's outline.
      if (typeof id !== "string" || id === "footnote-label") return;
      toc.push({ id, text: hastToString(node).replace(/#$/, "").trim(), depth: node.tagName === "h2" ? 2 : 3 });
    });
    file.data.toc = toc;
  };
}

/** Images load lazily and never block rendering. */
function rehypeLazyImages() {
  return (tree: Root) => {
    visit(tree, "element", (node: Element) => {
      if (node.tagName === "img") {
        node.properties = { ...node.properties, loading: "lazy", decoding: "async" };
      }
    });
  };
}

/**
 * The essay pipeline: GitHub-flavoured Markdown → sanitized HTML with heading anchors and
 * syntax-highlighted code. Sanitizing runs first, on the author's content only, so the markup
 * that our own plugins add afterwards (anchors, Shiki's spans) is kept.
 */
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  // Raw HTML in the Markdown is dropped here (allowDangerousHtml is off).
  .use(remarkRehype)
  .use(rehypeSanitize, essaySchema)
  .use(rehypeSlug)
  .use(rehypeAutolinkHeadings, {
    behavior: "append",
    properties: { className: ["heading-anchor"], ariaHidden: "true", tabIndex: -1 },
    content: { type: "text", value: "#" },
  })
  .use(rehypeCollectToc)
  .use(rehypeLazyImages)
  .use(rehypePrettyCode, {
    // Themes whose every token colour meets WCAG AA (4.5:1) on the code block backgrounds
    // (stone-100 light, stone-900 dark); github-light/github-dark do not (docs/decisions/022).
    theme: { light: "github-light-high-contrast", dark: "github-dark-default" },
    keepBackground: false,
    defaultLang: { block: "plaintext", inline: "plaintext" },
  })
  .use(rehypeStringify);

/**
 * Renders an essay's Markdown once, at save time. The result is stored on the post; pages
 * never render Markdown per request.
 */
export async function renderEssay(markdown: string): Promise<RenderedEssay> {
  const file = await processor.process(markdown);
  const wordCount = countWords(markdownToPlainText(markdown));
  return {
    html: String(file),
    toc: (file.data.toc as TocEntry[] | undefined) ?? [],
    wordCount,
    readingMinutes: readingMinutes(wordCount),
  };
}
