import { PageShell } from "@/components/layout/page-shell";
import { getSettings } from "@/lib/settings/queries";

// Pages for anonymous readers: cached and identical for everyone, so no viewer here.
// Signed-in readers are routed to the same pages under (site)/v by proxy.ts.
export default async function BlogLayout({ children }: { children: React.ReactNode }) {
  const settings = await getSettings();
  return (
    <PageShell title={settings.siteTitle} viewer={null}>
      {children}
    </PageShell>
  );
}
