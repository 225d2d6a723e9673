"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import { updateRoleAction } from "@/lib/users/actions";
import { initialFormState } from "@/lib/forms/state";

const ROLES = [
  ["READER", "Reader"],
  ["AUTHOR", "Author"],
  ["ADMIN", "Admin"],
] as const;

/** One account's role, changed with a plain form (works without JavaScript). */
export function RoleForm({ userId, name, role }: { userId: string; name: string; role: string }) {
  const [state, form, pending] = useFormAction(updateRoleAction, initialFormState);
  const current = state.values?.role ?? role;
  return (
    <form {...form} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor={`role-${userId}`} className="sr-only">
        Role for {name}
      </label>
      <select
        id={`role-${userId}`}
        name="role"
        defaultValue={current}
        key={current}
        className="rounded-md border border-stone-300 bg-white px-2 py-1 text-sm dark:border-stone-600 dark:bg-stone-800"
      >
        {ROLES.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <button
        type="submit"
        disabled={pending}
        className="rounded-full border border-stone-300 px-3 py-1 text-sm font-medium hover:border-amber-600 dark:border-stone-600"
      >
        Save role
      </button>
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
