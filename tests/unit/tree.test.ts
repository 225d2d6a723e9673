import { describe, it, expect } from "vitest";
import {
  sortRoots,
  buildThread,
  commentPages,
  countNodes,
  pageOfThread,
  COMMENT_ORDERS,
  type CommentOrder,
  type RootInput,
  type ThreadNode,
  type TreeInput,
} from "@/lib/comments/tree";

const T0 = Date.UTC(2024, 0, 1, 12, 0, 0);
/** A time `minutes` after T0. */
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

const root = (id: number, minutes: number, likeCount = 0): RootInput => ({ id, createdAt: at(minutes), likeCount });
const ids = (xs: readonly { id: number }[]) => xs.map((x) => x.id);

interface Spec {
  id: number;
  parent?: number | null;
  /** Minutes after T0; defaults to the id so creation order follows ids. */
  t?: number;
  likes?: number;
  visible?: boolean;
  name?: string;
}

/** Builds TreeInput rows, computing `depth` from the parent chain (specs must list parents first). */
function comments(specs: Spec[]): TreeInput[] {
  const depthOf = new Map<number, number>();
  return specs.map((s) => {
    const parentId = s.parent ?? null;
    const depth = parentId === null ? 0 : (depthOf.get(parentId) ?? 0) + 1;
    depthOf.set(s.id, depth);
    return {
      id: s.id,
      parentId,
      depth,
      createdAt: at(s.t ?? s.id),
      likeCount: s.likes ?? 0,
      authorName: s.name ?? `user${s.id}`,
      visible: s.visible ?? true,
    };
  });
}

/** A compact, readable view of a built tree. */
interface Shape {
  id: number;
  d: number;
  tomb?: true;
  re?: number;
  kids?: Shape[];
}
function shape(nodes: readonly ThreadNode<TreeInput>[]): Shape[] {
  return nodes.map((n) => {
    const s: Shape = { id: n.comment.id, d: n.displayDepth };
    if (n.tombstone) s.tomb = true;
    if (n.replyingTo) s.re = n.replyingTo.id;
    if (n.children.length > 0) s.kids = shape(n.children);
    return s;
  });
}

describe("sortRoots", () => {
  // id 2 and id 4 were posted at the same minute; id 1 and id 3 have the same likes.
  const roots = [root(1, 10, 2), root(2, 5, 5), root(3, 20, 2), root(4, 5, 0)];

  it("lists every order", () => {
    expect(COMMENT_ORDERS).toEqual(["oldest", "newest", "likes"]);
  });

  it("oldest: by creation time, ties by id", () => {
    expect(ids(sortRoots(roots, "oldest"))).toEqual([2, 4, 1, 3]);
  });

  it("newest: by creation time descending, ties by id descending", () => {
    expect(ids(sortRoots(roots, "newest"))).toEqual([3, 1, 4, 2]);
  });

  it("likes: most liked first, ties oldest first", () => {
    expect(ids(sortRoots(roots, "likes"))).toEqual([2, 1, 3, 4]);
  });

  it("likes: all tied falls back to oldest first", () => {
    const tied = [root(7, 3), root(5, 1), root(6, 1)];
    expect(ids(sortRoots(tied, "likes"))).toEqual([5, 6, 7]);
  });

  it("does not mutate its input and keeps the objects", () => {
    const input = [...roots];
    const sorted = sortRoots(input, "newest");
    expect(ids(input)).toEqual([1, 2, 3, 4]);
    expect(sorted).not.toBe(input);
    expect(sorted[0]).toBe(roots[2]);
  });

  it("handles an empty list", () => {
    expect(sortRoots([], "likes")).toEqual([]);
  });
});

describe("buildThread", () => {
  const deep = { maxDepth: 10, order: "oldest" as CommentOrder };

  it("nests replies under their parents", () => {
    const rows = comments([{ id: 1 }, { id: 2, parent: 1 }, { id: 3, parent: 2 }, { id: 4 }, { id: 5, parent: 4 }]);
    expect(shape(buildThread(rows, deep))).toEqual([
      { id: 1, d: 0, kids: [{ id: 2, d: 1, kids: [{ id: 3, d: 2 }] }] },
      { id: 4, d: 0, kids: [{ id: 5, d: 1 }] },
    ]);
  });

  it("returns fresh nodes with the original comment objects", () => {
    const rows = comments([{ id: 1 }, { id: 2, parent: 1 }]);
    const [n] = buildThread(rows, deep);
    expect(n!.comment).toBe(rows[0]);
    expect(n!.tombstone).toBe(false);
    expect(n!.replyingTo).toBeNull();
    expect(n!.children[0]!.comment).toBe(rows[1]);
  });

  it("does not depend on the input order", () => {
    const rows = comments([{ id: 1 }, { id: 2, parent: 1 }, { id: 3, parent: 2 }, { id: 4, parent: 1 }]);
    const forward = shape(buildThread(rows, deep));
    expect(shape(buildThread([...rows].reverse(), deep))).toEqual(forward);
  });

  it("orders roots by the requested order but replies always oldest first", () => {
    const rows = comments([
      { id: 1, t: 0, likes: 1 },
      { id: 2, t: 1, likes: 7 },
      { id: 10, parent: 1, t: 5, likes: 9 },
      { id: 11, parent: 1, t: 2, likes: 0 },
      { id: 12, parent: 1, t: 9, likes: 3 },
    ]);
    for (const order of ["newest", "likes"] as const) {
      const tree = buildThread(rows, { maxDepth: 5, order });
      expect(ids(tree.map((n) => n.comment))).toEqual([2, 1]);
      expect(ids(tree[1]!.children.map((n) => n.comment))).toEqual([11, 10, 12]);
    }
    const oldest = buildThread(rows, { maxDepth: 5, order: "oldest" });
    expect(ids(oldest.map((n) => n.comment))).toEqual([1, 2]);
    expect(ids(oldest[0]!.children.map((n) => n.comment))).toEqual([11, 10, 12]);
  });

  it("breaks reply time ties by id", () => {
    const rows = comments([{ id: 1 }, { id: 9, parent: 1, t: 5 }, { id: 8, parent: 1, t: 5 }]);
    expect(ids(buildThread(rows, deep)[0]!.children.map((n) => n.comment))).toEqual([8, 9]);
  });

  describe("hidden comments", () => {
    it("keeps a hidden comment with visible replies as a tombstone", () => {
      const rows = comments([
        { id: 1, visible: false },
        { id: 2, parent: 1 },
      ]);
      expect(shape(buildThread(rows, deep))).toEqual([{ id: 1, d: 0, tomb: true, kids: [{ id: 2, d: 1 }] }]);
    });

    it("drops a hidden leaf", () => {
      const rows = comments([{ id: 1 }, { id: 2, parent: 1, visible: false }, { id: 3, parent: 1 }]);
      expect(shape(buildThread(rows, deep))).toEqual([{ id: 1, d: 0, kids: [{ id: 3, d: 1 }] }]);
    });

    it("drops a hidden chain with nothing visible below it", () => {
      const rows = comments([
        { id: 1, visible: false },
        { id: 2, parent: 1, visible: false },
        { id: 3, parent: 2, visible: false },
        { id: 4 },
      ]);
      expect(shape(buildThread(rows, deep))).toEqual([{ id: 4, d: 0 }]);
    });

    it("keeps every hidden ancestor of a visible reply, and only those", () => {
      const rows = comments([
        { id: 1, visible: false },
        { id: 2, parent: 1, visible: false },
        { id: 3, parent: 2 }, // visible, keeps 1 and 2
        { id: 4, parent: 1, visible: false }, // hidden leaf
        { id: 5, parent: 4, visible: false }, // hidden below hidden
      ]);
      expect(shape(buildThread(rows, deep))).toEqual([
        { id: 1, d: 0, tomb: true, kids: [{ id: 2, d: 1, tomb: true, kids: [{ id: 3, d: 2 }] }] },
      ]);
    });

    it("returns nothing when every comment is hidden", () => {
      const rows = comments([
        { id: 1, visible: false },
        { id: 2, parent: 1, visible: false },
      ]);
      expect(buildThread(rows, deep)).toEqual([]);
      expect(buildThread([], deep)).toEqual([]);
    });
  });

  describe("depth cap", () => {
    // A (d0) ─ B (d1) ┬ C (d2) ─ D (d3)
    //                 └ E (d2) ─ F (d3) ─ G (d4)
    const rows = comments([
      { id: 1, name: "Ann", t: 0 }, // A
      { id: 2, parent: 1, name: "Ben", t: 1 }, // B
      { id: 3, parent: 2, name: "Cat", t: 2 }, // C
      { id: 5, parent: 2, name: "Eve", t: 3 }, // E
      { id: 4, parent: 3, name: "Dan", t: 4 }, // D
      { id: 6, parent: 5, name: "Fay", t: 5 }, // F
      { id: 7, parent: 6, name: "Gus", t: 6 }, // G
    ]);

    it("maxDepth 3: comments at depth ≥ 2 are listed flat, in time order, under their depth-1 ancestor", () => {
      expect(shape(buildThread(rows, { maxDepth: 3, order: "oldest" }))).toEqual([
        {
          id: 1,
          d: 0,
          kids: [
            {
              id: 2,
              d: 1,
              kids: [
                { id: 3, d: 2 }, // answers B, which is shown right above: no replyingTo
                { id: 5, d: 2 }, // answers B
                { id: 4, d: 2, re: 3 }, // answers C
                { id: 6, d: 2, re: 5 }, // answers E
                { id: 7, d: 2, re: 6 }, // answers F
              ],
            },
          ],
        },
      ]);
    });

    it("names the author of the comment being answered", () => {
      const b = buildThread(rows, { maxDepth: 3, order: "oldest" })[0]!.children[0]!;
      expect(b.children.map((n) => [n.comment.id, n.replyingTo])).toEqual([
        [3, null],
        [5, null],
        [4, { id: 3, name: "Cat" }],
        [6, { id: 5, name: "Eve" }],
        [7, { id: 6, name: "Fay" }],
      ]);
    });

    it("flattened comments have no children of their own", () => {
      const b = buildThread(rows, { maxDepth: 3, order: "oldest" })[0]!.children[0]!;
      for (const n of b.children) expect(n.children).toEqual([]);
    });

    it("never displays deeper than maxDepth - 1", () => {
      for (const maxDepth of [2, 3, 4, 5]) {
        const maxShown = (nodes: readonly ThreadNode<TreeInput>[]): number =>
          Math.max(-1, ...nodes.map((n) => Math.max(n.displayDepth, maxShown(n.children))));
        const tree = buildThread(rows, { maxDepth, order: "oldest" });
        expect(maxShown(tree)).toBe(Math.min(maxDepth - 1, 4));
        expect(countNodes(tree)).toBe(rows.length);
      }
    });

    it("maxDepth 4: depth-3+ comments flatten under their depth-2 ancestor", () => {
      expect(shape(buildThread(rows, { maxDepth: 4, order: "oldest" }))).toEqual([
        {
          id: 1,
          d: 0,
          kids: [
            {
              id: 2,
              d: 1,
              kids: [
                { id: 3, d: 2, kids: [{ id: 4, d: 3 }] },
                {
                  id: 5,
                  d: 2,
                  kids: [
                    { id: 6, d: 3 },
                    { id: 7, d: 3, re: 6 },
                  ],
                },
              ],
            },
          ],
        },
      ]);
    });

    it("keeps tombstones among the flattened comments when something below is visible", () => {
      const withHidden = comments([
        { id: 1, t: 0 },
        { id: 2, parent: 1, t: 1 },
        { id: 3, parent: 2, t: 2, visible: false }, // hidden, but 4 answers it
        { id: 4, parent: 3, t: 3 },
        { id: 5, parent: 2, t: 4, visible: false }, // hidden leaf: dropped
      ]);
      expect(shape(buildThread(withHidden, { maxDepth: 3, order: "oldest" }))).toEqual([
        {
          id: 1,
          d: 0,
          kids: [
            {
              id: 2,
              d: 1,
              kids: [
                { id: 3, d: 2, tomb: true },
                { id: 4, d: 2, re: 3 },
              ],
            },
          ],
        },
      ]);
    });

    it.each([2, 1, 0, -3, Number.NaN])("maxDepth %s behaves as 2: all replies flat under the root", (maxDepth) => {
      expect(shape(buildThread(rows, { maxDepth, order: "oldest" }))).toEqual([
        {
          id: 1,
          d: 0,
          kids: [
            { id: 2, d: 1 }, // answers the root itself
            { id: 3, d: 1, re: 2 },
            { id: 5, d: 1, re: 2 },
            { id: 4, d: 1, re: 3 },
            { id: 6, d: 1, re: 5 },
            { id: 7, d: 1, re: 6 },
          ],
        },
      ]);
    });

    it("truncates a fractional maxDepth", () => {
      expect(shape(buildThread(rows, { maxDepth: 3.9, order: "oldest" }))).toEqual(
        shape(buildThread(rows, { maxDepth: 3, order: "oldest" })),
      );
    });
  });

  describe("orphans", () => {
    it("shows a reply whose parent is not in the set at top level, with its own replies", () => {
      const rows: TreeInput[] = [
        ...comments([{ id: 1, t: 0 }]),
        { id: 20, parentId: 999, depth: 3, createdAt: at(5), likeCount: 0, authorName: "orphan", visible: true },
        { id: 21, parentId: 20, depth: 4, createdAt: at(6), likeCount: 0, authorName: "kid", visible: true },
      ];
      const tree = buildThread(rows, { maxDepth: 5, order: "newest" });
      expect(shape(tree)).toEqual([
        { id: 20, d: 0, kids: [{ id: 21, d: 1 }] },
        { id: 1, d: 0 },
      ]);
      expect(tree[0]!.replyingTo).toBeNull();
    });

    it("drops a hidden orphan with nothing visible below it", () => {
      const rows: TreeInput[] = [
        { id: 20, parentId: 999, depth: 1, createdAt: at(5), likeCount: 0, authorName: "x", visible: false },
      ];
      expect(buildThread(rows, deep)).toEqual([]);
    });
  });

  describe("very deep threads", () => {
    const chain = (n: number, visible: (i: number) => boolean = () => true): TreeInput[] =>
      Array.from({ length: n }, (_, i) => ({
        id: i + 1,
        parentId: i === 0 ? null : i,
        depth: i,
        createdAt: at(i),
        likeCount: 0,
        authorName: `user${i + 1}`,
        visible: visible(i),
      }));

    it.each([3, 5])("a 5,000-deep chain does not overflow the stack (maxDepth %i)", (maxDepth) => {
      const rows = chain(5000);
      let tree: ThreadNode<TreeInput>[] = [];
      expect(() => {
        tree = buildThread(rows, { maxDepth, order: "oldest" });
      }).not.toThrow();
      expect(countNodes(tree)).toBe(5000);
      // Walk down to the flattened level: maxDepth - 1 nested levels, then everything else flat.
      let level = tree;
      for (let d = 0; d < maxDepth - 1; d++) {
        expect(level).toHaveLength(1);
        expect(level[0]!.displayDepth).toBe(d);
        level = level[0]!.children;
      }
      expect(level).toHaveLength(5000 - (maxDepth - 1));
      expect(level.every((n) => n.displayDepth === maxDepth - 1 && n.children.length === 0)).toBe(true);
      expect(level.map((n) => n.comment.id)).toEqual(Array.from({ length: level.length }, (_, i) => i + maxDepth));
      expect(level[0]!.replyingTo).toBeNull();
      expect(level[1]!.replyingTo).toEqual({ id: maxDepth, name: `user${maxDepth}` });
    });

    it("a 5,000-deep chain of tombstones above one visible leaf is kept whole", () => {
      const tree = buildThread(
        chain(5000, (i) => i === 4999),
        { maxDepth: 5, order: "oldest" },
      );
      expect(countNodes(tree)).toBe(5000);
      expect(tree[0]!.tombstone).toBe(true);
    });

    it("a 5,000-deep chain with nothing visible is dropped", () => {
      expect(
        buildThread(
          chain(5000, () => false),
          { maxDepth: 5, order: "oldest" },
        ),
      ).toEqual([]);
    });
  });
});

describe("commentPages", () => {
  it("counts pages exactly, with one empty page for no comments", () => {
    expect(commentPages(5, 2, 1)).toEqual({ page: 1, pageCount: 3 });
    expect(commentPages(4, 2, 2)).toEqual({ page: 2, pageCount: 2 });
    expect(commentPages(5, 5, 1)).toEqual({ page: 1, pageCount: 1 });
    expect(commentPages(5, 100, 1)).toEqual({ page: 1, pageCount: 1 });
    expect(commentPages(0, 50, 1)).toEqual({ page: 1, pageCount: 1 });
  });

  it("clamps requested pages into range, truncates fractions, and reads NaN as page 1", () => {
    expect(commentPages(5, 2, 0).page).toBe(1);
    expect(commentPages(5, 2, -4).page).toBe(1);
    expect(commentPages(5, 2, 99).page).toBe(3);
    expect(commentPages(5, 2, 2.9).page).toBe(2);
    expect(commentPages(5, 2, Number.NaN).page).toBe(1);
  });
});

describe("pageOfThread", () => {
  it("puts a thread on the page its position falls in (permalink → page)", () => {
    expect(pageOfThread(0, 50)).toBe(1);
    expect(pageOfThread(49, 50)).toBe(1);
    expect(pageOfThread(50, 50)).toBe(2);
    expect(pageOfThread(7, 3)).toBe(3);
  });
});

describe("countNodes", () => {
  it("counts every node, tombstones included", () => {
    const rows = comments([
      { id: 1, visible: false },
      { id: 2, parent: 1 },
      { id: 3, parent: 2 },
      { id: 4 },
      { id: 5, parent: 4, visible: false },
    ]);
    const tree = buildThread(rows, { maxDepth: 5, order: "oldest" });
    expect(countNodes(tree)).toBe(4); // 1 (tombstone), 2, 3, 4; hidden leaf 5 is not in the tree
  });

  it("is zero for an empty tree", () => {
    expect(countNodes([])).toBe(0);
  });
});
