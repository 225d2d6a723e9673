import Link from "next/link";
import { PageShell } from "@/components/layout/page-shell";
import { DEFAULT_SETTINGS } from "@/lib/settings/defaults";

// Next renders this boundary as part of every page, cached ones included, so it must not ask
// who is signed in (that would make every page dynamic): its header shows no account links.
export default function Forbidden() {
  return (
    <PageShell title={DEFAULT_SETTINGS.siteTitle} viewer="unknown">
      <section className="py-16 text-center">
        <p className="text-sm font-semibold uppercase tracking-wide text-amber-700">403</p>
        <h1 className="mt-2 font-serif text-4xl font-semibold tracking-tight">You can’t do that here</h1>
        <p className="mx-auto mt-4 max-w-md text-stone-600 dark:text-stone-400">
          Your account doesn’t have permission for this page or action. If you think it should, ask an administrator.
        </p>
        <p className="mt-8">
          <Link href="/" className="rounded-full bg-amber-700 px-5 py-2.5 font-medium text-white hover:bg-amber-800">
            Back to the essays
          </Link>
        </p>
      </section>
    </PageShell>
  );
}
