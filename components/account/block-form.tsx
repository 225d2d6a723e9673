"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import { blockUserAction } from "@/lib/users/actions";
import { initialFormState } from "@/lib/forms/state";
import { BLOCK_DURATION_LABEL, BLOCK_DURATIONS, blockedLabel } from "@/lib/users/block";

/**
 * Block an account (1 day, 1 week, 1 month, forever) or lift the block: a plain form that works
 * without JavaScript. `bannedUntil` is the current block's end (ISO) while it lasts, else null.
 */
export function BlockForm({ userId, name, bannedUntil }: { userId: string; name: string; bannedUntil: string | null }) {
  const [state, form, pending] = useFormAction(blockUserAction, initialFormState);
  const selectId = `block-${userId}`;
  return (
    <form {...form} className="flex flex-wrap items-center gap-2" aria-label={`Block ${name}`}>
      <input type="hidden" name="userId" value={userId} />
      {bannedUntil ? (
        <>
          <span className="text-sm font-medium text-red-800 dark:text-red-300">{blockedLabel(bannedUntil)}</span>
          <button
            type="submit"
            name="op"
            value="unblock"
            disabled={pending}
            className="rounded-full border border-stone-300 px-3 py-1 text-sm font-medium hover:border-amber-600 dark:border-stone-600"
          >
            Unblock
          </button>
        </>
      ) : (
        <>
          <label htmlFor={selectId} className="sr-only">
            Block {name} for
          </label>
          <select
            id={selectId}
            name="duration"
            defaultValue={state.values?.duration ?? "week"}
            aria-invalid={state.errors?.duration ? true : undefined}
            className="rounded-md border border-stone-300 bg-white px-2 py-1 text-sm dark:border-stone-600 dark:bg-stone-800"
          >
            {BLOCK_DURATIONS.map((d) => (
              <option key={d} value={d}>
                {BLOCK_DURATION_LABEL[d]}
              </option>
            ))}
          </select>
          <button
            type="submit"
            name="op"
            value="block"
            disabled={pending}
            className="rounded-full border border-red-300 px-3 py-1 text-sm font-medium text-red-800 hover:border-red-600 dark:border-red-800 dark:text-red-300"
          >
            Block
          </button>
        </>
      )}
      {state.message ? (
        <span
          role={state.ok ? "status" : "alert"}
          className={`text-sm ${state.ok ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}`}
        >
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
