import { formatDateTime } from "../format";
import { escapeHtml } from "../html/escape";
import { hueOf, initialsOf } from "../users/avatar";
import { threadClasses } from "./thread-classes";
import { likedByLabel, type CommentNodeView } from "./views";

export { threadClasses };

/**
 * The thread's markup for the shared, cached page every anonymous reader gets, built as one
 * HTML string. A comment page can hold hundreds of comments; as React components each one is
 * rendered twice (to the React Server Components payload, then to HTML) and its whole element
 * tree is embedded in the page a second time. As a string, the thread is built in a few
 * milliseconds and travels once (docs/decisions/013-render-cost.md).
 *
 * components/comments/comment-item.tsx renders the same markup with React for signed-in
 * readers (it adds their own controls); both use the classes of ./thread-classes.ts and the
 * links below, and
 * tests/unit/thread-html.test.tsx holds the two to identical output.
 */

/** Where a thread's links point. */
export interface ThreadLinks {
  /** Base path of this comment page, for permalinks. */
  permalinkBase: string;
  /** The page's URL without viewer parameters. */
  pagePath: string;
  /** Extra query for links that keep the reader's chosen order. */
  orderQuery: string;
}

function withQuery(path: string, query: string, hash: string): string {
  return `${path}${query ? `?${query}` : ""}${hash}`;
}

/** The links of one comment: its anchor, and the no-JavaScript Reply / Edit / Cancel links. */
export function commentLinks(links: ThreadLinks, id: number) {
  const anchor = `comment-${id}`;
  const q = links.orderQuery;
  return {
    anchor,
    permalink: `${links.permalinkBase}#${anchor}`,
    reply: withQuery(links.pagePath, [q, `replyto=${id}`].filter(Boolean).join("&"), "#respond"),
    edit: withQuery(links.pagePath, [q, `edit=${id}`].filter(Boolean).join("&"), `#${anchor}`),
    cancel: withQuery(links.pagePath, q, `#${anchor}`),
  };
}

function avatarHtml(name: string, image: string | null): string {
  if (image) {
    return `<img src="${escapeHtml(image)}" alt="" width="40" height="40" class="shrink-0 rounded-full object-cover"/>`;
  }
  return (
    `<svg width="40" height="40" viewBox="0 0 40 40" aria-hidden="true" class="shrink-0 rounded-full" style="background-color:hsl(${hueOf(name)} 45% 42%)">` +
    `<text x="50%" y="50%" dy="0.35em" class="avatar-initials">${escapeHtml(initialsOf(name))}</text></svg>`
  );
}

function authorHtml(c: CommentNodeView["comment"]): string {
  const name = escapeHtml(c.authorName);
  if (c.authorHandle) {
    return `<a class="${threadClasses.authorLink}" href="/authors/${escapeHtml(c.authorHandle)}">${name}</a>`;
  }
  if (c.guestUrl) {
    return `<a href="${escapeHtml(c.guestUrl)}" rel="nofollow ugc noopener" class="${threadClasses.guestLink}">${name}</a>`;
  }
  return `<span class="${threadClasses.authorName}">${name}</span>`;
}

/** The Like form and "Liked by N people" line as a signed-out reader gets them. */
function likeControlsHtml(c: CommentNodeView["comment"]): string {
  const form =
    `<form action="/comments/${c.id}/like" method="post"><input type="hidden" name="like" value="1"/>` +
    `<button type="submit" aria-pressed="false" class="${threadClasses.likeButton}">☆ Like</button></form>`;
  const likedBy =
    c.likeCount > 0
      ? `<details class="${threadClasses.likedBy}"><summary class="${threadClasses.likedBySummary}">${escapeHtml(likedByLabel(c.likeCount))}</summary>` +
        `<ul class="${threadClasses.likers}" aria-label="People who liked this comment">${c.likedBy.map((n) => `<li>${escapeHtml(n)}</li>`).join("")}</ul></details>`
      : "";
  return `<div class="${threadClasses.likes}">${form}${likedBy}</div>`;
}

function commentHtml(node: CommentNodeView, links: ThreadLinks, commentsOpen: boolean): string {
  const c = node.comment;
  const href = commentLinks(links, c.id);
  let article: string;
  if (node.tombstone) {
    article = `<article class="${threadClasses.tombstone}">This comment was deleted.</article>`;
  } else {
    const canReply = commentsOpen && !c.pending;
    article =
      `<article class="${threadClasses.article}" aria-labelledby="${href.anchor}-author">${avatarHtml(c.authorName, c.authorImage)}` +
      `<div class="${threadClasses.main}"><header class="${threadClasses.header}"><span id="${href.anchor}-author">${authorHtml(c)}</span>` +
      (c.isPostAuthor ? `<span class="${threadClasses.authorBadge}">Author</span>` : "") +
      `<a href="${escapeHtml(href.permalink)}" class="${threadClasses.date}"><time dateTime="${escapeHtml(c.createdAt)}">${escapeHtml(formatDateTime(c.createdAt))}</time></a>` +
      (c.editedAt ? `<span class="${threadClasses.edited}">(edited)</span>` : "") +
      `</header>` +
      (c.pending ? `<p class="${threadClasses.pending}">Your comment is awaiting moderation.</p>` : "") +
      (node.replyingTo
        ? `<p class="${threadClasses.replyingTo}">Replying to <a href="${escapeHtml(`${links.permalinkBase}#comment-${node.replyingTo.id}`)}" class="${threadClasses.replyingToLink}">${escapeHtml(node.replyingTo.name)}</a></p>`
        : "") +
      // Sanitized when the comment was saved (lib/markdown/comment.ts).
      `<div class="${threadClasses.body}">${c.bodyHtml}</div>` +
      (c.pending ? "" : likeControlsHtml(c)) +
      `<div class="${threadClasses.actions}">` +
      (canReply
        ? `<a href="${escapeHtml(href.reply)}" class="${threadClasses.reply}" aria-label="${escapeHtml(`Reply to ${c.authorName}`)}">Reply</a>`
        : "") +
      `</div></div></article>`;
  }
  const replies =
    node.children.length > 0
      ? `<ol class="${threadClasses.replies}">${node.children.map((child) => commentHtml(child, links, commentsOpen)).join("")}</ol>`
      : "";
  return `<li id="${href.anchor}" class="${threadClasses.item}">${article}${replies}</li>`;
}

/**
 * The items of a thread's top-level list (`<li>` each, replies nested), as a reader who is not
 * signed in sees them: Like forms that send them to sign in, Reply links, no edit controls.
 */
export function threadHtml(nodes: readonly CommentNodeView[], links: ThreadLinks, commentsOpen: boolean): string {
  return nodes.map((node) => commentHtml(node, links, commentsOpen)).join("");
}
