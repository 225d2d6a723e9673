// Builds the benchmark database: a fresh SQLite file, migrated, with the demo content and
// three essays carrying 30, 1,000 and 10,000 approved comments.
//
// Import this module only after process.env.DATABASE_URL points at the benchmark database:
// it loads lib/db/client.ts, which opens its process-wide client from that variable.
import { rmSync } from "node:fs";
import { createDb, type Db } from "../../lib/db/client";
import { migrate } from "../../lib/db/migrate";
import { engineOf } from "../../lib/db/url";
import { renderComment } from "../../lib/markdown/comment";
import { createPost } from "../../lib/posts/write";
import { seedDemo } from "../../prisma/seed";
import { posts as demoPosts } from "../../prisma/seed-data";

export interface SeededEssay {
  /** Case name, e.g. "essay-1000". */
  name: string;
  slug: string;
  postId: string;
  comments: number;
  topLevel: number;
  likes: number;
}

export interface SeedResult {
  essays: SeededEssay[];
  users: number;
  ms: number;
}

/** Deterministic PRNG (mulberry32), so every run seeds the same threads. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Comment bodies in the Markdown subset readers use: plain prose, quotes, lists, code, links. */
const BODIES: string[] = [
  "This is exactly how I felt when I moved my own site off a platform. Thank you for writing it down.",
  "I keep coming back to the line about *owning the boring parts*. That is the whole trick, isn't it?",
  "> The web is still the best place to put things you want to find again.\n\nPrinting this one out for the fridge.",
  "Small correction: the `rel=me` link has to point **both** ways, otherwise the verification fails silently.",
  "Three things that kept my site alive for a decade:\n\n- plain HTML files\n- one build script\n- no comments (ironic, I know)",
  "Could you say more about the RSS part? I tried [a feed reader](https://example.com/reader) and gave up after a week.",
  "Agreed.",
  "Same here. The first version of my site was a single `index.html` and honestly it was the fastest it has ever been.",
  "I disagree a little: a platform is fine if you keep an export. The trouble starts when you stop checking that the export works.\n\nI learned that the hard way in 2019.",
  "What do you use for the build? Something like:\n\n```sh\nfind posts -name '*.md' | xargs -n1 pandoc -o out/\n```\n\nor a proper generator?",
  "Lovely essay. The bit about the guestbook made me laugh out loud on the train.",
  "1. Write the thing.\n2. Put it somewhere you control.\n3. Link to it from everywhere else.\n\nThat order matters more than any tool.",
  "My host shut down twice in ten years. Both times the only thing that saved me was a folder of Markdown files and a `git` repository.",
  "Thank you — this is the nudge I needed to renew the domain I've been meaning to use since 2021.",
  "> ten years is a long time to keep anything\n\nEspecially a password. I lost access to my registrar account once; it took a month of emails to recover.",
  "I like that you kept the old URLs working. *Cool URIs don't change* is still the best advice on the web.",
  "Is the design still the one from the photo in the second section? It has aged remarkably well.",
  "A counterpoint from someone who maintains a lot of small sites: the maintenance is not free, it just arrives in small bills instead of one big one. Certificates, dependencies, the odd spam wave in the contact form. Still worth it, but worth naming too.",
  "This resonated. **Slow** is underrated.",
  "Do you keep drafts on the site too, or somewhere else? I've been going back and forth on that.",
  "The paragraph on webmentions is the clearest explanation I have read. Bookmarked, and sent to two friends.",
  "ha, the `<blink>` tag memory unlocked",
  "Would you write a follow-up about the analytics question? I removed mine last year and I don't miss it, but I'm curious how you think about it.",
  "+1 to everything about plain text. Formats come and go; `.txt` is forever.",
  "Honest question: how do you handle images? Mine are the one thing that keeps breaking when I move hosts.",
  "> A website is a garden, not a billboard.\n\nStealing this for my about page, with credit.",
  "I had the opposite experience — the personal site made me write *less*, because everything felt permanent. A notebook fixed that for me.",
  "Thanks for the kind reply above. I'll give it another try this weekend and report back.",
  "Reporting back: it works! Took an afternoon, mostly spent choosing a font.",
  "The part about writing for one reader at a time is what stuck with me. Beautifully put.",
  'Small typo in the third section ("there" → "their"), otherwise perfect.',
  "- hosting: a cheap VPS\n- build: a Makefile\n- comments: email me\n\nTen years and counting here too. High five.",
  "I wonder how much of this applies to people who are not programmers. The tooling is still hostile to them.",
  "That is fair, and it's why I keep recommending hosted options with a real export. Owning the words matters more than owning the server.",
  "You had me at *the footer still says 2016*.",
  "What a thoughtful piece. I read it twice, once quickly and once with a cup of tea.",
];

const GUESTS = [
  { name: "Wren", email: "wren@example.org", url: "https://wren.example.org" },
  { name: "Mateo R.", email: "mateo@example.net", url: null },
  { name: "Hollis", email: "hollis@example.com", url: null },
  { name: "Ada K.", email: "ada@example.org", url: "https://ada.example.org" },
  { name: "Bertie", email: "bertie@example.net", url: null },
];

/** How many extra readers to create so comments can be liked by distinct people. */
const EXTRA_READERS = 40;

type CommentRow = {
  id: number;
  postId: string;
  parentId: number | null;
  rootId: number;
  depth: number;
  authorId: string | null;
  guestName: string | null;
  guestEmail: string | null;
  guestUrl: string | null;
  bodyMarkdown: string;
  bodyHtml: string;
  status: "APPROVED";
  likeCount: number;
  createdAt: Date;
  updatedAt: Date;
};

type LikeRow = { commentId: number; userId: string; createdAt: Date };

async function inBatches<T>(db: Db, rows: T[], size: number, insert: (tx: Db, batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) {
    const batch = rows.slice(i, i + size);
    await db.$transaction(async (tx) => {
      await insert(tx as unknown as Db, batch);
    });
  }
}

/**
 * Generates the comments of one essay: ~40% top-level, the rest replies (depth 1–4) to earlier
 * comments of the same essay — mostly recent ones, as a conversation goes, sometimes an old
 * thread revived. Ids are assigned here so rootId can be written in the same insert.
 */
function generateComments(options: {
  postId: string;
  count: number;
  firstId: number;
  publishedAt: Date;
  userIds: string[];
  rendered: Map<string, string>;
  random: () => number;
}): { comments: CommentRow[]; likes: LikeRow[] } {
  const { postId, count, firstId, publishedAt, userIds, rendered, random } = options;
  const comments: CommentRow[] = [];
  const likes: LikeRow[] = [];
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  // Comments spread over the time since publication, strictly increasing.
  const span = Date.now() - publishedAt.getTime() - 60_000;
  const step = Math.max(1, Math.floor(span / (count + 1)));
  for (let i = 0; i < count; i++) {
    const id = firstId + i;
    let parent: CommentRow | null = null;
    if (i > 0 && random() >= 0.4) {
      // Reply: usually to one of the last 30 comments, sometimes to any earlier one.
      for (let attempt = 0; attempt < 8 && parent === null; attempt++) {
        const from = random() < 0.85 ? Math.max(0, i - 30) : 0;
        const candidate = comments[from + Math.floor(random() * (i - from))];
        if (candidate && candidate.depth <= 3) parent = candidate;
      }
    }
    const body = pick(BODIES);
    const guest = random() < 0.25 ? pick(GUESTS) : null;
    const createdAt = new Date(publishedAt.getTime() + (i + 1) * step);
    comments.push({
      id,
      postId,
      parentId: parent?.id ?? null,
      rootId: parent ? parent.rootId : id,
      depth: parent ? parent.depth + 1 : 0,
      authorId: guest ? null : pick(userIds),
      guestName: guest?.name ?? null,
      guestEmail: guest?.email ?? null,
      guestUrl: guest?.url ?? null,
      bodyMarkdown: body,
      bodyHtml: rendered.get(body) ?? "",
      status: "APPROVED",
      likeCount: 0,
      createdAt,
      updatedAt: createdAt,
    });
  }
  // About one comment in five is liked, by 1–6 distinct people other than its author.
  for (const c of comments) {
    if (random() >= 0.2) continue;
    const wanted = 1 + Math.floor(random() * 6);
    const likers = new Set<string>();
    while (likers.size < wanted) {
      const u = pick(userIds);
      if (u !== c.authorId) likers.add(u);
    }
    let at = c.createdAt.getTime();
    for (const userId of likers) {
      at += 60_000;
      likes.push({ commentId: c.id, userId, createdAt: new Date(Math.min(at, Date.now())) });
    }
    c.likeCount = likers.size;
  }
  return { comments, likes };
}

/** Deletes the database file (and its WAL/SHM/journal companions). */
export function removeDatabase(file: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
}

/** Creates, migrates and seeds the SQLite benchmark database at `url` (file:<absolute path>). */
export async function seedBenchDatabase(url: string, file: string, counts: readonly number[]): Promise<SeedResult> {
  const started = performance.now();
  removeDatabase(file);
  await migrate(url);
  const result = await seedBenchContent(url, counts);
  return { ...result, ms: performance.now() - started };
}

/**
 * Seeds a migrated, empty database (SQLite or PostgreSQL) with the demo content, the extra
 * readers and the benchmark essays.
 */
export async function seedBenchContent(url: string, counts: readonly number[]): Promise<SeedResult> {
  const started = performance.now();
  const db = createDb(url);
  try {
    await seedDemo(db);
    const readers = Array.from({ length: EXTRA_READERS }, (_, i) => ({
      name: `Bench Reader ${i + 1}`,
      email: `reader${i + 1}@bench.hearth.test`,
      handle: `bench-reader-${i + 1}`,
      role: "READER" as const,
    }));
    await db.user.createMany({ data: readers });
    const users = await db.user.findMany({ select: { id: true, role: true, handle: true }, orderBy: { createdAt: "asc" } });
    const userIds = users.map((u) => u.id);
    const author = users.find((u) => u.handle === "nadia-lindqvist") ?? users.find((u) => u.role === "AUTHOR");
    if (!author) throw new Error("bench seed: the demo content has no author");

    // A real essay of the demo content (headings, lists, highlighted code), so the page is typical.
    const source = demoPosts.find((p) => p.slug === "ten-years-of-a-personal-website") ?? demoPosts[0];
    if (!source) throw new Error("bench seed: the demo content has no essay");

    const rendered = new Map<string, string>();
    for (const body of BODIES) rendered.set(body, await renderComment(body));

    const last = await db.comment.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
    let nextId = (last?.id ?? 0) + 1;
    const random = prng(20261127);
    const essays: SeededEssay[] = [];
    for (const [index, count] of counts.entries()) {
      // Published a few days ago, a minute apart, so they sort predictably on the home page.
      const publishedAt = new Date(Date.now() - 3 * 86_400_000 - index * 60_000);
      const slug = `bench-essay-${count}`;
      const post = await createPost(db, {
        slug,
        title: `${source.title} (with ${count.toLocaleString("en-US")} comments)`,
        bodyMarkdown: source.bodyMarkdown,
        excerpt: source.excerpt,
        authorId: author.id,
        tags: [...source.tags, "Benchmark"],
        status: "PUBLISHED",
        publishedAt,
      });
      await db.post.update({ where: { id: post.id }, data: { createdAt: publishedAt, updatedAt: publishedAt } });

      const { comments, likes } = generateComments({
        postId: post.id,
        count,
        firstId: nextId,
        publishedAt,
        userIds,
        rendered,
        random,
      });
      nextId += count;
      await inBatches(db, comments, 500, (tx, batch) => tx.comment.createMany({ data: batch }));
      await inBatches(db, likes, 1000, (tx, batch) => tx.commentLike.createMany({ data: batch }));
      const approved = await db.comment.count({ where: { postId: post.id, status: "APPROVED" } });
      await db.post.update({ where: { id: post.id }, data: { commentCount: approved } });
      essays.push({
        name: `essay-${count}`,
        slug,
        postId: post.id,
        comments: approved,
        topLevel: comments.filter((c) => c.parentId === null).length,
        likes: likes.length,
      });
    }
    if (engineOf(url) === "postgresql") {
      // The comments were inserted with their ids: move the id sequence past them, or the app's
      // next comment would be given an id already taken.
      await db.$executeRawUnsafe(
        `SELECT setval(pg_get_serial_sequence('"Comment"', 'id'), (SELECT COALESCE(MAX(id), 1) FROM "Comment"))`,
      );
    }
    // No ANALYZE: Hearth never runs it, so the planner works without statistics, as in production.
    return { essays, users: users.length, ms: performance.now() - started };
  } finally {
    await db.$disconnect();
  }
}
