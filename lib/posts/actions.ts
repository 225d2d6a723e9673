"use server";

import { redirect } from "next/navigation";
import { can } from "../auth/permissions";
import { getCurrentUser } from "../auth/session";
import { expireTags } from "../cache/revalidate";
import { tags } from "../cache/tags";
import { db } from "../db/client";
import { cleanMultiline } from "../forms/schema";
import { formValues, type FormState } from "../forms/state";
import { renderEssay } from "../markdown/essay";
import { IMPORT_FILE_MAX_BYTES, IMPORT_MAX_FILES, megabytes } from "../uploads/limits.mjs";
import { deleteUpload, saveImageUpload } from "../uploads/store";
import { fieldErrors } from "../users/schema";
import { postOwner } from "./dashboard";
import {
  COVER_MAX_BYTES,
  DeletePostSchema,
  EditorSchema,
  editorFields,
  EssayBodySchema,
  ScheduleSchema,
  type EditorValues,
} from "./editor-schema";
import { makeExcerpt } from "./excerpt";
import { importMarkdownFiles, type ImportOutcome } from "./import";
import { deletePost, savePost, type Publication, type PostDraft, type WrittenPost } from "./manage";
import { cancelPublication, schedulePublication } from "./schedule";
import { parseLocalDateTime } from "./status";
import { withStorageGuard } from "../forms/storage";

/** The editor's form state: FormState plus the rendered preview of a no-JavaScript "Preview". */
export interface EditorState extends FormState {
  previewHtml?: string;
}

const signedOut = { status: 401, message: "Your session has ended. Sign in again (your text is still in the form)." };
const forbiddenState = { status: 403, message: "You don’t have permission to change this post." };
const notFoundState = { status: 404, message: "This post no longer exists." };

const INTENTS = ["save", "preview", "publish", "schedule", "unpublish"] as const;
type Intent = (typeof INTENTS)[number];

function draftFrom(v: EditorValues): PostDraft {
  return {
    title: v.title,
    slug: v.slug,
    slugAuto: v.slugAuto,
    bodyMarkdown: v.bodyMarkdown,
    excerpt: v.excerpt,
    tags: v.tags,
    coverImage: v.coverImage || null,
    coverAlt: v.coverAlt || null,
    commentsOpen: v.commentsOpen,
    showLikes: v.showLikes,
  };
}

/** Caches and timers after a write: readers see the change, a scheduled post appears on time. */
async function afterWrite(post: WrittenPost): Promise<void> {
  if (post.wasPublic || post.isPublic) await expireTags(tags.posts, tags.post(post.id));
  if (post.status !== "DRAFT" && post.publishedAt && post.publishedAt.getTime() > Date.now()) {
    schedulePublication(post.id, post.publishedAt);
  } else {
    cancelPublication(post.id);
  }
  if (post.replacedCover) await deleteUpload(post.replacedCover);
}

/** Reads the schedule fields into a date, or a field error. */
function scheduleFrom(formData: FormData): { ok: true; at: Date } | { ok: false; error: string } {
  const parsed = ScheduleSchema.safeParse({
    publishAt: formData.get("publishAt") ?? "",
    tzOffset: formData.get("tzOffset") ?? "",
  });
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "Pick a date and time." };
  const at = parseLocalDateTime(parsed.data.publishAt, parsed.data.tzOffset ? Number(parsed.data.tzOffset) : 0);
  return at ? { ok: true, at } : { ok: false, error: "That is not a date and time." };
}

/**
 * The editor's form: save, preview (without JavaScript), publish, schedule or unpublish,
 * chosen by the button pressed (`intent`). Authenticate → parse → authorize → write →
 * revalidate → redirect to the edit page (which then shows the saved post).
 */
export const savePostAction = withStorageGuard(async function savePostAction(
  _prev: EditorState,
  formData: FormData,
): Promise<EditorState> {
  const user = await getCurrentUser();
  const values = formValues(formData);
  if (!user) return { ...signedOut, values };
  const rawIntent = formData.get("intent");
  const intent: Intent = INTENTS.find((i) => i === rawIntent) ?? "save";

  if (intent === "preview") {
    if (!can(user, "post:create")) return { ...forbiddenState, values };
    const body = EssayBodySchema.safeParse(formData.get("bodyMarkdown") ?? "");
    if (!body.success)
      return { errors: { bodyMarkdown: body.error.issues[0]?.message ?? "The essay cannot be previewed." }, values };
    return { values, previewHtml: (await renderEssay(body.data)).html };
  }

  const parsed = EditorSchema.safeParse(editorFields(formData));
  if (!parsed.success) {
    // Hidden fields have no message of their own: a post id that is not one is a post that is
    // not there; a stored cover that is not one of ours asks for the image again, under the picker.
    const { id: notAPost, coverImage: coverProblem, ...errors } = fieldErrors(parsed.error);
    if (coverProblem) errors.cover = coverProblem;
    return { ...(notAPost ? notFoundState : {}), errors, values };
  }
  const id = parsed.data.id || null;
  if (id) {
    const owner = await postOwner(id);
    if (!owner) return { ...notFoundState, values };
    if (!can(user, "post:update", owner)) return { ...forbiddenState, values };
  } else if (!can(user, "post:create")) {
    return { ...forbiddenState, values };
  }

  const draft = draftFrom(parsed.data);
  const errors: Record<string, string> = {};
  const file = formData.get("cover");
  // A browser sends the picker as a file part (empty when nothing was chosen), never as text.
  if (typeof file === "string" && file !== "") errors.cover = "Choose an image file.";
  if (file instanceof File && file.size > 0) {
    const saved = await saveImageUpload("covers", file, COVER_MAX_BYTES);
    if (saved.ok) {
      draft.coverImage = saved.url;
      values.coverImage = saved.url;
      delete values.removeCover;
    } else {
      errors.cover = saved.error;
    }
  }

  let publication: Publication = { kind: "keep" };
  if (intent === "publish") publication = { kind: "publish" };
  else if (intent === "unpublish") publication = { kind: "unpublish" };
  else if (intent === "schedule") {
    const when = scheduleFrom(formData);
    if (when.ok) publication = { kind: "schedule", at: when.at };
    else errors.publishAt = when.error;
  }
  if (Object.keys(errors).length > 0) return { errors, values };

  const result = await savePost(db, user, id, draft, publication);
  if (!result.ok) {
    if (result.reason === "forbidden") return { ...forbiddenState, values };
    if (result.reason === "invalid") return { errors: result.errors, values };
    return { ...notFoundState, values };
  }
  await afterWrite(result.post);
  const notice = intent === "save" ? (id ? "saved" : "created") : intent === "publish" ? "published" : `${intent}d`;
  redirect(`/dashboard/posts/${result.post.id}/edit?notice=${notice}`);
});

/** What an autosave answers the editor. */
export type AutosaveResult =
  | { ok: true; postId: string; slug: string; savedAt: string; suggestedExcerpt: string }
  | { ok: false; message: string; errors?: Record<string, string> };

/**
 * Autosave, called by the editor every few seconds while the author types. Saves drafts and
 * scheduled posts as they are (a new post is created on the first autosave); a post readers
 * can already see is only changed when its author presses Update, so autosave leaves it alone.
 */
export const autosavePostAction = withStorageGuard(async function autosavePostAction(
  formData: FormData,
): Promise<AutosaveResult> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: "Not saved: your session has ended. Sign in again in another tab." };
  const parsed = EditorSchema.safeParse(editorFields(formData));
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    return { ok: false, message: `Not saved yet: ${Object.values(errors)[0] ?? "check the form."}`, errors };
  }
  const id = parsed.data.id || null;
  if (id) {
    const owner = await postOwner(id);
    if (!owner) return { ok: false, message: "Not saved: this post no longer exists." };
    if (!can(user, "post:update", owner)) return { ok: false, message: "Not saved: you can’t change this post." };
    const current = await db.post.findUnique({ where: { id }, select: { status: true, publishedAt: true } });
    if (current && current.status !== "DRAFT" && current.publishedAt && current.publishedAt.getTime() <= Date.now()) {
      return { ok: false, message: "This essay is live: press Update to save your changes." };
    }
  }
  // An uploaded image waits for an explicit save; autosave keeps whatever cover is set.
  const result = await savePost(db, user, id, draftFrom(parsed.data), { kind: "keep" });
  if (!result.ok) {
    if (result.reason === "invalid") {
      return {
        ok: false,
        message: `Not saved yet: ${Object.values(result.errors)[0] ?? "check the form."}`,
        errors: result.errors,
      };
    }
    return { ok: false, message: result.reason === "forbidden" ? "Not saved: you can’t change this post." : "Not saved." };
  }
  await afterWrite(result.post);
  return {
    ok: true,
    postId: result.post.id,
    slug: result.post.slug,
    savedAt: new Date().toISOString(),
    suggestedExcerpt: makeExcerpt(parsed.data.bodyMarkdown),
  };
});

/** Renders Markdown with the essay pipeline for the editor's live preview. */
export const renderPreviewAction = withStorageGuard(async function renderPreviewAction(
  markdown: string,
): Promise<{ ok: true; html: string } | { ok: false; message: string }> {
  const user = await getCurrentUser();
  if (!user || !can(user, "post:create")) return { ok: false, message: "Sign in as an author to preview." };
  const parsed = EssayBodySchema.safeParse(markdown);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "The essay cannot be previewed." };
  return { ok: true, html: (await renderEssay(parsed.data)).html };
});

/** Deletes a post after the author ticked the confirmation box. */
export const deletePostAction = withStorageGuard(async function deletePostAction(
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user) return signedOut;
  const parsed = DeletePostSchema.safeParse({ id: formData.get("id"), confirm: formData.get("confirm") ?? undefined });
  if (!parsed.success) {
    const { id: notAPost, ...errors } = fieldErrors(parsed.error);
    return notAPost ? notFoundState : { errors };
  }
  const result = await deletePost(db, user, parsed.data.id);
  if (!result.ok) return result.reason === "forbidden" ? forbiddenState : notFoundState;
  cancelPublication(result.post.id);
  if (result.post.wasPublic) await expireTags(tags.posts, tags.post(result.post.id));
  await deleteUpload(result.post.coverImage);
  redirect("/dashboard?notice=deleted");
});

/** The import form's state: what became of each file. */
export interface ImportState extends FormState {
  outcomes?: ImportOutcome[];
}

/** Imports Markdown files with front matter as posts by the signed-in author. */
export const importPostsAction = withStorageGuard(async function importPostsAction(
  _prev: ImportState,
  formData: FormData,
): Promise<ImportState> {
  const user = await getCurrentUser();
  if (!user) return signedOut;
  if (!can(user, "post:create")) return forbiddenState;
  const files = formData.getAll("files").filter((f): f is File => f instanceof File && f.size > 0);
  if (files.length === 0) return { errors: { files: "Choose one or more Markdown (.md) files." } };
  if (files.length > IMPORT_MAX_FILES) return { errors: { files: `At most ${IMPORT_MAX_FILES} files at a time.` } };
  const readable: { name: string; text: string }[] = [];
  const rejected: ImportOutcome[] = [];
  for (const file of files) {
    const name = file.name.slice(0, 200) || "unnamed";
    if (!/\.(md|markdown)$/i.test(name)) rejected.push({ file: name, ok: false, errors: ["not a Markdown file (.md)"] });
    else if (file.size > IMPORT_FILE_MAX_BYTES)
      rejected.push({ file: name, ok: false, errors: [`the file is larger than ${megabytes(IMPORT_FILE_MAX_BYTES)}`] });
    else {
      try {
        // Control characters (NUL…) are dropped as the editor drops them (lib/forms/schema.ts).
        const text = new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
        readable.push({ name, text: cleanMultiline(text) });
      } catch {
        rejected.push({ file: name, ok: false, errors: ["the file is not UTF-8 text"] });
      }
    }
  }
  const imported = await importMarkdownFiles(db, user, readable);
  if ("forbidden" in imported) return forbiddenState;
  const outcomes = [...imported, ...rejected];
  const made = imported.filter((o) => o.ok);
  if (made.some((o) => o.status !== "draft")) await expireTags(tags.posts);
  // Imported posts dated in the future appear on their own, like any scheduled post.
  const scheduled = made.filter((o) => o.status === "scheduled").map((o) => o.id);
  if (scheduled.length > 0) {
    const rows = await db.post.findMany({ where: { id: { in: scheduled } }, select: { id: true, publishedAt: true } });
    for (const row of rows) if (row.publishedAt) schedulePublication(row.id, row.publishedAt);
  }
  const failed = outcomes.length - made.length;
  return {
    ok: failed === 0,
    message:
      made.length === 0
        ? "Nothing was imported."
        : `Imported ${made.length === 1 ? "1 post" : `${made.length} posts`}${failed ? `; ${failed === 1 ? "1 file" : `${failed} files`} could not be imported` : ""}.`,
    outcomes,
  };
});
