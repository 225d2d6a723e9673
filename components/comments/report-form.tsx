"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import { FormMessage, SubmitButton, TextArea } from "@/components/ui/form";
import { initialFormState } from "@/lib/forms/state";
import { reportCommentAction } from "@/lib/reports/actions";
import { ALREADY_REPORTED, REASON_LABEL, REPORT_NOTE_MAX, REPORT_REASONS } from "@/lib/reports/schema";

/** Report a comment: an optional reason and note. A plain form: works without JavaScript. */
export function ReportForm({ commentId, backHref, already }: { commentId: number; backHref: string; already: boolean }) {
  const [state, form, pending] = useFormAction(reportCommentAction, initialFormState);
  // After a report the page is rendered again (without JavaScript too): the outcome of this
  // form's own submission comes first, "already reported" only for a fresh visit.
  const done = state.ok ? state.message : !state.message && already ? ALREADY_REPORTED : null;
  if (done) {
    return (
      <div className="flex flex-col gap-3">
        <FormMessage message={done} ok={state.ok} />
        <p>
          <a href={backHref} className="underline">
            Back to the conversation
          </a>
        </p>
      </div>
    );
  }
  const reason = state.values?.reason ?? "";
  return (
    <form {...form} className="flex flex-col gap-4" noValidate aria-label="Report this comment">
      <FormMessage message={state.message} ok={state.ok} />
      <input type="hidden" name="commentId" value={commentId} />
      <fieldset aria-describedby={state.errors?.reason ? "field-reason-error" : undefined}>
        <legend className="text-sm font-medium text-stone-800 dark:text-stone-200">Reason (optional)</legend>
        <div className="mt-2 flex flex-col gap-1">
          {REPORT_REASONS.map((r) => (
            <label key={r} className="flex items-center gap-2 text-sm">
              <input type="radio" name="reason" value={r} defaultChecked={reason === r} className="h-4 w-4" />
              {REASON_LABEL[r]}
            </label>
          ))}
        </div>
        {state.errors?.reason ? (
          <p id="field-reason-error" className="mt-1 text-sm font-medium text-red-700 dark:text-red-400">
            {state.errors.reason}
          </p>
        ) : null}
      </fieldset>
      <TextArea
        name="note"
        label="Anything the moderators should know (optional)"
        rows={4}
        defaultValue={state.values?.note ?? ""}
        error={state.errors?.note}
        hint={`At most ${REPORT_NOTE_MAX} characters. Only moderators see it.`}
      />
      <div className="flex items-center gap-4">
        <SubmitButton pending={pending}>Send report</SubmitButton>
        <a href={backHref} className="text-sm underline">
          Cancel
        </a>
      </div>
    </form>
  );
}
