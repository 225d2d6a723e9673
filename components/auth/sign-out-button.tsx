"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import { signOutAction } from "@/lib/auth/actions";
import { initialFormState } from "@/lib/forms/state";
import { useHardRedirect } from "@/components/ui/use-hard-redirect";

export function SignOutButton({ className }: { className?: string }) {
  const [state, form, pending] = useFormAction(signOutAction, initialFormState);
  useHardRedirect(state.redirectTo);
  return (
    <form {...form}>
      <button type="submit" disabled={pending} className={className}>
        Sign out
      </button>
    </form>
  );
}
