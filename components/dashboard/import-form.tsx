"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { importPostsAction, type ImportState } from "@/lib/posts/actions";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import { statusLabel } from "@/lib/posts/status";

const initial: ImportState = {};

/** One request carries every file; the server accepts requests up to 6 MB. */
const MAX_TOTAL_BYTES = 5 * 1024 * 1024;

/** Upload Markdown files; the answer lists each file with its post or its errors. */
export function ImportForm() {
  const [state, action, pending] = useActionState(importPostsAction, initial);
  const [tooLarge, setTooLarge] = useState(false);
  const filesError = tooLarge ? "These files add up to more than 5 MB: import them in smaller batches." : state.errors?.files;
  return (
    <div className="flex flex-col gap-6">
      <form action={action} encType="multipart/form-data" className="flex flex-col gap-4" noValidate>
        <FormMessage message={state.message} ok={state.ok} />
        <div>
          <label htmlFor="field-files" className="block text-sm font-medium">
            Markdown files
          </label>
          <input
            id="field-files"
            name="files"
            type="file"
            multiple
            accept=".md,.markdown,text/markdown"
            aria-invalid={filesError ? true : undefined}
            aria-describedby={filesError ? "field-files-error field-files-hint" : "field-files-hint"}
            className="mt-1 block w-full text-sm"
            onChange={(event) => {
              const input = event.currentTarget;
              const total = [...(input.files ?? [])].reduce((sum, f) => sum + f.size, 0);
              if (total > MAX_TOTAL_BYTES) input.value = "";
              setTooLarge(total > MAX_TOTAL_BYTES);
            }}
          />
          <p id="field-files-hint" className="mt-1 text-xs text-stone-500">
            Up to 50 .md files of at most 1 MB each, 5 MB in all.
          </p>
          {filesError ? (
            <p id="field-files-error" className="mt-1 text-sm font-medium text-red-700 dark:text-red-400">
              {filesError}
            </p>
          ) : null}
        </div>
        <div>
          <SubmitButton pending={pending}>Import</SubmitButton>
        </div>
      </form>
      {state.outcomes && state.outcomes.length > 0 ? (
        <section aria-labelledby="import-results">
          <h2 id="import-results" className="text-lg font-semibold">
            Results
          </h2>
          <ul className="mt-2 divide-y divide-stone-200 dark:divide-stone-800">
            {state.outcomes.map((o, i) => (
              <li key={`${o.file}-${i}`} className="py-3 text-sm">
                {o.ok ? (
                  <>
                    <span className="font-medium">{o.file}</span>: imported as{" "}
                    <Link href={`/dashboard/posts/${o.id}/edit`} className="text-amber-800 underline dark:text-amber-400">
                      {o.title}
                    </Link>{" "}
                    ({statusLabel(o.status)}, /posts/{o.slug}
                    {o.tags.length ? `, tags: ${o.tags.join(", ")}` : ""})
                  </>
                ) : (
                  <span className="text-red-800 dark:text-red-300">
                    <span className="font-medium">{o.file}</span>: {o.errors.join("; ")}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
