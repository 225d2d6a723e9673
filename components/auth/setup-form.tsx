"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import { setupAdminAction } from "@/lib/setup/actions";
import { initialFormState } from "@/lib/forms/state";
import { Field, FormMessage, SubmitButton } from "@/components/ui/form";

/** The first admin's account: name, e-mail and password, sent with the setup link's token. */
export function SetupForm({ token }: { token: string }) {
  const [state, form, pending] = useFormAction(setupAdminAction, initialFormState);
  return (
    <form {...form} className="flex flex-col gap-4" noValidate>
      <FormMessage message={state.message} />
      <input type="hidden" name="token" value={token} />
      <Field name="name" label="Name" autoComplete="name" required maxLength={100} defaultValue={state.values?.name} error={state.errors?.name} />
      <Field
        name="email"
        label="E-mail"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        error={state.errors?.email}
        hint="You sign in with it. An account that already has this address becomes the admin, with this password."
      />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        error={state.errors?.password}
        hint="At least 10 characters."
      />
      <div>
        <SubmitButton pending={pending}>Create the admin account</SubmitButton>
      </div>
    </form>
  );
}
