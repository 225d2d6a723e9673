"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import { magicLinkAction, signInAction } from "@/lib/auth/actions";
import { initialFormState } from "@/lib/forms/state";
import { Field, FormMessage, SubmitButton } from "@/components/ui/form";

export function PasswordSignInForm({ callbackUrl, defaultEmail }: { callbackUrl: string; defaultEmail?: string }) {
  const [state, form, pending] = useFormAction(signInAction, initialFormState);
  return (
    <form {...form} className="flex flex-col gap-4" noValidate>
      <h2 id="signin-password-heading" className="text-lg font-semibold">
        With your password
      </h2>
      <FormMessage message={state.message} />
      <input type="hidden" name="callbackUrl" value={state.values?.callbackUrl ?? callbackUrl} />
      <Field
        name="email"
        label="E-mail"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email ?? defaultEmail}
        error={state.errors?.email}
      />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        error={state.errors?.password}
      />
      <div>
        <SubmitButton pending={pending}>Sign in</SubmitButton>
      </div>
    </form>
  );
}

export function MagicLinkForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, form, pending] = useFormAction(magicLinkAction, initialFormState);
  return (
    <form {...form} className="flex flex-col gap-4" noValidate>
      <h2 id="signin-magic-heading" className="text-lg font-semibold">
        With a link by e-mail
      </h2>
      <p className="text-sm text-stone-600 dark:text-stone-400">
        No password needed: we e-mail you a link that signs you in once.
      </p>
      <FormMessage message={state.message} />
      <input type="hidden" name="callbackUrl" value={state.values?.callbackUrl ?? callbackUrl} />
      <Field
        name="email"
        id="magic-email"
        label="E-mail for the link"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        error={state.errors?.email}
      />
      <div>
        <SubmitButton pending={pending} variant="secondary">
          E-mail me a sign-in link
        </SubmitButton>
      </div>
    </form>
  );
}
