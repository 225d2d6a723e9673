"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import { resendVerificationAction, signOutEverywhereAction } from "@/lib/auth/actions";
import { initialFormState } from "@/lib/forms/state";
import { FormMessage, SubmitButton } from "@/components/ui/form";

const sectionClass = "flex flex-col gap-3 rounded-lg border border-stone-200 p-5 dark:border-stone-800";

/** Whether the address is confirmed, and a way to mail the confirmation link again. */
export function EmailStatus({ email, verified }: { email: string; verified: boolean }) {
  const [state, form, pending] = useFormAction(resendVerificationAction, initialFormState);
  return (
    <section className={sectionClass} aria-labelledby="email-heading">
      <h2 id="email-heading" className="text-lg font-semibold">
        E-mail address
      </h2>
      {verified ? (
        <p className="text-sm text-stone-700 dark:text-stone-300">
          <strong>{email}</strong> is confirmed.
        </p>
      ) : (
        <>
          <p className="text-sm text-stone-700 dark:text-stone-300">
            <strong>{email}</strong> is not confirmed yet. Open the link we mailed to it (signed in to this account) to
            comment under your name.
          </p>
          <FormMessage message={state.message} ok={state.ok} />
          <form {...form}>
            <SubmitButton pending={pending} variant="secondary">
              Send the link again
            </SubmitButton>
          </form>
        </>
      )}
    </section>
  );
}

/** Ends every session of the account (this one too). */
export function SignOutEverywhere() {
  const [state, form, pending] = useFormAction(signOutEverywhereAction, initialFormState);
  return (
    <section className={sectionClass} aria-labelledby="sessions-heading">
      <h2 id="sessions-heading" className="text-lg font-semibold">
        Sessions
      </h2>
      <p className="text-sm text-stone-700 dark:text-stone-300">
        Signed in on a shared or lost device? Sign out everywhere: every browser signed in to this account, this one too,
        has to sign in again. Changing your password does the same for every other browser.
      </p>
      <FormMessage message={state.message} ok={state.ok} />
      <form {...form}>
        <SubmitButton pending={pending} variant="secondary">
          Sign out everywhere
        </SubmitButton>
      </form>
    </section>
  );
}
