/**
 * The conversation's defences, the way readers run into them: the Like flood limit (with and
 * without JavaScript), an edit that brings a held or blocked word into an approved comment, a
 * guest typing a member's address, "previously approved" tied to the guest's own browser, and
 * the short permalink /comments/<id> showing only what the visitor may see.
 *
 * Tests that change a site setting set it in the database, drop the cached settings, and put
 * the old value back whatever happens (the suite runs one test at a time).
 * Every test browses from its own made-up address: 198.51.100.141–150 and 203.0.113.141–150.
 */
import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { test, expect } from "./support/fixtures";
import { awaitRoomInRateWindow, formMessage, signIn, strongPassword } from "./support/accounts";
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
  postComment,
  respondForm,
  waitForFillTime,
} from "./support/comments";
import { revalidate, type TestData } from "./support/data";

const LIKING_TOO_QUICKLY = /^You’re liking too quickly\. Try again in \d+ (seconds?|minutes?)\.$/;

type SettingsPatch = Partial<{ likesPerMinute: number; holdWords: string; blockWords: string }>;

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

/** The moderation queue's row for a comment. */
function queueRow(scope: Locator | Page, id: number): Locator {
  return scope.locator(`li#queue-comment-${id}`);
}

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

test.describe("a guest with a member's address", () => {
  test.use(from("198.51.100.145"));

  test("is refused next to the e-mail field, with everything typed kept", async ({ page, data }) => {
    const author = await data.author({ name: `Member Host ${data.run}` });
    const member = await data.user({ name: `Known Member ${data.run}` });
    const essay = await data.essay({ author, title: `Who is speaking ${data.run}` });
    await data.publish();
    const body = `Pretending to be someone ${data.run}`;
    const guest = { name: `Not The Member ${data.run}`, email: member.email.toUpperCase(), url: "https://hearth.example/me", remember: true };

    const loadedAt = await openEssay(page, essay.slug);
    const form = respondForm(page);
    await waitForFillTime(loadedAt);
    await fillCommentForm(form, body, guest);
    await form.getByRole("button", { name: "Post comment", exact: true }).click();

    const email = form.getByLabel("E-mail", { exact: true });
    await expect(email).toHaveAccessibleDescription(/^This address belongs to an account here\. Sign in to comment with it\./);
    await expect(email).toHaveAttribute("aria-invalid", "true");
    await expect(email).toHaveValue(guest.email);
    await expect(form.getByLabel("Comment", { exact: true })).toHaveValue(body);
    await expect(form.getByLabel("Name", { exact: true })).toHaveValue(guest.name);
    await expect(form.getByLabel("Website (optional)", { exact: true })).toHaveValue(guest.url);
    await expect(form.getByLabel("Remember me in this browser")).toBeChecked();
    expect(await data.db.comment.count({ where: { postId: essay.id } })).toBe(0);
  });
});

test.describe("previously approved guests", () => {
  test.use(from("198.51.100.146"));

  test("once approved, a remembered guest's next comment from the same browser is published at once; another browser with the same name and e-mail waits", async ({
    page,
    browser,
    data,
  }) => {
    const author = await data.user({ role: "AUTHOR", name: `Trusting Host ${data.run}`, password: strongPassword(data.run) });
    const essay = await data.essay({ author, title: `Familiar faces ${data.run}` });
    await data.publish();
    const guest = { name: `Regular Guest ${data.run}`, email: data.email("regular"), remember: true };

    const guestContext = await newVisitor(browser, "203.0.113.146");
    const impostorContext = await newVisitor(browser, "203.0.113.147");
    try {
      // The guest's first comment waits.
      const guestPage = await guestContext.newPage();
      let loadedAt = await openEssay(guestPage, essay.slug);
      await waitForFillTime(loadedAt);
      const first = await postComment(guestPage, respondForm(guestPage), `My first visit ${data.run}`, guest);
      await expect(commentCard(guestPage, first).getByText(AWAITING_MODERATION)).toBeVisible();

      // Later the guest, and someone else in another browser, open the essay again.
      loadedAt = await openEssay(guestPage, essay.slug);
      const form = respondForm(guestPage);
      await expect(form.getByLabel("Name", { exact: true })).toHaveValue(guest.name);
      await expect(form.getByLabel("E-mail", { exact: true })).toHaveValue(guest.email);
      await expect(form.getByLabel("Remember me in this browser")).toBeChecked();
      const impostor = await impostorContext.newPage();
      const impostorLoadedAt = await openEssay(impostor, essay.slug);

      // Meanwhile the author approves the first comment in the queue.
      await signIn(page, author, `/dashboard/comments?status=pending&post=${essay.id}`);
      await queueRow(page, first).getByRole("button", { name: "Approve", exact: true }).click();
      await expect(formMessage(page, "status", "1 comment approved.")).toBeVisible();

      // The guest's browser (remembered) comments again: published at once.
      await waitForFillTime(loadedAt);
      const second = await postComment(guestPage, form, `Back again ${data.run}`, guest);
      await expect(commentCard(guestPage, second)).toContainText(`Back again ${data.run}`);
      await expect(commentCard(guestPage, second).getByText(AWAITING_MODERATION)).toHaveCount(0);
      await expect(commentsHeading(guestPage)).toHaveText(`2 thoughts on “${essay.title}”`);
      expect((await data.db.comment.findUniqueOrThrow({ where: { id: second } })).status).toBe("APPROVED");

      // Another browser typing the same name and address is not them: it waits.
      await waitForFillTime(impostorLoadedAt);
      const third = await postComment(impostor, respondForm(impostor), `Not really them ${data.run}`, guest);
      await expect(commentCard(impostor, third).getByText(AWAITING_MODERATION)).toBeVisible();
      await expect(commentsHeading(impostor)).toHaveText(`2 thoughts on “${essay.title}”`);
      expect((await data.db.comment.findUniqueOrThrow({ where: { id: third } })).status).toBe("PENDING");
    } finally {
      await guestContext.close();
      await impostorContext.close();
    }
  });
});

test.describe("the short permalink /comments/<id>", () => {
  test.use(from("198.51.100.147"));

  test("leads only to comments the visitor may see: a held one for its own browser, never a draft's", async ({
    page,
    browser,
    data,
  }) => {
    const author = await data.author({ name: `Permalink Keeper ${data.run}` });
    const essay = await data.essay({ author, title: `Short ways in ${data.run}` });
    const draft = await data.essay({ author, title: `Not yet ${data.run}`, status: "DRAFT", publishedAt: null });
    const approved = await data.comment({ essay, guest: { name: `Open Voice ${data.run}` }, body: `Seen by all ${data.run}` });
    const onDraft = await data.comment({ essay: draft, guest: { name: `Early Voice ${data.run}` }, body: `Too early ${data.run}` });
    await data.publish();

    // A guest's held comment, written in this browser.
    const loadedAt = await openEssay(page, essay.slug);
    await waitForFillTime(loadedAt);
    const held = await postComment(page, respondForm(page), `Waiting my turn ${data.run}`, {
      name: `Held Guest ${data.run}`,
      email: data.email("held"),
    });

    const status = async (request: APIRequestContext, id: number) => {
      const response = await request.get(`/comments/${id}`, { maxRedirects: 0 });
      return { status: response.status(), location: response.headers()["location"] };
    };

    // Its writer's browser is taken to it.
    expect(await status(page.context().request, held)).toEqual({ status: 307, location: `/posts/${essay.slug}#comment-${held}` });
    await page.goto(`/comments/${held}`);
    await expect(page).toHaveURL(`/posts/${essay.slug}#comment-${held}`);
    await expect(commentCard(page, held).getByText(AWAITING_MODERATION)).toBeVisible();

    const visitorContext = await newVisitor(browser, "203.0.113.148");
    try {
      const visitor = visitorContext.request;
      // An approved comment on a published essay: to its page.
      expect(await status(visitor, approved.id)).toEqual({ status: 307, location: `/posts/${essay.slug}#comment-${approved.id}` });
      // Someone else's held comment, an approved comment on a draft, an id that never was: 404.
      expect((await status(visitor, held)).status).toBe(404);
      expect((await status(visitor, onDraft.id)).status).toBe(404);
      expect((await status(visitor, 999_999_999)).status).toBe(404);

      const visitorPage = await visitorContext.newPage();
      const response = await visitorPage.goto(`/comments/${held}`);
      expect(response?.status()).toBe(404);
      await expect(visitorPage.locator("body")).not.toContainText(`Waiting my turn ${data.run}`);
    } finally {
      await visitorContext.close();
    }
  });
});
