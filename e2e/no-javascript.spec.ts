import { test, expect } from "./support/fixtures";

// Everything a reader needs is in the server-rendered HTML: no script runs in these tests.
test.use({ javaScriptEnabled: false });

test("an essay and its conversation render fully without JavaScript", async ({ page, data }) => {
  const author = await data.author({ name: `Iris Calloway ${data.run}` });
  const firstLiker = await data.user({ name: `Liker One ${data.run}` });
  const secondLiker = await data.user({ name: `Liker Two ${data.run}` });
  const reader = await data.user({ name: `Thread Reader ${data.run}` });
  const essay = await data.essay({
    author,
    title: `Fires without scripts ${data.run}`,
    bodyMarkdown: "A fire needs no script to burn.\n\nIt needs air, fuel and a little patience.",
  });
  const guestName = `Wandering Guest ${data.run}`;
  const now = Date.now();
  const top = await data.comment({
    essay,
    guest: { name: guestName, url: `https://guest-${data.run}.example.com/` },
    body: "This made me want to **light the stove** tonight.",
    createdAt: new Date(now - 3 * 60_000),
  });
  const authorReply = await data.comment({
    essay,
    parent: top,
    author,
    body: "Thank you! Do send a photo of the stove.",
    createdAt: new Date(now - 2 * 60_000),
  });
  const replyToReply = await data.comment({
    essay,
    parent: authorReply,
    author: reader,
    body: "Seconding the request for photos.",
    createdAt: new Date(now - 60_000),
  });
  await data.like(top, firstLiker);
  await data.like(top, secondLiker);
  await data.publish();

  const response = await page.goto(`/posts/${essay.slug}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(essay.title);
  await expect(page.getByText("It needs air, fuel and a little patience.")).toBeVisible();
  await expect(page.locator("header").getByRole("link", { name: "3 comments" })).toBeVisible();

  const comments = page.locator("section#comments");
  await expect(comments.getByRole("heading", { level: 2 })).toHaveText(`3 thoughts on “${essay.title}”`);

  // Nesting: the reply sits inside its parent's item, the reply to the reply inside the reply's.
  const topItem = page.locator(`li#comment-${top.id}`);
  const replyItem = topItem.locator(`li#comment-${authorReply.id}`);
  const deepestItem = replyItem.locator(`li#comment-${replyToReply.id}`);
  await expect(replyItem).toHaveCount(1);
  await expect(deepestItem).toHaveCount(1);
  await expect(comments.getByRole("list", { name: "Comments" }).locator(":scope > li")).toHaveCount(1);

  // Each comment's own card (not its replies).
  const topCard = topItem.locator(":scope > article");
  const replyCard = replyItem.locator(":scope > article");
  const deepestCard = deepestItem.locator(":scope > article");
  await expect(topCard.locator("strong")).toHaveText("light the stove");
  await expect(replyCard).toContainText("Do send a photo of the stove.");
  await expect(deepestCard).toContainText("Seconding the request for photos.");

  // The post author's reply carries the badge; nobody else's does.
  await expect(replyCard.getByText(author.name, { exact: true })).toBeVisible();
  await expect(replyCard.getByText("Author", { exact: true })).toBeVisible();
  await expect(topCard.getByText("Author", { exact: true })).toHaveCount(0);
  await expect(deepestCard.getByText("Author", { exact: true })).toHaveCount(0);

  // A guest's website is user-generated: no SEO credit.
  const guestLink = topCard.getByRole("link", { name: guestName, exact: true });
  await expect(guestLink).toHaveAttribute("href", `https://guest-${data.run}.example.com/`);
  await expect(guestLink).toHaveAttribute("rel", /(^|\s)nofollow(\s|$)/);
  await expect(guestLink).toHaveAttribute("rel", /(^|\s)ugc(\s|$)/);

  // The date is a permalink to the comment.
  await expect(topCard.locator("header").getByRole("link").last()).toHaveAttribute(
    "href",
    `/posts/${essay.slug}#comment-${top.id}`,
  );

  // Likes: a native <details>, so the likers can be revealed without any script.
  const likers = topCard.getByRole("list", { name: "People who liked this comment" });
  await expect(likers).toBeHidden();
  await topCard.getByText("Liked by 2 people", { exact: true }).click();
  await expect(likers).toBeVisible();
  await expect(likers.getByRole("listitem")).toHaveText([firstLiker.name, secondLiker.name]);
  await expect(replyCard.getByText(/Liked by/)).toHaveCount(0);
});

test("a deleted comment with replies stays as a tombstone; closed comments say so", async ({ page, data }) => {
  const author = await data.author({ name: `Tomb Author ${data.run}` });
  const reader = await data.user({ name: `Tomb Reader ${data.run}` });
  const essay = await data.essay({ author, title: `Ashes and embers ${data.run}`, commentsOpen: false });
  const deletedName = `Vanished Guest ${data.run}`;
  const deleted = await data.comment({
    essay,
    guest: { name: deletedName },
    body: `Words that were taken back ${data.run}.`,
    createdAt: new Date(Date.now() - 60_000),
  });
  const reply = await data.comment({ essay, parent: deleted, author: reader, body: "I still remember what it said." });
  await data.deleteComment(deleted);
  await data.publish();

  await page.goto(`/posts/${essay.slug}`);
  const comments = page.locator("section#comments");
  await expect(comments.getByRole("heading", { level: 2 })).toHaveText(`One thought on “${essay.title}”`);
  const tombstone = page.locator(`li#comment-${deleted.id}`);
  await expect(tombstone.locator(":scope > article")).toHaveText("This comment was deleted.");
  await expect(comments).not.toContainText(`Words that were taken back ${data.run}`);
  await expect(comments).not.toContainText(deletedName);
  await expect(tombstone.locator(`li#comment-${reply.id}`)).toContainText("I still remember what it said.");
  await expect(comments.getByText("Comments are closed.")).toBeVisible();
});

test("a post with no comments says so", async ({ page, data }) => {
  const author = await data.author({ name: `Quiet Author ${data.run}` });
  const essay = await data.essay({ author, title: `A quiet evening ${data.run}` });
  await data.publish();

  await page.goto(`/posts/${essay.slug}`);
  await expect(page.locator("section#comments").getByRole("heading", { level: 2 })).toHaveText("No comments yet");
  await expect(page.getByText("Comments are closed.")).toHaveCount(0);
});

test("past fifty threads, the conversation continues on a second comment page", async ({ page, data }) => {
  const author = await data.author({ name: `Popular Author ${data.run}` });
  const essay = await data.essay({ author, title: `Everyone has an opinion ${data.run}` });
  const start = Date.now() - 60 * 60_000;
  const threads = [];
  for (let i = 1; i <= 51; i++) {
    threads.push(
      await data.comment({
        essay,
        guest: { name: `Voice ${i} ${data.run}` },
        body: `Opinion number ${i}.`,
        createdAt: new Date(start + i * 1000),
      }),
    );
  }
  await data.publish();

  await page.goto(`/posts/${essay.slug}`);
  const comments = page.locator("section#comments");
  await expect(comments.getByRole("heading", { level: 2 })).toHaveText(`51 thoughts on “${essay.title}”`);
  const topLevel = comments.getByRole("list", { name: "Comments" }).locator(":scope > li");
  await expect(topLevel).toHaveCount(50);
  await expect(topLevel.first()).toHaveAttribute("id", `comment-${threads[0]!.id}`);
  await expect(page.locator(`#comment-${threads[50]!.id}`)).toHaveCount(0);

  await comments.getByRole("navigation", { name: "Comment pages" }).getByRole("link", { name: "Later comments →" }).click();
  await expect(page).toHaveURL(new RegExp(`/posts/${essay.slug}/comment-page/2#comments$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(essay.title);
  await expect(topLevel).toHaveCount(1);
  await expect(topLevel.first()).toHaveAttribute("id", `comment-${threads[50]!.id}`);
  await expect(topLevel.first()).toContainText("Opinion number 51.");
  // Permalinks on page 2 point at page 2.
  await expect(topLevel.first().locator(":scope > article header").getByRole("link").last()).toHaveAttribute(
    "href",
    `/posts/${essay.slug}/comment-page/2#comment-${threads[50]!.id}`,
  );
  await expect(
    comments.getByRole("navigation", { name: "Comment pages" }).getByRole("link", { name: "← Earlier comments" }),
  ).toHaveAttribute("href", `/posts/${essay.slug}#comments`);
});
