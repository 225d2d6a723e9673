import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { SetupForm } from "@/components/auth/setup-form";
import { db } from "@/lib/db/client";
import { setupState } from "@/lib/setup/first-admin";

export const metadata: Metadata = { title: "Set up Hearth", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** /setup?token=…: the one-time link a production start prints while the site has no admin. */
export default async function SetupPage({ searchParams }: Props) {
  const raw = (await searchParams).token;
  const token = typeof raw === "string" ? raw : "";
  const state = await setupState(db, token);
  if (state === "done") {
    return (
      <AuthCard
        title="Hearth is set up"
        intro={
          <p>
            This site has an admin.{" "}
            <Link href="/signin" className="font-medium text-amber-800 underline dark:text-amber-400">
              Sign in
            </Link>
            .
          </p>
        }
      />
    );
  }
  if (state === "invalid") {
    return (
      <AuthCard
        title="This setup link does not work"
        intro={
          <p>
            It has expired, was replaced by a newer one, or was mistyped. Start the server again (
            <code>npm run serve</code>) to print a new link, or create the admin from the shell with{" "}
            <code>npm run user:create -- --email you@example.org --role ADMIN</code>.
          </p>
        }
      />
    );
  }
  return (
    <AuthCard title="Create the admin account" intro={<p>This link works once. The account you create here runs the site.</p>}>
      <SetupForm token={token} />
    </AuthCard>
  );
}
