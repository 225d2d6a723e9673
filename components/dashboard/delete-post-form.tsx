"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import { deletePostAction } from "@/lib/posts/actions";
import { initialFormState } from "@/lib/forms/state";
import { FormMessage } from "@/components/ui/form";

/** The confirmation step: a checkbox the author must tick, then Delete. Works without JS. */
export function DeletePostForm({ id, title }: { id: string; title: string }) {
  const [state, form, pending] = useFormAction(deletePostAction, initialFormState);
  return (
    <form {...form} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="id" value={id} />
      <FormMessage message={state.message} ok={state.ok} />
      <div>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            name="confirm"
            className="mt-1"
            aria-invalid={state.errors?.confirm ? true : undefined}
            aria-describedby={state.errors?.confirm ? "field-confirm-error" : undefined}
          />
          <span>Yes, delete “{title}” with all its comments and likes. This cannot be undone.</span>
        </label>
        {state.errors?.confirm ? (
          <p id="field-confirm-error" className="mt-1 text-sm font-medium text-red-700 dark:text-red-400">
            {state.errors.confirm}
          </p>
        ) : null}
      </div>
      <div>
        <button
          type="submit"
          disabled={pending}
          className="inline-flex items-center rounded-full bg-red-700 px-5 py-2.5 text-sm font-semibold text-white hover:bg-red-800 disabled:opacity-60"
        >
          Delete post
        </button>
      </div>
    </form>
  );
}
