"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import { updateMailPreferencesAction } from "@/lib/notify/actions";
import { initialFormState } from "@/lib/forms/state";
import { FormMessage, SubmitButton } from "@/components/ui/form";

/** Reply and held-comment e-mails on or off (the latter only for people who moderate). */
export function MailPreferencesForm({
  notifyReplies,
  notifyModeration,
  moderates,
}: {
  notifyReplies: boolean;
  notifyModeration: boolean;
  moderates: boolean;
}) {
  const [state, form, pending] = useFormAction(updateMailPreferencesAction, initialFormState);
  return (
    <form {...form}>
      <fieldset className="flex flex-col gap-3 rounded-lg border border-stone-200 p-5 dark:border-stone-800">
        <legend className="px-1 text-lg font-semibold">E-mail preferences</legend>
        <FormMessage message={state.message} ok={state.ok} />
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="notifyReplies" defaultChecked={notifyReplies} /> E-mail me when someone replies to my
          comment
        </label>
        {moderates ? (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="notifyModeration" defaultChecked={notifyModeration} /> E-mail me when a comment on my
            essays is held for moderation
          </label>
        ) : null}
        <div>
          <SubmitButton pending={pending}>Save e-mail preferences</SubmitButton>
        </div>
      </fieldset>
    </form>
  );
}
