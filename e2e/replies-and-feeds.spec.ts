/** "Replies to me" for signed-in readers, and the comment feeds (per essay and site-wide). */
import { test, expect } from "./support/fixtures";
import { baseURL } from "../playwright.config";
import { newVisitor } from "./support/comments";
import { sessionCookie } from "./support/session";
import { child, childrenNamed, parseXml, textOf } from "../tests/support/xml";

test("a reader finds the replies to their comments on their account, and opens one", async ({ browser, data }) => {
  const author = await data.author();
  const me = await data.user({ name: `Asked ${data.unique()}` });
  const other = await data.user({ name: `Answerer ${data.unique()}` });
  const essay = await data.essay({ author, title: `Replies Hearth ${data.unique()}` });
  const mine = await data.comment({ essay, author: me, body: "What wood burns longest?" });
  const reply = await data.comment({ essay, parent: mine, author: other, body: "Oak, *always* oak." });
  // My own reply to myself is not a reply to me.
  await data.comment({ essay, parent: mine, author: me, body: "Talking to myself here." });
  await data.publish();

  const context = await newVisitor(browser, "198.51.100.81", { javaScriptEnabled: false });
  await context.addCookies([{ name: "authjs.session-token", value: (await sessionCookie(me)).split("=")[1] ?? "", url: baseURL }]);
  const page = await context.newPage();
  await page.goto("/account");
  await page.getByRole("link", { name: "replies to you" }).click();
  await expect(page).toHaveURL(/\/account\/replies$/);
  await expect(page.getByRole("heading", { level: 1, name: "Replies to you" })).toBeVisible();
  await expect(page.getByText("1 reply to your comments, newest first.")).toBeVisible();
  const item = page.getByRole("list", { name: "Replies" }).getByRole("listitem");
  await expect(item).toHaveCount(1);
  await expect(item).toContainText(`${other.name} replied on ${essay.title}`);
  await expect(item).toContainText("To your comment: “What wood burns longest?”");
  await expect(item.locator("em")).toHaveText("always");
  await item.getByRole("link", { name: "Open the reply" }).click();
  await expect(page).toHaveURL(new RegExp(`/posts/${essay.slug}(\\?.*)?#comment-${reply.id}$`));
  await expect(page.locator(`#comment-${reply.id}`)).toContainText("Oak, always oak.");
  await context.close();
});

test("signed out, the replies page asks to sign in first", async ({ page }) => {
  await page.goto("/account/replies");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Faccount%2Freplies$/);
});

test("an essay links its comment feed; the essay's and the site's comment feeds list approved comments only, newest first", async ({
  page,
  request,
  data,
}) => {
  const author = await data.author();
  const writer = await data.user({ name: `Feed Writer ${data.unique()}` });
  const essay = await data.essay({ author, title: `Comment Feed ${data.unique()}` });
  const older = await data.comment({ essay, author: writer, body: "First & foremost <b>plain</b>.", createdAt: new Date(Date.now() - 60_000) });
  const newer = await data.comment({ essay, guest: { name: "A Guest" }, body: "Second, by a *guest*." });
  const held = await data.db.comment.create({
    data: { postId: essay.id, guestName: "Held Back", guestEmail: "held@e2e.example", bodyMarkdown: "held", bodyHtml: "<p>held</p>", status: "PENDING" },
  });
  await data.publish();

  await page.goto(`/posts/${essay.slug}`);
  const link = page.locator(`link[rel="alternate"][type="application/atom+xml"][href$="/posts/${essay.slug}/comments.xml"]`);
  await expect(link).toHaveCount(1);
  await expect(link).toHaveAttribute("title", `Comments on “${essay.title}”`);

  const perEssay = await request.get(`/posts/${essay.slug}/comments.xml`);
  expect(perEssay.status()).toBe(200);
  expect(perEssay.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
  expect(perEssay.headers()["cache-tag"]).toContain(`essay:${essay.slug}`);
  const feed = parseXml(await perEssay.text());
  expect(textOf(child(feed, "title"))).toBe(`Comments on “${essay.title}”`);
  const entries = childrenNamed(feed, "entry");
  expect(entries.map((e) => textOf(child(e, "id")))).toEqual([`${baseURL}/comments/${newer.id}`, `${baseURL}/comments/${older.id}`]);
  expect(textOf(child(entries[0]!, "title"))).toBe(`A Guest on “${essay.title}”`);
  // The comment's sanitized HTML, escaped once more as the feed's text: the tag the writer typed stays text.
  expect(textOf(child(entries[1]!, "content"))).toBe("<p>First &#x26; foremost &#x3C;b>plain&#x3C;/b>.</p>");
  expect(await perEssay.text()).not.toContain(`/comments/${held.id}<`);

  const site = await request.get("/feed/comments.xml");
  expect(site.status()).toBe(200);
  const siteIds = childrenNamed(parseXml(await site.text()), "entry").map((e) => textOf(child(e, "id")));
  expect(siteIds).toContain(`${baseURL}/comments/${newer.id}`);
  expect(siteIds).not.toContain(`${baseURL}/comments/${held.id}`);

  const missing = await request.get(`/posts/no-such-essay-${data.unique()}/comments.xml`);
  expect(missing.status()).toBe(404);
});
