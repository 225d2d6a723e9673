import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/ui/pagination";
import { requirePermission } from "@/lib/auth/session";
import { AUDIT_ACTION_LABEL, AUDIT_ACTIONS, isAuditAction } from "@/lib/audit/actions";
import { auditActors, listAudit } from "@/lib/audit/queries";
import { KEY_ID } from "@/lib/forms/schema";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Audit log", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

const selectClass = "max-w-xs rounded-md border border-stone-300 bg-white px-2 py-1 dark:border-stone-600 dark:bg-stone-800";

/** Every moderator and admin action, newest first (admins only), filtered by who or what. */
export default async function AuditPage({ searchParams }: Props) {
  await requirePermission("/admin/audit", "audit:view");
  const params = await searchParams;
  const actorId = KEY_ID.test(one(params.actor)) ? one(params.actor) : null;
  const action = isAuditAction(one(params.action)) ? one(params.action) : null;
  const page = /^[1-9][0-9]{0,5}$/.test(one(params.page)) ? Number(one(params.page)) : 1;
  const [log, actors] = await Promise.all([listAudit({ actorId, action, page }), auditActors()]);
  const hrefFor = (p: number) =>
    `/admin/audit?${new URLSearchParams({ ...(actorId ? { actor: actorId } : {}), ...(action ? { action } : {}), ...(p > 1 ? { page: String(p) } : {}) })}`;

  return (
    <section>
      <h1 className="font-serif text-3xl font-semibold tracking-tight">Audit log</h1>
      <p className="mt-2 text-stone-600 dark:text-stone-400">What moderators and admins did, newest first.</p>
      <form method="get" action="/admin/audit" className="mt-6 flex flex-wrap items-center gap-2 text-sm">
        <label htmlFor="audit-actor">Who</label>
        <select id="audit-actor" name="actor" defaultValue={actorId ?? ""} className={selectClass}>
          <option value="">Anyone</option>
          {actors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
        <label htmlFor="audit-action">What</label>
        <select id="audit-action" name="action" defaultValue={action ?? ""} className={selectClass}>
          <option value="">Any action</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {AUDIT_ACTION_LABEL[a]}
            </option>
          ))}
        </select>
        <button type="submit" className="rounded-full border border-stone-300 px-3 py-1 font-medium dark:border-stone-600">
          Filter
        </button>
        {actorId || action ? (
          <Link href="/admin/audit" className="underline">
            Show everything
          </Link>
        ) : null}
      </form>
      <p className="mt-4 text-sm text-stone-600 dark:text-stone-400">{log.total === 1 ? "1 entry" : `${log.total} entries`}</p>
      {log.items.length === 0 ? (
        <p className="mt-6 text-stone-600 dark:text-stone-400">Nothing recorded.</p>
      ) : (
        <div className="mt-4 overflow-x-auto">
          <table className="w-full text-left text-sm" aria-label="Audit entries">
            <thead>
              <tr className="border-b border-stone-200 dark:border-stone-800">
                <th scope="col" className="py-2 pr-3">
                  When
                </th>
                <th scope="col" className="py-2 pr-3">
                  Who
                </th>
                <th scope="col" className="py-2 pr-3">
                  What
                </th>
                <th scope="col" className="py-2 pr-3">
                  Target
                </th>
                <th scope="col" className="py-2 pr-3">
                  Before
                </th>
                <th scope="col" className="py-2">
                  After
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200 align-top dark:divide-stone-800">
              {log.items.map((e) => (
                <tr key={e.id} id={`audit-${e.id}`}>
                  <td className="py-2 pr-3 whitespace-nowrap">
                    <time dateTime={e.createdAt}>{formatDateTime(e.createdAt)}</time>
                  </td>
                  <td className="py-2 pr-3">{e.actor ? e.actor.name : "a deleted account"}</td>
                  <td className="py-2 pr-3">{e.label}</td>
                  <td className="py-2 pr-3">
                    {e.targetType === "comment" ? (
                      <Link href={`/dashboard/comments/${e.targetId}`} className="underline">
                        {e.targetLabel}
                      </Link>
                    ) : (
                      e.targetLabel
                    )}
                  </td>
                  <td className="py-2 pr-3">
                    <code className="break-all text-xs">{e.before ?? "—"}</code>
                  </td>
                  <td className="py-2">
                    <code className="break-all text-xs">{e.after ?? "—"}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        page={log.page}
        pageCount={log.pageCount}
        hrefFor={hrefFor}
        label="Audit pages"
        previousLabel="← Newer"
        nextLabel="Older →"
      />
    </section>
  );
}
