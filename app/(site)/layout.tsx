import { PageShell } from "@/components/layout/page-shell";
import { getCurrentUser } from "@/lib/auth/session";
import { getSettings } from "@/lib/settings/queries";
import { resolveAvatar } from "@/lib/users/gravatar";

// Every page is rendered per request for whoever is looking. The reading pages an anonymous reader
// gets are the same for all of them, and HTTP caches keep them (proxy.ts, lib/cache/http.ts).
export default async function SiteLayout({ children }: { children: React.ReactNode }) {
  const [settings, user] = await Promise.all([getSettings(), getCurrentUser()]);
  const viewer = user
    ? {
        name: user.name,
        handle: user.handle,
        image: resolveAvatar(user.image, user.email, settings.gravatarEnabled),
        role: user.role,
      }
    : null;
  return (
    <PageShell title={settings.siteTitle} viewer={viewer}>
      {children}
    </PageShell>
  );
}
