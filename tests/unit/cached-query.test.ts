/**
 * A cached query must never keep a result read before a write once that write expired its tags.
 * Next's unstable_cache stamps an entry when it is stored, not when its read began, so the
 * stand-in below stores the way Next does: by key, whenever the read resolves. What is under
 * test is lib/cache/query.ts: the generation of the tags in the key.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";

const store = new Map<string, unknown>();
vi.mock("next/cache", () => ({
  unstable_cache:
    <A extends unknown[], R>(read: (...args: A) => Promise<R>, keyParts: string[]) =>
    async (...args: A): Promise<R> => {
      const key = JSON.stringify([keyParts, args]);
      if (store.has(key)) return store.get(key) as R;
      const result = await read(...args);
      store.set(key, result);
      return result;
    },
}));

const { advanceTagGenerations, cachedQuery, tagGenerationKey } = await import("@/lib/cache/query");

/** A row whose reads can be held open, so a write lands while one is in flight. */
function slowRow() {
  let value = 4;
  const pending: (() => void)[] = [];
  return {
    write: (v: number) => (value = v),
    read: (_slug: string) => {
      const seen = value;
      return new Promise<number>((resolve) => pending.push(() => resolve(seen)));
    },
    release: () => pending.splice(0).forEach((go) => go()),
  };
}

describe("cachedQuery", () => {
  beforeEach(() => store.clear());

  it("does not serve a read that began before a write the expiry was for", async () => {
    const row = slowRow();
    const count = cachedQuery(row.read, ["count"], { tags: ["posts", "post:a"] });

    const early = count("a"); // began before the write: sees 4
    row.write(5);
    advanceTagGenerations(["post:a"]); // the write expires its tags (lib/cache/revalidate.ts)
    row.release();
    expect(await early).toBe(4); // stored late, as Next stores it

    const after = count("a");
    row.release();
    expect(await after).toBe(5);
  });

  it("keeps serving what is cached until one of its tags is expired", async () => {
    const row = slowRow();
    const count = cachedQuery(row.read, ["count-kept"], { tags: ["post:b"] });
    const first = count("b");
    row.release();
    expect(await first).toBe(4);

    row.write(5);
    advanceTagGenerations(["post:other", "users"]);
    expect(await count("b")).toBe(4);
    advanceTagGenerations(["post:b"]);
    const fresh = count("b");
    row.release();
    expect(await fresh).toBe(5);
  });

  it("names each tag's generation in the key", () => {
    const before = tagGenerationKey(["settings", "post:c"]);
    advanceTagGenerations(["post:c", "post:c"]);
    const [settings, post] = tagGenerationKey(["settings", "post:c"]).split(".").map(Number);
    expect(settings).toBe(Number(before.split(".")[0]));
    expect(post).toBe(Number(before.split(".")[1]) + 2);
  });
});
