import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { freshDatabase, type FreshDatabase } from "../support/test-db";

// The real posting path (postCommentAction in lib/comments/actions.ts) and the real moderation
// write, on a real database. Only the framework's request plumbing is replaced: the request's
// headers and cookies, cache expiry, `after`, and Auth.js (nobody is signed in: a guest).
const request = vi.hoisted(() => ({
  headers: new Headers({ "user-agent": "vitest" }),
  cookies: new Map<string, string>(),
}));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name) } : undefined),
    set: (name: string, value: string) => void request.cookies.set(name, value),
    delete: (name: string) => void request.cookies.delete(name),
  }),
}));
vi.mock("next/cache", () => ({ revalidateTag: () => undefined, unstable_cache: <T>(fn: T) => fn }));
vi.mock("next/server", () => ({ after: (fn: () => unknown) => void fn() }));
vi.mock("next-auth", () => ({
  default: () => ({ auth: async () => null, handlers: {}, signIn: async () => undefined, signOut: async () => undefined }),
  AuthError: class AuthError extends Error {},
}));

type Actions = typeof import("@/lib/comments/actions");
type Moderation = typeof import("@/lib/moderation/write");

describe("“previously approved”: approving a guest's first comment lets that e-mail's next ones through", () => {
  let fresh: FreshDatabase;
  let db: Db;
  let actions: Actions;
  let mod: Moderation;
  let formToken: typeof import("@/lib/comments/tokens").formToken;
  let commentSecret: () => string;
  let author = { id: "", role: "AUTHOR" as const };
  let postId = "";
  let address = 0;

  /** Posts a guest comment through the real server action, from a new address and browser. */
  const post = async (body: string, guest: { name: string; email: string }) => {
    address += 1;
    request.headers.set("x-hearth-client-ip", `203.0.113.${address}`);
    request.cookies.clear();
    const form = new FormData();
    form.set("postId", postId);
    form.set("parentId", "");
    form.set("body", body);
    form.set("name", guest.name);
    form.set("email", guest.email);
    form.set("url", "");
    // A form loaded a minute ago: a person, not a bot.
    form.set("ft", formToken(commentSecret(), Date.now() - 60_000));
    try {
      const state = await actions.postCommentAction({}, form);
      throw new Error(`expected a redirect to the new comment, got ${JSON.stringify(state)}`);
    } catch (error) {
      // Without JavaScript the action ends with a 303 to the permalink (next/navigation's redirect).
      if (!String((error as { digest?: string }).digest ?? "").startsWith("NEXT_REDIRECT")) throw error;
    }
    const row = await db.comment.findFirstOrThrow({ where: { postId, bodyMarkdown: body } });
    return { id: row.id, status: row.status };
  };

  beforeAll(async () => {
    fresh = await freshDatabase();
    db = fresh.db;
    actions = await import("@/lib/comments/actions");
    mod = await import("@/lib/moderation/write");
    ({ formToken } = await import("@/lib/comments/tokens"));
    ({ commentSecret } = await import("@/lib/comments/viewer"));
    const user = await db.user.create({ data: { name: "Ada", handle: "ada", email: "ada@example.org", role: "AUTHOR" } });
    author = { id: user.id, role: "AUTHOR" };
    postId = (
      await db.post.create({
        data: {
          slug: "kitchen",
          title: "Kitchen",
          bodyMarkdown: "x",
          bodyHtml: "<p>x</p>",
          status: "PUBLISHED",
          publishedAt: new Date(Date.now() - 60_000),
          authorId: user.id,
        },
      })
    ).id;
  });

  afterAll(async () => {
    await fresh?.cleanup();
  });

  it("holds the first comment, then approves the next one from the same e-mail once the first was approved", async () => {
    const jo = { name: "Jo", email: "jo@example.org" };
    const first = await post("My first thought.", jo);
    expect(first.status).toBe("PENDING");

    // Before approval, a second comment from the same e-mail waits too.
    const early = await post("Still waiting?", jo);
    expect(early.status).toBe("PENDING");

    expect(await mod.moderateComments(db, author, [first.id], "approve")).toMatchObject({ ok: true, changed: 1 });

    // The e-mail is compared as the form normalizes it (trimmed, lower case).
    const second = await post("A second thought.", { name: "Jo", email: "  JO@Example.org " });
    expect(second.status).toBe("APPROVED");
    expect((await db.post.findUniqueOrThrow({ where: { id: postId } })).commentCount).toBe(2);

    // Another guest is still held on their first comment.
    expect((await post("Hello from someone new.", { name: "Kim", email: "kim@example.org" })).status).toBe("PENDING");
  });

  it("stops letting the e-mail through when its approved comments are unapproved again", async () => {
    const sam = { name: "Sam", email: "sam@example.org" };
    const first = await post("Sam's first.", sam);
    await mod.moderateComments(db, author, [first.id], "approve");
    expect((await post("Sam's second.", sam)).status).toBe("APPROVED");
    const approved = await db.comment.findMany({ where: { guestEmail: sam.email, status: "APPROVED" }, select: { id: true } });
    await mod.moderateComments(
      db,
      author,
      approved.map((c) => c.id),
      "spam",
    );
    expect((await post("Sam's third.", sam)).status).toBe("PENDING");
  });
});
