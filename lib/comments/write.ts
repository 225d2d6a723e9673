import { sqlOf, type Db } from "../db/client";
import { Prisma } from "../generated/sqlite/client";
import type { Comment } from "../generated/sqlite/client";
import { changes, rows, type SqlRunner } from "../db/sql";
import { renderComment } from "../markdown/comment";
import type { CommentStatusValue } from "./policy";
import { batchWindowMs, enqueueNotification } from "../notify/outbox";

export interface NewComment {
  postId: string;
  parentId: number | null;
  authorId?: string | null;
  guest?: { name: string; email: string; url?: string | null } | null;
  bodyMarkdown: string;
  /** Rendered and sanitized HTML; rendered here when omitted. */
  bodyHtml?: string;
  status: CommentStatusValue;
  ipHash?: string | null;
  userAgent?: string | null;
  /** For a guest: the hash of their browser key (lib/comments/tokens.ts), when they sent one. */
  guestKey?: string | null;
  /** A guest asked to be e-mailed about replies (signed-in writers follow their account setting). */
  notifyReplies?: boolean;
  createdAt?: Date;
}

/** Why a comment could not be stored (a parent that went away meanwhile, for instance). */
export class CommentRejected extends Error {
  constructor(
    readonly field: "parentId" | "postId",
    message: string,
  ) {
    super(message);
    this.name = "CommentRejected";
  }
}

/**
 * Stores a comment in one transaction: the parent must be an approved comment on the same post;
 * rootId and depth come from it; an approved comment bumps the post's approved count.
 *
 * Written in SQL that SQLite and PostgreSQL both accept (statuses as literals: they are an enum
 * on PostgreSQL) and run by lib/db/sql.ts: this is the hottest write of the site, and on SQLite
 * the driver runs the whole transaction in a fraction of what one ORM query costs
 * (docs/decisions/010-write-path.md, 012-direct-sql.md).
 */
export async function insertComment(db: Db, input: NewComment): Promise<Comment> {
  const bodyHtml = input.bodyHtml ?? (await renderComment(input.bodyMarkdown));
  const windowMs = batchWindowMs();
  return sqlOf(db).transaction(function* () {
    const parent = input.parentId
      ? ((yield* rows<{
          id: number | bigint;
          postId: string;
          rootId: number | bigint | null;
          depth: number | bigint;
          approved: number | bigint | boolean;
        }>(Prisma.sql`
          SELECT "id", "postId", "rootId", "depth", ("status" = 'APPROVED') AS "approved" FROM "Comment" WHERE "id" = ${input.parentId}`))[0] ??
        null)
      : null;
    if (input.parentId && (!parent || parent.postId !== input.postId || !Number(parent.approved))) {
      throw new CommentRejected("parentId", "The comment you are replying to is no longer available.");
    }
    const now = new Date();
    const row: Omit<Comment, "id"> = {
      postId: input.postId,
      parentId: parent ? Number(parent.id) : null,
      rootId: parent ? Number(parent.rootId ?? parent.id) : null,
      depth: parent ? Number(parent.depth) + 1 : 0,
      authorId: input.authorId ?? null,
      guestName: input.guest?.name ?? null,
      guestEmail: input.guest?.email?.toLowerCase() ?? null,
      guestUrl: input.guest?.url || null,
      bodyMarkdown: input.bodyMarkdown,
      bodyHtml,
      status: input.status,
      likeCount: 0,
      ipHash: input.ipHash ?? null,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
      guestKey: input.guestKey ?? null,
      notifyReplies: Boolean(input.guest && input.notifyReplies),
      importKey: null,
      createdAt: input.createdAt ?? now,
      updatedAt: now,
      editedAt: null,
    };
    const inserted = yield* rows<{ id: number | bigint }>(Prisma.sql`
      INSERT INTO "Comment" ("postId", "parentId", "rootId", "depth", "authorId", "guestName", "guestEmail", "guestUrl",
        "bodyMarkdown", "bodyHtml", "status", "likeCount", "ipHash", "userAgent", "guestKey", "notifyReplies", "createdAt", "updatedAt")
      VALUES (${row.postId}, ${row.parentId}, ${row.rootId}, ${row.depth}, ${row.authorId}, ${row.guestName},
        ${row.guestEmail}, ${row.guestUrl}, ${row.bodyMarkdown}, ${row.bodyHtml}, ${statusSql(row.status)}, 0,
        ${row.ipHash}, ${row.userAgent}, ${row.guestKey}, ${row.notifyReplies}, ${row.createdAt}, ${row.updatedAt})
      RETURNING "id"`);
    const id = Number(inserted[0]?.id);
    if (!parent) {
      yield* changes(Prisma.sql`UPDATE "Comment" SET "rootId" = "id" WHERE "id" = ${id}`);
      row.rootId = id;
    }
    if (input.status === "APPROVED") {
      yield* changes(Prisma.sql`UPDATE "Post" SET "commentCount" = "commentCount" + 1 WHERE "id" = ${input.postId}`);
    }
    // The outbox row is written with the comment: it exists exactly when the comment does.
    if (input.status === "APPROVED" && parent) yield* enqueueNotification("reply", id, windowMs, now);
    if (input.status === "PENDING") yield* enqueueNotification("moderation", id, windowMs, now);
    return { id, ...row };
  });
}

/** A status as an SQL literal (an enum on PostgreSQL, text on SQLite; never a parameter). */
function statusSql(status: CommentStatusValue): Prisma.Sql {
  switch (status) {
    case "APPROVED":
      return Prisma.sql`'APPROVED'`;
    case "PENDING":
      return Prisma.sql`'PENDING'`;
    case "SPAM":
      return Prisma.sql`'SPAM'`;
    case "TRASH":
      return Prisma.sql`'TRASH'`;
    case "DELETED":
      return Prisma.sql`'DELETED'`;
  }
}

/** Inserts an approved comment (seed data, benchmarks, tests). */
export function insertApprovedComment(db: Db, input: Omit<NewComment, "status">) {
  return insertComment(db, { ...input, status: "APPROVED" });
}

/**
 * Likes or unlikes a comment for a user. One like per person, enforced by the primary key;
 * the count changes in the same transaction. Returns whether the user likes it afterwards and
 * the new count. Only approved comments can be liked. Plain SQL for the same reason as
 * insertComment; on PostgreSQL one statement (setLikePostgres).
 */
export async function setLike(
  db: Db,
  commentId: number,
  userId: string,
  like: boolean,
): Promise<{ liked: boolean; likeCount: number }> {
  const runner = sqlOf(db);
  if (runner.engine === "postgresql") return setLikePostgres(runner, commentId, userId, like);
  return runner.transaction(function* () {
    const found = yield* rows<{ likeCount: number | bigint; approved: number | bigint | boolean }>(Prisma.sql`
      SELECT "likeCount", ("status" = 'APPROVED') AS "approved" FROM "Comment" WHERE "id" = ${commentId}`);
    const comment = found[0];
    if (!comment) throw new CommentRejected("postId", "That comment no longer exists.");
    const changed = like
      ? Number(comment.approved)
        ? yield* changes(Prisma.sql`
            INSERT INTO "CommentLike" ("commentId", "userId", "createdAt") VALUES (${commentId}, ${userId}, ${new Date()})
            ON CONFLICT ("commentId", "userId") DO NOTHING`)
        : 0
      : yield* changes(Prisma.sql`DELETE FROM "CommentLike" WHERE "commentId" = ${commentId} AND "userId" = ${userId}`);
    if (changed > 0) {
      const updated = yield* rows<{ likeCount: number | bigint }>(Prisma.sql`
        UPDATE "Comment" SET "likeCount" = "likeCount" + ${like ? 1 : -1} WHERE "id" = ${commentId} RETURNING "likeCount"`);
      return { liked: like, likeCount: Number(updated[0]?.likeCount ?? 0) };
    }
    if (!like) return { liked: false, likeCount: Number(comment.likeCount) };
    // Nothing inserted: liked already, or the comment is not approved (then no new likes).
    const mine = yield* rows<{ n: number | bigint }>(Prisma.sql`
      SELECT COUNT(*) AS "n" FROM "CommentLike" WHERE "commentId" = ${commentId} AND "userId" = ${userId}`);
    if (Number(mine[0]?.n ?? 0) === 0) throw new CommentRejected("postId", "Only published comments can be liked.");
    return { liked: true, likeCount: Number(comment.likeCount) };
  });
}

/**
 * setLike on PostgreSQL: the same rules in one statement, so a like costs one round trip to the
 * server instead of five (BEGIN, read, insert or delete, count, COMMIT), which is most of what a
 * like costs an instance (docs/decisions/010-write-path.md). The comment's row is locked first
 * (`FOR UPDATE`): likes of one comment take their turns, and a like that waited reads the count
 * the one before it left. Only a like or unlike that changed a row changes the count, in the same
 * statement, so the count always equals the rows.
 */
async function setLikePostgres(
  runner: SqlRunner,
  commentId: number,
  userId: string,
  like: boolean,
): Promise<{ liked: boolean; likeCount: number }> {
  const change = like
    ? Prisma.sql`INSERT INTO "CommentLike" ("commentId", "userId", "createdAt")
        SELECT c."id", CAST(${userId} AS text), CAST(${new Date()} AS timestamp(3)) FROM c WHERE c."approved"
        ON CONFLICT ("commentId", "userId") DO NOTHING RETURNING 1`
    : Prisma.sql`DELETE FROM "CommentLike" WHERE "commentId" = (SELECT "id" FROM c) AND "userId" = ${userId} RETURNING 1`;
  const found = await runner.query<{ approved: boolean; mine: boolean | null; before: number; after: number | null }>(Prisma.sql`
    WITH c AS (SELECT "id", "likeCount", ("status" = 'APPROVED') AS "approved" FROM "Comment" WHERE "id" = ${commentId} FOR UPDATE),
         changed AS (${change}),
         counted AS (
           UPDATE "Comment" SET "likeCount" = "likeCount" + ${like ? 1 : -1}
           WHERE "id" = (SELECT "id" FROM c) AND EXISTS (SELECT 1 FROM changed) RETURNING "likeCount")
    SELECT c."approved" AS "approved", c."likeCount" AS "before", (SELECT "likeCount" FROM counted) AS "after",
           -- Only asked of a comment that is not approved (a like from before it was held).
           CASE WHEN NOT c."approved" THEN EXISTS (
             SELECT 1 FROM "CommentLike" l WHERE l."commentId" = c."id" AND l."userId" = ${userId}) END AS "mine"
    FROM c`);
  const comment = found[0];
  if (!comment) throw new CommentRejected("postId", "That comment no longer exists.");
  if (comment.after !== null) return { liked: like, likeCount: Number(comment.after) };
  // Nothing changed: not liked (an unlike), liked already, or not approved (then no new likes;
  // one from before it was held still counts as theirs, as on SQLite).
  if (like && !comment.approved && !comment.mine) throw new CommentRejected("postId", "Only published comments can be liked.");
  return { liked: like, likeCount: Number(comment.before) };
}

/** Adds a like (idempotent); true when it was added. */
export async function addLike(db: Db, commentId: number, userId: string): Promise<boolean> {
  const before = await db.commentLike.findUnique({ where: { commentId_userId: { commentId, userId } } });
  if (before) return false;
  const after = await setLike(db, commentId, userId, true);
  return after.liked;
}
