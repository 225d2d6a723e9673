import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";
import { alternatesFor } from "@/lib/seo/metadata";
import { SiteFooter } from "@/components/layout/site-footer";
import { getSettings } from "@/lib/settings/queries";
import { siteUrl } from "@/lib/config/site";
import "./globals.css";

const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  display: "swap",
  weight: "100 900",
});

export async function generateMetadata(): Promise<Metadata> {
  const settings = await getSettings();
  return {
    metadataBase: new URL(siteUrl()),
    title: { default: settings.siteTitle, template: `%s — ${settings.siteTitle}` },
    description: settings.siteDescription,
    alternates: alternatesFor(),
    openGraph: { siteName: settings.siteTitle, type: "website" },
  };
}

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fafaf9" },
    { media: "(prefers-color-scheme: dark)", color: "#1c1917" },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const settings = await getSettings();
  return (
    <html lang="en" className={inter.variable}>
      <body className="min-h-screen bg-stone-50 font-sans text-stone-900 antialiased dark:bg-stone-900 dark:text-stone-100">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:rounded focus:bg-amber-200 focus:px-3 focus:py-2 focus:text-stone-900"
        >
          Skip to content
        </a>
        {children}
        <SiteFooter title={settings.siteTitle} description={settings.siteDescription} />
      </body>
    </html>
  );
}
