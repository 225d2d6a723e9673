"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import { signOutAction } from "@/lib/auth/actions";
import { initialFormState } from "@/lib/forms/state";

export function SignOutButton({ className }: { className?: string }) {
  const [, form, pending] = useFormAction(signOutAction, initialFormState);
  return (
    <form {...form}>
      <button type="submit" disabled={pending} className={className}>
        Sign out
      </button>
    </form>
  );
}
