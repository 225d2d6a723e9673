import type { Page } from "@playwright/test";
import { test, expect } from "./support/fixtures";
import { datesBefore, richEssayMarkdown } from "./support/data";

/** `count` words of filler prose, so an essay's reading time is predictable. */
function filler(count: number): string {
  const words = "the fire settles into a steady glow while the room grows quiet and warm".split(" ");
  return Array.from({ length: count }, (_, i) => words[i % words.length]).join(" ") + ".";
}

test("a reader goes from the home page to an essay, its tag and its author", async ({ page, data }) => {
  const author = await data.author({
    name: `Ada Ember ${data.run}`,
    bio: `Ada writes about fires and the people who sit around them (${data.run}).`,
  });
  const tag = `Hearthcraft ${data.run}`;
  const [newer, older] = datesBefore(new Date(), 2);
  // About 700 words (the rich body plus 600 words of filler): 700 / 230 wpm rounds to 3 minutes.
  const essay = await data.essay({
    author,
    title: `Laying a fire ${data.run}`,
    tags: [tag],
    bodyMarkdown: `${richEssayMarkdown("laying a fire")}\n${filler(600)}\n`,
    publishedAt: newer,
  });
  const olderEssay = await data.essay({
    author,
    title: `Choosing the wood ${data.run}`,
    tags: [tag],
    bodyMarkdown: "Oak burns long and slow. Pine spits and crackles.",
    publishedAt: older,
  });
  await data.publish();

  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Hearth" })).toBeVisible();
  await page.getByRole("link", { name: essay.title, exact: true }).click();

  // The essay.
  await expect(page).toHaveURL(new RegExp(`/posts/${essay.slug}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(essay.title);
  await expect(page.getByText("3 min read", { exact: true })).toBeVisible();
  await expect(page).toHaveTitle(`${essay.title} — Hearth`);

  // Table of contents: the h2/h3 headings, each a working in-page link.
  const toc = page.getByRole("navigation", { name: "Table of contents" });
  await expect(toc.getByRole("link")).toHaveText([
    "Gathering the kindling",
    "Comparing the woods",
    "Keeping the fire",
    "Banking the embers",
  ]);
  await toc.getByRole("link", { name: "Keeping the fire" }).click();
  await expect(page).toHaveURL(/#keeping-the-fire$/);
  await expect(page.getByRole("heading", { level: 2, name: "Keeping the fire" })).toBeInViewport();

  const body = page.locator(".prose").first();
  // The GFM table.
  const table = body.getByRole("table");
  await expect(table.getByRole("columnheader")).toHaveText(["Wood", "Heat", "Smoke"]);
  await expect(table.getByRole("row", { name: /Birch/ }).getByRole("cell")).toHaveText(["Birch", "Medium", "Low"]);
  // The TypeScript block, highlighted by Shiki (light theme: keywords in GitHub red).
  const code = body.locator("pre").filter({ hasText: "needsAnotherLog" });
  await expect(code).toBeVisible();
  await expect(code).toHaveAttribute("data-language", "ts");
  // Shiki's github-light-high-contrast keyword colour (AA on the code background: decision 022).
  await expect(code.getByText("export", { exact: true })).toHaveCSS("color", "rgb(160, 17, 31)");
  // The footnote: a numbered reference that jumps to the note.
  await expect(body.getByText("Smoke is unburnt fuel escaping up the chimney.")).toBeAttached();
  await body.getByRole("link", { name: "1", exact: true }).click();
  await expect(page).toHaveURL(/#user-content-fn-smoke$/);
  await expect(body.getByText("Smoke is unburnt fuel escaping up the chimney.")).toBeInViewport();

  // Previous / next between the two essays.
  const more = page.getByRole("navigation", { name: "More essays" });
  const previous = more.getByRole("link", { name: /Previous essay/ });
  await expect(previous).toContainText(olderEssay.title);
  await previous.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(olderEssay.title);
  const next = page.getByRole("navigation", { name: "More essays" }).getByRole("link", { name: /Next essay/ });
  await expect(next).toContainText(essay.title);
  await next.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(essay.title);

  // The tag page lists both essays, newest first.
  await page
    .getByRole("list", { name: "Tags" })
    .getByRole("link", { name: `#${tag}` })
    .click();
  await expect(page).toHaveURL(/\/tags\/hearthcraft-/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Essays tagged “${tag}”`);
  await expect(page.getByText("2 essays", { exact: true })).toBeVisible();
  await expect(page.getByRole("article").getByRole("heading", { level: 2 })).toHaveText([essay.title, olderEssay.title]);

  // The author page: name, bio and both essays.
  await page.getByRole("link", { name: author.name, exact: true }).first().click();
  await expect(page).toHaveURL(new RegExp(`/authors/${author.handle}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(author.name);
  await expect(page.getByText(author.bio, { exact: true })).toBeVisible();
  await expect(page.getByRole("article").getByRole("heading", { level: 2 })).toHaveText([essay.title, olderEssay.title]);
});

test("the home page lists ten essays, newest first, with older pages behind “Older →”", async ({ page, data }) => {
  const author = await data.author({ name: `Pager ${data.run}` });
  const tag = `Paging ${data.run}`;
  // Twelve essays published just now: the newest on the site, so they lead the listing.
  const dates = datesBefore(new Date(), 12);
  const essays = [];
  for (const [i, publishedAt] of dates.entries()) {
    essays.push(await data.essay({ author, title: `Paged essay ${i + 1} ${data.run}`, tags: [tag], publishedAt }));
  }
  await data.publish();

  await page.goto("/");
  const titles = page.getByRole("article").getByRole("heading", { level: 2 });
  await expect(titles).toHaveText(essays.slice(0, 10).map((e) => e.title));
  const first = page.getByRole("article").first();
  await expect(first).toContainText(`By ${author.name}`);
  await expect(first).toContainText("1 min read");
  await expect(first).toContainText("0 comments");
  await expect(first.getByRole("link", { name: `#${tag}` })).toBeVisible();

  const pages = page.getByRole("navigation", { name: "Essay pages" });
  await expect(pages.getByRole("link", { name: "← Newer" })).toHaveCount(0);
  await pages.getByRole("link", { name: "Older →" }).click();
  await expect(page).toHaveURL(/\/page\/2$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Essays, page 2");
  const olderTitles = await page.getByRole("article").getByRole("heading", { level: 2 }).allTextContents();
  expect(olderTitles.slice(0, 2)).toEqual([essays[10]!.title, essays[11]!.title]);

  await page.getByRole("navigation", { name: "Essay pages" }).getByRole("link", { name: "← Newer" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1, name: "Hearth" })).toBeVisible();
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 });

  /** Loads `path` and checks the page is exactly as wide as the phone's screen. */
  async function expectNoSidewaysScroll(page: Page, path: string, options: { soft?: boolean } = {}): Promise<void> {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    const check = options.soft ? expect.soft : expect;
    check(clientWidth, `layout viewport width on ${path}`).toBe(390);
    check(scrollWidth, `horizontal overflow on ${path}`).toBeLessThanOrEqual(clientWidth + 1);
  }

  test("an essay with a table, code and a conversation, and the home page, never scroll sideways", async ({ page, data }) => {
    const author = await data.author({ name: `Mobile Reader ${data.run}` });
    const essay = await data.essay({
      author,
      title: `A rather long title for a small screen about banking embers overnight ${data.run}`,
      tags: [`Small screens ${data.run}`, `Another tag ${data.run}`],
      bodyMarkdown: `${richEssayMarkdown("small screens")}
\`\`\`ts
const aVeryLongLineOfCode = ["oak", "ash", "birch", "beech", "hornbeam", "cherry", "apple", "maple"].map((wood) => wood.toUpperCase());
\`\`\`
`,
    });
    const reader = await data.user({ name: `Phone Reader ${data.run}` });
    const top = await data.comment({ essay, guest: { name: `Guest ${data.run}`, url: "https://example.com" }, body: "Lovely." });
    const reply = await data.comment({ essay, parent: top, author: reader, body: "Agreed." });
    const deeper = await data.comment({ essay, parent: reply, author, body: "Thank you both." });
    await data.comment({ essay, parent: deeper, author: reader, body: "Any time." });
    await data.like(top, reader);
    await data.publish();

    await expectNoSidewaysScroll(page, `/posts/${essay.slug}`);
    await expectNoSidewaysScroll(page, "/");
  });

  test("long web addresses in an essay or a comment never make the page scroll sideways", async ({ page, data }) => {
    // Addresses like this (no hyphens or spaces to break at) are common in essays and comments.
    const address = `https://archive.example.org/details/completeillustratedhandbookofwoodstoves${data.run}/page/n12/mode/2up`;
    const author = await data.author({ name: `Link Sharer ${data.run}` });
    const inBody = await data.essay({
      author,
      title: `Further reading ${data.run}`,
      bodyMarkdown: `The whole guide is at ${address} and well worth an evening.`,
    });
    const inComment = await data.essay({ author, title: `Ask me for sources ${data.run}` });
    await data.comment({ essay: inComment, guest: { name: `Librarian ${data.run}` }, body: `Here it is: ${address}` });
    await data.publish();

    // Soft, so one run reports both places.
    await expectNoSidewaysScroll(page, `/posts/${inBody.slug}`, { soft: true });
    await expectNoSidewaysScroll(page, `/posts/${inComment.slug}`, { soft: true });
  });
});
