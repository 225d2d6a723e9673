import type { Metadata } from "next";
import Link from "next/link";
import { ModerationQueue } from "@/components/dashboard/moderation-queue";
import { ReportsList } from "@/components/dashboard/reports-list";
import { Pagination } from "@/components/ui/pagination";
import { requirePermission } from "@/lib/auth/session";
import { listQueue, postsWithComments, queueCounts } from "@/lib/moderation/queries";
import { QueueParamsSchema } from "@/lib/moderation/schema";
import { listReported, reportedCount } from "@/lib/reports/queries";
import { opsForTab, QUEUE_STATUSES, type QueueStatus } from "@/lib/moderation/transitions";

export const metadata: Metadata = { title: "Comments", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

const TAB_LABEL: Record<QueueStatus, string> = { PENDING: "Pending", APPROVED: "Approved", SPAM: "Spam", TRASH: "Trash" };

function queueHref(status: QueueStatus, page = 1, post?: string): string {
  const q = new URLSearchParams({ status: status.toLowerCase() });
  if (post) q.set("post", post);
  if (page > 1) q.set("page", String(page));
  return `/dashboard/comments?${q}`;
}

/** The moderation queue: comments on the moderator's essays (admins: all), one tab per status. */
export default async function ModerationPage({ searchParams }: Props) {
  const raw = await searchParams;
  const params = QueueParamsSchema.parse({ status: one(raw.status) ?? "", page: one(raw.page) ?? "", post: one(raw.post) });
  // The Reports tab: comments readers reported (across statuses), not a status of its own.
  const reportsTab = one(raw.status)?.toLowerCase() === "reported";
  const user = await requirePermission(
    `/dashboard/comments?${new URLSearchParams({ status: reportsTab ? "reported" : params.status.toLowerCase() })}`,
    "comment:moderate",
  );
  const moderator = { id: user.id, role: user.role };
  const [counts, queue, posts, reported] = await Promise.all([
    queueCounts(moderator, params.post),
    listQueue(moderator, params.status, params.page, params.post),
    postsWithComments(moderator),
    reportsTab
      ? listReported(moderator, params.page)
      : reportedCount(moderator).then((total) => ({ total, items: [], page: 1, pageCount: 1 })),
  ]);
  const filtered = params.post ? posts.find((p) => p.id === params.post) : undefined;

  return (
    <section>
      <h1 className="font-serif text-3xl font-semibold tracking-tight">Comments</h1>
      <p className="mt-2 text-stone-600 dark:text-stone-400">
        {user.role === "ADMIN" ? "Comments on every essay." : "Comments on your essays."}
        {filtered ? (
          <>
            {" "}
            Showing “{filtered.title}” only ·{" "}
            <Link href={queueHref(params.status)} className="underline">
              all essays
            </Link>
          </>
        ) : null}
      </p>

      <nav aria-label="Comment status" className="mt-6 border-b border-stone-200 dark:border-stone-800">
        <ul className="-mb-px flex flex-wrap gap-x-5 text-sm">
          {QUEUE_STATUSES.map((s) => {
            const current = !reportsTab && s === params.status;
            return (
              <li key={s}>
                <Link
                  href={queueHref(s, 1, params.post)}
                  aria-current={current ? "page" : undefined}
                  className={`inline-block border-b-2 px-1 pb-2 font-medium ${
                    current ? "border-amber-700" : "border-transparent text-stone-600 hover:text-amber-700 dark:hover:text-amber-400 dark:text-stone-300"
                  }`}
                >
                  {TAB_LABEL[s]} <span className="text-stone-500 dark:text-stone-400">({counts[s]})</span>
                </Link>
              </li>
            );
          })}
          <li>
            <Link
              href="/dashboard/comments?status=reported"
              aria-current={reportsTab ? "page" : undefined}
              className={`inline-block border-b-2 px-1 pb-2 font-medium ${
                reportsTab ? "border-amber-700" : "border-transparent text-stone-600 hover:text-amber-700 dark:text-stone-300"
              }`}
            >
              Reports <span className="text-stone-500 dark:text-stone-400">({reported.total})</span>
            </Link>
          </li>
        </ul>
      </nav>

      {reportsTab ? (
        <>
          <ReportsList key={`reported-${reported.page}`} items={reported.items} />
          <Pagination
            page={reported.page}
            pageCount={reported.pageCount}
            hrefFor={(p) => `/dashboard/comments?status=reported${p > 1 ? `&page=${p}` : ""}`}
            label="Report pages"
            previousLabel="← Previous"
            nextLabel="Next →"
          />
        </>
      ) : null}
      {!reportsTab && posts.length > 0 ? (
        <form method="get" action="/dashboard/comments" className="mt-4 flex flex-wrap items-center gap-2 text-sm">
          <input type="hidden" name="status" value={params.status.toLowerCase()} />
          <label htmlFor="queue-post">Essay</label>
          <select
            id="queue-post"
            name="post"
            defaultValue={params.post ?? ""}
            className="max-w-xs rounded-md border border-stone-300 bg-white px-2 py-1 dark:border-stone-600 dark:bg-stone-800"
          >
            <option value="">All essays</option>
            {posts.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
          <button type="submit" className="rounded-full border border-stone-300 px-3 py-1 font-medium dark:border-stone-600">
            Filter
          </button>
        </form>
      ) : null}

      {reportsTab ? null : (
        <>
          <ModerationQueue
            key={`${params.status}-${queue.page}-${params.post ?? ""}`}
            items={queue.items}
            ops={opsForTab(params.status)}
            tabLabel={TAB_LABEL[params.status]}
          />
          <Pagination
            page={queue.page}
            pageCount={queue.pageCount}
            hrefFor={(p) => queueHref(params.status, p, params.post)}
            label="Queue pages"
            previousLabel="← Newer"
            nextLabel="Older →"
          />
        </>
      )}
    </section>
  );
}
