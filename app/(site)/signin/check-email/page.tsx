import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";

export const metadata: Metadata = { title: "Check your e-mail", robots: { index: false } };

export default function CheckEmailPage() {
  return (
    <AuthCard title="Check your e-mail">
      <p role="status" className="leading-relaxed">
        If that address can sign in here, a sign-in link is on its way. It works once and expires in 15 minutes. You can close
        this tab.
      </p>
      <p className="text-sm text-stone-600 dark:text-stone-400">
        Nothing arrived? Check your spam folder, or{" "}
        <Link href="/signin" className="underline">
          try again
        </Link>
        .
      </p>
    </AuthCard>
  );
}
