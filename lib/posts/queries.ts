import "server-only";
import { cachedQuery } from "../cache/query";
import { db } from "../db/client";
import { tags } from "../cache/tags";
import type { TocEntry } from "../markdown/essay";
import { readSettings } from "../settings/queries";
import { resolveAvatar } from "../users/gravatar";
import { pageCountFor, POSTS_PER_PAGE, publishedWhere } from "./published";
import type { AuthorView, Paged, PostDetail, PostSummary, TagView } from "./views";

/** Tag and author archives list this many essays. */
const ARCHIVE_PER_PAGE = 100;

const summarySelect = {
  id: true,
  slug: true,
  title: true,
  excerpt: true,
  publishedAt: true,
  readingMinutes: true,
  commentCount: true,
  author: { select: { name: true, handle: true, image: true } },
  tags: { select: { tag: { select: { slug: true, name: true } } }, orderBy: { tag: { name: "asc" } } },
} as const;

type SummaryRow = {
  id: string;
  slug: string;
  title: string;
  excerpt: string;
  publishedAt: Date | null;
  readingMinutes: number;
  commentCount: number;
  author: AuthorView;
  tags: { tag: TagView }[];
};

function toSummary(row: SummaryRow): PostSummary {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    excerpt: row.excerpt,
    publishedAt: (row.publishedAt ?? new Date(0)).toISOString(),
    readingMinutes: row.readingMinutes,
    commentCount: row.commentCount,
    author: row.author,
    tags: row.tags.map((t) => t.tag),
  };
}

/** What the essay page needs of a post, on top of its summary. */
export const detailSelect = {
  ...summarySelect,
  bodyHtml: true,
  tocJson: true,
  wordCount: true,
  updatedAt: true,
  commentsOpen: true,
  showLikes: true,
  authorId: true,
  coverImage: true,
  coverAlt: true,
} as const;

type DetailRow = SummaryRow & {
  bodyHtml: string;
  tocJson: string;
  wordCount: number;
  updatedAt: Date;
  commentsOpen: boolean;
  showLikes: boolean;
  authorId: string;
  coverImage: string | null;
  coverAlt: string | null;
};

/**
 * A post as the essay page shows it. `undatedAs` stands in for a missing publication date (a
 * draft in the private preview is shown as if it went out then).
 */
export function toDetail(
  row: DetailRow,
  neighbours: Pick<PostDetail, "previous" | "next">,
  undatedAs: Date = new Date(0),
): PostDetail {
  let toc: TocEntry[] = [];
  try {
    toc = JSON.parse(row.tocJson) as TocEntry[];
  } catch {
    toc = [];
  }
  return {
    ...toSummary({ ...row, publishedAt: row.publishedAt ?? undatedAs }),
    bodyHtml: row.bodyHtml,
    toc,
    wordCount: row.wordCount,
    updatedAt: row.updatedAt.toISOString(),
    commentsOpen: row.commentsOpen,
    showLikes: row.showLikes,
    authorId: row.authorId,
    coverImage: row.coverImage,
    coverAlt: row.coverAlt,
    ...neighbours,
  };
}

async function pagedPosts(where: object, page: number, perPage: number): Promise<Paged<PostSummary>> {
  const now = new Date();
  const filter = { ...publishedWhere(now), ...where };
  const [total, rows] = await Promise.all([
    db.post.count({ where: filter }),
    db.post.findMany({
      where: filter,
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * perPage,
      take: perPage,
      select: summarySelect,
    }),
  ]);
  return { items: rows.map(toSummary), page, pageCount: pageCountFor(total, perPage), total };
}

/** Published essays, newest first, one page at a time. */
export async function readPublishedPosts(page: number, perPage: number = POSTS_PER_PAGE) {
  return pagedPosts({}, page, perPage);
}

export const listPublishedPosts = cachedQuery(readPublishedPosts, ["listPublishedPosts"], { tags: [tags.posts] });

/** A tag and its published essays; null when no such tag exists. */
export async function readTagPage(slug: string, page: number) {
  const tag = await db.tag.findUnique({ where: { slug }, select: { id: true, slug: true, name: true } });
  if (!tag) return null;
  const posts = await pagedPosts({ tags: { some: { tagId: tag.id } } }, page, ARCHIVE_PER_PAGE);
  return { tag: { slug: tag.slug, name: tag.name }, posts };
}

export const getTagPage = cachedQuery(readTagPage, ["getTagPage"], { tags: [tags.posts] });

export interface AuthorProfile extends AuthorView {
  bio: string;
  role: string;
  joinedAt: string;
}

/** An author's public profile and published essays; null for an unknown handle. */
export async function readAuthorPage(handle: string, page: number) {
  const [user, settings] = await Promise.all([
    db.user.findUnique({
      where: { handle },
      select: { id: true, name: true, email: true, handle: true, image: true, bio: true, role: true, createdAt: true },
    }),
    readSettings(),
  ]);
  if (!user) return null;
  const posts = await pagedPosts({ authorId: user.id }, page, ARCHIVE_PER_PAGE);
  const profile: AuthorProfile = {
    name: user.name,
    handle: user.handle,
    image: resolveAvatar(user.image, user.email, settings.gravatarEnabled),
    bio: user.bio,
    role: user.role,
    joinedAt: user.createdAt.toISOString(),
  };
  return { author: profile, posts };
}

export const getAuthorPage = cachedQuery(readAuthorPage, ["getAuthorPage"], { tags: [tags.posts, tags.users, tags.settings] });

/** A published essay by slug, with its neighbours in time; null when not public. */
export async function readPublishedPost(slug: string): Promise<PostDetail | null> {
  const now = new Date();
  const row = await db.post.findFirst({
    where: { slug, ...publishedWhere(now) },
    select: detailSelect,
  });
  if (!row || !row.publishedAt) return null;
  const neighbour = { slug: true, title: true } as const;
  const [previous, next] = await Promise.all([
    db.post.findFirst({
      // Same order as the listings, (publishedAt, id): posts published at the same instant
      // are still each other's neighbours.
      where: {
        ...publishedWhere(now),
        OR: [{ publishedAt: { lt: row.publishedAt } }, { publishedAt: row.publishedAt, id: { lt: row.id } }],
      },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      select: neighbour,
    }),
    db.post.findFirst({
      where: {
        ...publishedWhere(now),
        OR: [{ publishedAt: { gt: row.publishedAt } }, { publishedAt: row.publishedAt, id: { gt: row.id } }],
      },
      orderBy: [{ publishedAt: "asc" }, { id: "asc" }],
      select: neighbour,
    }),
  ]);
  return toDetail(row, { previous, next });
}

export const getPublishedPost = cachedQuery(readPublishedPost, ["getPublishedPost"], { tags: [tags.posts] });

export interface FeedItem extends PostSummary {
  bodyHtml: string;
  updatedAt: string;
}

/** The newest published essays with their full HTML, for the feed. */
export async function readFeedItems(limit: number = 20): Promise<FeedItem[]> {
  const rows = await db.post.findMany({
    where: publishedWhere(new Date()),
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { ...summarySelect, bodyHtml: true, updatedAt: true },
  });
  return rows.map((r) => ({ ...toSummary(r), bodyHtml: r.bodyHtml, updatedAt: r.updatedAt.toISOString() }));
}

export const listFeedItems = cachedQuery(readFeedItems, ["listFeedItems"], { tags: [tags.posts] });

export interface SitemapEntry {
  path: string;
  lastModified: string;
}

/** Every public URL with content: essays, tags and authors with published essays. */
export async function readSitemapEntries(): Promise<SitemapEntry[]> {
  const where = publishedWhere(new Date());
  const [posts, tagRows, authors] = await Promise.all([
    db.post.findMany({ where, select: { slug: true, updatedAt: true }, orderBy: { publishedAt: "desc" } }),
    db.tag.findMany({ where: { posts: { some: { post: where } } }, select: { slug: true } }),
    db.user.findMany({ where: { posts: { some: where } }, select: { handle: true, updatedAt: true } }),
  ]);
  const newest = posts[0]?.updatedAt.toISOString() ?? new Date(0).toISOString();
  return [
    { path: "/", lastModified: newest },
    ...posts.map((p) => ({ path: `/posts/${p.slug}`, lastModified: p.updatedAt.toISOString() })),
    ...tagRows.map((t) => ({ path: `/tags/${t.slug}`, lastModified: newest })),
    ...authors.map((a) => ({ path: `/authors/${a.handle}`, lastModified: a.updatedAt.toISOString() })),
  ];
}

export const listSitemapEntries = cachedQuery(readSitemapEntries, ["listSitemapEntries"], { tags: [tags.posts, tags.users] });
