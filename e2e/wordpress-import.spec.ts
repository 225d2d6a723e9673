/**
 * An admin moves a WordPress site in through the dashboard, without JavaScript: uploads the
 * export, watches the progress page (a <progress> bar that reloads itself), then reads the
 * imported essays with their comment threads, and the old WordPress addresses redirect. A
 * broken file is refused next to the field and imports nothing. Browses from 198.51.100.250.
 */
import { test, expect } from "./support/fixtures";
import { signIn, strongPassword } from "./support/accounts";
import { newVisitor } from "./support/comments";
import { readFileSync } from "node:fs";
import { generateWxr } from "./support/wxr";
import { readTarGz } from "../lib/export/tar";

test("an admin imports a WordPress export with 540 threaded comments and sees the progress, the essays and the threads", async ({
  browser,
  data,
  db,
}) => {
  const prefix = `wp${data.unique().replace(/[^a-z0-9]/gi, "").toLowerCase()}`;
  const gen = generateWxr({ prefix });
  const admin = await data.user({ role: "ADMIN", name: `Mover ${data.unique()}`, password: strongPassword(data.unique()) });
  const context = await newVisitor(browser, "198.51.100.250", { javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, admin, "/dashboard/import");

  // A cut-off file: refused next to the field, with what is wrong, and nothing imported.
  const section = page.getByRole("region", { name: "Import from WordPress" });
  await section.getByLabel("WordPress export (.xml)").setInputFiles({
    name: "cut.xml",
    mimeType: "text/xml",
    buffer: Buffer.from(gen.xml.slice(0, 4000)),
  });
  await section.getByRole("button", { name: "Import from WordPress" }).click();
  await expect(page.getByText("cut.xml cannot be imported; nothing was imported.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Problems in the file" })).toContainText("it was probably cut off");
  expect(await db.post.count({ where: { importKey: { startsWith: `wxr:${gen.site}#` } } })).toBe(0);

  // The real file: the progress page, then the report.
  await page
    .getByRole("region", { name: "Import from WordPress" })
    .getByLabel("WordPress export (.xml)")
    .setInputFiles({ name: `${prefix}.xml`, mimeType: "text/xml", buffer: Buffer.from(gen.xml) });
  await page.getByRole("region", { name: "Import from WordPress" }).getByRole("button", { name: "Import from WordPress" }).click();
  await expect(page).toHaveURL(/\/dashboard\/import\/wordpress\/\w+$/);
  await expect(page.getByRole("heading", { name: `Importing ${prefix}.xml` })).toBeVisible();
  const bar = page.getByRole("progressbar");
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute("max", "549");
  // The page reloads itself until the import is done (no JavaScript involved).
  await expect(page.getByText("Import finished")).toBeVisible({ timeout: 60_000 });
  await expect(bar).toHaveAttribute("value", "549");
  await expect(page.getByRole("status")).toHaveText("Imported 8 posts and 540 comments.");
  const imported = page.getByRole("list", { name: "Imported posts" });
  await expect(imported.getByRole("listitem")).toHaveCount(8);
  await expect(page.getByText(/New author accounts .*: /)).toContainText(gen.authors[0]!.email);

  // The essay and its thread, as a reader sees them.
  await imported.getByRole("link", { name: `${prefix} essay 1` }).click();
  await expect(page).toHaveURL(`/posts/${prefix}-post-1`);
  await expect(page.getByRole("heading", { level: 1, name: `${prefix} essay 1` })).toBeVisible();
  await expect(page.getByRole("heading", { name: "A heading" })).toBeVisible();
  await expect(page.getByText("Comment 0 on post 100 with emphasis & a link.")).toBeVisible();
  await expect(page.getByText("Comment 4 on post 100 with emphasis & a link.")).toBeVisible();
  await expect(page.getByText("Guest 0 & co").first()).toBeVisible();
  // Spam and pending comments stay out of the public thread.
  await expect(page.getByText("Comment 3 on post 100")).toHaveCount(0);
  await expect(page.getByText("Comment 7 on post 100")).toHaveCount(0);

  // The old WordPress addresses lead to the essay.
  const anonymous = await newVisitor(browser, "198.51.100.251", { javaScriptEnabled: false });
  // (Next first drops a trailing slash with its own 308; the browser check below follows both.)
  for (const old of ["/?p=100", `/2019/05/${prefix}-post-1`]) {
    const response = await anonymous.request.get(old, { maxRedirects: 0 });
    expect(response.status(), old).toBe(308);
    expect(response.headers().location, old).toBe(`/posts/${prefix}-post-1`);
  }
  const reader = await anonymous.newPage();
  await reader.goto(`/${prefix}-page-7/`);
  await expect(reader).toHaveURL(`/posts/${prefix}-page-7`);
  await reader.goto(`/2019/05/${prefix}-post-2/`);
  await expect(reader).toHaveURL(`/posts/${prefix}-post-2`);
  await expect(reader.getByRole("heading", { level: 1, name: `${prefix} essay 2` })).toBeVisible();
  expect((await anonymous.request.get("/2019/05/no-such-post", { maxRedirects: 0 })).status()).toBe(404);
  // An address nobody had is the ordinary 404 page.
  const missing = await reader.goto(`/no-such-wordpress-page-${prefix}`);
  expect(missing?.status()).toBe(404);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("This page isn’t here");

  // Uploading the same file again imports nothing twice.
  await page.goto("/dashboard/import");
  await page
    .getByRole("region", { name: "Import from WordPress" })
    .getByLabel("WordPress export (.xml)")
    .setInputFiles({ name: `${prefix}.xml`, mimeType: "text/xml", buffer: Buffer.from(gen.xml) });
  await page.getByRole("region", { name: "Import from WordPress" }).getByRole("button", { name: "Import from WordPress" }).click();
  await expect(page.getByText("Import finished")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("status")).toHaveText(
    "Imported 0 posts and 0 comments (8 posts and 540 comments were there already).",
  );
  expect(await db.comment.count({ where: { importKey: { startsWith: `wxr:${gen.site}#` } } })).toBe(540);
  await anonymous.close();
  await context.close();
});

test("an import whose server stopped while it ran says so, instead of running for ever", async ({ page, data }) => {
  const admin = await data.user({ role: "ADMIN", name: `Stranded ${data.unique()}`, password: strongPassword(data.unique()) });
  // What a server killed mid-import leaves behind: the job row, still RUNNING (the import itself
  // is one transaction, so nothing of it was saved). No process of the running server runs it.
  const job = await data.db.importJob.create({ data: { userId: admin.id, fileName: "half-way.xml", total: 549, done: 200 } });

  await signIn(page, admin, `/dashboard/import/wordpress/${job.id}`);
  await expect(page.getByRole("heading", { name: "Importing half-way.xml" })).toBeVisible();
  await expect(page.getByText("Import failed")).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "The import stopped" })).toHaveText(
    "The import stopped when the server running it stopped, and nothing was saved. Upload the file again to import it.",
  );
  // It does not reload itself waiting for progress that will never come.
  await expect(page.locator('meta[http-equiv="refresh"]')).toHaveCount(0);
});

test("an admin downloads the whole site as a .tar.gz of Markdown files and comments.json", async ({ browser, data }) => {
  const admin = await data.user({ role: "ADMIN", name: `Packer ${data.unique()}`, password: strongPassword(data.unique()) });
  const essay = await data.essay({ author: admin, title: `Packed ${data.unique()}` });
  const context = await newVisitor(browser, "198.51.100.252", { javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, admin, "/dashboard/import");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download everything (.tar.gz)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^hearth-export-\d{4}-\d{2}-\d{2}\.tar\.gz$/);
  const entries = readTarGz(readFileSync((await download.path())!));
  const file = entries.find((e) => e.name === `posts/${essay.slug}.md`);
  expect(file?.content).toContain(`title: "${essay.title}"`);
  expect(file?.content).toContain(`author: "${admin.email}"`);
  expect(JSON.parse(entries.find((e) => e.name === "comments.json")!.content).version).toBe(1);

  // Readers and authors get no export.
  const anonymous = await newVisitor(browser, "198.51.100.253");
  expect((await anonymous.request.get("/dashboard/export")).status()).toBe(401);
  await anonymous.close();
  await context.close();
});
