import type { Db } from "../db/client";
import type { PostStatus } from "../generated/sqlite/enums";
import { renderEssay } from "../markdown/essay";
import { makeExcerpt } from "./excerpt";
import { slugify } from "./slug";

export interface PostInput {
  slug: string;
  title: string;
  bodyMarkdown: string;
  authorId: string;
  excerpt?: string;
  tags?: string[];
  status?: PostStatus;
  publishedAt?: Date | null;
  commentsOpen?: boolean;
}

/** Upserts tags by slug and returns their ids. Tag names keep the author's capitalisation. */
export async function ensureTags(db: Pick<Db, "tag">, names: readonly string[]): Promise<string[]> {
  const ids: string[] = [];
  const seen = new Set<string>();
  for (const raw of names) {
    const name = raw.trim().replace(/\s+/g, " ");
    const slug = slugify(name);
    if (!slug || seen.has(slug)) continue;
    seen.add(slug);
    const tag = await db.tag.upsert({ where: { slug }, update: {}, create: { slug, name } });
    ids.push(tag.id);
  }
  return ids;
}

/**
 * Creates a post, rendering its Markdown once (HTML, table of contents, reading time) so pages
 * only ever read stored HTML.
 */
export async function createPost(db: Db, input: PostInput) {
  const rendered = await renderEssay(input.bodyMarkdown);
  const tagIds = await ensureTags(db, input.tags ?? []);
  const status = input.status ?? "DRAFT";
  return db.post.create({
    data: {
      slug: input.slug,
      title: input.title,
      bodyMarkdown: input.bodyMarkdown,
      bodyHtml: rendered.html,
      tocJson: JSON.stringify(rendered.toc),
      wordCount: rendered.wordCount,
      readingMinutes: rendered.readingMinutes,
      excerpt: input.excerpt?.trim() || makeExcerpt(input.bodyMarkdown),
      status,
      publishedAt: input.publishedAt ?? (status === "PUBLISHED" ? new Date() : null),
      commentsOpen: input.commentsOpen ?? true,
      authorId: input.authorId,
      tags: { create: tagIds.map((tagId) => ({ tagId })) },
    },
  });
}
