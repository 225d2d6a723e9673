import type { Metadata } from "next";
import { SettingsForm } from "@/components/dashboard/settings-form";
import { requirePermission } from "@/lib/auth/session";
import { readSettings } from "@/lib/settings/queries";

export const metadata: Metadata = { title: "Site settings", robots: { index: false, follow: false } };

/** Site settings, for admins (settings:update). */
export default async function SettingsPage() {
  await requirePermission("/dashboard/settings", "settings:update");
  // Read fresh from the database, never from the cache: this is the page that changes them.
  const settings = await readSettings();
  return (
    <section>
      <h1 className="font-serif text-3xl font-semibold tracking-tight">Site settings</h1>
      <p className="mt-2 mb-6 text-stone-600 dark:text-stone-400">Changes apply to every page as soon as they are saved.</p>
      <SettingsForm settings={settings} />
    </section>
  );
}
