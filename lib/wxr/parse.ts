/**
 * Reading a WordPress export (WXR 1.2: an RSS document with `wp:` elements) into plain data.
 * Everything is checked before anything is written: a file that is not XML, that is cut off,
 * whose root is not an RSS channel, or whose comments point at parents that are not there is
 * refused with messages that name what is wrong. Pure (no database), so it is unit-tested.
 * See docs/decisions/020-wordpress-import-export.md.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { z } from "zod";

export type WxrCommentStatus = "APPROVED" | "PENDING" | "SPAM" | "TRASH";
export type WxrPostStatus = "PUBLISHED" | "DRAFT";

export interface WxrAuthor {
  login: string;
  email: string;
  displayName: string;
}

export interface WxrComment {
  wpId: string;
  /** null for a top-level comment. */
  parentWpId: string | null;
  authorName: string;
  email: string | null;
  url: string | null;
  date: Date;
  status: WxrCommentStatus;
  html: string;
}

export interface WxrPost {
  wpId: string;
  type: "post" | "page";
  title: string;
  slug: string;
  /** The WordPress address of the post (its <link>), when the file has one. */
  link: string | null;
  status: WxrPostStatus;
  date: Date | null;
  html: string;
  excerptHtml: string;
  authorLogin: string;
  /** Categories and tags, both become Hearth tags (names, in file order, without duplicates). */
  tags: string[];
  /** In an order where every parent comes before its replies. */
  comments: WxrComment[];
}

export interface WxrDocument {
  /** The WordPress site address (channel <link> or wp:base_site_url): the prefix of import keys. */
  site: string;
  authors: WxrAuthor[];
  posts: WxrPost[];
  /** Items left out and why (attachments, menu items, trashed posts…). */
  skipped: string[];
}

export type WxrParseResult = { ok: true; doc: WxrDocument } | { ok: false; errors: string[] };

const ARRAYS = new Set(["rss.channel.item", "rss.channel.wp:author", "rss.channel.item.category", "rss.channel.item.wp:comment"]);

const text = z
  .union([z.string(), z.number(), z.boolean()])
  .optional()
  .transform((v) => (v === undefined ? "" : String(v)));

const commentSchema = z.object({
  "wp:comment_id": text,
  "wp:comment_parent": text,
  "wp:comment_author": text,
  "wp:comment_author_email": text,
  "wp:comment_author_url": text,
  "wp:comment_date_gmt": text,
  "wp:comment_date": text,
  "wp:comment_approved": text,
  "wp:comment_content": text,
  "wp:comment_type": text,
});

const categorySchema = z.union([
  z.string(),
  z.object({ "#text": text, "@_domain": text, "@_nicename": text }),
]);

const itemSchema = z.object({
  title: text,
  link: text,
  "dc:creator": text,
  "content:encoded": text,
  "excerpt:encoded": text,
  "wp:post_id": text,
  "wp:post_date": text,
  "wp:post_date_gmt": text,
  "wp:post_name": text,
  "wp:status": text,
  "wp:post_type": text,
  category: z.array(categorySchema).optional().default([]),
  "wp:comment": z.array(commentSchema).optional().default([]),
});

const authorSchema = z.object({
  "wp:author_login": text,
  "wp:author_email": text,
  "wp:author_display_name": text,
});

const channelSchema = z.object({
  link: text,
  "wp:base_site_url": text,
  "wp:wxr_version": text,
  "wp:author": z.array(authorSchema).optional().default([]),
  item: z.array(z.unknown()).optional().default([]),
});

/** "2019-05-03 10:00:00" (UTC in *_gmt fields) → Date; null for WordPress's "0000-00-00 00:00:00" or nonsense. */
export function parseWpDate(raw: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(raw.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (y === 0) return null;
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date;
}

/** WordPress comment approval → Hearth status ("1" approved, "0" waiting, "spam", "trash"). */
export function commentStatusOf(raw: string): WxrCommentStatus | null {
  switch (raw.trim()) {
    case "1":
      return "APPROVED";
    case "0":
      return "PENDING";
    case "spam":
      return "SPAM";
    case "trash":
      return "TRASH";
    default:
      return null;
  }
}

/** WordPress post status → Hearth status; null for items that are not brought over (trash, auto-draft). */
export function postStatusOf(raw: string): WxrPostStatus | null {
  switch (raw.trim()) {
    case "publish":
    case "future":
      return "PUBLISHED";
    case "draft":
    case "pending":
    case "private":
      return "DRAFT";
    default:
      return null;
  }
}

function describeIssue(path: readonly PropertyKey[], message: string): string {
  return `${path.map(String).join(" › ") || "channel"}: ${message}`;
}

/**
 * Orders comments so every parent precedes its replies, and reports comments whose parent is
 * not in the post and reply loops.
 */
function orderComments(label: string, comments: WxrComment[], errors: string[]): WxrComment[] {
  const byId = new Map(comments.map((c) => [c.wpId, c]));
  const ordered: WxrComment[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (c: WxrComment): boolean => {
    const s = state.get(c.wpId);
    if (s === "done") return true;
    if (s === "visiting") {
      errors.push(`${label}: comment ${c.wpId} is part of a reply loop`);
      return false;
    }
    state.set(c.wpId, "visiting");
    if (c.parentWpId !== null) {
      const parent = byId.get(c.parentWpId);
      if (!parent) {
        errors.push(`${label}: comment ${c.wpId} replies to comment ${c.parentWpId}, which is not in the file`);
        state.set(c.wpId, "done");
        return false;
      }
      if (!visit(parent)) {
        state.set(c.wpId, "done");
        return false;
      }
    }
    state.set(c.wpId, "done");
    ordered.push(c);
    return true;
  };
  for (const c of comments) visit(c);
  return ordered;
}

/** Reads a whole WXR file. Returns every problem found, not just the first. */
export function parseWxr(xml: string): WxrParseResult {
  if (!xml.trim()) return { ok: false, errors: ["the file is empty"] };
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    const unclosed = /^Invalid '\[(.*)\]' found/s.exec(msg);
    if (unclosed) {
      const names = [...(unclosed[1] ?? "").matchAll(/"([^"]+)"/g)].map((m) => `<${m[1]}>`);
      return { ok: false, errors: [`the file ends before ${names.join(", ")} ${names.length === 1 ? "is" : "are"} closed: it was probably cut off`] };
    }
    const atEnd = line >= xml.trimEnd().split("\n").length;
    return {
      ok: false,
      errors: [`the file is not well-formed XML (line ${line}, column ${col}): ${msg}${atEnd ? " — at its very end: it was probably cut off" : ""}`],
    };
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: true,
    htmlEntities: false,
    isArray: (_name, jpath) => ARRAYS.has(String(jpath)),
  });
  let tree: unknown;
  try {
    tree = parser.parse(xml);
  } catch (error) {
    return { ok: false, errors: [`the file could not be read as XML: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const root = tree as Record<string, unknown>;
  const rss = root.rss as Record<string, unknown> | undefined;
  if (!rss || typeof rss !== "object") {
    const found = Object.keys(root).filter((k) => !k.startsWith("?"));
    return { ok: false, errors: [`this is not a WordPress export: the root element is <${found[0] ?? "nothing"}>, not <rss>`] };
  }
  if (!rss.channel || typeof rss.channel !== "object") {
    return { ok: false, errors: ["this is not a WordPress export: <rss> has no <channel>"] };
  }
  const channelRead = channelSchema.safeParse(rss.channel);
  if (!channelRead.success) {
    return { ok: false, errors: channelRead.error.issues.map((i) => describeIssue(i.path, i.message)) };
  }
  const channel = channelRead.data;
  if (!channel["wp:wxr_version"].trim()) {
    return { ok: false, errors: ["this is not a WordPress export: the channel has no <wp:wxr_version>"] };
  }
  const site = (channel["wp:base_site_url"] || channel.link).trim().replace(/\/+$/, "") || "wordpress";

  const errors: string[] = [];
  const skipped: string[] = [];
  const authors: WxrAuthor[] = [];
  for (const [i, a] of channel["wp:author"].entries()) {
    const login = a["wp:author_login"].trim();
    const email = a["wp:author_email"].trim().toLowerCase();
    if (!login) errors.push(`author ${i + 1}: <wp:author_login> is missing`);
    if (!z.email().safeParse(email).success) errors.push(`author ${login || i + 1}: "${email}" is not an e-mail address`);
    authors.push({ login, email, displayName: a["wp:author_display_name"].trim() || login });
  }
  const logins = new Set(authors.map((a) => a.login));

  const posts: WxrPost[] = [];
  const seenPosts = new Set<string>();
  for (const [index, raw] of channel.item.entries()) {
    const read = itemSchema.safeParse(raw);
    if (!read.success) {
      for (const issue of read.error.issues) errors.push(describeIssue([`item ${index + 1}`, ...issue.path], issue.message));
      continue;
    }
    const item = read.data;
    const wpId = item["wp:post_id"].trim();
    const type = item["wp:post_type"].trim();
    const label = `item ${index + 1} ("${item.title.trim() || wpId}")`;
    if (type !== "post" && type !== "page") {
      skipped.push(`${label}: of type "${type || "none"}", not a post or page`);
      continue;
    }
    const status = postStatusOf(item["wp:status"]);
    if (!status) {
      skipped.push(`${label}: status "${item["wp:status"].trim()}"`);
      continue;
    }
    if (!/^\d+$/.test(wpId)) {
      errors.push(`${label}: <wp:post_id> is missing or not a number`);
      continue;
    }
    if (seenPosts.has(wpId)) {
      errors.push(`${label}: post ${wpId} appears twice`);
      continue;
    }
    seenPosts.add(wpId);
    const authorLogin = item["dc:creator"].trim();
    if (!logins.has(authorLogin)) errors.push(`${label}: its author "${authorLogin}" is not among the file's <wp:author> entries`);
    const date = parseWpDate(item["wp:post_date_gmt"]) ?? parseWpDate(item["wp:post_date"]);
    if (status === "PUBLISHED" && !date) errors.push(`${label}: a published post without a valid date`);

    const tags: string[] = [];
    for (const c of item.category) {
      const name = (typeof c === "string" ? c : c["#text"]).trim();
      const domain = typeof c === "string" ? "category" : c["@_domain"];
      if (!name || (domain !== "category" && domain !== "post_tag")) continue;
      if (name === "Uncategorized") continue;
      if (!tags.some((t) => t.toLowerCase() === name.toLowerCase())) tags.push(name);
    }

    const comments: WxrComment[] = [];
    const seenComments = new Set<string>();
    for (const c of item["wp:comment"]) {
      const cid = c["wp:comment_id"].trim();
      const ctype = c["wp:comment_type"].trim();
      if (ctype === "pingback" || ctype === "trackback") continue;
      if (!/^\d+$/.test(cid)) {
        errors.push(`${label}: a comment without a numeric <wp:comment_id>`);
        continue;
      }
      if (seenComments.has(cid)) {
        errors.push(`${label}: comment ${cid} appears twice`);
        continue;
      }
      seenComments.add(cid);
      const parent = c["wp:comment_parent"].trim();
      const cstatus = commentStatusOf(c["wp:comment_approved"]);
      if (!cstatus) errors.push(`${label}: comment ${cid} has an unknown approval "${c["wp:comment_approved"].trim()}"`);
      const cdate = parseWpDate(c["wp:comment_date_gmt"]) ?? parseWpDate(c["wp:comment_date"]);
      if (!cdate) errors.push(`${label}: comment ${cid} has no valid date`);
      const email = c["wp:comment_author_email"].trim().toLowerCase();
      const url = c["wp:comment_author_url"].trim();
      comments.push({
        wpId: cid,
        parentWpId: parent === "" || parent === "0" ? null : parent,
        authorName: c["wp:comment_author"].trim().slice(0, 100) || "Anonymous",
        email: email && z.email().safeParse(email).success ? email : null,
        url: url && /^https?:\/\/\S+$/i.test(url) ? url.slice(0, 300) : null,
        date: cdate ?? new Date(0),
        status: cstatus ?? "PENDING",
        html: c["wp:comment_content"],
      });
    }
    const ordered = orderComments(label, comments, errors);
    posts.push({
      wpId,
      type,
      title: item.title.trim().slice(0, 200) || "Untitled",
      slug: item["wp:post_name"].trim(),
      link: item.link.trim() || null,
      status,
      date,
      html: item["content:encoded"],
      excerptHtml: item["excerpt:encoded"],
      authorLogin,
      tags,
      comments: ordered,
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, doc: { site, authors, posts, skipped } };
}

/**
 * The addresses a post had on WordPress, as paths Hearth answers with a redirect: the path of
 * its <link> (e.g. "/2019/05/slug/") and the "?p=<id>" (or "?page_id=<id>") form that always works.
 */
export function legacyPathsOf(post: Pick<WxrPost, "wpId" | "type" | "link">): string[] {
  const paths = new Set<string>();
  paths.add(post.type === "page" ? `/?page_id=${post.wpId}` : `/?p=${post.wpId}`);
  if (post.link) {
    try {
      const url = new URL(post.link, "http://wordpress.invalid");
      const path = normalizeLegacyPath(url.pathname + url.search);
      if (path !== "/") paths.add(path);
    } catch {
      // A link that is not a URL gives no path.
    }
  }
  return [...paths];
}

/** One spelling per address: no trailing slash (except "/"), decoded, lower case. */
export function normalizeLegacyPath(path: string): string {
  let decoded = path;
  try {
    decoded = decodeURI(path);
  } catch {
    // Keep it as it is.
  }
  const [pathname = "/", search = ""] = decoded.split("?", 2);
  const trimmed = pathname.replace(/\/+$/, "") || "/";
  return (trimmed + (search ? `?${search}` : "")).toLowerCase();
}
