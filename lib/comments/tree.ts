/**
 * Pure thread logic: ordering, paging top-level comments with their replies, building the
 * displayed tree with a depth cap, and tombstones. No I/O here — see queries.ts.
 */

export type CommentOrder = "oldest" | "newest" | "likes";
export const COMMENT_ORDERS: readonly CommentOrder[] = ["oldest", "newest", "likes"];

/** What the tree builder needs to know about a stored comment. */
export interface TreeInput {
  id: number;
  parentId: number | null;
  depth: number;
  createdAt: Date;
  likeCount: number;
  authorName: string;
  /** True when the comment itself should be shown (approved, or the viewer's own pending one). */
  visible: boolean;
}

export interface ThreadNode<T extends TreeInput> {
  comment: T;
  /** Hidden (deleted, trashed…) but kept as "This comment was deleted" because replies hang on it. */
  tombstone: boolean;
  /** Set when the comment is shown under an ancestor because it is deeper than the display cap. */
  replyingTo: { id: number; name: string } | null;
  /** Nesting level as displayed (0 = top level), never above maxDepth - 1. */
  displayDepth: number;
  children: ThreadNode<T>[];
}

/** A top-level comment as far as paging is concerned. */
export interface RootInput {
  id: number;
  createdAt: Date;
  likeCount: number;
}

function byOldest(a: { createdAt: Date; id: number }, b: { createdAt: Date; id: number }): number {
  return a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id;
}

/**
 * Sorts top-level comments for display. Replies are always oldest first, as in a conversation.
 * The database pages them in the same order (lib/comments/queries.ts: ORDER_SQL, BEFORE_SQL);
 * tests/integration/comment-order.test.ts holds the two together.
 */
export function sortRoots<T extends RootInput>(roots: readonly T[], order: CommentOrder): T[] {
  const sorted = [...roots];
  if (order === "oldest") sorted.sort(byOldest);
  else if (order === "newest") sorted.sort((a, b) => byOldest(b, a));
  else sorted.sort((a, b) => b.likeCount - a.likeCount || byOldest(a, b));
  return sorted;
}

/**
 * Paging of top-level comments (replies travel with theirs): how many pages `count` of them
 * fill, and the page actually served for a requested one (clamped into range; fractions are
 * truncated, anything not a number is page 1).
 */
export function commentPages(count: number, perPage: number, requested: number): { page: number; pageCount: number } {
  const pageCount = Math.max(1, Math.ceil(count / perPage));
  return { page: Math.min(Math.max(1, Math.trunc(requested) || 1), pageCount), pageCount };
}

/** The page of the thread whose top-level comment has `before` listed top-level comments ahead of it. */
export function pageOfThread(before: number, perPage: number): number {
  return Math.floor(before / perPage) + 1;
}

/**
 * Builds the displayed tree from the flat comments of some threads.
 *
 * - Hidden comments are dropped unless a visible comment hangs below them; then they stay as
 *   tombstones so the thread keeps its shape.
 * - At most `maxDepth` levels are displayed. The comments that would sit deeper are listed, in
 *   time order, on the last level under their deepest displayed ancestor, each naming the
 *   comment it answers (`replyingTo`) when that is not the comment it is shown under.
 * - Top-level comments follow `order`; replies are oldest first.
 */
export function buildThread<T extends TreeInput>(
  comments: readonly T[],
  options: { maxDepth: number; order: CommentOrder },
): ThreadNode<T>[] {
  const maxDepth = Math.max(2, Math.trunc(options.maxDepth) || 2);
  const byId = new Map<number, T>();
  for (const c of comments) byId.set(c.id, c);
  const childrenOf = new Map<number | null, T[]>();
  for (const c of comments) {
    // A reply whose parent is not in the set is shown at top level rather than lost.
    const key = c.parentId !== null && byId.has(c.parentId) ? c.parentId : null;
    const list = childrenOf.get(key);
    if (list) list.push(c);
    else childrenOf.set(key, [c]);
  }
  for (const list of childrenOf.values()) list.sort(byOldest);

  // shown = visible itself, or a tombstone with something visible below it. Computed bottom-up
  // without recursion so a pathological 10,000-deep chain cannot overflow the stack.
  const shownIds = new Set<number>();
  const order: T[] = [];
  const stack: T[] = [...(childrenOf.get(null) ?? [])];
  while (stack.length > 0) {
    const c = stack.pop() as T;
    order.push(c);
    for (const k of childrenOf.get(c.id) ?? []) stack.push(k);
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const c = order[i] as T;
    if (c.visible || (childrenOf.get(c.id) ?? []).some((k) => shownIds.has(k.id))) shownIds.add(c.id);
  }
  const shownKids = (c: T): T[] => (childrenOf.get(c.id) ?? []).filter((k) => shownIds.has(k.id));

  const node = (c: T, displayDepth: number, replyingTo: ThreadNode<T>["replyingTo"]): ThreadNode<T> => ({
    comment: c,
    tombstone: !c.visible,
    replyingTo,
    displayDepth,
    children: [],
  });

  const flatten = (ancestor: T, displayDepth: number): ThreadNode<T>[] => {
    const out: ThreadNode<T>[] = [];
    const todo: T[] = [...shownKids(ancestor)];
    const all: T[] = [];
    while (todo.length > 0) {
      const c = todo.pop() as T;
      all.push(c);
      todo.push(...shownKids(c));
    }
    all.sort(byOldest);
    for (const c of all) {
      const parent = c.parentId === null ? undefined : byId.get(c.parentId);
      const replyingTo = parent && parent.id !== ancestor.id ? { id: parent.id, name: parent.authorName } : null;
      out.push(node(c, displayDepth, replyingTo));
    }
    return out;
  };

  const build = (c: T, displayDepth: number): ThreadNode<T> => {
    const n = node(c, displayDepth, null);
    if (displayDepth < maxDepth - 2) n.children = shownKids(c).map((k) => build(k, displayDepth + 1));
    else n.children = flatten(c, displayDepth + 1);
    return n;
  };

  const roots = (childrenOf.get(null) ?? []).filter((c) => shownIds.has(c.id));
  return sortRoots(roots, options.order).map((r) => build(r, 0));
}

/** Counts the nodes of a built thread (tombstones included). */
export function countNodes<T extends TreeInput>(nodes: readonly ThreadNode<T>[]): number {
  let n = 0;
  const todo = [...nodes];
  while (todo.length > 0) {
    const x = todo.pop() as ThreadNode<T>;
    n++;
    todo.push(...x.children);
  }
  return n;
}
