import type { Metadata } from "next";
import Link from "next/link";
import { AvatarForm, PasswordForm, ProfileForm } from "@/components/account/account-forms";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };

const ROLE_LABEL = { READER: "Reader", AUTHOR: "Author", ADMIN: "Admin" } as const;

export default async function AccountPage() {
  const user = await requireUser("/account");
  return (
    <section className="flex flex-col gap-8">
      <header>
        <h1 className="font-serif text-3xl font-semibold tracking-tight">Your account</h1>
        <p className="mt-2 text-stone-600 dark:text-stone-400">
          Signed in as <strong>{user.email}</strong> · {ROLE_LABEL[user.role]} ·{" "}
          <Link href={`/authors/${user.handle}`} className="underline">
            your public page
          </Link>
        </p>
      </header>
      <ProfileForm name={user.name} bio={user.bio} />
      <AvatarForm name={user.name} image={user.image} />
      <PasswordForm hasPassword={user.hasPassword} />
      <fieldset
        className="flex flex-col gap-3 rounded-lg border border-stone-200 p-5 dark:border-stone-800"
        disabled
        aria-describedby="prefs-note"
      >
        <legend className="px-1 text-lg font-semibold">E-mail preferences</legend>
        <p id="prefs-note" className="text-sm text-stone-600 dark:text-stone-400">
          Hearth does not send notification e-mails yet. These choices arrive with notifications.
        </p>
        <label className="flex items-center gap-2 text-sm text-stone-500">
          <input type="checkbox" name="notifyReplies" /> E-mail me when someone replies to my comment (coming with notifications)
        </label>
        <label className="flex items-center gap-2 text-sm text-stone-500">
          <input type="checkbox" name="notifyPosts" /> E-mail me new essays (coming with notifications)
        </label>
      </fieldset>
    </section>
  );
}
