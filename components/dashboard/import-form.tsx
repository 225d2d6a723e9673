"use client";

import Link from "next/link";
import { useState } from "react";
import { useFormAction } from "@/components/ui/use-form-action";
import { importPostsAction, type ImportState } from "@/lib/posts/actions";
import { FileField, FormMessage, SubmitButton } from "@/components/ui/form";
import { statusLabel } from "@/lib/posts/status";
import { IMPORT_FILE_MAX_BYTES, IMPORT_MAX_FILES, IMPORT_TOTAL_MAX_BYTES, megabytes } from "@/lib/uploads/limits.mjs";

const initial: ImportState = {};

/** Upload Markdown files; the answer lists each file with its post or its errors. */
export function ImportForm() {
  const [state, form, pending] = useFormAction(importPostsAction, initial);
  const [tooLarge, setTooLarge] = useState(false);
  const filesError = tooLarge
    ? `These files add up to more than ${megabytes(IMPORT_TOTAL_MAX_BYTES)}: import them in smaller batches.`
    : state.errors?.files;
  return (
    <div className="flex flex-col gap-6">
      <form {...form} encType="multipart/form-data" className="flex flex-col gap-4" noValidate>
        <FormMessage message={state.message} ok={state.ok} />
        <FileField
          name="files"
          label="Markdown files"
          accept=".md,.markdown,text/markdown"
          multiple
          hint={`Up to ${IMPORT_MAX_FILES} .md files of at most ${megabytes(IMPORT_FILE_MAX_BYTES)} each, ${megabytes(IMPORT_TOTAL_MAX_BYTES)} in all.`}
          error={filesError}
          onChange={(event) => {
            const input = event.currentTarget;
            const total = [...(input.files ?? [])].reduce((sum, f) => sum + f.size, 0);
            if (total > IMPORT_TOTAL_MAX_BYTES) input.value = "";
            setTooLarge(total > IMPORT_TOTAL_MAX_BYTES);
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
