import type { Metadata } from "next";
import Link from "next/link";
import { BlockForm } from "@/components/account/block-form";
import { RoleForm } from "@/components/account/role-form";
import { Pagination } from "@/components/ui/pagination";
import { requirePermission } from "@/lib/auth/session";
import { formatDate } from "@/lib/format";
import { listUsers } from "@/lib/users/queries";
import { SearchForm } from "@/components/ui/search-form";

export const metadata: Metadata = { title: "Users", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function AdminUsersPage({ searchParams }: Props) {
  const me = await requirePermission("/admin/users", "user:list");
  const params = await searchParams;
  const q = one(params.q);
  const page = Number.parseInt(one(params.page), 10) || 1;
  const result = await listUsers(q, page);
  const hrefFor = (p: number) => `/admin/users?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;
  return (
    <section>
      <h1 className="font-serif text-3xl font-semibold tracking-tight">Users</h1>
      <p className="mt-2 text-sm">
        <Link href="/admin/audit" className="underline">
          Audit log
        </Link>{" "}
        — what moderators and admins did
      </p>
      <SearchForm id="user-search" label="Search users" placeholder="Name, e-mail or handle" query={q} className="mt-6" />
      <p className="mt-4 text-sm text-stone-600 dark:text-stone-400">
        {result.total === 1 ? "1 account" : `${result.total} accounts`}
      </p>
      <ul className="mt-4 divide-y divide-stone-200 dark:divide-stone-800" aria-label="Accounts">
        {result.users.map((u) => (
          <li key={u.id} className="flex flex-col gap-2 py-4 sm:flex-row sm:items-center sm:justify-between" aria-label={u.name}>
            <div>
              <Link href={`/authors/${u.handle}`} className="font-medium hover:text-amber-700 dark:hover:text-amber-400">
                {u.name}
              </Link>
              <p className="text-sm text-stone-500 dark:text-stone-400">
                {u.email} · joined {formatDate(u.createdAt)} · {u.posts} essays · {u.comments} comments
              </p>
            </div>
            <div className="flex flex-col gap-2 sm:items-end">
              <RoleForm userId={u.id} name={u.name} role={u.role} />
              {u.role === "ADMIN" || u.id === me.id ? null : (
                <BlockForm userId={u.id} name={u.name} bannedUntil={u.bannedUntil} />
              )}
            </div>
          </li>
        ))}
      </ul>
      <Pagination
        page={result.page}
        pageCount={result.pageCount}
        hrefFor={hrefFor}
        label="User pages"
        previousLabel="← Previous"
        nextLabel="Next →"
      />
    </section>
  );
}
