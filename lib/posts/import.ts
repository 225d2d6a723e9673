/**
 * Bringing essays over from static-site blogs: Markdown files with front matter (title, date,
 * tags, excerpt, draft, slug). Each file is checked and saved on its own, so one bad file does
 * not stop the others; the report names every file and what became of it.
 */
import type { Db } from "../db/client";
import { retryWhenBusy } from "../db/retry";
import { can, type Actor } from "../auth/permissions";
import { renderEssay } from "../markdown/essay";
import { MAX_BODY_LENGTH } from "./editor-schema";
import { makeExcerpt } from "./excerpt";
import { readImportCandidate } from "./front-matter";
import { slugHolder } from "./manage";
import { isValidSlug, slugify, uniqueSlug } from "./slug";
import { displayStatus, type DisplayStatus } from "./status";
import { ensureTags } from "./write";

export interface ImportFile {
  name: string;
  text: string;
}

export type ImportOutcome =
  | { file: string; ok: true; id: string; slug: string; title: string; status: DisplayStatus; tags: string[] }
  | { file: string; ok: false; errors: string[] };

/** The slug a file name suggests: "2021-04-05-my-essay.md" → "my-essay". */
export function slugFromFileName(name: string): string {
  const base = name
    .replace(/^.*[\\/]/, "")
    .replace(/\.(md|markdown|mdx|txt)$/i, "")
    .replace(/^\d{4}-\d{2}-\d{2}[-_]/, "");
  return slugify(base);
}

/** Imports every file as a post by `actor`; see ImportOutcome for what each file reports. */
export async function importMarkdownFiles(
  db: Db,
  actor: Actor,
  files: readonly ImportFile[],
  now: Date = new Date(),
): Promise<ImportOutcome[] | { forbidden: true }> {
  if (!can(actor, "post:create") || !can(actor, "post:publish", { authorId: actor.id })) return { forbidden: true };
  const outcomes: ImportOutcome[] = [];
  for (const file of files) {
    if (file.text.length > MAX_BODY_LENGTH) {
      outcomes.push({ file: file.name, ok: false, errors: ["the file is too long"] });
      continue;
    }
    const read = readImportCandidate(file.text);
    if (!read.ok) {
      outcomes.push({ file: file.name, ok: false, errors: read.errors });
      continue;
    }
    const post = read.post;
    const status = post.draft || !post.date ? "DRAFT" : post.date.getTime() > now.getTime() ? "SCHEDULED" : "PUBLISHED";
    const publishedAt = status === "DRAFT" ? null : post.date;
    const rendered = await renderEssay(post.body);
    const base =
      post.slug && isValidSlug(post.slug)
        ? post.slug
        : slugify(post.slug ?? "") || slugFromFileName(file.name) || slugify(post.title);
    const saved = await retryWhenBusy(() =>
      db.$transaction(async (tx) => {
        const slug = await uniqueSlug(base, async (s) => (await slugHolder(tx, s, null)) !== "free", "imported");
        const tagIds = await ensureTags(tx, post.tags);
        return tx.post.create({
          data: {
            slug,
            title: post.title,
            bodyMarkdown: post.body,
            bodyHtml: rendered.html,
            tocJson: JSON.stringify(rendered.toc),
            wordCount: rendered.wordCount,
            readingMinutes: rendered.readingMinutes,
            excerpt: post.excerpt ?? makeExcerpt(post.body),
            status,
            publishedAt,
            authorId: actor.id,
            tags: { create: tagIds.map((tagId) => ({ tagId })) },
          },
          select: { id: true, slug: true, title: true },
        });
      }),
    );
    outcomes.push({
      file: file.name,
      ok: true,
      id: saved.id,
      slug: saved.slug,
      title: saved.title,
      status: displayStatus({ status, publishedAt }, now),
      tags: post.tags,
    });
  }
  return outcomes;
}
