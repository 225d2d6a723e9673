/**
 * Writing, the way an author does it: a draft that saves itself, the live and private previews,
 * publishing, scheduling (the essay appears on its own, without a restart), slug changes that
 * keep old links working, deleting, importing Markdown files, and who may do any of it.
 * Every test browses from its own made-up address: 198.51.100.201–230.
 */
import type { APIResponse, Browser, BrowserContext, Page } from "@playwright/test";
import { test, expect } from "./support/fixtures";
import { signIn, strongPassword } from "./support/accounts";
import { newVisitor } from "./support/comments";
import type { TestData, UserRecord } from "./support/data";

const editorForm = (page: Page) => page.getByRole("form", { name: "Essay" });
const saveStatus = (page: Page) => page.getByTestId("save-status");

/** A 1×1 PNG, as an encoder writes it. */
const TINY_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);
const NOT_AN_IMAGE = "That file is not a PNG, JPEG, GIF or WebP image.";

async function authorWithPassword(data: TestData, name: string): Promise<UserRecord> {
  return data.user({ role: "AUTHOR", name: `${name} ${data.unique()}`, password: strongPassword(data.unique()) });
}

/** A signed-in browser for `user`, browsing from `address`. */
async function signedIn(
  browser: Browser,
  address: string,
  user: UserRecord,
  landing = "/dashboard",
): Promise<[BrowserContext, Page]> {
  const context = await newVisitor(browser, address);
  const page = await context.newPage();
  await signIn(page, user, landing);
  return [context, page];
}

/** An anonymous reader's view of a page's HTML (what the cache serves). */
async function anonymousHtml(browser: Browser, address: string, path: string): Promise<string> {
  const context = await newVisitor(browser, address);
  try {
    const response = await context.request.get(path);
    return await response.text();
  } finally {
    await context.close();
  }
}

test("an author writes a draft that autosaves, previews it, publishes it, and readers get it on the home page and in the feed", async ({
  browser,
  data,
}) => {
  const author = await authorWithPassword(data, "Wren Author");
  const [context, page] = await signedIn(browser, "198.51.100.201", author);
  const title = `Notes From The Pantry ${data.unique()}`;

  await page.getByRole("link", { name: "New post" }).click();
  await expect(page).toHaveURL("/dashboard/posts/new");
  const form = editorForm(page);
  await form.getByLabel("Title").fill(title);
  // The address is suggested from the title as it is typed.
  await expect(form.getByLabel("Address (slug)")).toHaveValue(title.toLowerCase().replace(/ /g, "-"));
  await form.getByLabel("Essay (Markdown)").fill("The shelves hold **jars** of summer.\n\n## Jams\n\nApricot first.");
  await form.getByLabel("Tags").fill("pantry, Seasons");

  // Autosave creates the post and moves the address to its edit page.
  await expect(saveStatus(page)).toHaveText(/^Saved at \d{1,2}:\d{2}/, { timeout: 20_000 });
  await expect(page).toHaveURL(/\/dashboard\/posts\/[^/]+\/edit$/);
  const editUrl = new URL(page.url()).pathname;
  const postId = editUrl.split("/")[3]!;
  // The excerpt field, left empty, shows the one made from the body.
  await expect(page.getByTestId("suggested-excerpt")).toContainText("The shelves hold jars of summer.");

  await page.reload();
  await expect(editorForm(page).getByLabel("Title")).toHaveValue(title);
  await expect(editorForm(page).getByLabel("Essay (Markdown)")).toHaveValue(/jars\*\* of summer/);
  // Tags come back in alphabetical order.
  await expect(editorForm(page).getByLabel("Tags")).toHaveValue("pantry, Seasons");
  await expect(page.getByTestId("post-status")).toHaveText("Draft");
  await expect(page.getByTestId("suggested-excerpt")).toContainText("The shelves hold jars of summer.");

  // Live preview, rendered by the essay pipeline (heading anchors included).
  await page.getByRole("tab", { name: "Preview" }).click();
  const live = page.getByTestId("live-preview");
  await expect(live.locator("strong")).toHaveText("jars");
  await expect(live.locator("h2#jams")).toBeVisible();
  await page.getByRole("tab", { name: "Write" }).click();

  // Nobody else sees a draft.
  const before = await anonymousHtml(browser, "198.51.100.202", "/");
  expect(before).not.toContain(title);

  // The private preview shows the essay as readers will see it, and is not for search engines.
  await page.goto(`/dashboard/posts/${postId}/preview`);
  await expect(page.getByRole("note", { name: "Preview" })).toContainText("Preview of a draft");
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.locator("article h2#jams")).toBeVisible();
  await expect(page.locator("article").getByRole("link", { name: "Seasons" })).toBeVisible();
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);

  // Publish.
  await page.goto(editUrl);
  await editorForm(page).getByRole("button", { name: "Publish now" }).click();
  await expect(page).toHaveURL(`${editUrl}?notice=published`);
  await expect(page.getByRole("status").filter({ hasText: "Published. Readers can see it now." })).toBeVisible();
  await expect(page.getByTestId("post-status")).toHaveText("Published");
  const slug = await editorForm(page).getByLabel("Address (slug)").inputValue();

  // Anonymous readers: home page, the essay, the feed.
  const home = await anonymousHtml(browser, "198.51.100.202", "/");
  expect(home).toContain(title);
  const essay = await anonymousHtml(browser, "198.51.100.202", `/posts/${slug}`);
  expect(essay).toContain("Apricot first.");
  const feed = await anonymousHtml(browser, "198.51.100.202", "/feed.xml");
  expect(feed).toContain(title);

  // The dashboard lists it as published.
  await page.goto("/dashboard?status=published");
  await expect(page.getByRole("list", { name: "Posts" }).getByRole("listitem", { name: title })).toContainText("Published");
  await context.close();
});

test("a post scheduled a minute ahead appears on the home page, feed, tag and author pages on its own", async ({
  browser,
  data,
}) => {
  test.setTimeout(240_000);
  const author = await authorWithPassword(data, "Ash Scheduler");
  const [context, page] = await signedIn(browser, "198.51.100.205", author, "/dashboard/posts/new");
  const title = `Letters From Tomorrow ${data.unique()}`;
  const tag = `later-${data.unique()}`;

  const form = editorForm(page);
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Essay (Markdown)").fill("Written today, read a minute from now.");
  await form.getByLabel("Tags").fill(tag);
  // A whole minute at least 40 s from now, in the browser's own time zone.
  const target = Math.ceil((Date.now() + 40_000) / 60_000) * 60_000;
  const local = await page.evaluate((ms) => {
    const d = new Date(ms);
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }, target);
  await form.getByLabel("Schedule for").fill(local);
  await form.getByRole("button", { name: "Schedule", exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard\/posts\/[^/]+\/edit\?notice=scheduled$/);
  await expect(page.getByTestId("post-status")).toHaveText("Scheduled");
  await expect(editorForm(page).getByLabel("Reschedule for")).toHaveValue(local);
  const slug = await editorForm(page).getByLabel("Address (slug)").inputValue();

  // Not yet: and these visits put the pages without it into the caches.
  const address = "198.51.100.206";
  expect(Date.now()).toBeLessThan(target);
  for (const path of ["/", "/feed.xml", `/tags/${tag}`, `/authors/${author.handle}`, "/sitemap.xml"]) {
    expect(await anonymousHtml(browser, address, path), path).not.toContain(slug);
  }
  expect((await (await newVisitor(browser, address)).request.get(`/posts/${slug}`)).status()).toBe(404);

  // After its time, with no restart and no other write.
  await page.waitForTimeout(Math.max(0, target - Date.now()));
  await expect
    .poll(async () => (await anonymousHtml(browser, address, "/")).includes(title), { timeout: 30_000, intervals: [1_000] })
    .toBe(true);
  for (const path of ["/feed.xml", `/tags/${tag}`, `/authors/${author.handle}`, "/sitemap.xml", `/posts/${slug}`]) {
    expect(await anonymousHtml(browser, address, path), path).toContain(
      path === "/feed.xml" || path.startsWith("/posts") ? title : slug,
    );
  }
  await page.goto("/dashboard");
  await expect(page.getByRole("listitem", { name: title })).toContainText("Published");
  await context.close();
});

test("changing a published essay's slug keeps the old address as a permanent redirect", async ({ browser, data }) => {
  const author = await authorWithPassword(data, "Rowan Renamer");
  const oldSlug = `first-name-${data.unique()}`;
  const essay = await data.essay({ author, title: `Renamed Essay ${data.unique()}`, slug: oldSlug });
  await data.publish();
  const [context, page] = await signedIn(browser, "198.51.100.208", author, `/dashboard/posts/${essay.id}/edit`);

  const newSlug = `second-name-${data.unique()}`;
  await editorForm(page).getByLabel("Address (slug)").fill(newSlug);
  await editorForm(page).getByRole("button", { name: "Update" }).click();
  await expect(page).toHaveURL(`/dashboard/posts/${essay.id}/edit?notice=saved`);

  const visitor = await newVisitor(browser, "198.51.100.209");
  // Next 16.4 repeats the Location header (same value) on the first, uncached render of a
  // redirect; server.mjs sends it once (other clients would join the two into one broken URL).
  const locations = (response: APIResponse) =>
    response
      .headersArray()
      .filter((h) => h.name.toLowerCase() === "location")
      .map((h) => new URL(h.value, "http://x").pathname);
  for (let visit = 1; visit <= 2; visit++) {
    const moved = await visitor.request.get(`/posts/${oldSlug}`, { maxRedirects: 0 });
    expect(moved.status()).toBe(308);
    expect(locations(moved)).toEqual([`/posts/${newSlug}`]);
  }
  const commentPage = await visitor.request.get(`/posts/${oldSlug}/comment-page/2`, { maxRedirects: 0 });
  expect(commentPage.status()).toBe(308);
  expect(locations(commentPage)).toEqual([`/posts/${newSlug}/comment-page/2`]);
  expect((await visitor.request.get(`/posts/${newSlug}`)).status()).toBe(200);
  const anonymous = await visitor.newPage();
  await anonymous.goto(`/posts/${oldSlug}`);
  await expect(anonymous).toHaveURL(`/posts/${newSlug}`);
  await expect(anonymous.getByRole("heading", { level: 1, name: essay.title })).toBeVisible();
  await visitor.close();

  // Signed in (the per-viewer twin of the page), the browser lands on the new address too.
  await page.goto(`/posts/${oldSlug}`);
  await expect(page).toHaveURL(`/posts/${newSlug}`);
  await expect(page.getByRole("heading", { level: 1, name: essay.title })).toBeVisible();

  // Another post cannot take the old address.
  await page.goto("/dashboard/posts/new");
  await editorForm(page).getByLabel("Title").fill("Squatter");
  await editorForm(page).getByLabel("Address (slug)").fill(oldSlug);
  await editorForm(page).getByRole("button", { name: "Save draft" }).click();
  await expect(editorForm(page).getByText("That address is already used by another post.")).toBeVisible();
  await expect(editorForm(page).getByLabel("Title")).toHaveValue("Squatter");
  await context.close();
});

test("readers cannot open the dashboard; signed-out visitors are sent to sign in", async ({ browser, data }) => {
  const visitor = await newVisitor(browser, "198.51.100.211");
  const anon = await visitor.newPage();
  await anon.goto("/dashboard");
  await expect(anon).toHaveURL(/\/signin\?callbackUrl=%2Fdashboard$/);
  await visitor.close();

  const reader = await data.user({ role: "READER", name: `Reader ${data.unique()}`, password: strongPassword(data.unique()) });
  const context = await newVisitor(browser, "198.51.100.212");
  const page = await context.newPage();
  await signIn(page, reader, "/account");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" })).toHaveCount(0);
  for (const path of ["/dashboard", "/dashboard/posts/new", "/dashboard/import"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "You can’t do that here" })).toBeVisible();
  }
  await context.close();
});

test("an author cannot edit, preview or delete another author's post (403), and does not see it listed", async ({
  browser,
  data,
}) => {
  const owner = await data.author({ name: `Owner ${data.unique()}` });
  const theirs = await data.essay({ author: owner, title: `Not Yours ${data.unique()}`, status: "DRAFT" });
  const author = await authorWithPassword(data, "Curious Author");
  const [context, page] = await signedIn(browser, "198.51.100.214", author);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByText(theirs.title)).toHaveCount(0);
  for (const path of [
    `/dashboard/posts/${theirs.id}/edit`,
    `/dashboard/posts/${theirs.id}/preview`,
    `/dashboard/posts/${theirs.id}/delete`,
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
  }
  expect((await data.db.post.findUniqueOrThrow({ where: { id: theirs.id } })).title).toBe(theirs.title);
  await context.close();
});

test("deleting asks for confirmation, then takes the essay and its comments away", async ({ browser, data }) => {
  const author = await authorWithPassword(data, "Tidy Author");
  const essay = await data.essay({ author, title: `Short Lived ${data.unique()}` });
  const comment = await data.comment({ essay, guest: { name: "Guest" }, body: "Nice." });
  await data.publish();
  const [context, page] = await signedIn(browser, "198.51.100.216", author, `/dashboard/posts/${essay.id}/edit`);
  await page.getByRole("link", { name: "Delete this post…" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(essay.title);
  await expect(page.getByText("Its comment (with 0 likes) will be deleted too.")).toBeVisible();
  await page.getByRole("button", { name: "Delete post" }).click();
  await expect(page.getByText("Tick the box to confirm")).toBeVisible();
  expect(await data.db.post.findUnique({ where: { id: essay.id } })).not.toBeNull();
  await page.getByRole("checkbox").check();
  await page.getByRole("button", { name: "Delete post" }).click();
  await expect(page).toHaveURL("/dashboard?notice=deleted");
  expect(await data.db.post.findUnique({ where: { id: essay.id } })).toBeNull();
  expect(await data.db.comment.findUnique({ where: { id: comment.id } })).toBeNull();
  const visitor = await newVisitor(browser, "198.51.100.217");
  expect((await visitor.request.get(`/posts/${essay.slug}`)).status()).toBe(404);
  await visitor.close();
  await context.close();
});

test("importing Markdown files creates posts with their tags and reports files it could not read", async ({ browser, data }) => {
  const author = await authorWithPassword(data, "Importer");
  const [context, page] = await signedIn(browser, "198.51.100.219", author, "/dashboard/import");
  const run = data.unique();
  const title = `Imported From Afar ${run}`;
  await page.getByLabel("Markdown files").setInputFiles([
    {
      name: `2019-06-01-afar-${run}.md`,
      mimeType: "text/markdown",
      buffer: Buffer.from(
        `---\ntitle: "${title}"\ndate: 2019-06-01\ntags:\n  - travel-${run}\n  - Maps\n---\n\nA journey **far** away.\n`,
      ),
    },
    { name: "broken.md", mimeType: "text/markdown", buffer: Buffer.from("---\ntitle: Broken\n\nNo closing fence.\n") },
  ]);
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Imported 1 post; 1 file could not be imported." })).toBeVisible();
  const results = page.getByRole("region", { name: "Results" });
  await expect(results.getByText("broken.md: front matter is not closed (missing ---)")).toBeVisible();
  await expect(results.getByRole("link", { name: title })).toBeVisible();

  const slug = `afar-${run}`;
  const visitor = await newVisitor(browser, "198.51.100.220");
  const essayPage = await visitor.newPage();
  await essayPage.goto(`/posts/${slug}`);
  await expect(essayPage.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(essayPage.locator("article strong")).toHaveText("far");
  await expect(essayPage.locator("article").getByRole("link", { name: `travel-${run}` })).toBeVisible();
  await expect(essayPage.locator("article").getByRole("link", { name: "Maps" })).toBeVisible();
  await essayPage.goto(`/tags/travel-${run}`);
  await expect(essayPage.getByRole("link", { name: title })).toBeVisible();
  await visitor.close();
  await context.close();
});

test("the editor works without JavaScript: preview, save, errors next to fields, schedule in UTC", async ({ browser, data }) => {
  const author = await authorWithPassword(data, "Plain Author");
  const context = await newVisitor(browser, "198.51.100.222", { javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, author, "/dashboard/posts/new");
  const form = editorForm(page);
  const title = `Plain Form Essay ${data.unique()}`;
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Essay (Markdown)").fill("Some *emphasis* here.");

  // Preview re-shows the form, filled in, with the rendered text.
  await form.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("region", { name: "Preview" }).locator("em")).toHaveText("emphasis");
  await expect(editorForm(page).getByLabel("Title")).toHaveValue(title);

  // A field error comes back next to the field with everything typed kept.
  await editorForm(page).getByLabel("Address (slug)").fill("Not A Slug!");
  await editorForm(page).getByRole("button", { name: "Save draft" }).click();
  await expect(editorForm(page).getByText("Use lowercase letters, digits and single hyphens")).toBeVisible();
  await expect(editorForm(page).getByLabel("Essay (Markdown)")).toHaveValue("Some *emphasis* here.");

  await editorForm(page).getByLabel("Address (slug)").fill("");
  await editorForm(page).getByRole("button", { name: "Save draft" }).click();
  await expect(page).toHaveURL(/\/dashboard\/posts\/[^/]+\/edit\?notice=created$/);
  await expect(editorForm(page).getByLabel("Address (slug)")).toHaveValue(title.toLowerCase().replace(/ /g, "-"));

  // Without JavaScript the schedule time is UTC, and the field says so.
  await expect(page.getByText("Date and time in UTC.")).toBeVisible();
  await editorForm(page).getByLabel("Schedule for").fill("2099-01-02T03:04");
  await editorForm(page).getByRole("button", { name: "Schedule", exact: true }).click();
  await expect(page).toHaveURL(/\?notice=scheduled$/);
  const id = new URL(page.url()).pathname.split("/")[3]!;
  const row = await data.db.post.findUniqueOrThrow({ where: { id } });
  expect(row.status).toBe("SCHEDULED");
  expect(row.publishedAt?.toISOString()).toBe("2099-01-02T03:04:00.000Z");
  await context.close();
});

test("an author publishes an essay with a cover image and its alt text; readers see the cover", async ({ browser, data }) => {
  const author = await authorWithPassword(data, "Cover Author");
  const [context, page] = await signedIn(browser, "198.51.100.223", author, "/dashboard/posts/new");
  const title = `Under The Apple Tree ${data.unique()}`;
  const alt = `An apple tree in bloom ${data.unique()}`;
  const form = editorForm(page);
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Essay (Markdown)").fill("The tree was older than the house.");
  // The first autosave creates the post (covers are uploaded by an explicit save only).
  await expect(saveStatus(page)).toHaveText(/^Saved at /, { timeout: 20_000 });
  await form
    .getByLabel("Image", { exact: true })
    .setInputFiles({ name: "apple-tree.png", mimeType: "image/png", buffer: TINY_PNG });
  await form.getByLabel("Alt text").fill(alt);
  await form.getByRole("button", { name: "Publish now" }).click();
  await expect(page).toHaveURL(/\/dashboard\/posts\/[^/]+\/edit\?notice=published$/);

  // The editor shows the stored cover and keeps its alt text.
  await expect(editorForm(page).getByRole("img", { name: "Current cover" })).toHaveAttribute(
    "src",
    /^\/uploads\/covers\/[0-9a-f]{32}\.png$/,
  );
  await expect(editorForm(page).getByLabel("Alt text")).toHaveValue(alt);
  const slug = await editorForm(page).getByLabel("Address (slug)").inputValue();

  // A reader sees the cover, described by its alt text, and the image itself is served.
  const visitor = await newVisitor(browser, "198.51.100.224");
  const reader = await visitor.newPage();
  await reader.goto(`/posts/${slug}`);
  await expect(reader.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const cover = reader.locator("article").getByRole("img", { name: alt, exact: true });
  await expect(cover).toBeVisible();
  await expect(cover).toHaveAttribute("src", /^\/uploads\/covers\/[0-9a-f]{32}\.png$/);
  await expect.poll(() => cover.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(1);
  const src = (await cover.getAttribute("src"))!;
  const served = await visitor.request.get(src);
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toMatch(/^image\//);
  expect(Buffer.compare(await served.body(), TINY_PNG)).toBe(0);
  await visitor.close();
  await context.close();
});

test("a cover that is not an image is refused next to the field, and the title and text stay", async ({ browser, data }) => {
  const author = await authorWithPassword(data, "Careful Author");
  const [context, page] = await signedIn(browser, "198.51.100.225", author, "/dashboard/posts/new");
  const title = `Notes On Frost ${data.unique()}`;
  const body = "The first frost came *early* this year.";
  const form = editorForm(page);
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Essay (Markdown)").fill(body);
  await expect(saveStatus(page)).toHaveText(/^Saved at /, { timeout: 20_000 });
  const editUrl = new URL(page.url()).pathname;
  const postId = editUrl.split("/")[3]!;

  // A text file dressed up as a PNG.
  const cover = form.getByLabel("Image", { exact: true });
  await cover.setInputFiles({
    name: "frost.png",
    mimeType: "image/png",
    buffer: Buffer.from("just some notes, not a picture\n"),
  });
  await form.getByLabel("Alt text").fill("Frost on a window");
  await form.getByRole("button", { name: "Save draft" }).click();

  await expect(form.getByText(NOT_AN_IMAGE, { exact: true })).toBeVisible();
  await expect(cover).toHaveAttribute("aria-invalid", "true");
  // The field is described by the message first, then its hint.
  await expect(cover).toHaveAccessibleDescription(/^That file is not a PNG, JPEG, GIF or WebP image\. /);
  await expect(page.getByRole("alert").filter({ hasText: "Some fields need attention" })).toBeVisible();
  await expect(form.getByLabel("Title")).toHaveValue(title);
  await expect(form.getByLabel("Essay (Markdown)")).toHaveValue(body);
  await expect(form.getByLabel("Alt text")).toHaveValue("Frost on a window");
  await expect(page).toHaveURL(editUrl);
  expect((await data.db.post.findUniqueOrThrow({ where: { id: postId } })).coverImage).toBeNull();
  await context.close();
});

test("an upload over the server's limit gets a 413 page that says so and links back without JavaScript; with it, the editor refuses it first", async ({
  browser,
  data,
}) => {
  const author = await authorWithPassword(data, "Heavy Author");
  const context = await newVisitor(browser, "198.51.100.226", { javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, author, "/dashboard/posts/new");
  // About 7 MB: a PNG signature and padding (the server must refuse it by its size alone).
  const sevenMb = Buffer.concat([TINY_PNG.subarray(0, 8), Buffer.alloc(7 * 1024 * 1024)]);
  const title = `Too Heavy ${data.unique()}`;

  const expectTooLarge = async (submit: () => Promise<void>, back: string) => {
    const answered = page.waitForResponse((r) => r.request().method() === "POST");
    await submit();
    const response = await answered;
    expect(response.status()).toBe(413);
    expect(response.headers()["content-type"]).toMatch(/^text\/html/);
    await expect(page.getByRole("heading", { level: 1, name: "That upload is too large" })).toBeVisible();
    await expect(page.getByText(/at most 6 MB/)).toBeVisible();
    await expect(page.getByText(/Images may be at most 5 MB/)).toBeVisible();
    await expect(page.getByText("Nothing was saved.", { exact: false })).toBeVisible();
    const link = page.getByRole("link", { name: "Back to the form" });
    await expect(link).toHaveAttribute("href", back);
    await link.click();
    await expect(page).toHaveURL(back);
  };

  // A cover image in the editor.
  await expectTooLarge(async () => {
    const form = editorForm(page);
    await form.getByLabel("Title").fill(title);
    await form.getByLabel("Essay (Markdown)").fill("Heavier than it looks.");
    await form.getByLabel("Image", { exact: true }).setInputFiles({ name: "huge.png", mimeType: "image/png", buffer: sevenMb });
    await form.getByLabel("Alt text").fill("Something large");
    await form.getByRole("button", { name: "Save draft" }).click();
  }, "/dashboard/posts/new");
  await expect(editorForm(page).getByLabel("Title")).toBeVisible();
  expect(await data.db.post.count({ where: { title } })).toBe(0);

  // A Markdown import.
  await page.goto("/dashboard/import");
  await expectTooLarge(async () => {
    await page.getByLabel("Markdown files").setInputFiles({
      name: "huge.md",
      mimeType: "text/markdown",
      buffer: Buffer.concat([Buffer.from(`---\ntitle: "${title}"\n---\n\n`), Buffer.alloc(7 * 1024 * 1024, "a")]),
    });
    await page.getByRole("button", { name: "Import" }).click();
  }, "/dashboard/import");
  await expect(page.getByLabel("Markdown files")).toBeVisible();
  expect(await data.db.post.count({ where: { title } })).toBe(0);
  await context.close();

  // With JavaScript the editor refuses the file as soon as it is chosen; nothing is sent.
  const [jsContext, jsPage] = await signedIn(browser, "198.51.100.227", author, "/dashboard/posts/new");
  const picker = editorForm(jsPage).getByLabel("Image", { exact: true });
  await picker.setInputFiles({ name: "huge.png", mimeType: "image/png", buffer: sevenMb });
  await expect(editorForm(jsPage).getByText("The image is too large: at most 5 MB.", { exact: true })).toBeVisible();
  await expect(picker).toHaveAttribute("aria-invalid", "true");
  expect(await picker.evaluate((input: HTMLInputElement) => input.files?.length ?? 0)).toBe(0);
  await jsContext.close();
});
