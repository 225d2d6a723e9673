import "server-only";
import { db } from "../db/client";
import { pageCountFor, publishedWhere } from "../posts/published";

/** A comment as the reader's inbox and the comment feeds list it. */
export interface ListedComment {
  id: number;
  authorName: string;
  authorHandle: string | null;
  bodyHtml: string;
  createdAt: string;
  post: { slug: string; title: string };
  /** Who it answers (the replies page), when it is a reply. */
  inReplyTo: { id: number; excerpt: string } | null;
}

export const REPLIES_PER_PAGE = 20;
/** How many comments a comment feed carries. */
export const FEED_COMMENTS = 50;

const listed = {
  id: true,
  guestName: true,
  bodyHtml: true,
  bodyMarkdown: true,
  createdAt: true,
  author: { select: { name: true, handle: true } },
  post: { select: { slug: true, title: true } },
  parent: { select: { id: true, bodyMarkdown: true } },
} as const;

type Row = {
  id: number;
  guestName: string | null;
  bodyHtml: string;
  createdAt: Date;
  author: { name: string; handle: string } | null;
  post: { slug: string; title: string };
  parent: { id: number; bodyMarkdown: string } | null;
};

function excerpt(markdown: string): string {
  const flat = markdown.replace(/\s+/g, " ").trim();
  return flat.length > 120 ? `${flat.slice(0, 119)}…` : flat;
}

function toListed(row: Row): ListedComment {
  return {
    id: row.id,
    authorName: row.author?.name ?? row.guestName ?? "Someone",
    authorHandle: row.author?.handle ?? null,
    bodyHtml: row.bodyHtml,
    createdAt: row.createdAt.toISOString(),
    post: row.post,
    inReplyTo: row.parent ? { id: row.parent.id, excerpt: excerpt(row.parent.bodyMarkdown) } : null,
  };
}

/**
 * "Replies to me": approved replies by others to `userId`'s comments on published essays,
 * newest first, one page of them.
 */
export async function listRepliesTo(userId: string, page: number) {
  const where = {
    status: "APPROVED" as const,
    parent: { authorId: userId, status: { in: ["APPROVED" as const, "DELETED" as const] } },
    NOT: { authorId: userId },
    post: publishedWhere(),
  };
  const [total, rows] = await Promise.all([
    db.comment.count({ where }),
    db.comment.findMany({
      where,
      select: listed,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * REPLIES_PER_PAGE,
      take: REPLIES_PER_PAGE,
    }),
  ]);
  return { total, pageCount: pageCountFor(total, REPLIES_PER_PAGE), items: rows.map(toListed) };
}

/**
 * The newest approved comments of one published essay, or of the whole site (`slug` null).
 * Not kept by the query cache: the feeds are shared pages the HTTP caches keep, purged by the
 * essays' keys (app/feed/comments.xml, app/(site)/posts/[slug]/comments.xml).
 */
export async function listFeedComments(slug: string | null): Promise<ListedComment[]> {
  const rows = await db.comment.findMany({
    where: { status: "APPROVED", post: { ...publishedWhere(), ...(slug === null ? {} : { slug }) } },
    select: listed,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: FEED_COMMENTS,
  });
  return rows.map(toListed);
}
