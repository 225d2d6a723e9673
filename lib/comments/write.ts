import type { Db } from "../db/client";
import { Prisma } from "../generated/sqlite/client";
import type { Comment } from "../generated/sqlite/client";
import { retryWhenBusy } from "../db/retry";
import { renderComment } from "../markdown/comment";
import type { CommentStatusValue } from "./policy";

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
 * on PostgreSQL): this is the hottest write of the site, and each ORM query costs a query
 * compilation on top of the statement itself (docs/decisions/010-write-path.md).
 */
export async function insertComment(db: Db, input: NewComment): Promise<Comment> {
  const bodyHtml = input.bodyHtml ?? (await renderComment(input.bodyMarkdown));
  return retryWhenBusy(() =>
    db.$transaction(async (tx) => {
      // Read first (the parent, or the post): see setLike.
      const parent = input.parentId
        ? ((
            await tx.$queryRaw<
              {
                id: number | bigint;
                postId: string;
                rootId: number | bigint | null;
                depth: number | bigint;
                approved: number | bigint | boolean;
              }[]
            >`
              SELECT "id", "postId", "rootId", "depth", ("status" = 'APPROVED') AS "approved" FROM "Comment" WHERE "id" = ${input.parentId}`
          )[0] ?? null)
        : await tx.$queryRaw`SELECT "id" FROM "Post" WHERE "id" = ${input.postId}`.then(() => null);
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
        createdAt: input.createdAt ?? now,
        updatedAt: now,
        editedAt: null,
      };
      const inserted = await tx.$queryRaw<{ id: number | bigint }[]>`
        INSERT INTO "Comment" ("postId", "parentId", "rootId", "depth", "authorId", "guestName", "guestEmail", "guestUrl",
          "bodyMarkdown", "bodyHtml", "status", "likeCount", "ipHash", "userAgent", "createdAt", "updatedAt")
        VALUES (${row.postId}, ${row.parentId}, ${row.rootId}, ${row.depth}, ${row.authorId}, ${row.guestName},
          ${row.guestEmail}, ${row.guestUrl}, ${row.bodyMarkdown}, ${row.bodyHtml}, ${statusSql(row.status)}, 0,
          ${row.ipHash}, ${row.userAgent}, ${row.createdAt}, ${row.updatedAt})
        RETURNING "id"`;
      const id = Number(inserted[0]?.id);
      if (!parent) {
        await tx.$executeRaw`UPDATE "Comment" SET "rootId" = "id" WHERE "id" = ${id}`;
        row.rootId = id;
      }
      if (input.status === "APPROVED") {
        await tx.$executeRaw`UPDATE "Post" SET "commentCount" = "commentCount" + 1 WHERE "id" = ${input.postId}`;
      }
      return { id, ...row };
    }),
  );
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
 * insertComment: two statements instead of four compiled queries.
 */
export async function setLike(
  db: Db,
  commentId: number,
  userId: string,
  like: boolean,
): Promise<{ liked: boolean; likeCount: number }> {
  return retryWhenBusy(() =>
    db.$transaction(async (tx) => {
      // Read first: a transaction that already reads gets SQLITE_BUSY at once when another
      // connection is writing (and is retried), instead of waiting inside SQLite.
      const found = await tx.$queryRaw<{ likeCount: number | bigint; approved: number | bigint | boolean }[]>`
        SELECT "likeCount", ("status" = 'APPROVED') AS "approved" FROM "Comment" WHERE "id" = ${commentId}`;
      const comment = found[0];
      if (!comment) throw new CommentRejected("postId", "That comment no longer exists.");
      const changed = like
        ? Number(comment.approved)
          ? await tx.$executeRaw`
              INSERT INTO "CommentLike" ("commentId", "userId", "createdAt") VALUES (${commentId}, ${userId}, ${new Date()})
              ON CONFLICT ("commentId", "userId") DO NOTHING`
          : 0
        : await tx.$executeRaw`DELETE FROM "CommentLike" WHERE "commentId" = ${commentId} AND "userId" = ${userId}`;
      if (changed > 0) {
        const updated = await tx.$queryRaw<{ likeCount: number | bigint }[]>`
          UPDATE "Comment" SET "likeCount" = "likeCount" + ${like ? 1 : -1} WHERE "id" = ${commentId} RETURNING "likeCount"`;
        return { liked: like, likeCount: Number(updated[0]?.likeCount ?? 0) };
      }
      if (!like) return { liked: false, likeCount: Number(comment.likeCount) };
      // Nothing inserted: liked already, or the comment is not approved (then no new likes).
      const mine = await tx.$queryRaw<{ n: number | bigint }[]>`
        SELECT COUNT(*) AS "n" FROM "CommentLike" WHERE "commentId" = ${commentId} AND "userId" = ${userId}`;
      if (Number(mine[0]?.n ?? 0) === 0) throw new CommentRejected("postId", "Only published comments can be liked.");
      return { liked: true, likeCount: Number(comment.likeCount) };
    }),
  );
}

/** Adds a like (idempotent); true when it was added. */
export async function addLike(db: Db, commentId: number, userId: string): Promise<boolean> {
  const before = await db.commentLike.findUnique({ where: { commentId_userId: { commentId, userId } } });
  if (before) return false;
  const after = await setLike(db, commentId, userId, true);
  return after.liked;
}
