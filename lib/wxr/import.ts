/**
 * Importing a WordPress export (WXR) into Hearth: posts and pages (both become essays), their
 * tags and categories (both become tags), their authors, their old addresses (redirected), and
 * their whole comment threads. All or nothing: the file is read and checked completely, every
 * body is converted and rendered, and only then is everything written in one transaction.
 * Importing the same file again imports nothing twice (import keys name the WordPress ids).
 * See docs/decisions/020-wordpress-import-export.md.
 */
import type { Db } from "../db/client";
import { retryWhenBusy } from "../db/retry";
import { can, type Actor } from "../auth/permissions";
import { renderEssay, type RenderedEssay } from "../markdown/essay";
import { renderComment } from "../markdown/comment";
import { makeExcerpt, markdownToPlainText } from "../posts/excerpt";
import { slugHolder } from "../posts/manage";
import { slugify, uniqueSlug } from "../posts/slug";
import { ensureTags } from "../posts/write";
import { handleBase } from "../users/create";
import { htmlToMarkdown } from "./html-to-markdown";
import { legacyPathsOf, parseWxr, type WxrComment, type WxrDocument, type WxrPost } from "./parse";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Called as the import advances: `done` of `total` steps, and what is happening. */
export type WxrProgress = (done: number, total: number, stage: string) => void | Promise<void>;

export interface WxrImportReport {
  postsCreated: number;
  postsAlreadyThere: number;
  commentsCreated: number;
  commentsAlreadyThere: number;
  authorsCreated: string[];
  authorsMatched: string[];
  /** Items of the file that were not brought over, and why. */
  skipped: string[];
  /** The posts this run created: WordPress id, new slug, title. */
  posts: { wpId: string; slug: string; title: string; type: "post" | "page" }[];
  /** Ids of the posts whose pages changed (new posts and posts with new comments). */
  changedPostIds: string[];
}

export type WxrImportResult = { ok: true; report: WxrImportReport } | { ok: false; errors: string[] } | { forbidden: true };

export const postImportKey = (site: string, wpId: string) => `wxr:${site}#post:${wpId}`;
export const commentImportKey = (site: string, wpId: string) => `wxr:${site}#comment:${wpId}`;

interface PreparedComment {
  source: WxrComment;
  key: string;
  bodyMarkdown: string;
  bodyHtml: string;
}

interface PreparedPost {
  source: WxrPost;
  key: string;
  /** Set when an earlier import created it. */
  existingId: string | null;
  bodyMarkdown: string;
  rendered: RenderedEssay | null;
  excerpt: string;
  comments: PreparedComment[];
}

/** The steps an import of `doc` reports progress over: one per post and comment, and the save. */
export function progressTotal(doc: WxrDocument): number {
  return doc.posts.reduce((n, p) => n + 1 + p.comments.length, 0) + 1;
}

/** Imports a WXR file's text as `actor` (an admin). */
export async function importWxr(
  db: Db,
  actor: Actor,
  xml: string,
  options: { onProgress?: WxrProgress; now?: Date } = {},
): Promise<WxrImportResult> {
  if (!can(actor, "settings:update")) return { forbidden: true };
  const parsed = parseWxr(xml);
  if (!parsed.ok) return parsed;
  return importWxrDocument(db, parsed.doc, options);
}

/** Imports an already parsed and checked document (see importWxr). */
export async function importWxrDocument(
  db: Db,
  doc: WxrDocument,
  options: { onProgress?: WxrProgress; now?: Date } = {},
): Promise<WxrImportResult> {
  const now = options.now ?? new Date();
  const progress = options.onProgress ?? (() => undefined);
  const total = progressTotal(doc);
  let done = 0;

  // What earlier imports brought over already.
  const postKeys = doc.posts.map((p) => postImportKey(doc.site, p.wpId));
  const commentKeys = doc.posts.flatMap((p) => p.comments.map((c) => commentImportKey(doc.site, c.wpId)));
  const existingPosts = new Map<string, string>();
  for (let i = 0; i < postKeys.length; i += 500) {
    const rows = await db.post.findMany({ where: { importKey: { in: postKeys.slice(i, i + 500) } }, select: { id: true, importKey: true } });
    for (const r of rows) if (r.importKey) existingPosts.set(r.importKey, r.id);
  }
  const existingComments = new Map<string, { id: number; rootId: number | null; depth: number }>();
  for (let i = 0; i < commentKeys.length; i += 500) {
    const rows = await db.comment.findMany({
      where: { importKey: { in: commentKeys.slice(i, i + 500) } },
      select: { id: true, rootId: true, depth: true, importKey: true },
    });
    for (const r of rows) if (r.importKey) existingComments.set(r.importKey, { id: r.id, rootId: r.rootId, depth: r.depth });
  }

  // Convert and render everything before writing anything (the slow part, with progress).
  await progress(done, total, "Converting posts and comments");
  const prepared: PreparedPost[] = [];
  let commentsAlreadyThere = 0;
  for (const post of doc.posts) {
    const key = postImportKey(doc.site, post.wpId);
    const existingId = existingPosts.get(key) ?? null;
    let bodyMarkdown = "";
    let rendered: RenderedEssay | null = null;
    let excerpt = "";
    if (!existingId) {
      bodyMarkdown = htmlToMarkdown(post.html);
      rendered = await renderEssay(bodyMarkdown);
      const excerptText = markdownToPlainText(htmlToMarkdown(post.excerptHtml)).replace(/\s+/g, " ").trim();
      excerpt = (excerptText || makeExcerpt(bodyMarkdown)).slice(0, 500);
    }
    done++;
    const comments: PreparedComment[] = [];
    for (const c of post.comments) {
      const ckey = commentImportKey(doc.site, c.wpId);
      done++;
      if (done % 25 === 0) await progress(done, total, "Converting posts and comments");
      if (existingComments.has(ckey)) {
        commentsAlreadyThere++;
        continue;
      }
      const md = htmlToMarkdown(c.html) || "…";
      comments.push({ source: c, key: ckey, bodyMarkdown: md, bodyHtml: await renderComment(md) });
    }
    prepared.push({ source: post, key, existingId, bodyMarkdown, rendered, excerpt, comments });
  }
  await progress(done, total, "Saving");

  const report = await retryWhenBusy(() =>
    db.$transaction(async (tx) => save(tx, doc, prepared, existingComments, now), { timeout: 10 * 60_000, maxWait: 60_000 }),
  );
  report.commentsAlreadyThere = commentsAlreadyThere;
  report.postsAlreadyThere = existingPosts.size;
  done = total;
  await progress(done, total, "Done");
  return { ok: true, report };
}

async function authorIds(tx: Tx, doc: WxrDocument, needed: Set<string>, report: WxrImportReport): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const author of doc.authors) {
    if (!needed.has(author.login)) continue;
    const found = await tx.user.findUnique({ where: { email: author.email }, select: { id: true } });
    if (found) {
      ids.set(author.login, found.id);
      report.authorsMatched.push(author.email);
      continue;
    }
    // A new writer: an AUTHOR (never more), no password, e-mail unverified. Whoever owns the
    // address can sign in with a magic link and set a password.
    const base = handleBase(author.displayName, author.email);
    const taken = new Set(
      (await tx.user.findMany({ where: { handle: { startsWith: base } }, select: { handle: true } })).map((u) => u.handle),
    );
    let handle = base;
    for (let n = 2; taken.has(handle); n++) handle = `${base}-${n}`;
    const user = await tx.user.create({
      data: { name: author.displayName.slice(0, 100), email: author.email, handle, role: "AUTHOR", passwordHash: null, emailVerified: null },
      select: { id: true },
    });
    ids.set(author.login, user.id);
    report.authorsCreated.push(author.email);
  }
  return ids;
}

async function save(
  tx: Tx,
  doc: WxrDocument,
  prepared: PreparedPost[],
  existingComments: Map<string, { id: number; rootId: number | null; depth: number }>,
  now: Date,
): Promise<WxrImportReport> {
  const report: WxrImportReport = {
    postsCreated: 0,
    postsAlreadyThere: 0,
    commentsCreated: 0,
    commentsAlreadyThere: 0,
    authorsCreated: [],
    authorsMatched: [],
    skipped: [...doc.skipped],
    posts: [],
    changedPostIds: [],
  };
  const needed = new Set(prepared.filter((p) => !p.existingId).map((p) => p.source.authorLogin));
  const authors = await authorIds(tx, doc, needed, report);
  const placed = new Map(existingComments);

  for (const p of prepared) {
    let postId = p.existingId;
    const post = p.source;
    if (!postId) {
      const status = post.status === "PUBLISHED" ? (post.date && post.date > now ? "SCHEDULED" : "PUBLISHED") : "DRAFT";
      const base = slugify(post.slug) || slugify(post.title) || `wordpress-${post.wpId}`;
      const slug = await uniqueSlug(base, async (s) => (await slugHolder(tx, s, null)) !== "free", "imported");
      const tagIds = await ensureTags(tx, post.tags);
      const rendered = p.rendered!;
      const created = await tx.post.create({
        data: {
          slug,
          title: post.title,
          bodyMarkdown: p.bodyMarkdown,
          bodyHtml: rendered.html,
          tocJson: JSON.stringify(rendered.toc),
          wordCount: rendered.wordCount,
          readingMinutes: rendered.readingMinutes,
          excerpt: p.excerpt,
          status,
          publishedAt: status === "DRAFT" ? null : post.date,
          authorId: authors.get(post.authorLogin)!,
          importKey: p.key,
          createdAt: post.date ?? now,
          tags: { create: tagIds.map((tagId) => ({ tagId })) },
        },
        select: { id: true },
      });
      postId = created.id;
      for (const path of legacyPathsOf(post)) {
        const holder = await tx.legacyPath.findUnique({ where: { path }, select: { postId: true } });
        if (!holder) await tx.legacyPath.create({ data: { path, postId } });
      }
      report.postsCreated++;
      report.posts.push({ wpId: post.wpId, slug, title: post.title, type: post.type });
    }
    let approved = 0;
    for (const c of p.comments) {
      const parent = c.source.parentWpId ? placed.get(commentImportKey(doc.site, c.source.parentWpId)) : undefined;
      const row = await tx.comment.create({
        data: {
          postId,
          parentId: parent?.id ?? null,
          rootId: parent ? (parent.rootId ?? parent.id) : null,
          depth: parent ? parent.depth + 1 : 0,
          guestName: c.source.authorName,
          guestEmail: c.source.email,
          guestUrl: c.source.url,
          bodyMarkdown: c.bodyMarkdown,
          bodyHtml: c.bodyHtml,
          status: c.source.status,
          importKey: c.key,
          createdAt: c.source.date,
        },
        select: { id: true, rootId: true, depth: true },
      });
      if (!parent) await tx.comment.update({ where: { id: row.id }, data: { rootId: row.id } });
      placed.set(c.key, { id: row.id, rootId: parent ? row.rootId : row.id, depth: row.depth });
      if (c.source.status === "APPROVED") approved++;
      report.commentsCreated++;
    }
    if (approved > 0) await tx.post.update({ where: { id: postId }, data: { commentCount: { increment: approved } } });
    if (!p.existingId || p.comments.length > 0) report.changedPostIds.push(postId);
  }
  return report;
}
