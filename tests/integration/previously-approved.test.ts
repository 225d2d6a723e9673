import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { freshDatabase, type FreshDatabase } from "../support/test-db";

// The real posting path (postCommentAction in lib/comments/actions.ts) and the real moderation
// write, on a real database. Only the framework's request plumbing is replaced: the request's
// headers and cookies, cache expiry, `after`, and Auth.js (nobody is signed in: a guest).
const request = vi.hoisted(() => ({
  headers: new Headers({ "user-agent": "vitest" }),
  /** The cookies of the browser the current request comes from. */
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

describe("“previously approved”: approving a guest's first comment lets their next ones from that browser through", () => {
  let fresh: FreshDatabase;
  let db: Db;
  let actions: Actions;
  let mod: Moderation;
  let formToken: typeof import("@/lib/comments/tokens").formToken;
  let commentSecret: () => string;
  let author = { id: "", role: "AUTHOR" as const };
  let postId = "";
  let address = 0;

  /** A browser: its own cookie jar (the signed remember-me cookie lives here). */
  const browser = () => new Map<string, string>();

  /**
   * Posts a guest comment through the real server action, from a new address, in `jar`'s
   * browser, with "Remember me" ticked unless told otherwise.
   */
  const post = async (body: string, guest: { name: string; email: string }, jar = browser(), remember = true) => {
    address += 1;
    request.headers.set("x-hearth-client-ip", `203.0.113.${address}`);
    request.cookies = jar;
    const form = new FormData();
    form.set("postId", postId);
    form.set("parentId", "");
    form.set("body", body);
    form.set("name", guest.name);
    form.set("email", guest.email);
    form.set("url", "");
    if (remember) form.set("remember", "on");
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

  it("holds the first comment, then approves the next one from the same browser once the first was approved", async () => {
    const jo = { name: "Jo", email: "jo@example.org" };
    const jos = browser();
    const first = await post("My first thought.", jo, jos);
    expect(first.status).toBe("PENDING");

    // Before approval, a second comment from the same browser waits too.
    const early = await post("Still waiting?", jo, jos);
    expect(early.status).toBe("PENDING");

    expect(await mod.moderateComments(db, author, [first.id], "approve")).toMatchObject({ ok: true, changed: 1 });

    // The e-mail is compared as the form normalizes it (trimmed, lower case).
    const second = await post("A second thought.", { name: "Jo", email: "  JO@Example.org " }, jos);
    expect(second.status).toBe("APPROVED");
    expect((await db.post.findUniqueOrThrow({ where: { id: postId } })).commentCount).toBe(2);

    // Another guest is still held on their first comment.
    expect((await post("Hello from someone new.", { name: "Kim", email: "kim@example.org" })).status).toBe("PENDING");
  });

  it("does not let someone else through by typing an approved reader's e-mail address", async () => {
    const lee = { name: "Lee", email: "lee@example.org" };
    const lees = browser();
    const first = await post("Lee's first.", lee, lees);
    await mod.moderateComments(db, author, [first.id], "approve");
    expect((await post("Lee again.", lee, lees)).status).toBe("APPROVED");

    // Another browser, the same name and address, remembered or not: held.
    expect((await post("I am Lee, honestly.", lee, browser())).status).toBe("PENDING");
    expect((await post("Still Lee.", lee, browser(), false)).status).toBe("PENDING");
    // A remember-me cookie that was edited to carry Lee's address is not Lee's.
    const mallory = browser();
    await post("Mallory's own.", { name: "Mallory", email: "mallory@example.org" }, mallory);
    const [payload, sig] = (mallory.get("hearth_commenter") ?? "").split(".");
    const edited = JSON.parse(Buffer.from(payload ?? "", "base64url").toString("utf8")) as Record<string, string>;
    mallory.set("hearth_commenter", `${Buffer.from(JSON.stringify({ ...edited, email: lee.email })).toString("base64url")}.${sig}`);
    expect((await post("Lee here, trust me.", lee, mallory)).status).toBe("PENDING");
  });

  it("asks for the remember-me cookie: a guest who does not tick it is held every time", async () => {
    const max = { name: "Max", email: "max@example.org" };
    const maxs = browser();
    const first = await post("Max's first.", max, maxs, false);
    await mod.moderateComments(db, author, [first.id], "approve");
    expect(maxs.has("hearth_commenter")).toBe(false);
    expect((await post("Max's second.", max, maxs, false)).status).toBe("PENDING");
  });

  it("stops letting the browser through when its approved comments are unapproved again", async () => {
    const sam = { name: "Sam", email: "sam@example.org" };
    const sams = browser();
    const first = await post("Sam's first.", sam, sams);
    await mod.moderateComments(db, author, [first.id], "approve");
    expect((await post("Sam's second.", sam, sams)).status).toBe("APPROVED");
    const approved = await db.comment.findMany({ where: { guestEmail: sam.email, status: "APPROVED" }, select: { id: true } });
    await mod.moderateComments(
      db,
      author,
      approved.map((c) => c.id),
      "spam",
    );
    expect((await post("Sam's third.", sam, sams)).status).toBe("PENDING");
  });

  it("refuses a guest who types the address of an account: members sign in to comment", async () => {
    await db.user.create({ data: { name: "Member", handle: "member", email: "member@example.org" } });
    request.cookies = browser();
    const form = new FormData();
    for (const [k, v] of Object.entries({ postId, parentId: "", body: "Hi", name: "M", email: "Member@Example.org", url: "" }))
      form.set(k, v);
    form.set("ft", formToken(commentSecret(), Date.now() - 60_000));
    const state = await actions.postCommentAction({}, form);
    expect(state.errors?.email).toMatch(/belongs to an account/);
    expect(state.values?.body).toBe("Hi");
    expect(await db.comment.count({ where: { bodyMarkdown: "Hi" } })).toBe(0);
  });

  it("expires a form rendered more than a day ago: the comment comes back with a fresh form, nothing saved", async () => {
    request.cookies = browser();
    const form = new FormData();
    for (const [k, v] of Object.entries({ postId, parentId: "", body: "Old tab", name: "Ola", email: "ola@example.org", url: "" }))
      form.set(k, v);
    const stale = formToken(commentSecret(), Date.now() - 25 * 3_600_000);
    form.set("ft", stale);
    const state = await actions.postCommentAction({}, form);
    expect(state.message).toMatch(/open for more than a day/);
    expect(state.values?.body).toBe("Old tab");
    expect(state.values?.ft).toBeDefined();
    expect(state.values?.ft).not.toBe(stale);
    expect(await db.comment.count({ where: { bodyMarkdown: "Old tab" } })).toBe(0);
  });
});
