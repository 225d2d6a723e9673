/**
 * What the malformed-input suite (e2e/malformed-*.spec.ts) shares: the people, essays and
 * comments its requests name, a fingerprint of the database to prove a refused request wrote
 * nothing, and the checks every answer must pass.
 */
import type { APIRequestContext } from "@playwright/test";
import { expect } from "./fixtures";
import { TestData, type CommentRecord, type Db, type EssayRecord, type UserRecord } from "./data";
import { freshAddress, leakIn, type Answer, type Visitor } from "./http-forms";
import { sessionCookie } from "./session";

/** The people and things the requests name. Created once per spec file. */
export interface World {
  data: TestData;
  admin: UserRecord;
  author: UserRecord;
  otherAuthor: UserRecord;
  reader: UserRecord;
  otherReader: UserRecord;
  /** A published essay by `author`, with comments by both readers. */
  essay: EssayRecord;
  /** A published essay by `otherAuthor`. */
  otherEssay: EssayRecord;
  /** A draft by `otherAuthor` (not open for comments, not anyone else's to edit). */
  draft: EssayRecord;
  readerComment: CommentRecord;
  otherComment: CommentRecord;
  /** On `otherEssay`: `author` may not moderate it. */
  foreignComment: CommentRecord;
  deletedComment: CommentRecord;
  /** A signed-in visitor (its own address) for `user`. */
  as(user: UserRecord): Promise<Visitor>;
  /** A visitor without a session, from its own address. */
  guest(): Visitor;
}

export async function createWorld(db: Db, request: APIRequestContext): Promise<World> {
  const data = new TestData(db, request);
  const [admin, author, otherAuthor, reader, otherReader] = [
    await data.user({ role: "ADMIN", name: "Malformed Admin" }),
    await data.author({ name: "Malformed Author" }),
    await data.author({ name: "Other Author" }),
    await data.user({ name: "Malformed Reader" }),
    await data.user({ name: "Other Reader" }),
  ];
  const essay = await data.essay({ author, title: "Malformed Input Essay", tags: ["malformed"] });
  const otherEssay = await data.essay({ author: otherAuthor, title: "Someone Else's Essay" });
  const draft = await data.essay({ author: otherAuthor, title: "A Draft", status: "DRAFT", publishedAt: null });
  const readerComment = await data.comment({ essay, author: reader, body: "The reader's own comment." });
  const otherComment = await data.comment({ essay, author: otherReader, body: "Another reader's comment." });
  const foreignComment = await data.comment({ essay: otherEssay, author: reader, body: "On the other essay." });
  const deletedComment = await data.comment({ essay, author: reader, body: "Deleted later." });
  await data.deleteComment(deletedComment);
  await data.publish();
  return {
    data,
    admin,
    author,
    otherAuthor,
    reader,
    otherReader,
    essay,
    otherEssay,
    draft,
    readerComment,
    otherComment,
    foreignComment,
    deletedComment,
    as: async (user) => ({ cookie: await sessionCookie(user), ip: freshAddress() }),
    guest: () => ({ ip: freshAddress() }),
  };
}

/** Text columns a person's input reaches (PostgreSQL refuses NUL in any of them). */
const TEXT_COLUMNS: Record<string, string[]> = {
  User: ["name", "email", "handle", "bio", "image"],
  Post: ["slug", "title", "excerpt", "bodyMarkdown", "bodyHtml", "coverImage", "coverAlt"],
  Comment: ["guestName", "guestEmail", "guestUrl", "bodyMarkdown", "bodyHtml"],
  Tag: ["name", "slug"],
  Settings: ["siteTitle", "siteDescription", "holdWords", "blockWords"],
};

/** Rows (table.column) that hold a NUL character: there must be none. */
export async function rowsWithNul(db: Db): Promise<string[]> {
  const found: string[] = [];
  for (const [table, columns] of Object.entries(TEXT_COLUMNS)) {
    const where = columns.map((c) => `instr("${c}", char(0)) > 0`).join(" OR ");
    const rows = await db.$queryRawUnsafe<{ id: unknown }[]>(`SELECT "id" FROM "${table}" WHERE ${where}`);
    for (const row of rows) found.push(`${table} ${String(row.id)}`);
  }
  return found;
}

/**
 * What a refused request must leave as it was: how many rows each table has, and every row
 * the suite's requests name (the world's people, essays and comments, the settings). One SQLite
 * statement (the e2e database is SQLite), as it runs twice for every request.
 */
export async function fingerprint(db: Db, world: World): Promise<string> {
  const users = [world.admin, world.author, world.otherAuthor, world.reader, world.otherReader].map((u) => u.id);
  const posts = [world.essay.id, world.otherEssay.id, world.draft.id];
  const marks = (n: number) => Array(n).fill("?").join(", ");
  const count = (table: string) => `(SELECT count(*) FROM "${table}")`;
  const rows = await db.$queryRawUnsafe<{ fp: string }[]>(
    `SELECT json_array(
      json_array(${["User", "Post", "Comment", "CommentLike", "Tag", "PostTag", "SlugRedirect", "VerificationToken"].map(count).join(", ")}),
      (SELECT json_group_array(json_array("id", "name", "bio", "image", "role", "passwordHash", "sessionVersion", "emailVerified"))
         FROM (SELECT * FROM "User" WHERE "id" IN (${marks(users.length)}) ORDER BY "id")),
      (SELECT json_group_array(json_array("id", "slug", "title", "bodyMarkdown", "status", "publishedAt", "coverImage", "commentCount"))
         FROM (SELECT * FROM "Post" WHERE "id" IN (${marks(posts.length)}) ORDER BY "id")),
      (SELECT json_group_array(json_array("id", "bodyMarkdown", "status", "likeCount", "parentId"))
         FROM (SELECT * FROM "Comment" WHERE "postId" IN (${marks(posts.length)}) ORDER BY "id")),
      (SELECT json_group_array(json_array("siteTitle", "siteDescription", "commentsPerPage", "holdWords", "blockWords", "commentOrder", "floodPerMinute", "floodPerHour"))
         FROM "Settings")
    ) AS fp`,
    ...users,
    ...posts,
    ...posts,
  );
  return rows[0]?.fp ?? "";
}

/** Every answer: never a 5xx, never a stack trace or an internal error message. */
export function expectSafe(answer: Answer, what: string): void {
  expect(answer.status, `${what}: answered ${answer.status}\n${answer.text.slice(0, 400)}`).toBeLessThan(500);
  expect(leakIn(answer.text), `${what}: the answer leaks an internal error`).toBeNull();
}

/** A string of `length` characters that reads as text (so a limit, not a format, refuses it). */
export function wordsOf(length: number, seed = "ember "): string {
  return seed.repeat(Math.ceil(length / seed.length)).slice(0, length);
}

/** Bytes that are not UTF-8 (a lone continuation byte, an overlong form, a byte that never occurs). */
export const INVALID_UTF8 = Buffer.from([0x6f, 0x6b, 0x20, 0x80, 0xc0, 0xaf, 0xff, 0x21]);

/**
 * Strings that look like numbers to a lenient parser but are not ids (tests/unit/form-schema.test.ts
 * holds the full list): text, a sign, an exponent, hex, past any integer, past the database's.
 */
export const NOT_IDS = ["abc", "-1", "1e999", "0x10", "99999999999999999999", "2147483648"];

/** More of them, for the cheap routes: zero, a harmless exponent, a fraction, a space, other digits. */
export const MORE_NOT_IDS = [...NOT_IDS, "0", "1e3", "1.5", " 7", "１２"];
