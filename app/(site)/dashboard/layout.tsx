import type { Metadata } from "next";
import { DashboardNav, type DashboardNavItem } from "@/components/dashboard/dashboard-nav";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Dashboard", robots: { index: false, follow: false } };

/**
 * The dashboard frame: authors and admins only (signed out → sign in, readers → 403). Layouts
 * do not re-render on every client navigation and do not know the exact path, so every page and
 * action under /dashboard checks the session and its own permission again.
 */
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePermission("/dashboard", "dashboard:view");
  const items: DashboardNavItem[] = [
    { href: "/dashboard", label: "Posts" },
    { href: "/dashboard/comments", label: "Comments" },
  ];
  if (can(user, "settings:update")) items.push({ href: "/dashboard/settings", label: "Settings" });
  return (
    <div>
      <DashboardNav items={items} />
      {children}
    </div>
  );
}
