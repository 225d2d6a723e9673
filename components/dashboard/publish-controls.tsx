"use client";

import Link from "next/link";
import { useState } from "react";
import { useTimezoneOffset } from "@/components/ui/use-hydrated";
import type { DisplayStatus } from "@/lib/posts/status";
import { toLocalDateTimeValue } from "@/lib/posts/status";
import { statusLabel } from "@/lib/posts/status";

const button =
  "inline-flex items-center justify-center rounded-full px-5 py-2.5 text-sm font-semibold transition disabled:opacity-60";
const primary = `${button} bg-amber-700 text-white hover:bg-amber-800`;
const secondary = `${button} border border-stone-300 bg-white text-stone-800 hover:border-amber-600 dark:border-stone-600 dark:bg-stone-800 dark:text-stone-100`;

function offsetLabel(minutes: number): string {
  const sign = minutes <= 0 ? "+" : "-";
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/**
 * Save, publish, schedule and unpublish: submit buttons of the editor form (`intent`). The
 * schedule time is a datetime-local field read in the author's zone: JavaScript fills the
 * hidden `tzOffset` with the browser's offset for the chosen time; without JavaScript the time
 * is UTC, and the field says so.
 */
export function PublishControls({
  postId,
  status,
  publishedAt,
  publishAtValue,
  publishAtError,
  pending,
  hydrated,
}: {
  postId: string;
  status: DisplayStatus;
  publishedAt: string | null;
  publishAtValue?: string;
  publishAtError?: string;
  pending: boolean;
  hydrated: boolean;
}) {
  // What the author typed; until then the scheduled time, in UTC on the server and without
  // JavaScript, in local time in the browser.
  const [typed, setTyped] = useState<string | null>(publishAtValue ?? null);
  const offset = useTimezoneOffset();
  const scheduled = status === "scheduled" && publishedAt ? new Date(publishedAt) : null;
  const publishAt =
    typed ?? (scheduled ? toLocalDateTimeValue(scheduled, offset === null ? 0 : scheduled.getTimezoneOffset()) : "");

  // The offset that applies at the chosen time (it differs across daylight-saving changes).
  const offsetFor = (value: string) => {
    const local = value ? new Date(value) : new Date();
    return Number.isNaN(local.getTime()) ? new Date().getTimezoneOffset() : local.getTimezoneOffset();
  };

  return (
    <section
      aria-labelledby="publish-heading"
      className="flex flex-col gap-4 rounded-lg border border-stone-200 p-4 dark:border-stone-800"
    >
      <h2 id="publish-heading" className="text-sm font-semibold">
        Publishing · <span data-testid="post-status">{statusLabel(status)}</span>
        {status !== "draft" && publishedAt ? (
          <span className="font-normal text-stone-500 dark:text-stone-400">
            {" "}
            ({status === "scheduled" ? "goes out" : "since"}{" "}
            <time dateTime={publishedAt}>{new Date(publishedAt).toUTCString()}</time>)
          </span>
        ) : null}
      </h2>
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="intent" value="save" disabled={pending} className={primary}>
          {status === "published" ? "Update" : status === "scheduled" ? "Save" : "Save draft"}
        </button>
        {status !== "published" ? (
          <button type="submit" name="intent" value="publish" disabled={pending} className={secondary}>
            Publish now
          </button>
        ) : null}
        {status !== "draft" ? (
          <button type="submit" name="intent" value="unpublish" disabled={pending} className={secondary}>
            {status === "scheduled" ? "Back to draft" : "Unpublish"}
          </button>
        ) : null}
        {!hydrated ? (
          <button type="submit" name="intent" value="preview" disabled={pending} className={secondary}>
            Preview
          </button>
        ) : null}
        {postId ? (
          <Link href={`/dashboard/posts/${postId}/preview`} className={secondary} target={hydrated ? "_blank" : undefined}>
            Open preview
          </Link>
        ) : null}
      </div>
      {status !== "published" ? (
        <div className="flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="field-publishAt" className="block text-sm font-medium">
              {status === "scheduled" ? "Reschedule for" : "Schedule for"}
            </label>
            <input
              id="field-publishAt"
              name="publishAt"
              type="datetime-local"
              value={publishAt}
              onChange={(e) => setTyped(e.target.value)}
              aria-invalid={publishAtError ? true : undefined}
              aria-describedby={publishAtError ? "field-publishAt-error field-publishAt-hint" : "field-publishAt-hint"}
              className="mt-1 block rounded-md border border-stone-300 bg-white px-3 py-2 dark:border-stone-600 dark:bg-stone-800"
            />
            <input type="hidden" name="tzOffset" value={offset === null ? "" : String(offsetFor(publishAt))} />
          </div>
          <button type="submit" name="intent" value="schedule" disabled={pending} className={secondary}>
            {status === "scheduled" ? "Reschedule" : "Schedule"}
          </button>
          <p id="field-publishAt-hint" className="w-full text-xs text-stone-500 dark:text-stone-400">
            {offset === null
              ? "Date and time in UTC."
              : `Date and time in your time zone (${offsetLabel(offsetFor(publishAt))}).`}
          </p>
          {publishAtError ? (
            <p id="field-publishAt-error" className="w-full text-sm font-medium text-red-700 dark:text-red-400">
              {publishAtError}
            </p>
          ) : null}
        </div>
      ) : null}
      {postId ? (
        <p className="text-sm">
          <Link
            href={`/dashboard/posts/${postId}/delete`}
            className="text-red-700 underline hover:text-red-900 dark:text-red-400"
          >
            Delete this post…
          </Link>
        </p>
      ) : null}
    </section>
  );
}
