import type { ListedComment } from "../comments/replies";
import { absoluteUrl, siteUrl } from "../config/site";
import { renderAtom } from "./feed";

/** An Atom feed of comments (newest first), each entry linking to the comment's permalink. */
export function renderCommentFeed(input: { title: string; subtitle: string; feedPath: string; comments: ListedComment[] }): string {
  return renderAtom({
    title: input.title,
    subtitle: input.subtitle,
    siteUrl: siteUrl(),
    feedUrl: absoluteUrl(input.feedPath),
    updated: input.comments[0]?.createdAt ?? new Date(0).toISOString(),
    entries: input.comments.map((c) => ({
      id: absoluteUrl(`/comments/${c.id}`),
      url: absoluteUrl(`/comments/${c.id}`),
      title: `${c.authorName} on “${c.post.title}”`,
      summary: "",
      html: c.bodyHtml,
      published: c.createdAt,
      updated: c.createdAt,
      authorName: c.authorName,
      authorUrl: c.authorHandle ? absoluteUrl(`/authors/${c.authorHandle}`) : absoluteUrl(`/posts/${c.post.slug}`),
      categories: [],
    })),
  });
}
