import type { Metadata } from "next";
import Link from "next/link";
import { Notice } from "@/components/dashboard/notice";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { formatDate, formatDateTime } from "@/lib/format";
import { listDashboardPosts } from "@/lib/posts/dashboard";
import { DISPLAY_STATUSES, parseStatusFilter, statusLabel, type DisplayStatus } from "@/lib/posts/status";
import { SearchForm } from "@/components/ui/search-form";

export const metadata: Metadata = { title: "Your posts", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

const BADGE: Record<DisplayStatus, string> = {
  draft: "bg-stone-100 text-stone-700 dark:bg-stone-800 dark:text-stone-300",
  scheduled: "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-200",
  published: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
};

export default async function DashboardPage({ searchParams }: Props) {
  const params = await searchParams;
  const user = await requirePermission("/dashboard", "dashboard:view");
  const status = parseStatusFilter(one(params.status));
  const q = one(params.q).slice(0, 100);
  const page = Number.parseInt(one(params.page), 10) || 1;
  const list = await listDashboardPosts(user, { status, q, page });
  const everyone = can(user, "post:update", { authorId: null });
  const hrefFor = (next: { status?: string; page?: number }) => {
    const query = new URLSearchParams();
    const s = next.status ?? status;
    if (s !== "all") query.set("status", s);
    if (q) query.set("q", q);
    if (next.page && next.page > 1) query.set("page", String(next.page));
    const text = query.toString();
    return text ? `/dashboard?${text}` : "/dashboard";
  };

  return (
    <section>
      <Notice code={one(params.notice)} />
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="font-serif text-3xl font-semibold tracking-tight">{everyone ? "All posts" : "Your posts"}</h1>
        <div className="flex gap-3">
          <Link
            href="/dashboard/import"
            className="rounded-full border border-stone-300 px-4 py-2 text-sm font-medium hover:border-amber-600 dark:border-stone-600"
          >
            Import
          </Link>
          <Link
            href="/dashboard/posts/new"
            className="rounded-full bg-amber-700 px-4 py-2 text-sm font-semibold text-white hover:bg-amber-800"
          >
            New post
          </Link>
        </div>
      </div>

      <nav aria-label="Filter by status" className="mt-6 flex flex-wrap gap-2 text-sm">
        {(["all", ...DISPLAY_STATUSES] as const).map((s) => (
          <Link
            key={s}
            href={hrefFor({ status: s })}
            aria-current={s === status ? "page" : undefined}
            className={`rounded-full border px-3 py-1 ${
              s === status
                ? "border-amber-700 bg-amber-50 font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-100"
                : "border-stone-300 hover:border-amber-600 dark:border-stone-700"
            }`}
          >
            {s === "all" ? "All" : statusLabel(s)} ({list.counts[s]})
          </Link>
        ))}
      </nav>

      <SearchForm
        id="post-search"
        label="Search by title"
        placeholder="Search by title"
        query={q}
        action="/dashboard"
        keep={status !== "all" ? { status } : {}}
        className="mt-4"
      />

      {list.rows.length === 0 ? (
        <p className="mt-8 text-stone-600 dark:text-stone-400">
          {q || status !== "all" ? "No posts match." : "No posts yet. Write your first one!"}
        </p>
      ) : (
        <ul className="mt-6 divide-y divide-stone-200 dark:divide-stone-800" aria-label="Posts">
          {list.rows.map((post) => (
            <li key={post.id} aria-label={post.title} className="flex flex-col gap-1 py-4">
              <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                <Link href={`/dashboard/posts/${post.id}/edit`} className="font-medium hover:text-amber-700 dark:hover:text-amber-400">
                  {post.title}
                </Link>
                <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${BADGE[post.status]}`}>
                  {statusLabel(post.status)}
                </span>
              </div>
              <p className="text-sm text-stone-500 dark:text-stone-400">
                {everyone ? <>{post.author.name} · </> : null}
                {post.status === "published" && post.publishedAt ? (
                  <>Published {formatDate(post.publishedAt)}</>
                ) : post.status === "scheduled" && post.publishedAt ? (
                  <>Goes out {formatDateTime(post.publishedAt)}</>
                ) : (
                  <>Created {formatDate(post.createdAt)}</>
                )}
                {" · "}edited {formatDateTime(post.updatedAt)}
                {" · "}
                {post.commentCount === 1 ? "1 comment" : `${post.commentCount} comments`}
                {post.pendingCount > 0 ? (
                  <>
                    {" · "}
                    <Link
                      href={`/dashboard/comments?post=${post.id}`}
                      className="font-medium text-amber-800 hover:underline dark:text-amber-400"
                    >
                      {post.pendingCount} pending
                    </Link>
                  </>
                ) : null}
              </p>
              <p className="flex gap-4 text-sm">
                <Link href={`/dashboard/posts/${post.id}/edit`} className="text-amber-800 hover:underline dark:text-amber-400">
                  Edit
                </Link>
                <Link href={`/dashboard/posts/${post.id}/preview`} className="text-amber-800 hover:underline dark:text-amber-400">
                  Preview
                </Link>
                {post.status === "published" ? (
                  <Link href={`/posts/${post.slug}`} className="text-amber-800 hover:underline dark:text-amber-400">
                    View
                  </Link>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination
        page={list.page}
        pageCount={list.pageCount}
        hrefFor={(p) => hrefFor({ page: p })}
        label="Pages of posts"
        previousLabel="← Previous"
        nextLabel="Next →"
      />
    </section>
  );
}
