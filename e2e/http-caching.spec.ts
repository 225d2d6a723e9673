/**
 * Standard HTTP caching of reading pages (docs/decisions/017-http-caching.md): the copy anonymous
 * readers share says so in its headers and any cache obeying them is right; a viewer's copy of the
 * same route is private; a write purges the shared copies it changes before its author moves on.
 */
import { test, expect } from "./support/fixtures";
import { baseURL } from "../playwright.config";
import { commentCard, likeButton, likedBy, newVisitor } from "./support/comments";
import { sessionCookie } from "./support/session";
import { expectSignedInAs } from "./support/accounts";

test("an anonymous essay is a shared page: s-maxage, a cache tag naming it, Vary: Cookie, and an ETag that answers 304", async ({
  playwright,
  data,
}) => {
  const author = await data.author();
  const essay = await data.essay({ author, title: `Cached Hearth ${data.unique()}` });
  await data.publish();
  const anonymous = await playwright.request.newContext({ baseURL });
  const path = `/posts/${essay.slug}`;

  const first = await anonymous.get(path);
  expect(first.status()).toBe(200);
  const headers = first.headers();
  expect(headers["cache-control"]).toBe("public, max-age=0, s-maxage=3600, stale-while-revalidate=60");
  expect(headers["cache-tag"]!.split(" ")).toEqual(expect.arrayContaining([`essay:${essay.slug}`, "essays", "site"]));
  expect(headers["vary"]).toMatch(/\bCookie\b/);
  expect(headers["etag"]).toMatch(/^W\/"[\w-]+"$/);
  expect(headers["x-cache"]).toBe("MISS");

  const second = await anonymous.get(path);
  expect(second.headers()["x-cache"]).toBe("HIT");
  expect(second.headers()["etag"]).toBe(headers["etag"]);
  expect(await second.text()).toBe(await first.text());

  const unchanged = await anonymous.get(path, { headers: { "If-None-Match": headers["etag"]! } });
  expect(unchanged.status()).toBe(304);
  expect(await unchanged.body()).toHaveLength(0);

  // A viewer parameter (here an order of one's own) makes the page the reader's own.
  const ordered = await anonymous.get(`${path}?order=newest`);
  expect(ordered.headers()["cache-control"]).toBe("private, no-store");
  expect(ordered.headers()["cache-tag"]).toBeUndefined();

  // The listing pages are shared too, under their own key.
  const home = await anonymous.get("/");
  expect(home.headers()["cache-tag"]!.split(" ")).toContain("listing");
  await anonymous.dispose();
});

test("a signed-in reader gets the same address rendered for them, private, while the shared copy stays anonymous", async ({
  browser,
  playwright,
  data,
}) => {
  const author = await data.author();
  const reader = await data.user({ name: `Private Reader ${data.unique()}` });
  const essay = await data.essay({ author, title: `One Route ${data.unique()}` });
  await data.publish();
  const anonymous = await playwright.request.newContext({ baseURL });
  await anonymous.get(`/posts/${essay.slug}`);

  const context = await newVisitor(browser, "198.51.100.71");
  await context.addCookies([{ name: "authjs.session-token", value: (await sessionCookie(reader)).split("=")[1] ?? "", url: baseURL }]);
  const page = await context.newPage();
  const response = await page.goto(`/posts/${essay.slug}`);
  expect(response?.headers()["cache-control"]).toBe("private, no-store");
  expect(response?.headers()["x-cache"]).toBeUndefined();
  await expectSignedInAs(page, reader.name);

  const shared = await anonymous.get(`/posts/${essay.slug}`);
  expect(shared.headers()["x-cache"]).toBe("HIT");
  expect(await shared.text()).not.toContain(reader.name);
  await context.close();
  await anonymous.dispose();
});

test("a like purges the shared copy: the next anonymous reader sees the new count at once", async ({ browser, playwright, data }) => {
  const author = await data.author();
  const writer = await data.user({ name: `Commenter ${data.unique()}` });
  const liker = await data.user({ name: `Liker ${data.unique()}` });
  const essay = await data.essay({ author, title: `Purged Hearth ${data.unique()}` });
  const comment = await data.comment({ essay, author: writer, body: "Like me, and watch the cache." });
  await data.publish();
  const anonymous = await playwright.request.newContext({ baseURL });
  const path = `/posts/${essay.slug}`;
  await anonymous.get(path);
  const cached = await anonymous.get(path);
  expect(cached.headers()["x-cache"]).toBe("HIT");
  expect(await cached.text()).not.toContain("Liked by 1 person");

  const context = await newVisitor(browser, "198.51.100.72", { javaScriptEnabled: false });
  await context.addCookies([{ name: "authjs.session-token", value: (await sessionCookie(liker)).split("=")[1] ?? "", url: baseURL }]);
  const page = await context.newPage();
  await page.goto(path);
  await likeButton(commentCard(page, comment.id)).click();
  await expect(likedBy(commentCard(page, comment.id))).toContainText("Liked by 1 person");

  const fresh = await anonymous.get(path);
  expect(fresh.headers()["x-cache"]).toBe("MISS");
  expect(await fresh.text()).toContain("Liked by 1 person");
  await context.close();
  await anonymous.dispose();
});
