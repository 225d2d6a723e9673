"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import { signUpAction } from "@/lib/auth/actions";
import { initialFormState } from "@/lib/forms/state";
import { Field, FormMessage, SubmitButton } from "@/components/ui/form";

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, form, pending] = useFormAction(signUpAction, initialFormState);
  return (
    <form {...form} className="flex flex-col gap-4" noValidate>
      <FormMessage message={state.message} />
      <input type="hidden" name="callbackUrl" value={state.values?.callbackUrl ?? callbackUrl} />
      <Field
        name="name"
        label="Name"
        autoComplete="name"
        required
        maxLength={100}
        defaultValue={state.values?.name}
        error={state.errors?.name}
        hint="Shown with your comments."
      />
      <Field
        name="email"
        label="E-mail"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        error={state.errors?.email}
        hint="Never shown publicly."
      />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        error={state.errors?.password}
        hint="At least 10 characters. A few unrelated words make a strong, memorable password."
      />
      <div>
        <SubmitButton pending={pending}>Create account</SubmitButton>
      </div>
    </form>
  );
}
