"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** One entry of the dashboard navigation. */
export interface DashboardNavItem {
  href: string;
  label: string;
}

/** Whether `pathname` belongs to the section `href` ("/dashboard" only matches the posts pages). */
function isCurrent(pathname: string, href: string): boolean {
  if (href === "/dashboard") return pathname === "/dashboard" || pathname.startsWith("/dashboard/posts");
  return pathname === href || pathname.startsWith(`${href}/`);
}

/** The dashboard's section links; marks the current one (plain links, so it works without JS too). */
export function DashboardNav({ items }: { items: DashboardNavItem[] }) {
  const pathname = usePathname() ?? "";
  return (
    <nav aria-label="Dashboard" className="mb-8 border-b border-stone-200 dark:border-stone-800">
      <ul className="-mb-px flex flex-wrap gap-x-6 text-sm">
        {items.map((item) => {
          const current = isCurrent(pathname, item.href);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={`inline-block border-b-2 px-1 pb-3 font-medium ${
                  current
                    ? "border-amber-700 text-stone-900 dark:text-stone-50"
                    : "border-transparent text-stone-600 hover:text-amber-700 dark:hover:text-amber-400 dark:text-stone-300"
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
