import { test, expect } from "./support/fixtures";

/** Width and height from a PNG's IHDR chunk (bytes 16–23), after checking its signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString("latin1")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test("an essay without a cover shares a generated 1200×630 card, cached under the essay's key", async ({ page, data, request, baseURL }) => {
  const author = await data.author({ name: `Card Author ${data.run}` });
  const essay = await data.essay({ author, title: `Cards by the fire ${data.run}` });
  await data.publish();

  await page.goto(`/posts/${essay.slug}`);
  const imageUrl = `${baseURL}/posts/${essay.slug}/og.png`;
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute("content", imageUrl);
  await expect(page.locator('meta[property="og:image:width"]')).toHaveAttribute("content", "1200");
  await expect(page.locator('meta[property="og:image:height"]')).toHaveAttribute("content", "630");
  await expect(page.locator('meta[name="twitter:image"]')).toHaveAttribute("content", imageUrl);
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");

  const response = await request.get(imageUrl);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/png");
  expect(response.headers()["cache-control"]).toMatch(/^public, /);
  expect(response.headers()["cache-tag"]?.split(" ")).toContain(`essay:${essay.slug}`);
  expect(pngSize(await response.body())).toEqual({ width: 1200, height: 630 });

  // An essay that is not published has no card.
  const draft = await data.essay({ author, title: `Hidden card ${data.run}`, status: "DRAFT", publishedAt: null });
  await data.publish();
  expect((await request.get(`/posts/${draft.slug}/og.png`)).status()).toBe(404);
});

test("an essay with a cover shares its cover", async ({ page, data, baseURL }) => {
  const author = await data.author({ name: `Cover Author ${data.run}` });
  const essay = await data.essay({ author, title: `Covered ${data.run}` });
  await data.db.post.update({ where: { id: essay.id }, data: { coverImage: "/uploads/covers/hearth.png", coverAlt: "A hearth" } });
  await data.publish();

  await page.goto(`/posts/${essay.slug}`);
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute("content", `${baseURL}/uploads/covers/hearth.png`);
  await expect(page.locator('meta[name="twitter:image"]')).toHaveAttribute("content", `${baseURL}/uploads/covers/hearth.png`);
});
