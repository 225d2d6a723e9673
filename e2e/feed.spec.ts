import type { Page } from "@playwright/test";
import { test, expect } from "./support/fixtures";
import { datesBefore, richEssayMarkdown } from "./support/data";

interface ParsedXml {
  error: string | null;
  root: string;
  namespace: string | null;
}

/** Parses `text` with the browser's XML parser; returns the root and any parser error. */
async function parseXml(page: Page, text: string): Promise<ParsedXml> {
  return page.evaluate((xml) => {
    const doc = new DOMParser().parseFromString(xml, "application/xml");
    const error = doc.getElementsByTagName("parsererror")[0];
    return {
      error: error ? (error.textContent ?? "parsererror") : null,
      root: doc.documentElement.localName,
      namespace: doc.documentElement.namespaceURI,
    };
  }, text);
}

test("the Atom feed carries the newest essays in full", async ({ page, request, data, baseURL }) => {
  const author = await data.author({ name: `Feed Author ${data.run}` });
  const [newer, older] = datesBefore(new Date(), 2);
  const first = await data.essay({
    author,
    title: `Feeds & fires ${data.run}`,
    tags: [`Syndication ${data.run}`],
    bodyMarkdown: richEssayMarkdown("feeds"),
    publishedAt: newer,
  });
  const second = await data.essay({
    author,
    title: `Reading by the fire ${data.run}`,
    bodyMarkdown: `A second essay with a closing line that only the full content carries.\n\n${"More words here. ".repeat(80)}\n\nThe very last sentence ${data.run}.`,
    publishedAt: older,
  });
  await data.publish();

  const response = await request.get("/feed.xml");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^application\/atom\+xml\b/);
  const text = await response.text();

  await page.goto("about:blank");
  const parsed = await parseXml(page, text);
  expect(parsed.error).toBeNull();
  expect(parsed.root).toBe("feed");
  expect(parsed.namespace).toBe("http://www.w3.org/2005/Atom");

  const feed = await page.evaluate((xml) => {
    const doc = new DOMParser().parseFromString(xml, "application/xml");
    const child = (el: Element, name: string) => Array.from(el.children).find((c) => c.localName === name);
    return {
      title: child(doc.documentElement, "title")?.textContent,
      self: Array.from(doc.documentElement.children)
        .filter((c) => c.localName === "link" && c.getAttribute("rel") === "self")
        .map((c) => c.getAttribute("href"))[0],
      entries: Array.from(doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry")).map((entry) => ({
        title: child(entry, "title")?.textContent ?? "",
        link: child(entry, "link")?.getAttribute("href") ?? "",
        author: child(child(entry, "author")!, "name")?.textContent ?? "",
        categories: Array.from(entry.children)
          .filter((c) => c.localName === "category")
          .map((c) => c.getAttribute("term")),
        contentType: child(entry, "content")?.getAttribute("type") ?? "",
        content: child(entry, "content")?.textContent ?? "",
      })),
    };
  }, text);

  expect(feed.title).toBe("Hearth");
  expect(feed.self).toBe(`${baseURL}/feed.xml`);
  // Newest first: our two essays were published last, so they lead the feed.
  expect(feed.entries.slice(0, 2).map((e) => e.title)).toEqual([first.title, second.title]);

  const [firstEntry, secondEntry] = feed.entries;
  expect(firstEntry!.link).toBe(`${baseURL}/posts/${first.slug}`);
  expect(firstEntry!.author).toBe(author.name);
  expect(firstEntry!.categories).toEqual([`Syndication ${data.run}`]);
  expect(firstEntry!.contentType).toBe("html");
  // Full content: the whole body as HTML (table, code, footnotes), not just the excerpt.
  expect(firstEntry!.content).toContain("<table>");
  expect(firstEntry!.content).toContain("needsAnotherLog");
  expect(firstEntry!.content).toContain("Smoke is unburnt fuel escaping up the chimney.");
  expect(secondEntry!.content).toContain(`The very last sentence ${data.run}.`);
});

test("the sitemap lists the essays, their tags and authors", async ({ page, request, data, baseURL }) => {
  const author = await data.author({ name: `Mapped Author ${data.run}` });
  const tag = `Cartography ${data.run}`;
  const essay = await data.essay({ author, title: `Mapping the fireside ${data.run}`, tags: [tag] });
  const draft = await data.essay({ author, title: `Unmapped draft ${data.run}`, status: "DRAFT", publishedAt: null });
  await data.publish();

  const response = await request.get("/sitemap.xml");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/xml/);
  const text = await response.text();

  await page.goto("about:blank");
  const parsed = await parseXml(page, text);
  expect(parsed.error).toBeNull();
  expect(parsed.root).toBe("urlset");
  const locs = await page.evaluate(
    (xml) =>
      Array.from(new DOMParser().parseFromString(xml, "application/xml").getElementsByTagName("loc")).map(
        (l) => l.textContent ?? "",
      ),
    text,
  );
  expect(locs).toContain(`${baseURL}/`);
  expect(locs).toContain(`${baseURL}/posts/${essay.slug}`);
  expect(locs).toContain(`${baseURL}/tags/cartography-${data.run}`);
  expect(locs).toContain(`${baseURL}/authors/${author.handle}`);
  expect(locs).not.toContain(`${baseURL}/posts/${draft.slug}`);
});

test("robots.txt points crawlers at the sitemap", async ({ request, baseURL }) => {
  const response = await request.get("/robots.txt");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^text\/plain/);
  const text = await response.text();
  expect(text).toMatch(/^User-Agent: \*$/im);
  expect(text).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
});
