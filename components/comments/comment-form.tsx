"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import Link from "next/link";
import { postCommentAction, type CommentFormState } from "@/lib/comments/actions";
import { Field, FormMessage } from "@/components/ui/form";

export interface CommentFormProps {
  postId: string;
  /** Replying: the comment answered. */
  replyTo?: { id: number; name: string; cancelHref: string } | null;
  /** Signed in: who posts (no name/e-mail fields). */
  signedInAs?: string | null;
  /** Signed in with an address not confirmed yet: that address (such accounts cannot comment). */
  unconfirmedEmail?: string | null;
  /** A blocked account: what it reads instead ("You can't comment until …"). */
  blocked?: string | null;
  /** A guest's remembered details (only on their own, uncached page). */
  remembered?: { name: string; email: string; url: string } | null;
  /** Signed timestamp of when the form was rendered (minimum fill time). */
  formToken: string;
  /** Where signing in should bring the reader back to. */
  signInHref: string;
}

const initial: CommentFormState = {};

/** "Leave a comment" / "Reply to …": a plain form bound to a server action, enhanced with JS. */
export function CommentForm({
  postId,
  replyTo,
  signedInAs,
  unconfirmedEmail,
  blocked,
  remembered,
  formToken,
  signInHref,
}: CommentFormProps) {
  const [state, form, pending] = useFormAction(postCommentAction, initial);
  const v = state.values ?? {};
  const heading = replyTo ? `Reply to ${replyTo.name}` : "Leave a comment";
  return (
    <section
      id="respond"
      aria-labelledby="respond-heading"
      className="mt-6 rounded-lg border border-stone-200 bg-white/70 p-5 dark:border-stone-800 dark:bg-stone-900/60"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id="respond-heading" className="text-lg font-semibold">
          {heading}
        </h3>
        {replyTo ? (
          <Link href={replyTo.cancelHref} className="text-sm text-stone-600 underline dark:text-stone-400">
            Cancel reply
          </Link>
        ) : null}
      </div>
      <form {...form} className="mt-4 flex flex-col gap-4" noValidate>
        <FormMessage message={state.message} />
        <input type="hidden" name="postId" value={postId} />
        <input type="hidden" name="parentId" value={replyTo ? String(replyTo.id) : ""} />
        {/* The first rendering’s time survives previews, so the fill time is measured from it. */}
        <input type="hidden" name="ft" value={v.ft ?? formToken} />
        {/* A field people never see: bots fill it in and are held as spam. */}
        <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
          <label htmlFor="field-homepage">Leave this field empty</label>
          <input id="field-homepage" name="homepage" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
        <div>
          <label htmlFor="field-body" className="block text-sm font-medium">
            Comment
          </label>
          <textarea
            id="field-body"
            name="body"
            rows={5}
            maxLength={10_000}
            required
            defaultValue={v.body ?? ""}
            aria-invalid={state.errors?.body ? true : undefined}
            aria-describedby={state.errors?.body ? "field-body-error field-body-hint" : "field-body-hint"}
            className="mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-stone-900 shadow-sm focus:border-amber-600 focus:outline-none focus:ring-2 focus:ring-amber-600/30 aria-[invalid=true]:border-red-600 dark:border-stone-600 dark:bg-stone-800 dark:text-stone-100"
          />
          <p id="field-body-hint" className="mt-1 text-xs text-stone-500 dark:text-stone-400">
            Markdown works: *emphasis*, **strong**, [links](https://example.org), `code`, &gt; quotes and lists. No images or
            HTML.
          </p>
          {state.errors?.body ? (
            <p id="field-body-error" className="mt-1 text-sm font-medium text-red-700 dark:text-red-400">
              {state.errors.body}
            </p>
          ) : null}
          {state.errors?.parentId ? (
            <p className="mt-1 text-sm font-medium text-red-700 dark:text-red-400">{state.errors.parentId}</p>
          ) : null}
        </div>
        {state.preview !== undefined ? (
          <div aria-label="Preview" role="region" className="rounded-md border border-dashed border-amber-400 p-3">
            <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-amber-700 dark:text-amber-400">Preview</p>
            <div
              className="prose prose-stone prose-sm max-w-none dark:prose-invert"
              dangerouslySetInnerHTML={{ __html: state.preview }}
            />
          </div>
        ) : null}
        {signedInAs && blocked ? (
          <p id="comment-blocked" role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
            {blocked}
          </p>
        ) : signedInAs && unconfirmedEmail ? (
          <p role="status" className="text-sm text-stone-700 dark:text-stone-300">
            Confirm your e-mail address to comment: open the link we sent to <strong>{unconfirmedEmail}</strong>, or{" "}
            <a href="/account" className="underline">
              send a new one from your account page
            </a>
            .
          </p>
        ) : signedInAs ? (
          <p className="text-sm text-stone-600 dark:text-stone-400">
            Commenting as <strong>{signedInAs}</strong>.
          </p>
        ) : (
          <>
            <p className="text-sm text-stone-600 dark:text-stone-400">
              <a href={signInHref} className="underline">
                Sign in
              </a>{" "}
              to comment under your account, or leave your name:
            </p>
            <div className="grid gap-4 sm:grid-cols-2">
              <Field
                name="name"
                label="Name"
                autoComplete="name"
                required
                maxLength={100}
                defaultValue={v.name ?? remembered?.name}
                error={state.errors?.name}
              />
              <Field
                name="email"
                label="E-mail"
                type="email"
                autoComplete="email"
                required
                defaultValue={v.email ?? remembered?.email}
                error={state.errors?.email}
                hint="Never shown publicly."
              />
            </div>
            <Field
              name="url"
              label="Website (optional)"
              type="url"
              autoComplete="url"
              maxLength={200}
              defaultValue={v.url ?? remembered?.url}
              error={state.errors?.url}
            />
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="remember" defaultChecked={v.remember === "on" || Boolean(remembered)} /> Remember me in
              this browser (once a comment of yours is approved, your next ones from here skip the queue)
            </label>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="notify" defaultChecked={v.notify === "on"} /> Notify me of replies (by e-mail, with a
              link to stop at any time)
            </label>
          </>
        )}
        <div className="flex flex-wrap gap-3">
          <button
            type="submit"
            name="intent"
            value="post"
            disabled={pending}
            className="inline-flex items-center justify-center rounded-full bg-amber-700 px-5 py-2.5 text-sm font-semibold text-white hover:bg-amber-800 disabled:opacity-60"
          >
            Post comment
          </button>
          <button
            type="submit"
            name="intent"
            value="preview"
            disabled={pending}
            className="inline-flex items-center justify-center rounded-full border border-stone-300 px-5 py-2.5 text-sm font-semibold hover:border-amber-600 disabled:opacity-60 dark:border-stone-600"
          >
            Preview
          </button>
        </div>
      </form>
    </section>
  );
}
