import { escapeHtml } from "../html/escape.mjs";

/** One comment listed in a notification mail. */
export interface MailComment {
  writer: string;
  /** The comment's Markdown source, cut short (shown as plain text). */
  excerpt: string;
  url: string;
}

export interface NotificationMailInput {
  siteTitle: string;
  postTitle: string;
  comments: readonly MailComment[];
  /** Where the recipient acts: the moderation queue (held comments); unused for replies. */
  queueUrl?: string;
  unsubscribeUrl: string;
}

/** A comment's source shortened for a mail: whitespace folded, at most `max` characters. */
export function excerptOf(markdown: string, max = 280): string {
  const flat = markdown.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

function frame(lead: string, items: string, notes: string[]): string {
  const small = 'style="font-size:14px;color:#57534e"';
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1c1917">
<p>${lead}</p>
${items}
${notes.map((n) => `<p ${small}>${n}</p>`).join("\n")}
</body></html>`;
}

function listHtml(comments: readonly MailComment[], label: string): string {
  return comments
    .map(
      (c) => `<div style="margin:16px 0;padding-left:12px;border-left:3px solid #d6d3d1">
<p style="margin:0"><strong>${escapeHtml(c.writer)}</strong></p>
<p style="margin:4px 0">${escapeHtml(c.excerpt)}</p>
<p style="margin:0"><a href="${escapeHtml(c.url)}">${escapeHtml(label)}</a></p>
</div>`,
    )
    .join("\n");
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : `${n} ${many}`);

/** The mail about new replies to the recipient's comments on one essay (one or a batch). */
export function replyMail(input: NotificationMailInput) {
  const n = input.comments.length;
  const subject = `${plural(n, "New reply", "new replies")} to your comment on “${input.postTitle}”`;
  const text = [
    `${plural(n, "Someone replied", "new replies")} to your comment on “${input.postTitle}” (${input.siteTitle}):`,
    "",
    ...input.comments.flatMap((c) => [`${c.writer} wrote:`, `  ${c.excerpt}`, `Read the reply: ${c.url}`, ""]),
    "You get these e-mails because you asked to be told about replies.",
    `Stop e-mails about replies: ${input.unsubscribeUrl}`,
  ].join("\n");
  const html = frame(
    `${escapeHtml(plural(n, "Someone replied", "new replies"))} to your comment on <strong>${escapeHtml(input.postTitle)}</strong> (${escapeHtml(input.siteTitle)}):`,
    listHtml(input.comments, "Read the reply"),
    [
      "You get these e-mails because you asked to be told about replies.",
      `<a href="${escapeHtml(input.unsubscribeUrl)}">Stop e-mails about replies</a>`,
    ],
  );
  return { subject: capitalize(subject), text: capitalize(text), html };
}

/** The mail to an essay's author about comments held for moderation. */
export function moderationMail(input: NotificationMailInput) {
  const n = input.comments.length;
  const subject = `${plural(n, "New comment", "new comments")} awaiting moderation on “${input.postTitle}”`;
  const queue = input.queueUrl ?? "";
  const text = [
    `${plural(n, "A comment", "new comments")} on “${input.postTitle}” (${input.siteTitle}) ${n === 1 ? "is" : "are"} waiting for your approval:`,
    "",
    ...input.comments.flatMap((c) => [`${c.writer} wrote:`, `  ${c.excerpt}`, ""]),
    `Moderate: ${queue}`,
    "",
    `Stop e-mails about held comments: ${input.unsubscribeUrl}`,
  ].join("\n");
  const html = frame(
    `${escapeHtml(plural(n, "A comment", "new comments"))} on <strong>${escapeHtml(input.postTitle)}</strong> (${escapeHtml(input.siteTitle)}) ${n === 1 ? "is" : "are"} waiting for your approval:`,
    listHtml(
      input.comments.map((c) => ({ ...c, url: queue })),
      "Moderate",
    ),
    [`<a href="${escapeHtml(input.unsubscribeUrl)}">Stop e-mails about held comments</a>`],
  );
  return { subject: capitalize(subject), text: capitalize(text), html };
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
