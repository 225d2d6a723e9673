import type { ReactNode } from "react";
import { SiteHeader, type HeaderViewer } from "./site-header";

/** Header plus the main column, shared by every layout group. */
export function PageShell({
  title,
  viewer,
  children,
}: {
  title: string;
  viewer: HeaderViewer | null | "unknown";
  children: ReactNode;
}) {
  return (
    <>
      <SiteHeader title={title} viewer={viewer} />
      <main id="main" className="mx-auto w-full max-w-3xl px-5 pb-16 pt-8 sm:px-6">
        {children}
      </main>
    </>
  );
}
