"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { importPostsAction, type ImportState } from "@/lib/posts/actions";
import { FileField, FormMessage, SubmitButton } from "@/components/ui/form";
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
        <FileField
          name="files"
          label="Markdown files"
          accept=".md,.markdown,text/markdown"
          multiple
          hint="Up to 50 .md files of at most 1 MB each, 5 MB in all."
          error={filesError}
          onChange={(event) => {
            const input = event.currentTarget;
            const total = [...(input.files ?? [])].reduce((sum, f) => sum + f.size, 0);
            if (total > MAX_TOTAL_BYTES) input.value = "";
            setTooLarge(total > MAX_TOTAL_BYTES);
          }}
        />
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
