import type { Page } from "@playwright/test";
import { test, expect } from "./support/fixtures";

async function expectNotFound(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), `status of ${path}`).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This page isn’t here");
  await expect(page.getByRole("link", { name: "Back to the essays" })).toBeVisible();
}

test("an unknown essay answers 404 with a friendly page that leads back to the essays", async ({ page, data }) => {
  await expectNotFound(page, `/posts/no-such-essay-${data.run}`);
  await page.getByRole("link", { name: "Back to the essays" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1, name: "Hearth" })).toBeVisible();
});

test("unknown tags, authors and paths are 404", async ({ page, data }) => {
  await expectNotFound(page, `/tags/no-such-tag-${data.run}`);
  await expectNotFound(page, `/authors/nobody-${data.run}`);
  await expectNotFound(page, `/no/such/page-${data.run}`);
  await expectNotFound(page, "/page/0");
  await expectNotFound(page, "/page/not-a-number");
  await expectNotFound(page, "/page/99999");
});

test("drafts and essays scheduled for later are not public", async ({ page, data }) => {
  const author = await data.author({ name: `Drafting Author ${data.run}` });
  const draft = await data.essay({ author, title: `Unfinished thoughts ${data.run}`, status: "DRAFT", publishedAt: null });
  const scheduled = await data.essay({
    author,
    title: `Not yet ${data.run}`,
    status: "SCHEDULED",
    publishedAt: new Date("2099-01-01T00:00:00Z"),
  });
  await data.publish();

  await expectNotFound(page, `/posts/${draft.slug}`);
  await expectNotFound(page, `/posts/${scheduled.slug}`);

  // Nor are they listed anywhere.
  await page.goto(`/authors/${author.handle}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(author.name);
  await expect(page.getByText(`${author.name} has not published any essays yet.`)).toBeVisible();
  await page.goto("/");
  await expect(page.getByRole("link", { name: draft.title })).toHaveCount(0);
  await expect(page.getByRole("link", { name: scheduled.title })).toHaveCount(0);
});

test("a comment page past the end of the conversation is 404", async ({ page, data }) => {
  const author = await data.author({ name: `Commented Author ${data.run}` });
  const essay = await data.essay({ author, title: `One small thread ${data.run}` });
  await data.comment({ essay, guest: { name: `Guest ${data.run}` }, body: "Just one comment." });
  await data.publish();

  const ok = await page.goto(`/posts/${essay.slug}`);
  expect(ok?.status()).toBe(200);
  await expectNotFound(page, `/posts/${essay.slug}/comment-page/2`);
  await expectNotFound(page, `/posts/${essay.slug}/comment-page/1`);
  await expectNotFound(page, `/posts/no-such-essay-${data.run}/comment-page/2`);
});
