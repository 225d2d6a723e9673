"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import { importWxrAction, type WxrImportState } from "@/lib/wxr/actions";
import { FileField, FormMessage, SubmitButton } from "@/components/ui/form";
import { IMPORT_TOTAL_MAX_BYTES, megabytes } from "@/lib/uploads/limits.mjs";

const initial: WxrImportState = {};

/** Upload a WordPress export (WXR); a good file starts the import and opens its progress page. */
export function WxrImportForm() {
  const [state, form, pending] = useFormAction(importWxrAction, initial);
  return (
    <form {...form} encType="multipart/form-data" className="flex flex-col gap-4" noValidate>
      <FormMessage message={state.message} ok={state.ok} />
      <FileField
        name="wxr"
        label="WordPress export (.xml)"
        accept=".xml,application/xml,text/xml"
        hint={`Tools → Export → All content in WordPress. Up to ${megabytes(IMPORT_TOTAL_MAX_BYTES)} here; larger files: npm run import:wxr.`}
        error={state.errors?.wxr}
      />
      {state.problems && state.problems.length > 0 ? (
        <ul aria-label="Problems in the file" className="list-disc pl-5 text-sm text-red-800 dark:text-red-300">
          {state.problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      ) : null}
      <div>
        <SubmitButton pending={pending}>Import from WordPress</SubmitButton>
      </div>
    </form>
  );
}
