import "server-only";
import { db } from "../db/client";
import { databaseUrl, engineOf } from "../db/url";
import { can, type Actor } from "../auth/permissions";
import { makeExcerpt } from "./excerpt";
import { pageCountFor } from "./published";
import { displayStatus, statusWhere, type DisplayStatus } from "./status";
import { detailSelect, toDetail } from "./queries";
import type { PostDetail } from "./views";
import { cleanLine, KEY_ID } from "../forms/schema";

export const DASHBOARD_PER_PAGE = 20;

/** One row of the dashboard's post list. Dates are ISO strings. */
export interface DashboardPostRow {
  id: string;
  slug: string;
  title: string;
  status: DisplayStatus;
  publishedAt: string | null;
  updatedAt: string;
  createdAt: string;
  author: { name: string; handle: string };
  commentCount: number;
  pendingCount: number;
}

export interface DashboardList {
  rows: DashboardPostRow[];
  page: number;
  pageCount: number;
  total: number;
  counts: Record<DisplayStatus | "all", number>;
}

/** Whose posts `actor` manages: every post for admins, their own for authors. */
function scopeFor(actor: Actor) {
  // A post by nobody in particular is "any" post: only who holds post:update:any may edit it.
  return can(actor, "post:update", { authorId: null }) ? {} : { authorId: actor.id };
}

function titleContains(q: string) {
  // SQLite's LIKE ignores ASCII case already; PostgreSQL needs to be told.
  return engineOf(databaseUrl()) === "postgresql"
    ? { title: { contains: q, mode: "insensitive" as const } }
    : { title: { contains: q } };
}

/** The dashboard list: the actor's posts (admins: all), filtered by status and title, newest change first. */
export async function listDashboardPosts(
  actor: Actor,
  options: { status: DisplayStatus | "all"; q: string; page: number },
  now: Date = new Date(),
): Promise<DashboardList> {
  const scope = scopeFor(actor);
  // Typed into a search box: as a title would be stored (no NUL, which PostgreSQL refuses).
  const q = cleanLine(options.q).trim().slice(0, 100);
  const search = q ? titleContains(q) : {};
  const where = { AND: [scope, search, statusWhere(options.status, now)] };
  const countFor = (s: DisplayStatus | "all") => db.post.count({ where: { AND: [scope, search, statusWhere(s, now)] } });
  const [all, draft, scheduled, published] = await Promise.all([
    countFor("all"),
    countFor("draft"),
    countFor("scheduled"),
    countFor("published"),
  ]);
  const counts = { all, draft, scheduled, published };
  const total = counts[options.status];
  const pageCount = pageCountFor(total, DASHBOARD_PER_PAGE);
  const page = Math.min(Math.max(1, options.page), pageCount);
  const rows = await db.post.findMany({
    where: where as object,
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * DASHBOARD_PER_PAGE,
    take: DASHBOARD_PER_PAGE,
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      publishedAt: true,
      updatedAt: true,
      createdAt: true,
      commentCount: true,
      author: { select: { name: true, handle: true } },
    },
  });
  const pending = rows.length
    ? await db.comment.groupBy({
        by: ["postId"],
        where: { postId: { in: rows.map((r) => r.id) }, status: "PENDING" },
        _count: { _all: true },
      })
    : [];
  const pendingBy = new Map(pending.map((p) => [p.postId, p._count._all]));
  return {
    rows: rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      title: r.title,
      status: displayStatus(r, now),
      publishedAt: r.publishedAt?.toISOString() ?? null,
      updatedAt: r.updatedAt.toISOString(),
      createdAt: r.createdAt.toISOString(),
      author: r.author,
      commentCount: r.commentCount,
      pendingCount: pendingBy.get(r.id) ?? 0,
    })),
    page,
    pageCount,
    total,
    counts,
  };
}

/** A post as the editor loads it. */
export interface EditorPost {
  id: string;
  authorId: string;
  authorName: string;
  title: string;
  slug: string;
  bodyMarkdown: string;
  /** Empty when the stored excerpt is the one made from the body (it then follows the body). */
  excerpt: string;
  /** The excerpt made from the body, suggested while the field is empty. */
  suggestedExcerpt: string;
  tags: string;
  coverImage: string | null;
  coverAlt: string | null;
  commentsOpen: boolean;
  showLikes: boolean;
  status: DisplayStatus;
  publishedAt: string | null;
  updatedAt: string;
  commentCount: number;
}

/** A post for the editor, or null. The caller checks the permission. */
export async function getEditorPost(id: string, now: Date = new Date()): Promise<EditorPost | null> {
  // An id from a URL that no post can have is not looked up (PostgreSQL refuses NUL in a query).
  if (!KEY_ID.test(id)) return null;
  const row = await db.post.findUnique({
    where: { id },
    select: {
      id: true,
      authorId: true,
      author: { select: { name: true } },
      title: true,
      slug: true,
      bodyMarkdown: true,
      excerpt: true,
      coverImage: true,
      coverAlt: true,
      commentsOpen: true,
      showLikes: true,
      status: true,
      publishedAt: true,
      updatedAt: true,
      commentCount: true,
      tags: { select: { tag: { select: { name: true } } }, orderBy: { tag: { name: "asc" } } },
    },
  });
  if (!row) return null;
  const suggestedExcerpt = makeExcerpt(row.bodyMarkdown);
  return {
    id: row.id,
    authorId: row.authorId,
    authorName: row.author.name,
    title: row.title,
    slug: row.slug,
    bodyMarkdown: row.bodyMarkdown,
    excerpt: row.excerpt === suggestedExcerpt ? "" : row.excerpt,
    suggestedExcerpt,
    tags: row.tags
      .map((t) => t.tag.name)
      .sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" }))
      .join(", "),
    coverImage: row.coverImage,
    coverAlt: row.coverAlt,
    commentsOpen: row.commentsOpen,
    showLikes: row.showLikes,
    status: displayStatus(row, now),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    commentCount: row.commentCount,
  };
}

/** Who wrote a post (for permission checks), or null when there is no such post. */
export async function postOwner(id: string): Promise<{ authorId: string } | null> {
  return db.post.findUnique({ where: { id }, select: { authorId: true } });
}

/** Every tag name, for the editor's suggestions. */
export async function listTagNames(): Promise<string[]> {
  const rows = await db.tag.findMany({ select: { name: true }, orderBy: { name: "asc" }, take: 500 });
  return rows.map((r) => r.name);
}

/** How much goes with a post when it is deleted. */
export async function deletionSummary(id: string) {
  const [comments, likes] = await Promise.all([
    db.comment.count({ where: { postId: id } }),
    db.commentLike.count({ where: { comment: { postId: id } } }),
  ]);
  return { comments, likes };
}

/**
 * Any post (draft, scheduled or published) shaped as the essay page shows it, for the private
 * preview. Never cached. The caller checks the permission.
 */
export async function getPreviewPost(
  id: string,
  now: Date = new Date(),
): Promise<(PostDetail & { status: DisplayStatus }) | null> {
  if (!KEY_ID.test(id)) return null;
  const row = await db.post.findUnique({ where: { id }, select: { ...detailSelect, status: true } });
  if (!row) return null;
  // A draft has no date yet; the preview shows it as if it went out now.
  return { ...toDetail(row, { previous: null, next: null }, now), status: displayStatus(row, now) };
}
