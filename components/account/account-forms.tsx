"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import { changePasswordAction, hideLikesAction, updateAvatarAction, updateProfileAction } from "@/lib/users/actions";
import { initialFormState } from "@/lib/forms/state";
import { Field, FormMessage, SubmitButton, TextArea } from "@/components/ui/form";
import { Avatar } from "@/components/ui/avatar";

const sectionClass = "flex flex-col gap-4 rounded-lg border border-stone-200 p-5 dark:border-stone-800";

export function ProfileForm({ name, bio }: { name: string; bio: string }) {
  const [state, form, pending] = useFormAction(updateProfileAction, initialFormState);
  return (
    <form {...form} className={sectionClass} noValidate>
      <h2 id="profile-heading" className="text-lg font-semibold">
        Profile
      </h2>
      <FormMessage message={state.message} ok={state.ok} />
      <Field
        name="name"
        label="Display name"
        required
        maxLength={100}
        defaultValue={state.values?.name ?? name}
        error={state.errors?.name}
        autoComplete="name"
      />
      <TextArea
        name="bio"
        label="Bio"
        maxLength={500}
        defaultValue={state.values?.bio ?? bio}
        error={state.errors?.bio}
        hint="Shown on your author page. Up to 500 characters."
      />
      <div>
        <SubmitButton pending={pending}>Save profile</SubmitButton>
      </div>
    </form>
  );
}

export function AvatarForm({ name, image }: { name: string; image: string | null }) {
  const [state, form, pending] = useFormAction(updateAvatarAction, initialFormState);
  return (
    <section className={sectionClass} aria-labelledby="avatar-heading">
      <h2 id="avatar-heading" className="text-lg font-semibold">
        Avatar
      </h2>
      <FormMessage message={state.message} ok={state.ok} />
      <div className="flex items-center gap-4">
        <Avatar name={name} image={image} size={64} />
        <p className="text-sm text-stone-600 dark:text-stone-400">
          {image ? "Your uploaded picture." : "Your initials, drawn on the server. Upload a picture to replace them."}
        </p>
      </div>
      <form {...form} encType="multipart/form-data" className="flex flex-col gap-3">
        <div>
          <label htmlFor="field-avatar" className="block text-sm font-medium">
            Picture
          </label>
          <input
            id="field-avatar"
            name="avatar"
            type="file"
            accept="image/png,image/jpeg,image/gif,image/webp"
            aria-invalid={state.errors?.avatar ? true : undefined}
            aria-describedby={state.errors?.avatar ? "field-avatar-error" : "field-avatar-hint"}
            className="mt-1 block w-full text-sm"
          />
          <p id="field-avatar-hint" className="mt-1 text-xs text-stone-500 dark:text-stone-400">
            PNG, JPEG, GIF or WebP, at most 2 MB.
          </p>
          {state.errors?.avatar ? (
            <p id="field-avatar-error" className="mt-1 text-sm font-medium text-red-700 dark:text-red-400">
              {state.errors.avatar}
            </p>
          ) : null}
        </div>
        <div>
          <SubmitButton pending={pending}>Upload avatar</SubmitButton>
        </div>
      </form>
      {image ? (
        <form action={form.action}>
          <input type="hidden" name="remove" value="1" />
          <SubmitButton pending={pending} variant="secondary">
            Remove avatar
          </SubmitButton>
        </form>
      ) : null}
    </section>
  );
}

export function PasswordForm({ hasPassword }: { hasPassword: boolean }) {
  const [state, form, pending] = useFormAction(changePasswordAction, initialFormState);
  return (
    <form {...form} className={sectionClass} noValidate>
      <h2 id="password-heading" className="text-lg font-semibold">
        {hasPassword ? "Change password" : "Set a password"}
      </h2>
      <FormMessage message={state.message} ok={state.ok} />
      {hasPassword ? (
        <Field
          name="currentPassword"
          label="Current password"
          type="password"
          autoComplete="current-password"
          error={state.errors?.currentPassword}
        />
      ) : (
        <p className="text-sm text-stone-600 dark:text-stone-400">
          You sign in with e-mail links. Add a password to sign in with it too.
        </p>
      )}
      <Field
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        error={state.errors?.newPassword}
        hint="At least 10 characters."
      />
      <Field
        name="confirmPassword"
        label="Repeat the new password"
        type="password"
        autoComplete="new-password"
        error={state.errors?.confirmPassword}
      />
      <div>
        <SubmitButton pending={pending}>{hasPassword ? "Change password" : "Set password"}</SubmitButton>
      </div>
    </form>
  );
}

/** Whether the reader's name appears in public "Liked by" lists. */
export function LikesPrivacyForm({ hideLikes }: { hideLikes: boolean }) {
  const [state, form, pending] = useFormAction(hideLikesAction, initialFormState);
  return (
    <form {...form} className={sectionClass} aria-labelledby="likes-privacy-heading">
      <h2 id="likes-privacy-heading" className="text-lg font-semibold">
        Likes
      </h2>
      <FormMessage message={state.message} ok={state.ok} />
      <label className="flex items-center gap-2 text-sm font-medium">
        <input type="checkbox" name="hideLikes" defaultChecked={hideLikes} className="h-4 w-4" />
        Hide my name from “Liked by” lists
      </label>
      <p className="text-xs text-stone-500 dark:text-stone-400">
        Your likes still count (“and 2 others”). The essay’s author and the site’s admins can still see who liked a comment.
      </p>
      <div>
        <SubmitButton pending={pending}>Save</SubmitButton>
      </div>
    </form>
  );
}
