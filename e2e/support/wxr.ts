/**
 * Generates WordPress export files (WXR 1.2) for the import tests: several authors, posts and
 * pages with categories and tags, and big threaded comment trees (chains five levels deep)
 * with spam, pending and trashed comments. Deterministic for a given `prefix`, so a test can
 * say exactly what an import must produce. Pure: used by unit, integration and e2e tests.
 */

export interface WxrSpec {
  /** Makes slugs, e-mails and the site address unique to one test. */
  prefix: string;
  posts?: number;
  pages?: number;
  commentsPerPost?: number;
}

export interface GeneratedComment {
  wpId: number;
  parent: number;
  author: string;
  email: string;
  url: string;
  date: string;
  approved: "1" | "0" | "spam" | "trash";
  content: string;
}

export interface GeneratedPost {
  wpId: number;
  type: "post" | "page";
  title: string;
  slug: string;
  date: string;
  creator: string;
  categories: string[];
  tags: string[];
  content: string;
  excerpt: string;
  comments: GeneratedComment[];
}

export interface GeneratedWxr {
  xml: string;
  site: string;
  authors: { login: string; email: string; name: string }[];
  posts: GeneratedPost[];
}

const xmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const cdata = (s: string) => `<![CDATA[${s.replace(/]]>/g, "]]]]><![CDATA[>")}]]>`;
const pad = (n: number) => String(n).padStart(2, "0");

function wpDate(base: Date, minutes: number): string {
  const d = new Date(base.getTime() + minutes * 60_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** Approval of the n-th comment of a post: a few spam, pending and trashed ones, the rest approved. */
export function approvalOf(postIndex: number, n: number): GeneratedComment["approved"] {
  if (postIndex === 0 && n === 3) return "spam";
  if (postIndex === 0 && n === 7) return "0";
  if (postIndex === 1 && n === 12) return "trash";
  if (postIndex === 1 && n === 13) return "0";
  return "1";
}

export function generateWxr(spec: WxrSpec): GeneratedWxr {
  const { prefix } = spec;
  const postCount = spec.posts ?? 6;
  const pageCount = spec.pages ?? 2;
  const perPost = spec.commentsPerPost ?? 90;
  const site = `https://${prefix}.wordpress.test`;
  const authors = [
    { login: `${prefix}-ada`, email: `${prefix}-ada@wp.test`, name: `Ada ${prefix}` },
    { login: `${prefix}-ben`, email: `${prefix}-ben@wp.test`, name: `Ben ${prefix}` },
    { login: `${prefix}-cy`, email: `${prefix}-cy@wp.test`, name: `Cy ${prefix}` },
  ];
  const base = new Date(Date.UTC(2019, 4, 3, 10, 0, 0));
  const posts: GeneratedPost[] = [];
  let commentId = 1000;
  for (let i = 0; i < postCount + pageCount; i++) {
    const type = i < postCount ? "post" : "page";
    const wpId = 100 + i;
    const comments: GeneratedComment[] = [];
    const count = type === "post" ? perPost : 0;
    let chainParent = 0;
    for (let n = 0; n < count; n++) {
      const id = ++commentId;
      // Chains of five: a top-level comment and four replies, each to the one before.
      const parent = n % 5 === 0 ? 0 : chainParent;
      chainParent = id;
      comments.push({
        wpId: id,
        parent,
        author: `Guest ${n} & co`,
        email: `guest${n}@${prefix}.example`,
        url: n % 2 === 0 ? `https://guest${n}.example/` : "",
        date: wpDate(base, i * 1440 + 60 + n),
        approved: approvalOf(i, n),
        content: `Comment ${n} on post ${wpId} with <em>emphasis</em> &amp; a <a href="https://example.com/${n}">link</a>.`,
      });
    }
    const title = type === "post" ? `${prefix} essay ${i + 1}` : `${prefix} page ${i - postCount + 1}`;
    posts.push({
      wpId,
      type,
      title,
      slug: `${prefix}-${type}-${i + 1}`,
      date: wpDate(base, i * 1440),
      creator: authors[i % authors.length]!.login,
      categories: type === "post" ? [`${prefix} Category ${i % 2}`] : [],
      tags: type === "post" ? [`${prefix}-tag-${i % 3}`, `${prefix}-common`] : [],
      content: `<!-- wp:paragraph -->\n<p>First paragraph of <strong>${title}</strong>.</p>\n<!-- /wp:paragraph -->\n\nA second paragraph\nwith a line break.\n\n<h2>A heading</h2>\n<ul><li>one</li><li>two</li></ul>`,
      excerpt: type === "post" ? `Excerpt of ${title}` : "",
      comments,
    });
  }

  const lines: string[] = [];
  lines.push('<?xml version="1.0" encoding="UTF-8" ?>');
  lines.push(
    '<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">',
  );
  lines.push("<channel>");
  lines.push(`<title>${xmlEscape(prefix)} on WordPress</title>`, `<link>${site}</link>`, "<wp:wxr_version>1.2</wp:wxr_version>");
  lines.push(`<wp:base_site_url>${site}</wp:base_site_url>`);
  for (const [k, a] of authors.entries()) {
    lines.push(
      `<wp:author><wp:author_id>${k + 1}</wp:author_id><wp:author_login>${cdata(a.login)}</wp:author_login><wp:author_email>${cdata(a.email)}</wp:author_email><wp:author_display_name>${cdata(a.name)}</wp:author_display_name></wp:author>`,
    );
  }
  for (const p of posts) {
    const [y, m] = p.date.split("-");
    const link = p.type === "post" ? `${site}/${y}/${m}/${p.slug}/` : `${site}/${p.slug}/`;
    lines.push("<item>");
    lines.push(`<title>${xmlEscape(p.title)}</title>`, `<link>${link}</link>`, `<dc:creator>${cdata(p.creator)}</dc:creator>`);
    lines.push(`<content:encoded>${cdata(p.content)}</content:encoded>`, `<excerpt:encoded>${cdata(p.excerpt)}</excerpt:encoded>`);
    lines.push(`<wp:post_id>${p.wpId}</wp:post_id>`, `<wp:post_date>${cdata(p.date)}</wp:post_date>`);
    lines.push(`<wp:post_date_gmt>${cdata(p.date)}</wp:post_date_gmt>`, `<wp:post_name>${cdata(p.slug)}</wp:post_name>`);
    lines.push(`<wp:status>${cdata("publish")}</wp:status>`, `<wp:post_type>${cdata(p.type)}</wp:post_type>`);
    for (const c of p.categories) lines.push(`<category domain="category" nicename="c"><![CDATA[${c}]]></category>`);
    for (const t of p.tags) lines.push(`<category domain="post_tag" nicename="${t}"><![CDATA[${t}]]></category>`);
    for (const c of p.comments) {
      lines.push(
        `<wp:comment><wp:comment_id>${c.wpId}</wp:comment_id><wp:comment_author>${cdata(c.author)}</wp:comment_author><wp:comment_author_email>${cdata(c.email)}</wp:comment_author_email><wp:comment_author_url>${xmlEscape(c.url)}</wp:comment_author_url><wp:comment_date>${cdata(c.date)}</wp:comment_date><wp:comment_date_gmt>${cdata(c.date)}</wp:comment_date_gmt><wp:comment_content>${cdata(c.content)}</wp:comment_content><wp:comment_approved>${cdata(c.approved)}</wp:comment_approved><wp:comment_type>${cdata("comment")}</wp:comment_type><wp:comment_parent>${c.parent}</wp:comment_parent></wp:comment>`,
      );
    }
    lines.push("</item>");
  }
  // An attachment, which is not imported.
  lines.push(
    `<item><title>photo</title><wp:post_id>999</wp:post_id><wp:post_type>${cdata("attachment")}</wp:post_type><wp:status>${cdata("inherit")}</wp:status></item>`,
  );
  lines.push("</channel>", "</rss>");
  return { xml: lines.join("\n"), site, authors, posts };
}
