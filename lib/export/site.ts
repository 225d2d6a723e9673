/**
 * Moving out: every post as a Markdown file with the same front matter the Markdown import reads
 * (lib/posts/front-matter.ts: title, date, tags, excerpt, draft, slug — plus status and author,
 * which that import ignores), and every comment in comments.json as one tree per post. And
 * moving back in: importSiteExport reads such an archive into a site (authors matched by e-mail
 * or created as AUTHOR accounts without a password), all in one transaction.
 */
import type { Db } from "../db/client";
import { retryWhenBusy } from "../db/retry";
import { can, type Actor } from "../auth/permissions";
import { renderComment } from "../markdown/comment";
import { renderEssay } from "../markdown/essay";
import { readImportCandidate, type ImportCandidate } from "../posts/front-matter";
import { slugHolder } from "../posts/manage";
import { uniqueSlug } from "../posts/slug";
import { ensureTags } from "../posts/write";
import { handleBase } from "../users/create";
import type { TarEntry } from "./tar";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
type Status = "PENDING" | "APPROVED" | "SPAM" | "TRASH" | "DELETED";

export interface ExportedComment {
  id: number;
  parentId: number | null;
  author: { email: string; name: string } | null;
  guestName: string | null;
  guestEmail: string | null;
  guestUrl: string | null;
  status: Status;
  createdAt: string;
  editedAt: string | null;
  bodyMarkdown: string;
  replies: ExportedComment[];
}

export interface ExportedThreads {
  version: 1;
  posts: { slug: string; comments: ExportedComment[] }[];
}

/** A front-matter string: double-quoted, with the escapes lib/posts/front-matter.ts reads. */
export function quoteFrontMatter(value: string): string {
  return `"${value.replace(/[\\"\u0000-\u001f]/g, (c) => {
    if (c === "\\") return "\\\\";
    if (c === '"') return '\\"';
    if (c === "\n") return "\\n";
    if (c === "\t") return "\\t";
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
  })}"`;
}

/** One post as a Markdown file with front matter. */
export function postToMarkdown(post: {
  title: string;
  slug: string;
  status: "DRAFT" | "SCHEDULED" | "PUBLISHED";
  publishedAt: Date | null;
  createdAt: Date;
  tags: string[];
  authorEmail: string;
  excerpt: string;
  bodyMarkdown: string;
}): string {
  const lines = [
    "---",
    `title: ${quoteFrontMatter(post.title)}`,
    `slug: ${post.slug}`,
    `date: ${(post.publishedAt ?? post.createdAt).toISOString()}`,
    `status: ${post.status.toLowerCase()}`,
    `draft: ${post.status === "DRAFT"}`,
    `tags: [${post.tags.map(quoteFrontMatter).join(", ")}]`,
    `author: ${quoteFrontMatter(post.authorEmail)}`,
    `excerpt: ${quoteFrontMatter(post.excerpt)}`,
    "---",
    "",
  ];
  return `${lines.join("\n")}${post.bodyMarkdown}\n`;
}

/** The whole site as archive entries: posts/<slug>.md and comments.json. */
export async function buildSiteExport(db: Db): Promise<TarEntry[]> {
  const posts = await db.post.findMany({
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: { author: { select: { email: true } }, tags: { include: { tag: true } } },
  });
  const entries: TarEntry[] = posts.map((p) => ({
    name: `posts/${p.slug}.md`,
    content: postToMarkdown({
      ...p,
      tags: p.tags.map((t) => t.tag.name).sort(),
      authorEmail: p.author.email,
    }),
  }));
  const threads: ExportedThreads = { version: 1, posts: [] };
  for (const p of posts) {
    const rows = await db.comment.findMany({
      where: { postId: p.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: { author: { select: { email: true, name: true } } },
    });
    if (rows.length === 0) continue;
    const nodes = new Map<number, ExportedComment>();
    const roots: ExportedComment[] = [];
    for (const c of rows) {
      nodes.set(c.id, {
        id: c.id,
        parentId: c.parentId,
        author: c.author ? { email: c.author.email, name: c.author.name } : null,
        guestName: c.guestName,
        guestEmail: c.guestEmail,
        guestUrl: c.guestUrl,
        status: c.status,
        createdAt: c.createdAt.toISOString(),
        editedAt: c.editedAt?.toISOString() ?? null,
        bodyMarkdown: c.bodyMarkdown,
        replies: [],
      });
    }
    for (const c of rows) {
      const node = nodes.get(c.id)!;
      const parent = c.parentId === null ? undefined : nodes.get(c.parentId);
      if (parent) parent.replies.push(node);
      else roots.push(node);
    }
    threads.posts.push({ slug: p.slug, comments: roots });
  }
  entries.push({ name: "comments.json", content: `${JSON.stringify(threads, null, 2)}\n` });
  return entries;
}

export type SiteImportResult = { ok: true; posts: number; comments: number } | { ok: false; errors: string[] } | { forbidden: true };

async function userFor(tx: Tx, email: string, name: string, cache: Map<string, string>): Promise<string> {
  const key = email.toLowerCase();
  const hit = cache.get(key);
  if (hit) return hit;
  const found = await tx.user.findUnique({ where: { email: key }, select: { id: true } });
  if (found) {
    cache.set(key, found.id);
    return found.id;
  }
  const base = handleBase(name, key);
  const taken = new Set((await tx.user.findMany({ where: { handle: { startsWith: base } }, select: { handle: true } })).map((u) => u.handle));
  let handle = base;
  for (let n = 2; taken.has(handle); n++) handle = `${base}-${n}`;
  const user = await tx.user.create({ data: { email: key, name: name.slice(0, 100) || key, handle, role: "AUTHOR" }, select: { id: true } });
  cache.set(key, user.id);
  return user.id;
}

/** Imports an archive made by buildSiteExport into this site, all or nothing (admins only). */
export async function importSiteExport(db: Db, actor: Actor, entries: readonly TarEntry[]): Promise<SiteImportResult> {
  if (!can(actor, "settings:update")) return { forbidden: true };
  const errors: string[] = [];
  const posts: { file: string; post: ImportCandidate; author: string; status: string }[] = [];
  for (const e of entries.filter((x) => /^posts\/[^/]+\.md$/.test(x.name))) {
    const read = readImportCandidate(e.content);
    if (!read.ok) {
      errors.push(`${e.name}: ${read.errors.join("; ")}`);
      continue;
    }
    const author = /^author:\s*(.*)$/m.exec(e.content.split(/\n---\s*\n/)[0] ?? "")?.[1]?.trim().replace(/^"|"$/g, "") ?? "";
    const status = /^status:\s*(draft|scheduled|published)\s*$/m.exec(e.content.split(/\n---\s*\n/)[0] ?? "")?.[1];
    if (!author) errors.push(`${e.name}: author is missing`);
    posts.push({ file: e.name, post: read.post, author, status: (status ?? (read.post.draft ? "draft" : "published")).toUpperCase() });
  }
  const commentsFile = entries.find((e) => e.name === "comments.json");
  let threads: ExportedThreads = { version: 1, posts: [] };
  if (commentsFile) {
    try {
      threads = JSON.parse(commentsFile.content) as ExportedThreads;
      if (threads.version !== 1 || !Array.isArray(threads.posts)) errors.push("comments.json: not a Hearth comments export (version 1)");
    } catch (error) {
      errors.push(`comments.json: not JSON (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  const slugs = new Set(posts.map((p) => p.post.slug));
  for (const t of threads.posts) if (!slugs.has(t.slug)) errors.push(`comments.json: comments for "${t.slug}", which is not among the posts`);
  if (errors.length > 0) return { ok: false, errors };

  const rendered = await Promise.all(posts.map((p) => renderEssay(p.post.body)));
  const commentHtml = new Map<string, string>();
  const walk = async (list: ExportedComment[]): Promise<void> => {
    for (const c of list) {
      if (!commentHtml.has(c.bodyMarkdown)) commentHtml.set(c.bodyMarkdown, await renderComment(c.bodyMarkdown));
      await walk(c.replies);
    }
  };
  for (const t of threads.posts) await walk(t.comments);

  return retryWhenBusy(() =>
    db.$transaction(
      async (tx) => {
        const users = new Map<string, string>();
        const postIds = new Map<string, string>();
        for (const [i, p] of posts.entries()) {
          const r = rendered[i]!;
          const slug = await uniqueSlug(p.post.slug ?? p.post.title, async (s) => (await slugHolder(tx, s, null)) !== "free", "imported");
          const tagIds = await ensureTags(tx, p.post.tags);
          const status = p.status as "DRAFT" | "SCHEDULED" | "PUBLISHED";
          const created = await tx.post.create({
            data: {
              slug,
              title: p.post.title,
              bodyMarkdown: p.post.body.replace(/\n$/, ""),
              bodyHtml: r.html,
              tocJson: JSON.stringify(r.toc),
              wordCount: r.wordCount,
              readingMinutes: r.readingMinutes,
              excerpt: p.post.excerpt ?? "",
              status,
              publishedAt: status === "DRAFT" ? null : p.post.date,
              createdAt: p.post.date ?? new Date(),
              authorId: await userFor(tx, p.author, p.author.split("@")[0] ?? "", users),
              tags: { create: tagIds.map((tagId) => ({ tagId })) },
            },
            select: { id: true },
          });
          postIds.set(p.post.slug ?? slug, created.id);
        }
        let count = 0;
        for (const t of threads.posts) {
          const postId = postIds.get(t.slug)!;
          let approved = 0;
          const insert = async (list: ExportedComment[], parent: { id: number; rootId: number; depth: number } | null) => {
            for (const c of list) {
              const row = await tx.comment.create({
                data: {
                  postId,
                  parentId: parent?.id ?? null,
                  rootId: parent?.rootId ?? null,
                  depth: parent ? parent.depth + 1 : 0,
                  authorId: c.author ? await userFor(tx, c.author.email, c.author.name, users) : null,
                  guestName: c.guestName,
                  guestEmail: c.guestEmail,
                  guestUrl: c.guestUrl,
                  bodyMarkdown: c.bodyMarkdown,
                  bodyHtml: commentHtml.get(c.bodyMarkdown) ?? "",
                  status: c.status,
                  createdAt: new Date(c.createdAt),
                  editedAt: c.editedAt ? new Date(c.editedAt) : null,
                },
                select: { id: true },
              });
              const rootId = parent?.rootId ?? row.id;
              if (!parent) await tx.comment.update({ where: { id: row.id }, data: { rootId } });
              if (c.status === "APPROVED") approved++;
              count++;
              await insert(c.replies, { id: row.id, rootId, depth: parent ? parent.depth + 1 : 0 });
            }
          };
          await insert(t.comments, null);
          if (approved) await tx.post.update({ where: { id: postId }, data: { commentCount: { increment: approved } } });
        }
        return { ok: true as const, posts: posts.length, comments: count };
      },
      { timeout: 10 * 60_000, maxWait: 60_000 },
    ),
  );
}
