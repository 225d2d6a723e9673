import type { Metadata } from "next";
import { ImportForm } from "@/components/dashboard/import-form";
import { WxrImportForm } from "@/components/dashboard/wxr-import-form";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Import posts", robots: { index: false, follow: false } };

export default async function ImportPage() {
  const user = await requirePermission("/dashboard/import", "post:create");
  return (
    <section className="flex flex-col gap-6">
      <h1 className="font-serif text-3xl font-semibold tracking-tight">Import posts</h1>
      <div className="text-sm text-stone-700 dark:text-stone-300">
        <p>Bring essays over from a static-site blog: Markdown files that start with front matter. You become their author.</p>
        <pre className="mt-3 overflow-x-auto rounded-md bg-stone-100 p-3 text-xs dark:bg-stone-900">{`---
title: "The Kitchen Table Years"
date: 2021-04-05          # in the past: published then; in the future: scheduled; none: draft
tags: [family, cooking]   # or one "- tag" per line
excerpt: A short summary for listings.
draft: false              # true keeps it a draft
slug: kitchen-table-years # optional; else from the file name
---

The essay in Markdown…`}</pre>
      </div>
      <ImportForm />
      {can(user, "settings:update") ? (
        <section aria-labelledby="wordpress-import" className="flex flex-col gap-3 border-t border-stone-200 pt-6 dark:border-stone-800">
          <h2 id="wordpress-import" className="text-xl font-semibold">
            Import from WordPress
          </h2>
          <p className="text-sm text-stone-700 dark:text-stone-300">
            Posts and pages become essays with their tags and categories, authors are matched by e-mail (or get an author
            account without a password), old addresses redirect, and every comment thread comes along. Importing the same
            file again adds only what is new. A file with problems imports nothing.
          </p>
          <WxrImportForm />
        </section>
      ) : null}
      {can(user, "settings:update") ? (
        <section aria-labelledby="site-export" className="flex flex-col gap-3 border-t border-stone-200 pt-6 dark:border-stone-800">
          <h2 id="site-export" className="text-xl font-semibold">
            Export the site
          </h2>
          <p className="text-sm text-stone-700 dark:text-stone-300">
            Every post as a Markdown file with front matter (the format above) and every comment thread in comments.json, in
            one .tar.gz. The same as <code>npm run export -- site.tar.gz</code>.
          </p>
          <p>
            {/* A download, not a page: a plain link, so no client-side navigation. */}
            <a href="/dashboard/export" download className="text-amber-800 underline dark:text-amber-400">
              Download everything (.tar.gz)
            </a>
          </p>
        </section>
      ) : null}
    </section>
  );
}
