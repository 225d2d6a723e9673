import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { MagicLinkForm, PasswordSignInForm } from "@/components/auth/sign-in-form";
import { FormMessage } from "@/components/ui/form";
import { githubSignInAction } from "@/lib/auth/actions";
import { authErrorMessage, resolveCallbackUrl, signInNotice } from "@/lib/auth/page-helpers";
import { providerFlags } from "@/lib/auth/providers";
import { getCurrentUser } from "@/lib/auth/session";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = await resolveCallbackUrl(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const flags = providerFlags(env());
  const error = authErrorMessage(params.error);
  const notice = signInNotice(params.notice, callbackUrl);
  return (
    <AuthCard
      title="Sign in"
      intro={
        <p>
          New here?{" "}
          <Link
            href={`/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`}
            className="font-medium text-amber-800 underline dark:text-amber-400"
          >
            Create an account
          </Link>
          .
        </p>
      }
    >
      <FormMessage message={notice} ok />
      <FormMessage message={error} />
      <PasswordSignInForm callbackUrl={callbackUrl} />
      {flags.magicLink ? <MagicLinkForm callbackUrl={callbackUrl} /> : null}
      {flags.github ? (
        <form action={githubSignInAction}>
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <button
            type="submit"
            className="w-full rounded-full border border-stone-300 px-5 py-2.5 text-sm font-semibold hover:border-amber-600 dark:border-stone-600"
          >
            Sign in with GitHub
          </button>
        </form>
      ) : null}
    </AuthCard>
  );
}
