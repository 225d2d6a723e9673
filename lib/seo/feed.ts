/** Escapes text for XML character data and attribute values. */
export function escapeXml(text: string): string {
  return (
    text
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&apos;")
      // Characters XML 1.0 forbids outright.
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
  );
}

export interface AtomEntry {
  id: string;
  url: string;
  title: string;
  summary: string;
  html: string;
  published: string;
  updated: string;
  authorName: string;
  authorUrl: string;
  categories: string[];
}

export interface AtomFeed {
  title: string;
  subtitle: string;
  siteUrl: string;
  feedUrl: string;
  updated: string;
  entries: AtomEntry[];
}

/** An Atom 1.0 feed with each entry's full HTML content. */
export function renderAtom(feed: AtomFeed): string {
  const entries = feed.entries
    .map(
      (e) => `  <entry>
    <id>${escapeXml(e.id)}</id>
    <title>${escapeXml(e.title)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(e.url)}"/>
    <published>${e.published}</published>
    <updated>${e.updated}</updated>
    <author><name>${escapeXml(e.authorName)}</name><uri>${escapeXml(e.authorUrl)}</uri></author>
${e.categories.map((c) => `    <category term="${escapeXml(c)}"/>`).join("\n")}
    <summary>${escapeXml(e.summary)}</summary>
    <content type="html">${escapeXml(e.html)}</content>
  </entry>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>${escapeXml(feed.title)}</title>
  <subtitle>${escapeXml(feed.subtitle)}</subtitle>
  <id>${escapeXml(feed.siteUrl)}/</id>
  <link rel="alternate" type="text/html" href="${escapeXml(feed.siteUrl)}/"/>
  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.feedUrl)}"/>
  <updated>${feed.updated}</updated>
  <generator>Hearth</generator>
${entries}
</feed>
`;
}
