import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { threadHtml } from "@/lib/comments/thread-html";
import { escapeHtml } from "@/lib/html/escape";
import type { CommentNodeView, CommentView } from "@/lib/comments/views";
import type { ThreadContext } from "@/components/comments/thread-context";

// The comment actions (imported by the edit forms) are never called here.
vi.mock("@/lib/comments/actions", () => ({
  editCommentAction: vi.fn(),
  deleteCommentAction: vi.fn(),
  postCommentAction: vi.fn(),
}));
const { CommentItem } = await import("@/components/comments/comment-item");

// The anonymous page's thread is one HTML string (threadHtml); signed-in readers get the React
// components. Whatever either renders, a reader who is not signed in must get the same markup.

const comment = (id: number, over: Partial<CommentView> = {}): CommentView => ({
  id,
  parentId: null,
  depth: 0,
  authorName: "Iris Calloway",
  authorId: "u-iris",
  authorHandle: "iris",
  authorImage: null,
  guestUrl: null,
  isPostAuthor: false,
  bodyHtml: "<p>Hello <em>there</em> &amp; welcome.</p>",
  createdAt: "2026-11-24T22:04:51.146Z",
  editedAt: null,
  likeCount: 0,
  likedBy: [],
  pending: false,
  likedByMe: false,
  ...over,
});

const node = (c: CommentView, over: Partial<CommentNodeView> = {}): CommentNodeView => ({
  comment: c,
  tombstone: false,
  replyingTo: null,
  displayDepth: c.depth,
  children: [],
  ...over,
});

const ctx = (over: Partial<ThreadContext> = {}): ThreadContext => ({
  postId: "p1",
  postAuthorId: "u-author",
  permalinkBase: "/posts/an-essay",
  pagePath: "/posts/an-essay",
  commentsOpen: true,
  viewer: null,
  editWindowMinutes: 15,
  now: "2026-11-27T10:00:00.000Z",
  replyTo: null,
  editing: null,
  orderQuery: "",
  form: {} as ThreadContext["form"],
  ...over,
});

// React adds a preload hint for each <img> (hoisted into <head> by a streaming render); the
// string has none. Everything else must match byte for byte.
const viaReact = (nodes: CommentNodeView[], c: ThreadContext) =>
  nodes
    .map((n) => renderToStaticMarkup(createElement(CommentItem, { node: n, ctx: c })))
    .join("")
    .replace(/<link rel="preload" as="image" href="[^"]*"\/>/g, "");
const viaString = (nodes: CommentNodeView[], c: ThreadContext) => threadHtml(nodes, c, c.commentsOpen);

const thread: CommentNodeView[] = [
  node(comment(1, { likeCount: 1, likedBy: ["Sam O'Neil"] }), {
    children: [
      node(
        comment(2, {
          parentId: 1,
          depth: 1,
          authorName: "Guest <b>Bob</b>",
          authorId: null,
          authorHandle: null,
          guestUrl: 'https://bob.example/?a=1&b="2"',
        }),
        {
          children: [
            node(
              comment(3, {
                parentId: 2,
                depth: 2,
                authorName: "Ada",
                authorHandle: "ada",
                isPostAuthor: true,
                editedAt: "2026-11-25T10:00:00.000Z",
                likeCount: 5,
                likedBy: ["A", "B", "C", "D", "E"],
              }),
            ),
          ],
        },
      ),
      node(
        comment(4, {
          parentId: 1,
          depth: 1,
          authorName: "Plain Guest",
          authorId: null,
          authorHandle: null,
          authorImage: "/uploads/avatars/x.png",
        }),
      ),
    ],
  }),
  node(comment(5, { authorName: "a deleted comment", authorId: null, authorHandle: null, bodyHtml: "" }), {
    tombstone: true,
    children: [
      node(comment(6, { parentId: 5, depth: 6, authorName: "Deep Reply", authorHandle: "deep" }), {
        replyingTo: { id: 9, name: "Zoë & Co" },
      }),
    ],
  }),
  node(comment(7, { pending: true, authorName: "Held Guest", authorId: null, authorHandle: null })),
];

describe("threadHtml", () => {
  it("renders exactly what the React components render for a reader who is not signed in", () => {
    const c = ctx();
    expect(viaString(thread, c)).toBe(viaReact(thread, c));
  });

  it("keeps the reader's order in Reply links, and drops them when comments are closed", () => {
    const ordered = ctx({ orderQuery: "order=newest" });
    expect(viaString(thread, ordered)).toBe(viaReact(thread, ordered));
    expect(viaString(thread, ordered)).toContain('href="/posts/an-essay?order=newest&amp;replyto=1#respond"');
    const closed = ctx({ commentsOpen: false });
    expect(viaString(thread, closed)).toBe(viaReact(thread, closed));
    expect(viaString(thread, closed)).not.toContain(">Reply</a>");
  });

  it("escapes every name, link and label (only the sanitized body is raw HTML)", () => {
    const html = viaString(thread, ctx());
    expect(html).toContain("Guest &lt;b&gt;Bob&lt;/b&gt;");
    expect(html).toContain('href="https://bob.example/?a=1&amp;b=&quot;2&quot;" rel="nofollow ugc noopener"');
    expect(html).toContain("<li>Sam O&#x27;Neil</li>");
    expect(html).toContain("Zoë &amp; Co");
    expect(html).not.toContain("<b>Bob</b>");
    expect(escapeHtml(`<script>"x" & 'y'</script>`)).toBe("&lt;script&gt;&quot;x&quot; &amp; &#x27;y&#x27;&lt;/script&gt;");
  });
});
