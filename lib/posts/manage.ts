/**
 * Writing essays from the dashboard: create, update, publish, schedule, unpublish, delete.
 * Every function takes the acting user and checks the permission itself (lib/auth/permissions),
 * so a forged post id fails closed whatever the caller did before. Writes happen in one
 * transaction each: nothing is ever half-saved. The caller expires caches and arms timers from
 * what is returned (see lib/posts/actions.ts).
 */
import type { Db } from "../db/client";
import { retryWhenBusy } from "../db/retry";
import type { TransactionClient } from "../generated/sqlite/internal/prismaNamespace";
import { can, type Actor } from "../auth/permissions";
import { renderEssay, type RenderedEssay } from "../markdown/essay";
import { makeExcerpt } from "./excerpt";
import { SLUG_TAKEN_MESSAGE } from "./editor-schema";
import { isValidSlug, slugify, uniqueSlug } from "./slug";
import { displayStatus, type StoredStatus } from "./status";
import { ensureTags } from "./write";

type Tx = Pick<TransactionClient, "post" | "slugRedirect" | "tag" | "postTag">;

/** What the editor saves (already validated by EditorSchema). */
export interface PostDraft {
  title: string;
  /** Empty: derived from the title. */
  slug: string;
  /** The slug is the one suggested from the title, so it may be made unique ("-2"). */
  slugAuto: boolean;
  bodyMarkdown: string;
  /** Empty: made from the body. */
  excerpt: string;
  tags: string[];
  coverImage: string | null;
  coverAlt: string | null;
  commentsOpen: boolean;
  showLikes: boolean;
}

/** What a save does to the post's publication. */
export type Publication = { kind: "keep" } | { kind: "publish" } | { kind: "schedule"; at: Date } | { kind: "unpublish" };

/** A post's state before and after a write, for cache expiry and scheduling timers. */
export interface WrittenPost {
  id: string;
  slug: string;
  status: StoredStatus;
  publishedAt: Date | null;
  authorId: string;
  /** Readers could see it before the write. */
  wasPublic: boolean;
  /** Readers can see it now. */
  isPublic: boolean;
  /** The slug before the write (null for a new post). */
  previousSlug: string | null;
  /** Cover image the write replaced or removed (the caller deletes the file). */
  replacedCover: string | null;
}

export type WriteResult =
  | { ok: true; post: WrittenPost }
  | { ok: false; reason: "forbidden" | "not-found" }
  | { ok: false; reason: "invalid"; errors: Record<string, string> };

/**
 * Who holds `slug`: "free", "post" (another post has it) or "redirect" (it is an old address of
 * another post). A post's own current and old slugs are free for it.
 */
export async function slugHolder(db: Pick<Tx, "post" | "slugRedirect">, slug: string, postId: string | null) {
  const [post, redirect] = await Promise.all([
    db.post.findUnique({ where: { slug }, select: { id: true } }),
    db.slugRedirect.findUnique({ where: { slug }, select: { postId: true } }),
  ]);
  if (post && post.id !== postId) return "post" as const;
  if (redirect && redirect.postId !== postId) return "redirect" as const;
  return "free" as const;
}

function essayFields(draft: PostDraft, rendered: RenderedEssay) {
  return {
    title: draft.title,
    bodyMarkdown: draft.bodyMarkdown,
    bodyHtml: rendered.html,
    tocJson: JSON.stringify(rendered.toc),
    wordCount: rendered.wordCount,
    readingMinutes: rendered.readingMinutes,
    excerpt: draft.excerpt.trim() || makeExcerpt(draft.bodyMarkdown),
    commentsOpen: draft.commentsOpen,
    showLikes: draft.showLikes,
    coverImage: draft.coverImage,
    coverAlt: draft.coverImage ? draft.coverAlt : null,
  };
}

/** Checks what every save needs beyond the form's own rules. */
function draftErrors(draft: PostDraft, publication: Publication, goingPublic: boolean, now: Date): Record<string, string> {
  const errors: Record<string, string> = {};
  if (draft.coverImage && !draft.coverAlt?.trim()) errors.coverAlt = "Describe the image for readers who cannot see it.";
  if (goingPublic && !draft.bodyMarkdown.trim()) errors.bodyMarkdown = "Write something before publishing.";
  if (publication.kind === "schedule" && publication.at.getTime() <= now.getTime())
    errors.publishAt = "Pick a time in the future (or publish now).";
  return errors;
}

/** Where the publication goes from `current` for `publication`. */
function nextPublication(
  current: { status: StoredStatus; publishedAt: Date | null } | null,
  publication: Publication,
  now: Date,
): { status: StoredStatus; publishedAt: Date | null } {
  switch (publication.kind) {
    case "publish":
      // Publishing a post that is already public keeps its date; anything else goes out now.
      if (current && displayStatus(current, now) === "published") return current;
      return { status: "PUBLISHED", publishedAt: now };
    case "schedule":
      return { status: "SCHEDULED", publishedAt: publication.at };
    case "unpublish":
      return { status: "DRAFT", publishedAt: null };
    default:
      return current ?? { status: "DRAFT", publishedAt: null };
  }
}

/**
 * Creates (id null) or updates a post from the editor, and changes its publication. The slug
 * must be free (not another post's, not another post's old address); a suggested slug is made
 * unique instead. Changing the slug of a public post keeps the old one as a redirect.
 */
export async function savePost(
  db: Db,
  actor: Actor,
  id: string | null,
  draft: PostDraft,
  publication: Publication = { kind: "keep" },
  now: Date = new Date(),
): Promise<WriteResult> {
  if (!id && !can(actor, "post:create")) return { ok: false, reason: "forbidden" };
  const existing = id
    ? await db.post.findUnique({
        where: { id },
        select: { id: true, slug: true, status: true, publishedAt: true, authorId: true, coverImage: true },
      })
    : null;
  if (id && !existing) return { ok: false, reason: "not-found" };
  if (existing && !can(actor, "post:update", { authorId: existing.authorId })) return { ok: false, reason: "forbidden" };
  if (publication.kind !== "keep" && !can(actor, "post:publish", { authorId: existing?.authorId ?? actor.id }))
    return { ok: false, reason: "forbidden" };

  const target = nextPublication(existing, publication, now);
  const goingPublic = target.status !== "DRAFT";
  const errors = draftErrors(draft, publication, goingPublic, now);
  const wantedSlug = draft.slug || slugify(draft.title);
  if (!draft.slugAuto && draft.slug && !isValidSlug(draft.slug)) errors.slug = "That is not a valid address.";
  if (Object.keys(errors).length > 0) return { ok: false, reason: "invalid", errors };

  // Rendering is the slow part (syntax highlighting): do it before taking the write lock.
  const rendered = await renderEssay(draft.bodyMarkdown);

  return retryWhenBusy(() =>
    db.$transaction(async (tx): Promise<WriteResult> => {
      let slug = wantedSlug;
      if (draft.slugAuto || !draft.slug) {
        slug = await uniqueSlug(wantedSlug, async (s) => (await slugHolder(tx, s, existing?.id ?? null)) !== "free", "untitled");
      } else if ((await slugHolder(tx, slug, existing?.id ?? null)) !== "free") {
        return { ok: false, reason: "invalid", errors: { slug: SLUG_TAKEN_MESSAGE } };
      }
      // A cover is this post's own or one just uploaded: never another post's file (its URL is
      // public, and replacing or removing a cover later deletes the file).
      if (draft.coverImage && draft.coverImage !== existing?.coverImage) {
        const holder = await tx.post.findFirst({
          where: { coverImage: draft.coverImage, ...(existing ? { NOT: { id: existing.id } } : {}) },
          select: { id: true },
        });
        if (holder) return { ok: false, reason: "invalid", errors: { cover: "Upload the image again." } };
      }
      const tagIds = await ensureTags(tx, draft.tags);
      const data = { ...essayFields(draft, rendered), slug, status: target.status, publishedAt: target.publishedAt };
      let postId: string;
      if (existing) {
        const wasPublic = displayStatus(existing, now) === "published";
        if (existing.slug !== slug && wasPublic) {
          // Old links keep working: the previous address now redirects here.
          await tx.slugRedirect.upsert({
            where: { slug: existing.slug },
            create: { slug: existing.slug, postId: existing.id },
            update: { postId: existing.id },
          });
        }
        // A post taking back one of its old addresses no longer redirects from it.
        await tx.slugRedirect.deleteMany({ where: { slug, postId: existing.id } });
        await tx.post.update({ where: { id: existing.id }, data });
        await tx.postTag.deleteMany({ where: { postId: existing.id } });
        postId = existing.id;
      } else {
        const created = await tx.post.create({ data: { ...data, authorId: actor.id }, select: { id: true } });
        postId = created.id;
      }
      if (tagIds.length > 0) await tx.postTag.createMany({ data: tagIds.map((tagId) => ({ postId, tagId })) });
      return {
        ok: true,
        post: {
          id: postId,
          slug,
          status: target.status,
          publishedAt: target.publishedAt,
          authorId: existing?.authorId ?? actor.id,
          wasPublic: existing ? displayStatus(existing, now) === "published" : false,
          isPublic: displayStatus(target, now) === "published",
          previousSlug: existing?.slug ?? null,
          replacedCover: existing?.coverImage && existing.coverImage !== draft.coverImage ? existing.coverImage : null,
        },
      };
    }),
  );
}

/** Changes only the publication of a post (publish now, schedule, back to draft). */
export async function setPublication(
  db: Db,
  actor: Actor,
  id: string,
  publication: Exclude<Publication, { kind: "keep" }>,
  now: Date = new Date(),
): Promise<WriteResult> {
  const existing = await db.post.findUnique({
    where: { id },
    select: { id: true, slug: true, status: true, publishedAt: true, authorId: true, bodyMarkdown: true },
  });
  if (!existing) return { ok: false, reason: "not-found" };
  if (!can(actor, "post:publish", { authorId: existing.authorId })) return { ok: false, reason: "forbidden" };
  const target = nextPublication(existing, publication, now);
  if (target.status !== "DRAFT" && !existing.bodyMarkdown.trim())
    return { ok: false, reason: "invalid", errors: { bodyMarkdown: "Write something before publishing." } };
  if (publication.kind === "schedule" && publication.at.getTime() <= now.getTime())
    return { ok: false, reason: "invalid", errors: { publishAt: "Pick a time in the future (or publish now)." } };
  await db.post.update({ where: { id }, data: target });
  return {
    ok: true,
    post: {
      id,
      slug: existing.slug,
      ...target,
      authorId: existing.authorId,
      wasPublic: displayStatus(existing, now) === "published",
      isPublic: displayStatus(target, now) === "published",
      previousSlug: existing.slug,
      replacedCover: null,
    },
  };
}

export type DeleteResult =
  | { ok: true; post: { id: string; slug: string; wasPublic: boolean; coverImage: string | null } }
  | { ok: false; reason: "forbidden" | "not-found" };

/**
 * Deletes a post. Its comments (with their likes), tag links and old-address redirects go with
 * it through the schema's cascades; tags themselves stay.
 */
export async function deletePost(db: Db, actor: Actor, id: string, now: Date = new Date()): Promise<DeleteResult> {
  const existing = await db.post.findUnique({
    where: { id },
    select: { id: true, slug: true, status: true, publishedAt: true, authorId: true, coverImage: true },
  });
  if (!existing) return { ok: false, reason: "not-found" };
  if (!can(actor, "post:delete", { authorId: existing.authorId })) return { ok: false, reason: "forbidden" };
  // Scoped by author too, so the check and the delete cannot disagree.
  const deleted = await db.post.deleteMany({ where: { id, authorId: existing.authorId } });
  if (deleted.count === 0) return { ok: false, reason: "not-found" };
  return {
    ok: true,
    post: {
      id,
      slug: existing.slug,
      wasPublic: displayStatus(existing, now) === "published",
      coverImage: existing.coverImage,
    },
  };
}
