import { test, expect } from "./support/fixtures";

// Search (docs/decisions/021-search.md): the header's search box is a plain GET form; results are
// ranked essays and comments with the words highlighted; nothing a reader types breaks the page.
// Run with JavaScript off, as an anonymous reader's pages run none.
test.use({ javaScriptEnabled: false });

test("a reader searches from the header, sees ranked essays and comments highlighted, and follows one", async ({ page, data }) => {
  const word = `ember${data.run}`;
  const author = await data.author({ name: `Search Writer ${data.run}` });
  const titled = await data.essay({
    author,
    title: `The ${word} and the hearth`,
    bodyMarkdown: `Every evening the ${word} glows.\n\nAnd then the ${word} fades into ash.`,
  });
  const mentioned = await data.essay({
    author,
    title: `On chimneys ${data.run}`,
    bodyMarkdown: `Chimneys, soot and, once, an ${word} — little else.\n\n${"Bricks and mortar. ".repeat(40)}`,
  });
  await data.essay({ author, title: `Draft ${word}`, status: "DRAFT", publishedAt: null });
  const comment = await data.comment({
    essay: mentioned,
    guest: { name: `Gwen ${data.run}` },
    body: `I kept one <b>${word}</b> <script>alert(1)</script> alive all night.`,
  });
  await data.publish();

  await page.goto("/");
  const box = page.getByRole("search").getByRole("searchbox", { name: "Search essays and comments" });
  await box.fill(word);
  await box.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/search\\?q=${word}$`));

  const results = page.getByRole("list", { name: "Search results" }).getByRole("listitem");
  await expect(results).toHaveCount(3);
  // Ranked: the essay with the word in its title first, then the one that mentions it once, and
  // the comment somewhere among them.
  await expect(results.first().getByRole("link", { name: titled.title })).toBeVisible();
  await expect(results.first().locator("mark").first()).toHaveText(word);
  await expect(page.getByRole("link", { name: mentioned.title, exact: true })).toBeVisible();
  const commentResult = results.filter({ has: page.getByRole("link", { name: `Comment by Gwen ${data.run} on “${mentioned.title}”` }) });
  await expect(commentResult).toHaveCount(1);
  await expect(commentResult.locator("mark")).toHaveText([word]);
  // The comment's markup is shown as text, never as elements.
  await expect(commentResult).toContainText("<script>alert(1)</script>");
  await expect(page.locator("main script")).toHaveCount(0);
  await expect(page.getByText(`Draft ${word}`)).toHaveCount(0);

  // Following the comment result lands on the comment on its essay.
  await commentResult.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/posts/${mentioned.slug}(/comment-page/\\d+)?#comment-${comment.id}$`));
  await expect(page.getByRole("heading", { level: 1, name: mentioned.title })).toBeVisible();
});

test("a search with no match says so, and odd input is read as words", async ({ page, data }) => {
  await page.goto("/");
  const box = page.getByRole("search").getByRole("searchbox", { name: "Search essays and comments" });
  await box.fill(`nothingmatches${data.run}`);
  await box.press("Enter");
  await expect(page.getByText(`Nothing found for “nothingmatches${data.run}”.`)).toBeVisible();
  // The page's own box keeps what was typed.
  await expect(page.getByRole("main").getByRole("searchbox")).toHaveValue(`nothingmatches${data.run}`);

  for (const q of ['"', "*", "AND(", 'ember" OR NEAR(', "<img src=x onerror=alert(1)>", "%", "\u0000"]) {
    const response = await page.goto(`/search?q=${encodeURIComponent(q)}`);
    expect(response?.status(), q).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: "Search" })).toBeVisible();
    await expect(page.locator("main img")).toHaveCount(0);
  }
  await page.goto(`/search?q=${encodeURIComponent('"')}`);
  await expect(page.getByText("Type words to search for: letters or digits.")).toBeVisible();
  const response = await page.goto("/search?q=a&page=-3&page=x");
  expect(response?.status()).toBe(200);
});

test("results come a page at a time, and the search page is never shared by caches", async ({ page, data }) => {
  const word = `cinder${data.run}`;
  const author = await data.author({ name: `Pager ${data.run}` });
  for (let i = 0; i < 12; i++) await data.essay({ author, title: `Note ${i} ${data.run}`, bodyMarkdown: `${word} ${"ash ".repeat(i)}` });
  await data.publish();

  const response = await page.goto(`/search?q=${word}`);
  expect(response?.headers()["cache-control"]).toMatch(/private/);
  expect(response?.headers()["cache-tag"]).toBeUndefined();
  expect(response?.headers()["content-security-policy"]).toContain("script-src 'none'");
  const results = page.getByRole("list", { name: "Search results" }).getByRole("listitem");
  await expect(results).toHaveCount(10);
  await page.getByRole("link", { name: "More results →" }).click();
  await expect(results).toHaveCount(2);
  await expect(page.getByRole("link", { name: "More results →" })).toHaveCount(0);
  await page.getByRole("link", { name: "← Previous results" }).click();
  await expect(results).toHaveCount(10);
});
