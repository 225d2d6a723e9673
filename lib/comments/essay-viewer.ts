import "server-only";
import { isBanned } from "../auth/permissions";
import { getCurrentUser } from "../auth/session";
import { parseIntId } from "../forms/schema";
import { COMMENT_ORDERS, type CommentOrder } from "./tree";
import { readCommenter, readPendingIds } from "./viewer";
import type { EssayViewer } from "./views";

type Search = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Who is looking at an essay, from their session, their cookies and the page's query. */
export async function essayViewer(search: Search): Promise<EssayViewer> {
  const [user, pendingIds, remembered] = await Promise.all([getCurrentUser(), readPendingIds(), readCommenter()]);
  const order = one(search.order);
  return {
    user: user
      ? {
          id: user.id,
          name: user.name,
          role: user.role,
          unconfirmedEmail: user.emailVerified ? null : user.email,
          blockedUntil: user.bannedUntil && isBanned(user) ? user.bannedUntil.toISOString() : null,
        }
      : null,
    pendingIds,
    // The browser key stays in its HttpOnly cookie: only the details reach the page.
    remembered: remembered ? { name: remembered.name, email: remembered.email, url: remembered.url } : null,
    replyTo: parseIntId(one(search.replyto)),
    editId: parseIntId(one(search.edit)),
    order: order && (COMMENT_ORDERS as readonly string[]).includes(order) ? (order as CommentOrder) : null,
  };
}
