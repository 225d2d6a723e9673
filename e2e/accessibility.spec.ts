/**
 * Accessibility (README "Accessibility"): every page kind passes axe-core's WCAG 2.1 A/AA rules
 * with no violation, in the light and the dark color scheme; the thread's controls name what they
 * act on and can be reached and used from the keyboard alone.
 */
import type { Browser, BrowserContext, Locator, Page } from "@playwright/test";
import { test, expect } from "./support/fixtures";
import { baseURL } from "../playwright.config";
import { expectAccessible } from "./support/axe";
import { commentCard, commentItem, newVisitor } from "./support/comments";
import { sessionCookie } from "./support/session";
import type { TestData, UserRecord } from "./support/data";
import { richEssayMarkdown } from "./support/data";
import { insertComment } from "../lib/comments/write";

/** A browser signed in as `user` (a session cookie, as a password sign-in sets it). */
async function signedIn(browser: Browser, user: UserRecord, address: string): Promise<BrowserContext> {
  const context = await newVisitor(browser, address);
  await context.addCookies([
    { name: "authjs.session-token", value: (await sessionCookie(user)).split("=")[1] ?? "", url: baseURL },
  ]);
  return context;
}

/** A control's text as seen on screen (its visually hidden part left out). */
function seenText(control: Locator): Promise<string> {
  return control.evaluate((el) =>
    [...el.childNodes]
      .filter((n) => !(n instanceof Element && n.classList.contains("sr-only")))
      .map((n) => n.textContent ?? "")
      .join("")
      .trim(),
  );
}

async function open(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
}

/** An essay with a conversation: a reply, likes (so "Liked by" shows), tags, and code. */
async function essayWithThread(data: TestData) {
  const author = await data.author({ name: `Ada Access ${data.run}`, bio: "Writes about fire." });
  const reader = await data.user({ name: `Bea Reader ${data.run}` });
  const liker = await data.user({ name: `Cal Liker ${data.run}` });
  const tag = `a11y${data.run}`;
  const essay = await data.essay({
    author,
    title: `Open to all ${data.run}`,
    bodyMarkdown: richEssayMarkdown("access"),
    tags: [tag],
  });
  const top = await data.comment({ essay, author: reader, body: "A first thought, with a [link](https://example.com/)." });
  const reply = await data.comment({ essay, parent: top, author, body: "And an *answer* from the author." });
  const guest = await data.comment({
    essay,
    guest: { name: `Dot Guest ${data.run}`, url: "https://example.org/" },
    body: "A guest's note.",
  });
  await data.like(top, liker);
  await data.like(top, author);
  await data.like(reply, reader);
  return { author, reader, liker, tag, essay, top, reply, guest };
}

test("every page an anonymous reader sees passes axe, light and dark", async ({ page, data }) => {
  // Sixteen full axe runs (eight pages, light and dark): on a slow two-core machine they outlast
  // the 60 s a test usually gets, without anything being wrong.
  test.slow();
  const t = await essayWithThread(data);
  // A second essay with more top-level comments than a page holds (50 by default): page 2.
  const long = await data.essay({ author: t.author, title: `Many voices ${data.run}` });
  const start = Date.now() - 60 * 60_000;
  for (let i = 0; i < 52; i++) {
    await data.comment({
      essay: long,
      guest: { name: `Voice ${i}` },
      body: `Voice number ${i}.`,
      createdAt: new Date(start + i * 1000),
    });
  }
  await data.publish();

  await open(page, "/");
  await expectAccessible(page, "home");

  await open(page, `/posts/${t.essay.slug}`);
  await commentCard(page, t.top.id).locator("details > summary").click();
  await expect(commentCard(page, t.top.id).getByRole("list", { name: "People who liked this comment" })).toBeVisible();
  await expectAccessible(page, "essay with a thread");

  await open(page, `/posts/${long.slug}/comment-page/2`);
  await expectAccessible(page, "comment page 2");

  await open(page, `/tags/${t.tag}`);
  await expectAccessible(page, "tag page");

  await open(page, `/authors/${t.author.handle}`);
  await expectAccessible(page, "author page");

  await open(page, `/search?q=${encodeURIComponent("Open to all")}`);
  await expectAccessible(page, "search results");

  await open(page, "/signin");
  await expectAccessible(page, "sign-in");

  await open(page, "/signup");
  await expectAccessible(page, "sign-up");
});

test("every page a signed-in admin and author sees passes axe, light and dark", async ({ browser, data }) => {
  // Sixteen full axe runs (eight pages, light and dark): on a slow two-core machine they outlast
  // the 60 s a test usually gets, without anything being wrong.
  test.slow();
  const t = await essayWithThread(data);
  const admin = await data.user({ role: "ADMIN", name: `Ida Admin ${data.run}` });
  const adminsEssay = await data.essay({ author: admin, title: `Admin's own ${data.run}` });
  const own = await data.comment({ essay: t.essay, author: admin, body: "What the admin asked." });
  await data.comment({ essay: t.essay, parent: own, author: t.reader, body: "An answer to the admin." });
  await insertComment(data.db, {
    postId: adminsEssay.id,
    parentId: null,
    guest: { name: `Held Guest ${data.run}`, email: data.email("held") },
    bodyMarkdown: "Held for moderation.",
    status: "PENDING",
  });
  await data.publish();

  const context = await signedIn(browser, admin, "198.51.100.121");
  const page = await context.newPage();

  await open(page, `/posts/${t.essay.slug}`);
  await expect(commentCard(page, t.top.id).getByRole("button", { name: /^Like / })).toBeVisible();
  await expectAccessible(page, "essay, signed in");

  await open(page, `/posts/${t.essay.slug}?replyto=${t.top.id}#respond`);
  await expectAccessible(page, "essay with a reply form");

  await open(page, "/account");
  await expectAccessible(page, "account");

  await open(page, "/account/replies");
  await expect(page.getByRole("heading", { level: 1, name: "Replies to you" })).toBeVisible();
  await expectAccessible(page, "replies to you");

  await open(page, "/dashboard");
  await expectAccessible(page, "dashboard");

  await open(page, "/dashboard/posts/new");
  await expectAccessible(page, "editor (new essay)");

  await open(page, "/dashboard/comments");
  await expectAccessible(page, "moderation queue");

  await open(page, "/dashboard/settings");
  await expectAccessible(page, "site settings");

  await context.close();
});

/** The focused element's outline, as drawn: a keyboard user must see where they are. */
async function focusRing(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return "nothing focused";
    const style = getComputedStyle(el);
    return `${style.outlineStyle} ${style.outlineWidth}`;
  });
}

test.describe("the thread from the keyboard", () => {
  test("Like buttons name the comment they like, with and without JavaScript", async ({ page, browser, data }) => {
    const t = await essayWithThread(data);
    await data.publish();
    // Anonymous: the plain HTML form (no script runs).
    await open(page, `/posts/${t.essay.slug}`);
    const anonymous = commentCard(page, t.top.id).getByRole("button", { name: `Like ${t.reader.name}’s comment`, exact: true });
    await expect(anonymous).toBeVisible();
    expect(await seenText(anonymous)).toBe("☆ Like");
    await expect(anonymous).toHaveAttribute("aria-pressed", "false");
    const guestCard = commentCard(page, t.guest.id);
    await expect(guestCard.getByRole("button", { name: `Like Dot Guest ${data.run}’s comment`, exact: true })).toBeVisible();

    // Signed in: the client component, named the same, pressed when liked.
    const liker = await data.user({ name: `Eve Keys ${data.run}` });
    const context = await signedIn(browser, liker, "198.51.100.122");
    const signedInPage = await context.newPage();
    await open(signedInPage, `/posts/${t.essay.slug}`);
    const card = commentCard(signedInPage, t.reply.id);
    await card.getByRole("button", { name: `Like ${t.author.name}’s comment`, exact: true }).click();
    const liked = card.getByRole("button", { name: `Liked ${t.author.name}’s comment`, exact: true });
    await expect(liked).toHaveAttribute("aria-pressed", "true");
    expect(await seenText(liked)).toBe("★ Liked");
    await context.close();
  });

  test("a reader tabs through a comment's controls, likes it and replies to it without a mouse", async ({ browser, data }) => {
    const t = await essayWithThread(data);
    await data.publish();
    const me = await data.user({ name: `Kit Keyboard ${data.run}` });
    const context = await signedIn(browser, me, "198.51.100.123");
    const page = await context.newPage();
    await open(page, `/posts/${t.essay.slug}`);
    const card = commentCard(page, t.top.id);

    // From the comment's author, Tab visits its controls in reading order, each with a ring.
    const order = [
      card.getByRole("link", { name: t.reader.name, exact: true }),
      card.locator("a.thread-date"),
      card.getByRole("link", { name: "link", exact: true }),
      card.getByRole("button", { name: `Like ${t.reader.name}’s comment`, exact: true }),
      card.getByText("Liked by 2 people", { exact: true }),
      card.getByRole("link", { name: `Reply to ${t.reader.name}`, exact: true }),
      card.getByRole("link", { name: `Report the comment by ${t.reader.name}`, exact: true }),
    ];
    await order[0]!.focus();
    for (const control of order.slice(1)) {
      await page.keyboard.press("Tab");
      await expect(control).toBeFocused();
      expect(await focusRing(page)).toBe("solid 2px");
    }
    // The next Tab leaves this comment for its reply's author.
    await page.keyboard.press("Tab");
    await expect(commentCard(page, t.reply.id).getByRole("link", { name: t.author.name, exact: true })).toBeFocused();

    // Back to Like (Shift+Tab ×4), pressed with the space bar: liked, and the focus stays.
    for (let i = 0; i < 4; i++) await page.keyboard.press("Shift+Tab");
    const like = card.getByRole("button", { name: /^Liked? .+’s comment$/ });
    await expect(like).toBeFocused();
    await page.keyboard.press("Space");
    await expect(like).toHaveAttribute("aria-pressed", "true");
    await expect(card.getByText("Liked by 3 people", { exact: true })).toBeVisible();
    await expect.poll(() => data.db.commentLike.count({ where: { commentId: t.top.id, userId: me.id } })).toBe(1);
    await expect(like).toBeFocused();

    // Reply with Enter: the reply form opens under the comment; Tab reaches its field.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(card.getByRole("link", { name: `Reply to ${t.reader.name}`, exact: true })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`replyto=${t.top.id}#respond$`));
    const form = page.locator("section#respond");
    await expect(form.getByRole("heading", { name: `Reply to ${t.reader.name}` })).toBeVisible();
    const field = form.getByLabel("Comment", { exact: true });
    // Tab from the form's start: Cancel reply, then the comment field.
    await page.keyboard.press("Tab");
    await expect(form.getByRole("link", { name: "Cancel reply" })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(field).toBeFocused();
    await page.keyboard.type("Typed without a mouse.");
    // Then on to "Post comment", and Enter sends it.
    const post = form.getByRole("button", { name: "Post comment", exact: true });
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press("Tab");
      if (await post.evaluate((el) => el === document.activeElement)) break;
    }
    await expect(post).toBeFocused();
    await page.keyboard.press("Enter");
    await page.waitForURL(/#comment-\d+$/);
    const id = Number(/#comment-(\d+)$/.exec(page.url())?.[1]);
    await expect(commentItem(commentItem(page, t.top.id), id)).toContainText("Typed without a mouse.");
    await context.close();
  });
});
