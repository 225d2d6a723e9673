import { test, expect } from "./support/fixtures";

test("an anonymous reader's browser fetches and runs no JavaScript for an essay, and the page is complete", async ({
  page,
  data,
}) => {
  const author = await data.author({ name: `Plain Writer ${data.unique()}` });
  const post = await data.essay({ author, title: "Plain pages" });
  const reader = await data.user({ name: "Quiet Reader" });
  await data.comment({ essay: post, author: reader, body: "Fast, and no *scripts*." });
  await data.publish();

  // The browser is told to run no script, and the server sends none (server/strip-scripts.mjs):
  // no script is asked for, and the policy never has anything to refuse (nothing in the console).
  const scripts = { asked: 0 };
  page.on("request", (r) => {
    if (r.resourceType() === "script") scripts.asked += 1;
  });
  const violations: string[] = [];
  await page.exposeFunction("reportViolation", (directive: string) => violations.push(directive));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as { reportViolation: (d: string) => void }).reportViolation(e.effectiveDirective),
    );
  });
  const consoleErrors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  // Twice: the first view is rendered, the second comes from the HTTP cache.
  for (let i = 0; i < 2; i++) {
    const response = await page.goto(`/posts/${post.slug}`);
    expect(response?.status()).toBe(200);
    expect(await response?.headerValue("content-security-policy")).toContain("script-src 'none'");
    // Only data blocks (JSON-LD) are left: no inline script, no <script src>, no script preload.
    const html = (await response?.text()) ?? "";
    const scriptTags = html.match(/<script\b[^>]*>/gi) ?? [];
    expect(scriptTags.filter((tag) => !/type="application\/ld\+json"/.test(tag))).toEqual([]);
    expect(html).not.toMatch(/<link\b[^>]*as="script"/);
    await expect(page.getByRole("heading", { level: 1, name: "Plain pages" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "One thought on “Plain pages”" })).toBeVisible();
    await expect(page.getByText("Fast, and no scripts.")).toBeVisible();
  }
  expect(scripts.asked).toBe(0);
  expect(violations).toEqual([]);
  expect(consoleErrors).toEqual([]);
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
