import "server-only";
import { cachedQuery } from "../cache/query";
import { db, sqlOf } from "../db/client";
import type { Engine } from "../db/url";
import { tags } from "../cache/tags";
import { readSettings } from "../settings/queries";
import type { SiteSettings } from "../settings/defaults";
import { resolveAvatar } from "../users/gravatar";
import { Prisma } from "../generated/sqlite/client";
import { buildThread, commentPages, pageOfThread, type CommentOrder, type TreeInput } from "./tree";
import { toNodeViews, type CommentView, type ThreadPage } from "./views";

interface Row extends TreeInput {
  authorHandle: string | null;
  authorImage: string | null;
  authorId: string | null;
  guestUrl: string | null;
  bodyHtml: string;
  editedAt: Date | null;
  pending: boolean;
}

const DELETED_NAME = "a deleted comment";

export interface ThreadOptions {
  page: number;
  perPage: number;
  order: CommentOrder;
  maxDepth: number;
}

/** What the caller already knows (the essay page has both), to spare the queries. */
export interface KnownAboutPost {
  /** The post's approved comments (its denormalised commentCount). */
  approvedCount?: number;
  gravatarEnabled?: boolean;
}

interface ThreadRow {
  id: number | bigint;
  parentId: number | bigint | null;
  depth: number | bigint;
  status: string;
  createdAt: Date | string;
  editedAt: Date | string | null;
  likeCount: number | bigint;
  bodyHtml: string;
  guestName: string | null;
  guestEmail: string | null;
  guestUrl: string | null;
  authorId: string | null;
  userName: string | null;
  userHandle: string | null;
  userImage: string | null;
  userEmail: string | null;
}

/** Who is looking, for the parts of a thread that are theirs alone. */
export interface ThreadViewer {
  userId: string | null;
  /** Pending comments a guest wrote from this browser (signed cookie). */
  pendingIds: number[];
}

/**
 * SQL for "this comment is shown": approved, or the viewer's own comment awaiting moderation.
 * Statuses are written as literals (they are enum values on PostgreSQL); ids are parameters.
 */
function shownSql(alias: string, viewer: ThreadViewer | null): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`${Prisma.raw(alias)}."status" = 'APPROVED'`];
  if (viewer?.userId)
    parts.push(Prisma.sql`(${Prisma.raw(alias)}."status" = 'PENDING' AND ${Prisma.raw(alias)}."authorId" = ${viewer.userId})`);
  if (viewer && viewer.pendingIds.length > 0) {
    parts.push(
      Prisma.sql`(${Prisma.raw(alias)}."status" = 'PENDING' AND ${Prisma.raw(alias)}."id" IN (${Prisma.join(viewer.pendingIds)}))`,
    );
  }
  return Prisma.sql`(${Prisma.join(parts, " OR ")})`;
}

/**
 * Top-level comments c listed on a post: shown themselves, or with something shown below them.
 * `postId` is a value or an SQL expression (another table's column).
 *
 * "Something shown below" is asked per engine. On PostgreSQL it is `c.id IN (the roots of the
 * post's shown comments)`, which the planner hashes once per statement: asked per top-level
 * comment (EXISTS), it cost a probe for every one not shown itself, ~14 ms for the permalink
 * of a new comment on an essay with 500 held ones, against 0.8 ms. On SQLite the probe is an
 * in-process index lookup, and the IN form would be evaluated again per row when `postId` is
 * another table's column (commentPermalink), so it stays EXISTS.
 */
function listedRootsWhere(postId: string | Prisma.Sql, viewer: ThreadViewer | null, engine: Engine): Prisma.Sql {
  const below =
    engine === "postgresql"
      ? Prisma.sql`c."id" IN (SELECT d."rootId" FROM "Comment" d WHERE d."postId" = ${postId} AND ${shownSql("d", viewer)})`
      : Prisma.sql`EXISTS (SELECT 1 FROM "Comment" d WHERE d."rootId" = c."id" AND ${shownSql("d", viewer)})`;
  return Prisma.sql`c."postId" = ${postId} AND c."parentId" IS NULL AND (${shownSql("c", viewer)} OR ${below})`;
}

const ORDER_SQL: Record<CommentOrder, Prisma.Sql> = {
  oldest: Prisma.sql`c."createdAt" ASC, c."id" ASC`,
  newest: Prisma.sql`c."createdAt" DESC, c."id" DESC`,
  // A deleted top-level comment keeps its place but not its likes (its likeCount is zeroed).
  likes: Prisma.sql`c."likeCount" DESC, c."createdAt" ASC, c."id" ASC`,
};

/** One page of listed top-level comments, paged in the database (the same order as sortRoots). */
async function pageOfListedRoots(
  postId: string,
  viewer: ThreadViewer | null,
  order: CommentOrder,
  perPage: number,
  page: number,
) {
  const where = listedRootsWhere(postId, viewer, sqlOf(db).engine);
  const counted = await sqlOf(db).query<{ n: number | bigint }>(Prisma.sql`SELECT COUNT(*) AS n FROM "Comment" c WHERE ${where}`);
  const count = Number(counted[0]?.n ?? 0);
  const { page: current, pageCount } = commentPages(count, perPage, page);
  const rows = await sqlOf(db).query<{ id: number | bigint }>(
    Prisma.sql`SELECT c."id" AS id FROM "Comment" c WHERE ${where} ORDER BY ${ORDER_SQL[order]} LIMIT ${perPage} OFFSET ${(current - 1) * perPage}`,
  );
  return { page: current, pageCount, rootIds: rows.map((r) => Number(r.id)) };
}

/**
 * SQL: top-level comment c is listed before top-level comment r in `order`. The dates are also
 * bounded on their own (`<=`), which lets the database read only that range of the
 * (postId, parentId, createdAt) index.
 */
const BEFORE_SQL: Record<CommentOrder, Prisma.Sql> = {
  oldest: Prisma.sql`c."createdAt" <= r."createdAt" AND (c."createdAt" < r."createdAt" OR c."id" < r."id")`,
  newest: Prisma.sql`c."createdAt" >= r."createdAt" AND (c."createdAt" > r."createdAt" OR c."id" > r."id")`,
  likes: Prisma.sql`(c."likeCount" > r."likeCount" OR (c."likeCount" = r."likeCount" AND (c."createdAt" < r."createdAt" OR (c."createdAt" = r."createdAt" AND c."id" < r."id"))))`,
};

/**
 * One page of a post's thread: top-level comments paged by `order`, each with all of its
 * replies, built into the displayed tree. For a viewer, their own pending comments are shown
 * (marked) and `likedByMe` says which comments they like; without one it is the public thread
 * every anonymous reader shares.
 */
export async function readThreadPage(
  postId: string,
  postAuthorId: string,
  options: ThreadOptions,
  viewer: ThreadViewer | null = null,
  known: KnownAboutPost = {},
): Promise<ThreadPage> {
  const [total, selected, gravatarEnabled] = await Promise.all([
    known.approvedCount ??
      sqlOf(db)
        .query<{ n: number | bigint }>(
          Prisma.sql`SELECT COUNT(*) AS "n" FROM "Comment" WHERE "postId" = ${postId} AND "status" = 'APPROVED'`,
        )
        .then((r) => Number(r[0]?.n ?? 0)),
    pageOfListedRoots(postId, viewer, options.order, options.perPage, options.page),
    known.gravatarEnabled ?? readSettings().then((s) => s.gravatarEnabled),
  ]);
  if (selected.rootIds.length === 0) return { total, page: selected.page, pageCount: selected.pageCount, nodes: [] };

  // Plain SQL: a page can hold hundreds of comments, and the ORM's relation loading costs
  // several times the query itself (docs/decisions/010-write-path.md).
  const rows = (
    await sqlOf(db).query<ThreadRow>(Prisma.sql`
      SELECT c."id", c."parentId", c."depth", c."status", c."createdAt", c."editedAt", c."likeCount", c."bodyHtml",
             c."guestName", c."guestEmail", c."guestUrl", c."authorId",
             u."name" AS "userName", u."handle" AS "userHandle", u."image" AS "userImage", u."email" AS "userEmail"
      FROM "Comment" c LEFT JOIN "User" u ON u."id" = c."authorId"
      WHERE c."rootId" IN (${Prisma.join(selected.rootIds)})`)
  ).map((r) => ({
    ...r,
    id: Number(r.id),
    parentId: r.parentId === null ? null : Number(r.parentId),
    depth: Number(r.depth),
    likeCount: Number(r.likeCount),
    createdAt: new Date(r.createdAt),
    editedAt: r.editedAt === null ? null : new Date(r.editedAt),
    author:
      r.authorId !== null && r.userName !== null
        ? { name: r.userName, handle: r.userHandle, image: r.userImage, email: r.userEmail }
        : null,
  }));
  const isOwnPending = (r: { id: number; authorId: string | null; status: string }) =>
    r.status === "PENDING" && !!viewer && ((!!viewer.userId && r.authorId === viewer.userId) || viewer.pendingIds.includes(r.id));
  const likedIds = rows.filter((r) => r.status === "APPROVED" && r.likeCount > 0).map((r) => r.id);
  const [likes, mine] = await Promise.all([
    likedIds.length
      ? sqlOf(db).query<{ commentId: number | bigint; name: string }>(Prisma.sql`
          SELECT l."commentId", u."name" FROM "CommentLike" l JOIN "User" u ON u."id" = l."userId"
          WHERE l."commentId" IN (${Prisma.join(likedIds)}) AND NOT u."hideLikes"
          ORDER BY l."createdAt" ASC, u."name" ASC`)
      : [],
    viewer?.userId && likedIds.length
      ? sqlOf(db).query<{ commentId: number | bigint }>(Prisma.sql`
          SELECT "commentId" FROM "CommentLike" WHERE "userId" = ${viewer.userId} AND "commentId" IN (${Prisma.join(likedIds)})`)
      : [],
  ]);
  const likersOf = new Map<number, string[]>();
  for (const like of likes) {
    const id = Number(like.commentId);
    const list = likersOf.get(id);
    if (list) list.push(like.name);
    else likersOf.set(id, [like.name]);
  }
  const likedByMe = new Set(mine.map((m) => Number(m.commentId)));

  const input: Row[] = rows.map((r) => {
    const pending = isOwnPending(r);
    const visible = r.status === "APPROVED" || pending;
    return {
      id: r.id,
      parentId: r.parentId,
      depth: r.depth,
      createdAt: r.createdAt,
      likeCount: visible ? r.likeCount : 0,
      visible,
      pending,
      authorName: visible ? (r.author?.name ?? r.guestName ?? "Anonymous") : DELETED_NAME,
      authorHandle: r.author?.handle ?? null,
      // Only the resolved picture leaves this function, never an e-mail address.
      authorImage: resolveAvatar(r.author?.image, r.author?.email ?? r.guestEmail, gravatarEnabled),
      authorId: r.authorId,
      guestUrl: r.author ? null : r.guestUrl,
      bodyHtml: r.bodyHtml,
      editedAt: r.editedAt,
    };
  });
  const tree = buildThread(input, { maxDepth: options.maxDepth, order: options.order });
  const view = (c: Row): CommentView => ({
    id: c.id,
    parentId: c.parentId,
    depth: c.depth,
    authorName: c.authorName,
    authorId: c.visible ? c.authorId : null,
    authorHandle: c.visible ? c.authorHandle : null,
    authorImage: c.visible ? c.authorImage : null,
    guestUrl: c.visible ? c.guestUrl : null,
    isPostAuthor: c.visible && c.authorId !== null && c.authorId === postAuthorId,
    bodyHtml: c.bodyHtml,
    createdAt: c.createdAt.toISOString(),
    editedAt: c.editedAt ? c.editedAt.toISOString() : null,
    likeCount: c.likeCount,
    likedBy: likersOf.get(c.id) ?? [],
    pending: c.pending,
    likedByMe: likedByMe.has(c.id),
  });
  return { total, page: selected.page, pageCount: selected.pageCount, nodes: toNodeViews(tree, view) };
}

/** Cached public thread page for anonymous readers (tag: the post). */
export function getThreadPage(
  postId: string,
  postAuthorId: string,
  options: ThreadOptions,
  known: KnownAboutPost = {},
): Promise<ThreadPage> {
  return cachedQuery(
    () => readThreadPage(postId, postAuthorId, options, null, known),
    ["thread", postId, JSON.stringify(options)],
    {
      tags: [tags.post(postId), tags.users, tags.settings],
    },
  )();
}

/**
 * SQL: how many listed top-level comments come before the thread of the comment whose root is
 * joined as `r`, in `order`: what decides the comment page it is shown on.
 */
function rootsBeforeSql(viewer: ThreadViewer | null, order: CommentOrder): Prisma.Sql {
  return Prisma.sql`(SELECT COUNT(*) FROM "Comment" c WHERE ${listedRootsWhere(Prisma.sql`r."postId"`, viewer, sqlOf(db).engine)} AND ${BEFORE_SQL[order]})`;
}

/** The address of comment `commentId` of the essay at `slug`, with `before` top-level comments before its thread. */
function permalinkAt(slug: string, before: number, perPage: number, commentId: number): string {
  const page = pageOfThread(before, perPage);
  const base = page <= 1 ? `/posts/${slug}` : `/posts/${slug}/comment-page/${page}`;
  return `${base}#comment-${commentId}`;
}

/**
 * Where a comment is shown: its essay's comment page (in the site's default order) and anchor,
 * in one query (how many listed top-level comments come before its thread). Null when the
 * comment or its essay is gone. Pass the settings when the caller has them.
 */
export async function commentPermalink(
  commentId: number,
  viewer: ThreadViewer | null = null,
  settings?: Pick<SiteSettings, "commentOrder" | "commentsPerPage">,
): Promise<string | null> {
  const { commentOrder, commentsPerPage } = settings ?? (await readSettings());
  const rows = await sqlOf(db).query<{ slug: string; n: number | bigint }>(Prisma.sql`
    SELECT p."slug" AS "slug", ${rootsBeforeSql(viewer, commentOrder)} AS "n"
    FROM "Comment" x
    JOIN "Post" p ON p."id" = x."postId"
    JOIN "Comment" r ON r."id" = COALESCE(x."rootId", x."id")
    WHERE x."id" = ${commentId}`);
  const row = rows[0];
  return row ? permalinkAt(row.slug, Number(row.n), commentsPerPage, commentId) : null;
}

/** A comment's Markdown source for its edit form (only comments of this post, not deleted). */
export async function commentSourceForEditing(
  commentId: number,
  postId: string,
): Promise<{ id: number; bodyMarkdown: string } | null> {
  const row = await db.comment.findUnique({
    where: { id: commentId },
    select: { id: true, postId: true, status: true, bodyMarkdown: true },
  });
  if (!row || row.postId !== postId || row.status === "DELETED") return null;
  return { id: row.id, bodyMarkdown: row.bodyMarkdown };
}

/** What the posting path needs of an essay open to readers (published, its time has come). */
export interface OpenPost {
  id: string;
  slug: string;
  authorId: string;
  commentsOpen: boolean;
  publishedAt: Date | null;
}

/** The published essay `postId`, or null (one plain query: this is on every comment post). */
export async function openPost(postId: string, now: Date = new Date()): Promise<OpenPost | null> {
  const rows = await sqlOf(db).query<{
    id: string;
    slug: string;
    authorId: string;
    commentsOpen: boolean | number | bigint;
    publishedAt: Date | string | null;
  }>(Prisma.sql`SELECT "id", "slug", "authorId", "commentsOpen", "publishedAt" FROM "Post"
    WHERE "id" = ${postId} AND "status" IN ('PUBLISHED', 'SCHEDULED') AND "publishedAt" <= ${now}`);
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    slug: row.slug,
    authorId: row.authorId,
    commentsOpen: Boolean(Number(row.commentsOpen)),
    publishedAt: row.publishedAt === null ? null : new Date(row.publishedAt),
  };
}

/**
 * What moderation needs to know of a writer, in one query: the body of their last comment on
 * this essay (an identical one is refused as a duplicate) and, for a guest, whether a comment
 * with their e-mail address, sent from this browser (`guestKey`: the hash of the key in their
 * signed remember-me cookie), was ever approved — WordPress's "previously approved" rule,
 * without letting whoever types an approved reader's address pass as them.
 */
export async function writerHistory(
  postId: string,
  writer: { userId: string } | { email: string; guestKey: string | null },
): Promise<{ lastBody: string | null; approvedBefore: boolean }> {
  const rows =
    "userId" in writer
      ? await sqlOf(db).query<{ lastBody: string | null; approvedBefore: number | bigint | boolean | null }>(Prisma.sql`
          SELECT (SELECT "bodyMarkdown" FROM "Comment" WHERE "postId" = ${postId} AND "authorId" = ${writer.userId}
                  ORDER BY "id" DESC LIMIT 1) AS "lastBody",
                 0 AS "approvedBefore"`)
      : await sqlOf(db).query<{ lastBody: string | null; approvedBefore: number | bigint | boolean | null }>(Prisma.sql`
          SELECT (SELECT "bodyMarkdown" FROM "Comment" WHERE "postId" = ${postId} AND "guestEmail" = ${writer.email.toLowerCase()}
                  ORDER BY "id" DESC LIMIT 1) AS "lastBody",
                 EXISTS (SELECT 1 FROM "Comment" WHERE "guestEmail" = ${writer.email.toLowerCase()} AND "status" = 'APPROVED'
                         AND "guestKey" = ${writer.guestKey ?? ""})
                   AS "approvedBefore"`);
  const row = rows[0];
  return { lastBody: row?.lastBody ?? null, approvedBefore: Boolean(Number(row?.approvedBefore ?? 0)) };
}

/** SQL: essay p is published (its time has come). */
const publishedSql = (now: Date) => Prisma.sql`p."status" IN ('PUBLISHED', 'SCHEDULED') AND p."publishedAt" <= ${now}`;

/** What liking a comment checks and purges; `permalink` only when asked for (likeTarget). */
export interface LikeTarget {
  authorId: string | null;
  status: string;
  postId: string;
  postSlug: string;
  permalink: string | null;
}

/**
 * Who wrote a comment, its status and essay with the essay's address (what liking it checks and
 * purges); null when it is gone or its essay is not published. Given `place`, the comment's
 * permalink for that viewer comes in the same statement (commentPermalink's question), so a like
 * answered with a redirect costs no extra round trip.
 */
export async function likeTarget(
  commentId: number,
  place: { viewer: ThreadViewer | null; settings: Pick<SiteSettings, "commentOrder" | "commentsPerPage"> } | null = null,
  now: Date = new Date(),
): Promise<LikeTarget | null> {
  const rows = await sqlOf(db).query<Omit<LikeTarget, "permalink"> & { before: number | bigint | null }>(Prisma.sql`
    SELECT x."authorId", x."status", x."postId", p."slug" AS "postSlug",
           ${place ? rootsBeforeSql(place.viewer, place.settings.commentOrder) : Prisma.sql`NULL`} AS "before"
    FROM "Comment" x JOIN "Post" p ON p."id" = x."postId"
    ${place ? Prisma.sql`JOIN "Comment" r ON r."id" = COALESCE(x."rootId", x."id")` : Prisma.empty}
    WHERE x."id" = ${commentId} AND ${publishedSql(now)}`);
  const row = rows[0];
  if (!row) return null;
  const { before, ...target } = row;
  const permalink = place && before !== null ? permalinkAt(row.postSlug, Number(before), place.settings.commentsPerPage, commentId) : null;
  return { ...target, permalink };
}

/**
 * The permalink of a comment this viewer may see (approved, or their own awaiting moderation)
 * on a published essay; null otherwise, so the short link /comments/<id> reveals nothing of
 * drafts, held, spam or deleted comments.
 */
export async function visibleCommentPermalink(
  commentId: number,
  viewer: ThreadViewer,
  now: Date = new Date(),
): Promise<string | null> {
  const rows = await sqlOf(db).query<{ id: number | bigint }>(Prisma.sql`
    SELECT c."id" AS "id" FROM "Comment" c JOIN "Post" p ON p."id" = c."postId"
    WHERE c."id" = ${commentId} AND ${shownSql("c", viewer)} AND ${publishedSql(now)}`);
  return rows.length > 0 ? commentPermalink(commentId, viewer) : null;
}

/** Whether an account has this e-mail address (guests may not comment with it). */
export async function accountHasEmail(email: string): Promise<boolean> {
  const rows = await sqlOf(db).query<{ n: number | bigint }>(
    Prisma.sql`SELECT COUNT(*) AS "n" FROM "User" WHERE "email" = ${email.trim().toLowerCase()}`,
  );
  return Number(rows[0]?.n ?? 0) > 0;
}
