import { createDb, type Db } from "../lib/db/client";
import { hashPassword } from "../lib/users/password";
import { createPost } from "../lib/posts/write";
import { insertApprovedComment, addLike } from "../lib/comments/write";
import { DEMO_PASSWORD, users, posts, comments } from "./seed-data";

export interface SeedSummary {
  users: number;
  posts: number;
  comments: number;
}

/**
 * Seeds the demo site. Idempotent: users are matched by e-mail, posts by slug, and a post's
 * demo comments are only added while it has none, so running it twice changes nothing.
 */
export async function seedDemo(db: Db): Promise<SeedSummary> {
  const summary: SeedSummary = { users: 0, posts: 0, comments: 0 };
  await db.settings.upsert({ where: { id: 1 }, update: {}, create: { id: 1 } });

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const userIds = new Map<string, string>();
  for (const u of users) {
    const existing = await db.user.findUnique({ where: { email: u.email }, select: { id: true } });
    if (existing) {
      userIds.set(u.key, existing.id);
      continue;
    }
    const created = await db.user.create({
      data: { name: u.name, email: u.email, handle: u.handle, role: u.role, bio: u.bio, passwordHash, emailVerified: new Date() },
    });
    userIds.set(u.key, created.id);
    summary.users++;
  }
  const userId = (key: string): string => {
    const id = userIds.get(key);
    if (!id) throw new Error(`seed: unknown user key ${key}`);
    return id;
  };

  const postIds = new Map<string, { id: string; publishedAt: Date; fresh: boolean }>();
  for (const p of posts) {
    const publishedAt = new Date(p.publishedAt);
    const existing = await db.post.findUnique({ where: { slug: p.slug }, select: { id: true, commentCount: true } });
    if (existing) {
      const hasComments = (await db.comment.count({ where: { postId: existing.id } })) > 0;
      postIds.set(p.slug, { id: existing.id, publishedAt, fresh: !hasComments });
      continue;
    }
    const created = await createPost(db, {
      slug: p.slug,
      title: p.title,
      bodyMarkdown: p.bodyMarkdown,
      excerpt: p.excerpt,
      authorId: userId(p.authorKey),
      tags: p.tags,
      status: "PUBLISHED",
      publishedAt,
    });
    await db.post.update({ where: { id: created.id }, data: { createdAt: publishedAt, updatedAt: publishedAt } });
    postIds.set(p.slug, { id: created.id, publishedAt, fresh: true });
    summary.posts++;
  }

  const commentIds = new Map<string, number>();
  for (const c of comments) {
    const post = postIds.get(c.postSlug);
    if (!post || !post.fresh) continue;
    const parentId = c.parentKey ? commentIds.get(c.parentKey) : null;
    if (parentId === undefined) throw new Error(`seed: comment ${c.key} answers unknown ${c.parentKey}`);
    const created = await insertApprovedComment(db, {
      postId: post.id,
      parentId,
      authorId: c.authorKey ? userId(c.authorKey) : null,
      guest: c.guest ?? null,
      bodyMarkdown: c.body,
      createdAt: new Date(post.publishedAt.getTime() + c.minutesAfterPublish * 60_000),
    });
    commentIds.set(c.key, created.id);
    for (const liker of c.likedBy) await addLike(db, created.id, userId(liker));
    summary.comments++;
  }
  return summary;
}

/** The demo accounts, one line each, for the README and `npm start`. */
export function demoLogins(): string {
  const rows = users.map((u) => `  ${u.role.padEnd(6)}  ${u.email.padEnd(24)}  ${u.name}`);
  return [`Demo logins (password for all: ${DEMO_PASSWORD}):`, ...rows].join("\n");
}

// Run directly: `npm run db:seed` (always seeds what is missing) or, from `npm start`,
// `--if-empty` (only a database without users gets demo content).
if (import.meta.url === `file://${process.argv[1]}`) {
  const args = new Set(process.argv.slice(2));
  const db = createDb();
  try {
    const empty = (await db.user.count()) === 0;
    if (!args.has("--if-empty") || empty) {
      const s = await seedDemo(db);
      console.log(`Seeded ${s.users} user(s), ${s.posts} post(s), ${s.comments} comment(s).`);
    }
    const demoPresent = (await db.user.count({ where: { email: { in: users.map((u) => u.email) } } })) > 0;
    if (args.has("--print-logins") && demoPresent) console.log(`\n${demoLogins()}\n`);
  } finally {
    await db.$disconnect();
  }
}
