import type { Metadata } from "next";
import Link from "next/link";
import { AvatarForm, LikesPrivacyForm, PasswordForm, ProfileForm } from "@/components/account/account-forms";
import { db } from "@/lib/db/client";
import { EmailStatus, SignOutEverywhere } from "@/components/account/security-forms";
import { FormMessage } from "@/components/ui/form";
import { requireUser } from "@/lib/auth/session";
import { MailPreferencesForm } from "@/components/account/mail-preferences-form";
import { getMailPreferences } from "@/lib/notify/queries";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };

const ROLE_LABEL = { READER: "Reader", AUTHOR: "Author", ADMIN: "Admin" } as const;

/** What /verify-email came to (it redirects here with ?email=…). */
const EMAIL_NOTICES: Record<string, { message: string; ok: boolean }> = {
  confirmed: { message: "Thank you: your e-mail address is confirmed.", ok: true },
  expired: { message: "That confirmation link has expired. Send a new one below.", ok: false },
  invalid: { message: "That confirmation link is not valid (it may have been used already).", ok: false },
  "other-account": {
    message: "That confirmation link belongs to another account. Sign out and sign in to that account to use it.",
    ok: false,
  },
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AccountPage({ searchParams }: Props) {
  const user = await requireUser("/account");
  const code = (await searchParams).email;
  const notice = typeof code === "string" ? EMAIL_NOTICES[code] : undefined;
  const prefs = await getMailPreferences(user.id);
  return (
    <section className="flex flex-col gap-8">
      <header>
        <h1 className="font-serif text-3xl font-semibold tracking-tight">Your account</h1>
        <p className="mt-2 text-stone-600 dark:text-stone-400">
          Signed in as <strong>{user.email}</strong> · {ROLE_LABEL[user.role]} ·{" "}
          <Link href={`/authors/${user.handle}`} className="underline">
            your public page
          </Link> ·{" "}
          <Link href="/account/replies" className="underline">
            replies to you
          </Link>
        </p>
      </header>
      {notice ? <FormMessage message={notice.message} ok={notice.ok} /> : null}
      <EmailStatus email={user.email} verified={user.emailVerified} />
      <ProfileForm name={user.name} bio={user.bio} />
      <AvatarForm name={user.name} image={user.image} />
      <LikesPrivacyForm
        hideLikes={(await db.user.findUnique({ where: { id: user.id }, select: { hideLikes: true } }))?.hideLikes ?? false}
      />
      <PasswordForm hasPassword={user.hasPassword} />
      <SignOutEverywhere />
      <MailPreferencesForm
        notifyReplies={prefs.notifyReplies}
        notifyModeration={prefs.notifyModeration}
        moderates={user.role === "AUTHOR" || user.role === "ADMIN"}
      />
    </section>
  );
}
