"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useFormAction } from "@/components/ui/use-form-action";
import { autosavePostAction, savePostAction, type EditorState } from "@/lib/posts/actions";
import type { EditorPost } from "@/lib/posts/dashboard";
import { slugify } from "@/lib/posts/slug";
import { COVER_MAX_BYTES } from "@/lib/posts/editor-schema";
import { megabytes } from "@/lib/uploads/limits.mjs";
import { Field, FileField, FormMessage, TextArea } from "@/components/ui/form";
import { useHydrated } from "@/components/ui/use-hydrated";
import { PublishControls } from "./publish-controls";
import { MarkdownPreview } from "./markdown-preview";

/** The post as the editor starts from (null for a new post): what getEditorPost reads, less the dashboard's own columns. */
export type EditorInitial = Omit<EditorPost, "authorId" | "authorName" | "updatedAt" | "commentCount">;

/** Autosave waits this long after the last keystroke… */
const AUTOSAVE_IDLE_MS = 2_500;
/** …but never longer than this while the author keeps typing. */
const AUTOSAVE_MAX_WAIT_MS = 10_000;

const initialState: EditorState = {};

function clockTime(iso: string): string {
  return new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

/**
 * The essay editor: a plain form bound to savePostAction (works without JavaScript: Save,
 * Preview, Publish, Schedule are submit buttons). With JavaScript it also suggests the slug from
 * the title, shows a live preview, autosaves drafts every few seconds (creating the post on the
 * first autosave and moving the address to its edit page) and warns before leaving with unsaved
 * changes.
 */
export function PostEditor({ post, tagNames }: { post: EditorInitial | null; tagNames: string[] }) {
  const submitting = useRef(false);
  const idleTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // A submission stops autosave until its outcome is back.
  const [state, form, pending] = useFormAction(savePostAction, initialState, () => {
    submitting.current = true;
    if (idleTimer.current) clearTimeout(idleTimer.current);
  });
  const formRef = useRef<HTMLFormElement>(null);
  const [postId, setPostId] = useState(post?.id ?? "");
  const [slugAuto, setSlugAuto] = useState(state.values ? state.values.slugAuto === "1" : !post);
  const hydrated = useHydrated();
  const [saveStatus, setSaveStatus] = useState<string>("");
  const [suggestedExcerpt, setSuggestedExcerpt] = useState(post?.suggestedExcerpt ?? "");
  // A file over the limit is refused in the browser: sent, it would exceed the request size limit.
  const [coverTooLarge, setCoverTooLarge] = useState(false);
  const dirty = useRef(false);
  const version = useRef(0);
  const saving = useRef(false);
  const firstChange = useRef<number | null>(null);
  const autosaves = !post || post.status !== "published";

  const v = (name: string, fallback: string) => state.values?.[name] ?? fallback;
  const checked = (name: string, fallback: boolean) => (state.values ? state.values[name] === "on" : fallback);

  const autosaveRef = useRef<() => Promise<void>>(() => Promise.resolve());
  const autosave = useCallback(async () => {
    const form = formRef.current;
    if (!form || !autosaves || submitting.current) return;
    if (saving.current) {
      // One autosave at a time: try again shortly.
      idleTimer.current = setTimeout(() => void autosaveRef.current(), 1_000);
      return;
    }
    const data = new FormData(form);
    // Images are uploaded by an explicit save only.
    data.delete("cover");
    const title = String(data.get("title") ?? "").trim();
    const body = String(data.get("bodyMarkdown") ?? "").trim();
    if (!title && !body) return;
    saving.current = true;
    firstChange.current = null;
    const sent = version.current;
    setSaveStatus("Saving…");
    try {
      const result = await autosavePostAction(data);
      if (result.ok) {
        if (!postId || postId !== result.postId) {
          setPostId(result.postId);
          window.history.replaceState(window.history.state, "", `/dashboard/posts/${result.postId}/edit`);
        }
        const slugInput = form.elements.namedItem("slug");
        if (slugInput instanceof HTMLInputElement && slugAuto) slugInput.value = result.slug;
        if (version.current === sent) dirty.current = false;
        setSuggestedExcerpt(result.suggestedExcerpt);
        setSaveStatus(`Saved at ${clockTime(result.savedAt)}`);
      } else {
        setSaveStatus(result.message);
      }
    } catch {
      setSaveStatus("Not saved: the server could not be reached. Your text is still here.");
    } finally {
      saving.current = false;
    }
  }, [autosaves, postId, slugAuto]);
  useEffect(() => {
    autosaveRef.current = autosave;
  }, [autosave]);

  function changed(target: HTMLInputElement) {
    if (target.name === "publishAt" || target.name === "confirm") return;
    dirty.current = true;
    version.current += 1;
    if (target.name === "title" && slugAuto) {
      const slugInput = formRef.current?.elements.namedItem("slug");
      if (slugInput instanceof HTMLInputElement) slugInput.value = slugify(target.value);
    }
    if (target.name === "slug") setSlugAuto(false);
    if (!autosaves) {
      setSaveStatus("Unsaved changes");
      return;
    }
    setSaveStatus("Unsaved changes");
    const now = Date.now();
    firstChange.current ??= now;
    if (idleTimer.current) clearTimeout(idleTimer.current);
    const wait = Math.max(0, Math.min(AUTOSAVE_IDLE_MS, firstChange.current + AUTOSAVE_MAX_WAIT_MS - now));
    idleTimer.current = setTimeout(() => void autosaveRef.current(), wait);
  }

  const onInput = (event: React.FormEvent<HTMLFormElement>) => changed(event.target as HTMLInputElement);

  // What was typed before the page's script ran (a slow connection, a busy machine) fired no
  // input event: once it runs, a field that no longer holds what the server sent counts as typed.
  useEffect(() => {
    const fields = formRef.current?.elements ?? [];
    for (const field of Array.from(fields)) {
      if ((field instanceof HTMLInputElement && field.type !== "file") || field instanceof HTMLTextAreaElement) {
        if (field.value !== field.defaultValue) changed(field as HTMLInputElement);
      }
    }
    // Once, after hydration: later changes arrive as input events.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (!dirty.current || submitting.current) return;
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => {
      window.removeEventListener("beforeunload", warn);
      if (idleTimer.current) clearTimeout(idleTimer.current);
    };
  }, []);

  // A failed submission leaves the page: the changes are unsaved again.
  useEffect(() => {
    if (state.errors || state.message) submitting.current = false;
  }, [state]);

  const coverImage = v("coverImage", post?.coverImage ?? "");
  const coverError = coverTooLarge ? `The image is too large: at most ${megabytes(COVER_MAX_BYTES)}.` : state.errors?.cover;
  const removeCover = state.values?.removeCover === "on";

  return (
    <form
      ref={formRef}
      {...form}
      encType="multipart/form-data"
      noValidate
      onInput={onInput}
      className="flex flex-col gap-6"
      aria-label="Essay"
    >
      <input type="hidden" name="id" value={postId} />
      <input type="hidden" name="slugAuto" value={slugAuto ? "1" : ""} />
      <input type="hidden" name="coverImage" value={removeCover ? "" : coverImage} />
      <FormMessage message={state.message} ok={state.ok} />
      {state.errors && !state.message ? (
        <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
          Some fields need attention; see the messages next to them.
        </p>
      ) : null}

      <Field
        name="title"
        label="Title"
        required
        maxLength={200}
        defaultValue={v("title", post?.title ?? "")}
        error={state.errors?.title}
      />
      <Field
        name="slug"
        label="Address (slug)"
        maxLength={80}
        defaultValue={v("slug", post?.slug ?? "")}
        error={state.errors?.slug}
        hint={
          post?.status === "published"
            ? "The essay lives at /posts/<slug>. Changing it keeps the old address working as a redirect."
            : "The essay will live at /posts/<slug>. Suggested from the title; lowercase letters, digits and hyphens."
        }
      />

      <MarkdownPreview
        hydrated={hydrated}
        formRef={formRef}
        serverPreviewHtml={state.previewHtml}
        textarea={
          <TextArea
            name="bodyMarkdown"
            label="Essay (Markdown)"
            rows={20}
            defaultValue={v("bodyMarkdown", post?.bodyMarkdown ?? "")}
            error={state.errors?.bodyMarkdown}
            hint="GitHub-flavoured Markdown: ## headings, **bold**, lists, tables, footnotes, ```code```."
          />
        }
      />

      <TextArea
        name="excerpt"
        label="Excerpt"
        rows={3}
        maxLength={500}
        defaultValue={v("excerpt", post?.excerpt ?? "")}
        error={state.errors?.excerpt}
        hint={
          suggestedExcerpt ? (
            <>
              Shown in listings and link previews. Left empty, the first lines of the essay are used:{" "}
              <span data-testid="suggested-excerpt">“{suggestedExcerpt}”</span>
            </>
          ) : (
            "Shown in listings and link previews. Leave it empty to use the first lines of the essay."
          )
        }
      />
      <div>
        <Field
          name="tags"
          label="Tags"
          defaultValue={v("tags", post?.tags ?? "")}
          error={state.errors?.tags}
          list="tag-suggestions"
          placeholder="essays, cooking, family"
          hint="Separated by commas. New tags are created when you save."
        />
        <datalist id="tag-suggestions">
          {tagNames.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      </div>

      <fieldset className="flex flex-col gap-4 rounded-lg border border-stone-200 p-4 dark:border-stone-800">
        <legend className="px-1 text-sm font-medium">Cover image</legend>
        {coverImage && !removeCover ? (
          <div className="flex items-start gap-4">
            {/* eslint-disable-next-line @next/next/no-img-element -- an uploaded cover, shown as it is */}
            <img src={coverImage} alt="Current cover" className="h-24 w-40 rounded object-cover" />
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="removeCover" defaultChecked={false} />
              Remove the cover image
            </label>
          </div>
        ) : null}
        <FileField
          name="cover"
          label={coverImage ? "Replace with" : "Image"}
          accept="image/png,image/jpeg,image/gif,image/webp"
          hint={`PNG, JPEG, GIF or WebP, at most ${megabytes(COVER_MAX_BYTES)}. Uploaded when you save.`}
          error={coverError}
          onChange={(event) => {
            const input = event.currentTarget;
            const tooLarge = (input.files?.[0]?.size ?? 0) > COVER_MAX_BYTES;
            if (tooLarge) input.value = "";
            setCoverTooLarge(tooLarge);
          }}
        />
        <Field
          name="coverAlt"
          label="Alt text"
          maxLength={300}
          defaultValue={v("coverAlt", post?.coverAlt ?? "")}
          error={state.errors?.coverAlt}
          hint="What the image shows, for readers who cannot see it. Required with an image."
        />
      </fieldset>

      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium">Conversation</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="commentsOpen" defaultChecked={checked("commentsOpen", post?.commentsOpen ?? true)} />
          Comments open
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="showLikes" defaultChecked={checked("showLikes", post?.showLikes ?? true)} />
          Show likes
        </label>
      </fieldset>

      <PublishControls
        postId={postId}
        status={post?.status ?? "draft"}
        publishedAt={post?.publishedAt ?? null}
        publishAtValue={state.values?.publishAt}
        publishAtError={state.errors?.publishAt}
        pending={pending}
        hydrated={hydrated}
      />

      <p
        role="status"
        aria-live="polite"
        className="min-h-5 text-sm text-stone-600 dark:text-stone-400"
        data-testid="save-status"
      >
        {saveStatus ||
          (hydrated && !autosaves
            ? "This essay is live: changes are saved when you press Update."
            : hydrated
              ? "Drafts save automatically."
              : "")}
      </p>
    </form>
  );
}
