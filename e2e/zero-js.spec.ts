import { test, expect } from "./support/fixtures";

test("an anonymous reader's browser fetches and runs no JavaScript for an essay, and the page is complete", async ({ page, data }) => {
  const author = await data.author({ name: `Plain Writer ${data.unique()}` });
  const post = await data.essay({ author, title: "Plain pages" });
  const reader = await data.user({ name: "Quiet Reader" });
  await data.comment({ essay: post, author: reader, body: "Fast, and no *scripts*." });
  await data.publish();

  // The browser is told to fetch no script: a script it meets is refused before any request
  // leaves ("csp"), so none is ever answered.
  const scripts = { asked: 0, answered: 0, refused: [] as string[] };
  page.on("request", (r) => {
    if (r.resourceType() === "script") scripts.asked += 1;
  });
  page.on("response", (r) => {
    if (r.request().resourceType() === "script") scripts.answered += 1;
  });
  page.on("requestfailed", (r) => {
    if (r.resourceType() === "script") scripts.refused.push(r.failure()?.errorText ?? "");
  });
  const violations: string[] = [];
  await page.exposeFunction("reportViolation", (directive: string) => violations.push(directive));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as { reportViolation: (d: string) => void }).reportViolation(e.effectiveDirective),
    );
  });
  // Twice: the first view is rendered, the second comes from the HTTP cache.
  for (let i = 0; i < 2; i++) {
    const response = await page.goto(`/posts/${post.slug}`);
    expect(response?.status()).toBe(200);
    expect(await response?.headerValue("content-security-policy")).toContain("script-src 'none'");
    await expect(page.getByRole("heading", { level: 1, name: "Plain pages" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "One thought on “Plain pages”" })).toBeVisible();
    await expect(page.getByText("Fast, and no scripts.")).toBeVisible();
  }
  // Not one script was fetched; the page's inline scripts were refused by its policy, not run.
  await expect.poll(() => scripts.refused.length).toBe(scripts.asked);
  expect(scripts.answered).toBe(0);
  expect(new Set(scripts.refused)).toEqual(new Set(scripts.asked > 0 ? ["csp"] : []));
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  expect(new Set(violations)).toEqual(new Set(["script-src-elem"]));
  // Links still navigate, as plain links.
  await page.getByRole("link", { name: author.name }).first().click();
  await expect(page).toHaveURL(new RegExp(`/authors/${author.handle}$`));
  await expect(page.getByRole("heading", { level: 1, name: author.name })).toBeVisible();
});

test("a page that is not there is a whole 404 page without JavaScript", async ({ page, data }) => {
  const response = await page.goto(`/posts/not-here-${data.unique()}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "This page isn’t here" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to the essays" })).toBeVisible();
});
