/**
 * What the site's settings change, the way admins and readers meet it: a blocked word set on
 * /dashboard/settings, a new site title and description, refused values, who may open the page;
 * the Like flood limit (with and without JavaScript); an edit that brings a held or blocked word
 * into an approved comment.
 *
 * Settings are site-wide, so these tests run on their own, after every other spec (the
 * "isolated" project in playwright.config.ts, one worker): a lowered limit or a new title never
 * meets another test. Each puts the old values back whatever happens.
 * Addresses: 192.0.2.220–223, 198.51.100.141–144 and 203.0.113.143–144.
 */
import type { APIRequestContext } from "@playwright/test";
import { test, expect } from "./support/fixtures";
import { authorWithPassword, awaitRoomInRateWindow, formMessage, signIn, strongPassword } from "./support/accounts";
import {
  AWAITING_MODERATION,
  commentCard,
  commentItem,
  commentsHeading,
  commentsSection,
  fillCommentForm,
  from,
  likeButton,
  likedBy,
  newVisitor,
  openEssay,
  queueRow,
  respondForm,
  waitForFillTime,
} from "./support/comments";
import { revalidate, type TestData } from "./support/data";

const LIKING_TOO_QUICKLY = /^You’re liking too quickly\. Try again in \d+ (seconds?|minutes?)\.$/;

type SettingsPatch = Partial<{
  likesPerMinute: number;
  holdWords: string;
  blockWords: string;
  commentOrder: string;
  commentsPerPage: number;
}>;

/** Runs `body` with site settings changed, restoring them (and the cached copy) afterwards. */
async function withSettings(data: TestData, request: APIRequestContext, patch: SettingsPatch, body: () => Promise<void>) {
  const before = await data.db.settings.findUniqueOrThrow({ where: { id: 1 } });
  const restore = Object.fromEntries(Object.keys(patch).map((k) => [k, before[k as keyof SettingsPatch]])) as SettingsPatch;
  await data.db.settings.update({ where: { id: 1 }, data: patch });
  try {
    await revalidate(request, ["settings"]);
    await body();
  } finally {
    await data.db.settings.update({ where: { id: 1 }, data: restore });
    await revalidate(request, ["settings"]);
  }
}

test.describe("site settings", () => {
  test.use(from("192.0.2.220"));

  test("a blocked word set by the admin sends a new comment to the Trash, unseen on the essay", async ({
    page,
    browser,
    data,
    request,
  }) => {
    const admin = await data.user({ role: "ADMIN", name: `Site Admin ${data.run}`, password: strongPassword(data.run) });
    const author = await data.author({ name: `Blocked Host ${data.run}` });
    const essay = await data.essay({ author, title: `Guarded ${data.run}` });
    await data.publish();
    const word = `zorblax${data.run}`;
    const before = await data.db.settings.findUniqueOrThrow({ where: { id: 1 } });

    try {
      await signIn(page, admin, "/dashboard/settings");
      const blocked = page.getByLabel("Blocked", { exact: true });
      await blocked.fill(`${before.blockWords}\n${word}`.trim());
      await page.getByRole("button", { name: "Save settings" }).click();
      await expect(formMessage(page, "status", "Settings saved.")).toBeVisible();
      expect((await data.db.settings.findUniqueOrThrow({ where: { id: 1 } })).blockWords.split("\n")).toContain(word);
      // The other settings were kept as they were (the e2e site trusts X-Forwarded-For).
      expect((await data.db.settings.findUniqueOrThrow({ where: { id: 1 } })).trustProxy).toBe(true);

      const body = `Visit my ${word.toUpperCase()} shop today`;
      const guestContext = await newVisitor(browser, "192.0.2.221");
      try {
        const guestPage = await guestContext.newPage();
        const loadedAt = await openEssay(guestPage, essay.slug);
        await waitForFillTime(loadedAt);
        await fillCommentForm(respondForm(guestPage), body, { name: `Spammy ${data.run}`, email: data.email("spammy") });
        await respondForm(guestPage).getByRole("button", { name: "Post comment", exact: true }).click();
        await guestPage.waitForURL((url) => url.hash === "#comments");
        await expect(commentsSection(guestPage)).not.toContainText(body);
      } finally {
        await guestContext.close();
      }
      const trashed = await data.db.comment.findFirstOrThrow({ where: { postId: essay.id, bodyMarkdown: body } });
      expect(trashed.status).toBe("TRASH");

      const reader = await newVisitor(browser, "192.0.2.222");
      try {
        const readerPage = await reader.newPage();
        await openEssay(readerPage, essay.slug);
        await expect(commentsSection(readerPage)).not.toContainText(body);
      } finally {
        await reader.close();
      }

      // The admin finds it in the Trash.
      await page.goto(`/dashboard/comments?status=trash&post=${essay.id}`);
      await expect(queueRow(page, trashed.id)).toContainText(body);
    } finally {
      await data.db.settings.update({ where: { id: 1 }, data: { blockWords: before.blockWords } });
      await revalidate(request, ["settings"]);
    }
  });

  test("a new site title and description show at once in the header, the home page and the feed", async ({
    page,
    browser,
    data,
    request,
  }) => {
    const admin = await data.user({ role: "ADMIN", name: `Renaming Admin ${data.run}`, password: strongPassword(data.run) });
    const before = await data.db.settings.findUniqueOrThrow({ where: { id: 1 } });
    const title = `Ember Notes ${data.run}`;
    const description = `Short essays by the fire ${data.run}.`;
    try {
      await signIn(page, admin, "/dashboard/settings");
      await page.getByLabel("Site title", { exact: true }).fill(title);
      await page.getByLabel("Description", { exact: true }).fill(description);
      await page.getByRole("button", { name: "Save settings" }).click();
      await expect(formMessage(page, "status", "Settings saved.")).toBeVisible();

      const visitor = await newVisitor(browser, "192.0.2.223");
      try {
        const home = await visitor.newPage();
        await home.goto("/");
        await expect(home.getByRole("banner").getByRole("link", { name: title, exact: true })).toBeVisible();
        await expect(home.getByRole("heading", { level: 1 })).toHaveText(title);
        await expect(home.getByRole("contentinfo")).toContainText(description);
        await expect(home).toHaveTitle(title);
        const feed = await (await visitor.request.get("/feed.xml")).text();
        expect(feed).toContain(`<title>${title}</title>`);
      } finally {
        await visitor.close();
      }
    } finally {
      await data.db.settings.update({
        where: { id: 1 },
        data: { siteTitle: before.siteTitle, siteDescription: before.siteDescription },
      });
      await revalidate(request, ["settings", "posts"]);
    }
  });

  test("invalid settings are refused next to their fields and keep what was typed", async ({ page, data }) => {
    const admin = await data.user({ role: "ADMIN", name: `Fussy Admin ${data.run}`, password: strongPassword(data.run) });
    const before = await data.db.settings.findUniqueOrThrow({ where: { id: 1 } });
    await signIn(page, admin, "/dashboard/settings");
    const title = page.getByLabel("Site title", { exact: true });
    const depth = page.getByLabel("Displayed thread depth", { exact: true });
    const perPage = page.getByLabel("Top-level comments per page", { exact: true });
    const hold = page.getByLabel("Hold for review", { exact: true });
    const typedTitle = `A title nobody saved ${data.run}`;
    await title.fill(typedTitle);
    await depth.fill("11");
    await perPage.fill("0");
    await hold.fill(`first-${data.run}\nsecond.example`);
    await page.getByRole("button", { name: "Save settings" }).click();

    await expect(depth).toHaveAccessibleDescription(/Enter a whole number from 2 to 10\./);
    await expect(depth).toHaveAttribute("aria-invalid", "true");
    await expect(perPage).toHaveAccessibleDescription(/Enter a whole number from 1 to 200\./);
    await expect(title).toHaveValue(typedTitle);
    await expect(depth).toHaveValue("11");
    await expect(hold).toHaveValue(`first-${data.run}\nsecond.example`);
    await expect(formMessage(page, "alert", "Some settings need another look")).toBeVisible();
    const after = await data.db.settings.findUniqueOrThrow({ where: { id: 1 } });
    expect([after.siteTitle, after.threadDepth, after.commentsPerPage, after.holdWords]).toEqual([
      before.siteTitle,
      before.threadDepth,
      before.commentsPerPage,
      before.holdWords,
    ]);
  });

  test("authors cannot open the settings", async ({ page, data }) => {
    const author = await authorWithPassword(data, "Curious Author");
    await signIn(page, author, "/dashboard/comments");
    const response = await page.goto("/dashboard/settings");
    expect(response?.status()).toBe(403);
  });
});

test.describe("the Like flood limit", () => {
  test.describe("with JavaScript", () => {
    test.use(from("198.51.100.141"));

    test("pressing Like faster than the site allows says so next to the button and changes nothing", async ({
      page,
      data,
      request,
    }) => {
      const author = await data.author({ name: `Like Flood Host ${data.run}` });
      const writer = await data.user({ name: `Much Liked ${data.run}` });
      const reader = await data.user({ name: `Quick Thumb ${data.run}`, password: strongPassword(data.run) });
      const essay = await data.essay({ author, title: `Easy on the button ${data.run}` });
      const comment = await data.comment({ essay, author: writer, body: "Like me, once." });
      await data.publish();

      await withSettings(data, request, { likesPerMinute: 2 }, async () => {
        await signIn(page, reader, `/posts/${essay.slug}`);
        const card = commentCard(page, comment.id);
        // Two presses and the refusal fall within one minute window (lib/rate-limit/window.ts).
        await awaitRoomInRateWindow(10_000, 60_000);
        await likeButton(card).click();
        await expect(likeButton(card)).toHaveAttribute("aria-pressed", "true");
        await expect(likedBy(card)).toHaveText("Liked by 1 person");
        await likeButton(card).click();
        await expect(likeButton(card)).toHaveAttribute("aria-pressed", "false");
        await expect(likedBy(card)).toHaveCount(0);

        // The third press in a minute is refused: the message by the button, the count as it was.
        await likeButton(card).click();
        await expect(card.getByRole("alert")).toHaveText(LIKING_TOO_QUICKLY);
        await expect(likeButton(card)).toHaveAttribute("aria-pressed", "false");
        await expect(likeButton(card)).toBeEnabled();
        await expect(likedBy(card)).toHaveCount(0);
        expect(await data.db.commentLike.count({ where: { commentId: comment.id } })).toBe(0);
        expect((await data.db.comment.findUniqueOrThrow({ where: { id: comment.id } })).likeCount).toBe(0);

        await page.reload();
        await expect(likeButton(card)).toHaveAttribute("aria-pressed", "false");
        await expect(likedBy(card)).toHaveCount(0);
      });
    });
  });

  test.describe("without JavaScript", () => {
    test.use({ ...from("198.51.100.142"), javaScriptEnabled: false });

    test("ordered by likes, a like that moves a comment to the first page brings the reader there", async ({
      page,
      data,
      request,
    }) => {
      const author = await data.author({ name: `Ranked Host ${data.run}` });
      const writer = await data.user({ name: `Ranked Writer ${data.run}` });
      const reader = await data.user({ name: `Ranking Reader ${data.run}`, password: strongPassword(data.run) });
      const essay = await data.essay({ author, title: `Climbing the thread ${data.run}` });
      const comments = [];
      for (const n of [1, 2, 3]) comments.push(await data.comment({ essay, author: writer, body: `Rung ${n} ${data.run}` }));
      await data.publish();
      const last = comments[2]!;

      await withSettings(data, request, { commentOrder: "likes", commentsPerPage: 2 }, async () => {
        // No likes yet: the third comment is on the second page.
        await signIn(page, reader, `/posts/${essay.slug}/comment-page/2`);
        const card = commentCard(page, last.id);
        await expect(card).toBeVisible();
        await likeButton(card).click();
        // Its like puts it first, so the answer points at the first page, where it now is.
        await expect(page).toHaveURL(new RegExp(`/posts/${essay.slug}#comment-${last.id}$`));
        await expect(likedBy(commentCard(page, last.id))).toHaveText("Liked by 1 person");
      });
    });

    test("the form post past the limit gets a page that says so, and the like is not counted", async ({
      page,
      data,
      request,
    }) => {
      const author = await data.author({ name: `Plain Flood Host ${data.run}` });
      const writer = await data.user({ name: `Plainly Liked ${data.run}` });
      const reader = await data.user({ name: `Plain Thumb ${data.run}`, password: strongPassword(data.run) });
      const essay = await data.essay({ author, title: `Forms have limits ${data.run}` });
      const comment = await data.comment({ essay, author: writer, body: "Like me, plainly." });
      await data.publish();
      const permalink = `/posts/${essay.slug}#comment-${comment.id}`;

      await withSettings(data, request, { likesPerMinute: 2 }, async () => {
        await signIn(page, reader, `/posts/${essay.slug}`);
        const card = commentCard(page, comment.id);
        await awaitRoomInRateWindow(10_000, 60_000);
        await likeButton(card).click();
        await expect(page).toHaveURL(permalink);
        await expect(likeButton(card)).toHaveAttribute("aria-pressed", "true");
        await likeButton(card).click();
        await expect(page).toHaveURL(permalink);
        await expect(likeButton(card)).toHaveAttribute("aria-pressed", "false");

        const answered = page.waitForResponse(
          (r) => r.request().method() === "POST" && new URL(r.url()).pathname === `/comments/${comment.id}/like`,
        );
        await likeButton(card).click();
        expect((await answered).status()).toBe(429);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your like was not saved");
        await expect(page.getByRole("alert")).toHaveText(LIKING_TOO_QUICKLY);
        expect(await data.db.commentLike.count({ where: { commentId: comment.id } })).toBe(0);

        // Back to the comment: not liked, no count.
        await page.getByRole("link", { name: "Back to the comment" }).click();
        await expect(page).toHaveURL(permalink);
        await expect(likeButton(card)).toHaveAttribute("aria-pressed", "false");
        await expect(likedBy(card)).toHaveCount(0);
      });
    });
  });
});

test.describe("editing an approved comment", () => {
  test.use(from("198.51.100.143"));

  test("a word on the “Hold for review” list sends it back to moderation: gone from the thread, shown to its writer as waiting", async ({
    page,
    browser,
    data,
    request,
  }) => {
    const author = await data.author({ name: `Held Edit Host ${data.run}` });
    const other = await data.user({ name: `Steady Voice ${data.run}` });
    const reader = await data.user({ name: `Second Thoughts ${data.run}`, password: strongPassword(data.run) });
    const essay = await data.essay({ author, title: `Words that wait ${data.run}` });
    await data.comment({ essay, author: other, body: `A comment that stays ${data.run}` });
    const comment = await data.comment({ essay, author: reader, body: `An innocent remark ${data.run}` });
    await data.publish();
    const word = `quarrystone${data.run}`;
    const edited = `An innocent remark about ${word} ${data.run}`;

    await withSettings(data, request, { holdWords: word }, async () => {
      // An anonymous reader has the page (and it is cached) with both comments.
      const visitorContext = await newVisitor(browser, "203.0.113.143");
      try {
        const visitor = await visitorContext.newPage();
        await openEssay(visitor, essay.slug);
        await expect(commentsHeading(visitor)).toHaveText(`2 thoughts on “${essay.title}”`);
        await expect(commentItem(visitor, comment.id)).toContainText(`An innocent remark ${data.run}`);

        await signIn(page, reader, `/posts/${essay.slug}`);
        const card = commentCard(page, comment.id);
        await card.getByRole("link", { name: "Edit", exact: true }).click();
        await card.getByLabel("Edit your comment").fill(edited);
        await card.getByRole("button", { name: "Save changes" }).click();

        // Its writer sees it, marked as waiting; the count no longer includes it.
        await expect(page).toHaveURL(`/posts/${essay.slug}#comment-${comment.id}`);
        await expect(card).toContainText(edited);
        await expect(card.getByText(AWAITING_MODERATION, { exact: true })).toBeVisible();
        await expect(commentsHeading(page)).toHaveText(`One thought on “${essay.title}”`);
        const row = await data.db.comment.findUniqueOrThrow({ where: { id: comment.id } });
        expect(row.status).toBe("PENDING");
        expect((await data.db.post.findUniqueOrThrow({ where: { id: essay.id } })).commentCount).toBe(1);

        // Everybody else: gone from the thread.
        await visitor.reload();
        await expect(commentsHeading(visitor)).toHaveText(`One thought on “${essay.title}”`);
        await expect(commentItem(visitor, comment.id)).toHaveCount(0);
        await expect(commentsSection(visitor)).not.toContainText(word);
        await expect(commentsSection(visitor)).toContainText(`A comment that stays ${data.run}`);
      } finally {
        await visitorContext.close();
      }
    });
  });

  test.describe("with a blocked word", () => {
    test.use(from("198.51.100.144"));

    test("it goes to the Trash, out of everybody's sight", async ({ page, browser, data, request }) => {
      const author = await data.author({ name: `Blocked Edit Host ${data.run}` });
      const reader = await data.user({ name: `Late Spammer ${data.run}`, password: strongPassword(data.run) });
      const essay = await data.essay({ author, title: `Words that go ${data.run}` });
      const comment = await data.comment({ essay, author: reader, body: `A harmless start ${data.run}` });
      await data.publish();
      const word = `gravelpit${data.run}`;

      await withSettings(data, request, { blockWords: word }, async () => {
        await signIn(page, reader, `/posts/${essay.slug}`);
        await expect(commentsHeading(page)).toHaveText(`One thought on “${essay.title}”`);
        const card = commentCard(page, comment.id);
        await card.getByRole("link", { name: "Edit", exact: true }).click();
        await card.getByLabel("Edit your comment").fill(`Now buy ${word.toUpperCase()} today ${data.run}`);
        await card.getByRole("button", { name: "Save changes" }).click();

        // Gone from its writer's page too (a trashed comment shows to nobody).
        await expect(commentItem(page, comment.id)).toHaveCount(0);
        await expect(commentsHeading(page)).toHaveText("No comments yet");
        expect((await data.db.comment.findUniqueOrThrow({ where: { id: comment.id } })).status).toBe("TRASH");
        expect((await data.db.post.findUniqueOrThrow({ where: { id: essay.id } })).commentCount).toBe(0);

        const visitorContext = await newVisitor(browser, "203.0.113.144");
        try {
          const visitor = await visitorContext.newPage();
          await openEssay(visitor, essay.slug);
          await expect(commentsHeading(visitor)).toHaveText("No comments yet");
          await expect(commentItem(visitor, comment.id)).toHaveCount(0);
        } finally {
          await visitorContext.close();
        }
      });
    });
  });
});
