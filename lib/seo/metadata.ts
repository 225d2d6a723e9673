import type { Metadata } from "next";

/**
 * A page's `alternates`: its canonical URL plus the site feed. Next replaces the layout's
 * `alternates` wholesale when a page sets its own, so every page goes through this.
 */
export function alternatesFor(
  canonical?: string,
  feeds: { url: string; title: string }[] = [],
): NonNullable<Metadata["alternates"]> {
  return {
    ...(canonical ? { canonical } : {}),
    types: { "application/atom+xml": [{ url: "/feed.xml", title: "Atom feed" }, ...feeds] },
  };
}
