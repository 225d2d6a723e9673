import Link from "next/link";
import type { ReactNode } from "react";
import { PageShell } from "./page-shell";
import { DEFAULT_SETTINGS } from "@/lib/settings/defaults";

/**
 * The page for an HTTP error (404, 403, 500). Error boundaries are rendered as part of every
 * page, cached ones included, so this never reads the database or asks who is signed in.
 */
export function StatusPage({ code, title, children }: { code: string; title: string; children: ReactNode }) {
  return (
    <PageShell title={DEFAULT_SETTINGS.siteTitle} viewer="unknown">
      <section className="py-16 text-center">
        <p className="text-sm font-semibold uppercase tracking-wide text-amber-700 dark:text-amber-400">{code}</p>
        <h1 className="mt-2 font-serif text-4xl font-semibold tracking-tight">{title}</h1>
        <div className="mx-auto mt-4 max-w-md text-stone-600 dark:text-stone-400">{children}</div>
        <p className="mt-8">
          <Link href="/" className="rounded-full bg-amber-700 px-5 py-2.5 font-medium text-white hover:bg-amber-800">
            Back to the essays
          </Link>
        </p>
      </section>
    </PageShell>
  );
}
