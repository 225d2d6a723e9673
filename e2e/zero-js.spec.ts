import { test, expect } from "./support/fixtures";

test("an anonymous reader downloads no JavaScript for an essay, and the page is complete", async ({ page, data }) => {
  const author = await data.author({ name: `Plain Writer ${data.unique()}` });
  const post = await data.essay({ author, title: "Plain pages" });
  const reader = await data.user({ name: "Quiet Reader" });
  await data.comment({ essay: post, author: reader, body: "Fast, and no *scripts*." });
  await data.publish();

  const scripts: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "script") scripts.push(r.url());
  });
  // Twice: the first view is rendered, the second comes from the front cache.
  for (let i = 0; i < 2; i++) {
    const response = await page.goto(`/posts/${post.slug}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: "Plain pages" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "One thought on “Plain pages”" })).toBeVisible();
    await expect(page.getByText("Fast, and no scripts.")).toBeVisible();
  }
  expect(scripts).toEqual([]);
  const inline = await page.locator("script:not([type='application/ld+json'])").count();
  expect(inline).toBe(0);
  // Links still navigate, as plain links.
  await page.getByRole("link", { name: author.name }).first().click();
  await expect(page).toHaveURL(new RegExp(`/authors/${author.handle}$`));
  await expect(page.getByRole("heading", { level: 1, name: author.name })).toBeVisible();
});
