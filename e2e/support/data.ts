/**
 * Test data for the end-to-end suite. The e2e server starts on an empty database
 * (.data/e2e.db, recreated from the migrations); every test creates what it needs through the
 * app's own data layer, with unique slugs, handles and names, then asks the running server to
 * drop its cached pages (POST /api/revalidate) so the new data is visible.
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { APIRequestContext } from "@playwright/test";
import { createDb, type Db } from "../../lib/db/client";
import { createPost } from "../../lib/posts/write";
import { addLike, insertApprovedComment } from "../../lib/comments/write";
import { hashPassword } from "../../lib/users/password";

export type { Db };

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
/** The database the e2e server runs on (see scripts/e2e-server.mjs). */
export const E2E_DATABASE_URL = `file:${path.join(ROOT, ".data", "e2e.db")}`;
/** Must match REVALIDATE_SECRET in scripts/e2e-server.mjs. */
export const REVALIDATE_SECRET = process.env.REVALIDATE_SECRET || "e2e-revalidate-secret";

/** A short random suffix that keeps slugs, handles, e-mails and names unique per test. */
export function uid(): string {
  return randomUUID().replace(/-/g, "").slice(0, 8);
}

export function openDb(): Db {
  return createDb(E2E_DATABASE_URL);
}

export type Role = "READER" | "AUTHOR" | "ADMIN";

export interface UserRecord {
  id: string;
  name: string;
  handle: string;
  email: string;
  bio: string;
  role: Role;
  /** The clear-text password, when the user was created with one (see `TestData.user`). */
  password?: string;
}

export interface EssayRecord {
  id: string;
  slug: string;
  title: string;
  publishedAt: Date | null;
}

export interface CommentRecord {
  id: number;
  postId: string;
}

/** Drops the server's cached pages for `tags` ("posts", "post:<id>", "users", "settings"). */
export async function revalidate(request: APIRequestContext, tags: string[]): Promise<void> {
  const response = await request.post("/api/revalidate", {
    headers: { Authorization: `Bearer ${REVALIDATE_SECRET}` },
    data: { tags },
  });
  if (!response.ok()) {
    throw new Error(`POST /api/revalidate ${JSON.stringify(tags)} failed: ${response.status()} ${await response.text()}`);
  }
}

/**
 * Creates data through the app's data layer and remembers which cache tags it touched, so a
 * single `publish()` makes all of it visible.
 */
export class TestData {
  readonly run = uid();
  private readonly touched = new Set<string>(["posts", "users"]);
  private sequence = 0;

  constructor(
    readonly db: Db,
    private readonly request: APIRequestContext,
  ) {}

  /** A unique suffix for this test's names ("<run>-<n>"). */
  unique(): string {
    this.sequence += 1;
    return `${this.run}${this.sequence}`;
  }

  /**
   * A user, created directly in the database, its e-mail address confirmed unless
   * `unconfirmed` (as a password sign-up is until its link is opened). With `password` the user
   * can sign in with it (the hash is argon2id, as the app stores it); the record carries the
   * clear text back for the test.
   */
  async user(
    input: {
      name?: string;
      role?: Role;
      bio?: string;
      handle?: string;
      email?: string;
      password?: string;
      unconfirmed?: boolean;
    } = {},
  ): Promise<UserRecord> {
    const suffix = this.unique();
    const handle = input.handle ?? `user-${suffix}`;
    const user = await this.db.user.create({
      data: {
        name: input.name ?? `Reader ${suffix}`,
        email: (input.email ?? `${handle}@e2e.example`).toLowerCase(),
        handle,
        role: input.role ?? "READER",
        bio: input.bio ?? "",
        passwordHash: input.password === undefined ? null : await hashPassword(input.password),
        emailVerified: input.unconfirmed ? null : new Date(),
      },
    });
    return {
      id: user.id,
      name: user.name,
      handle: user.handle,
      email: user.email,
      bio: user.bio,
      role: user.role,
      ...(input.password === undefined ? {} : { password: input.password }),
    };
  }

  /** A unique e-mail address nobody has used yet (for sign-up and unknown-account tests). */
  email(prefix = "person"): string {
    return `${prefix}-${this.unique()}@e2e.example`;
  }

  author(input: { name?: string; bio?: string } = {}): Promise<UserRecord> {
    return this.user({ role: "AUTHOR", ...input });
  }

  /**
   * A published essay by default. `publishedAt` defaults to now; pass an earlier date to
   * order essays (a date in the future hides the essay).
   */
  async essay(input: {
    author: UserRecord;
    title: string;
    slug?: string;
    bodyMarkdown?: string;
    excerpt?: string;
    tags?: string[];
    status?: "PUBLISHED" | "DRAFT" | "SCHEDULED";
    publishedAt?: Date | null;
    commentsOpen?: boolean;
  }): Promise<EssayRecord> {
    const slug = input.slug ?? `essay-${this.unique()}`;
    const post = await createPost(this.db, {
      slug,
      title: input.title,
      bodyMarkdown: input.bodyMarkdown ?? `A short essay called ${input.title}.\n\nIt has two paragraphs.`,
      authorId: input.author.id,
      excerpt: input.excerpt,
      tags: input.tags,
      status: input.status ?? "PUBLISHED",
      publishedAt: input.publishedAt,
      commentsOpen: input.commentsOpen,
    });
    this.touched.add(`post:${post.id}`);
    return { id: post.id, slug: post.slug, title: post.title, publishedAt: post.publishedAt };
  }

  async comment(input: {
    essay: EssayRecord;
    parent?: CommentRecord | null;
    author?: UserRecord;
    guest?: { name: string; email?: string; url?: string | null };
    body: string;
    createdAt?: Date;
  }): Promise<CommentRecord> {
    const comment = await insertApprovedComment(this.db, {
      postId: input.essay.id,
      parentId: input.parent?.id ?? null,
      authorId: input.author?.id ?? null,
      guest: input.guest
        ? {
            name: input.guest.name,
            email: input.guest.email ?? `guest-${this.unique()}@e2e.example`,
            url: input.guest.url ?? null,
          }
        : null,
      bodyMarkdown: input.body,
      createdAt: input.createdAt,
    });
    this.touched.add(`post:${input.essay.id}`);
    return { id: comment.id, postId: comment.postId };
  }

  async like(comment: CommentRecord, user: UserRecord): Promise<void> {
    await addLike(this.db, comment.id, user.id);
    this.touched.add(`post:${comment.postId}`);
  }

  /** Marks an approved comment deleted, keeping the post's approved-comment count in step. */
  async deleteComment(comment: CommentRecord): Promise<void> {
    await this.db.$transaction([
      this.db.comment.update({ where: { id: comment.id }, data: { status: "DELETED" } }),
      this.db.post.update({ where: { id: comment.postId }, data: { commentCount: { decrement: 1 } } }),
    ]);
    this.touched.add(`post:${comment.postId}`);
  }

  /** Makes everything created so far visible: revalidates every cache tag it touched. */
  async publish(): Promise<void> {
    await revalidate(this.request, [...this.touched]);
  }
}

/** `count` dates just before `from`, newest first, `stepMs` apart. */
export function datesBefore(from: Date, count: number, stepMs = 1): Date[] {
  return Array.from({ length: count }, (_, i) => new Date(from.getTime() - (i + 1) * stepMs));
}

/** Markdown with everything the reading view renders specially. */
export function richEssayMarkdown(topic: string): string {
  return `Every hearth starts with a spark, and this essay about ${topic} starts with an introduction that sets the scene for the sections that follow.

## Gathering the kindling

Dry twigs catch first; damp ones only smoke.[^smoke] Collect more than you think you need, because the fire will ask for it sooner than you expect.

## Comparing the woods

| Wood  | Heat   | Smoke |
| ----- | ------ | ----- |
| Oak   | High   | Low   |
| Pine  | Medium | High  |
| Birch | Medium | Low   |

## Keeping the fire

A small function decides when to add another log:

\`\`\`ts
export function needsAnotherLog(embers: number, flames: number): boolean {
  return flames < 2 && embers > 0;
}
\`\`\`

### Banking the embers

At night, cover the embers with ash so that they keep until morning.

[^smoke]: Smoke is unburnt fuel escaping up the chimney.
`;
}
