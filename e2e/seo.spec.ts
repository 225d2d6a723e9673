import { test, expect } from "./support/fixtures";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

test("an essay describes itself to search engines and social cards", async ({ page, data, baseURL }) => {
  const author = await data.author({ name: `Seo Author ${data.run}` });
  const essay = await data.essay({
    author,
    title: `Kindling & the </script> problem ${data.run}`,
    excerpt: `How to start a fire that lasts the evening (${data.run}).`,
    tags: [`Kindling ${data.run}`],
    bodyMarkdown: "A few words about kindling, and why a title must never end the page's scripts.",
  });
  await data.publish();

  await page.goto(`/posts/${essay.slug}`);
  const url = `${baseURL}/posts/${essay.slug}`;
  await expect(page).toHaveTitle(`${essay.title} — Hearth`);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", url);
  await expect(page.locator('meta[name="description"]')).toHaveAttribute(
    "content",
    `How to start a fire that lasts the evening (${data.run}).`,
  );
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", essay.title);
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute("content", "article");
  await expect(page.locator('meta[property="og:url"]')).toHaveAttribute("content", url);
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
  await expect(page.locator('meta[name="twitter:title"]')).toHaveAttribute("content", essay.title);

  const scripts = page.locator('script[type="application/ld+json"]');
  await expect(scripts).toHaveCount(1);
  const jsonLd = JSON.parse((await scripts.textContent()) ?? "") as Record<string, unknown>;
  expect(jsonLd["@type"]).toBe("Article");
  expect(jsonLd.headline).toBe(essay.title);
  expect(jsonLd.url).toBe(url);
  expect(jsonLd.author).toMatchObject({ "@type": "Person", name: author.name, url: `${baseURL}/authors/${author.handle}` });
  expect(new Date(String(jsonLd.datePublished)).getTime()).toBe(essay.publishedAt?.getTime());
});

test("the home page advertises its feed", async ({ page, baseURL }) => {
  await page.goto("/");
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`^${escapeRegExp(baseURL!)}/?$`));
  const alternate = page.locator('link[rel="alternate"][href$="/feed.xml"]');
  await expect(alternate).toHaveCount(1);
  // The feed is Atom (see feed.spec.ts), and autodiscovery should say so.
  await expect(alternate).toHaveAttribute("type", "application/atom+xml");
});
