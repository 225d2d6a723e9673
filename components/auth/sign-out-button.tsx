"use client";

import { useActionState } from "react";
import { signOutAction } from "@/lib/auth/actions";
import { initialFormState } from "@/lib/forms/state";
import { useHardRedirect } from "@/components/ui/use-hard-redirect";

export function SignOutButton({ className }: { className?: string }) {
  const [state, action, pending] = useActionState(signOutAction, initialFormState);
  useHardRedirect(state.redirectTo);
  return (
    <form action={action}>
      <button type="submit" disabled={pending} className={className}>
        Sign out
      </button>
    </form>
  );
}
