/**
 * The dashboard's post list as an author uses it: the status filter (with counts) and the title
 * search, each keeping the other. Browses from its own made-up address: 198.51.100.240.
 */
import { test, expect } from "./support/fixtures";
import { signIn, strongPassword } from "./support/accounts";
import { newVisitor } from "./support/comments";

test("an author narrows the post list by status and finds a post by its title; other authors' posts never show", async ({
  browser,
  data,
}) => {
  const word = `Walnut${data.unique().replace(/\W/g, "")}`;
  const author = await data.user({ role: "AUTHOR", name: `Lister ${data.unique()}`, password: strongPassword(data.unique()) });
  const other = await data.author({ name: `Other ${data.unique()}` });
  const pickled = await data.essay({ author, title: `Pickled ${word}s` });
  const bread = await data.essay({ author, title: `${word} Bread` });
  const draft = await data.essay({ author, title: `${word} Draft`, status: "DRAFT" });
  const notMine = await data.essay({ author: other, title: `${word} Not Mine` });

  const context = await newVisitor(browser, "198.51.100.240");
  const page = await context.newPage();
  await signIn(page, author, "/dashboard");
  const posts = page.getByRole("list", { name: "Posts" });
  const filters = page.getByRole("navigation", { name: "Filter by status" });
  const titles = async () => (await posts.getByRole("listitem").all()).map((item) => item.getAttribute("aria-label"));

  await expect(filters.getByRole("link", { name: "All (3)" })).toHaveAttribute("aria-current", "page");
  await expect(filters.getByRole("link", { name: "Published (2)" })).toBeVisible();
  await expect(filters.getByRole("link", { name: "Draft (1)" })).toBeVisible();
  await expect(filters.getByRole("link", { name: "Scheduled (0)" })).toBeVisible();
  await expect(posts.getByRole("listitem")).toHaveCount(3);
  await expect(page.getByText(notMine.title)).toHaveCount(0);

  // The status filter.
  await filters.getByRole("link", { name: "Draft (1)" }).click();
  await expect(page).toHaveURL("/dashboard?status=draft");
  await expect(posts.getByRole("listitem")).toHaveCount(1);
  expect(await Promise.all(await titles())).toEqual([draft.title]);

  // A search within the filter keeps it; a title that is not a draft finds nothing there.
  const search = page.getByRole("searchbox", { name: "Search by title" });
  await search.fill("bread");
  await search.press("Enter");
  await expect(page).toHaveURL("/dashboard?status=draft&q=bread");
  await expect(posts).toHaveCount(0);
  await expect(search).toHaveValue("bread");

  // Back to all statuses: the search is kept, and it matches regardless of case.
  await filters.getByRole("link", { name: /^All/ }).click();
  await expect(page).toHaveURL("/dashboard?q=bread");
  await expect(posts.getByRole("listitem")).toHaveCount(1);
  expect(await Promise.all(await titles())).toEqual([bread.title]);

  // The word they share finds all three of theirs, and still not the other author's.
  await search.fill(word);
  await search.press("Enter");
  await expect(posts.getByRole("listitem")).toHaveCount(3);
  expect((await Promise.all(await titles())).sort()).toEqual([pickled.title, bread.title, draft.title].sort());
  await context.close();
});
