/**
 * The conversation's defences, the way readers run into them: a guest typing a member's
 * address, "previously approved" tied to the guest's own browser, and the short permalink
 * /comments/<id> showing only what the visitor may see. (The ones that need a site setting
 * changed, the Like flood limit and edits meeting the word lists, are in site-settings.spec.ts.)
 * Every test browses from its own made-up address: 198.51.100.145–150 and 203.0.113.145–150.
 */
import type { APIRequestContext } from "@playwright/test";
import { test, expect } from "./support/fixtures";
import { formMessage, signIn, strongPassword } from "./support/accounts";
import {
  AWAITING_MODERATION,
  commentCard,
  commentsHeading,
  fillCommentForm,
  from,
  newVisitor,
  openEssay,
  postComment,
  queueRow,
  respondForm,
  waitForFillTime,
} from "./support/comments";

test.describe("a guest with a member's address", () => {
  test.use(from("198.51.100.145"));

  test("is refused next to the e-mail field, with everything typed kept", async ({ page, data }) => {
    const author = await data.author({ name: `Member Host ${data.run}` });
    const member = await data.user({ name: `Known Member ${data.run}` });
    const essay = await data.essay({ author, title: `Who is speaking ${data.run}` });
    await data.publish();
    const body = `Pretending to be someone ${data.run}`;
    const guest = {
      name: `Not The Member ${data.run}`,
      email: member.email.toUpperCase(),
      url: "https://hearth.example/me",
      remember: true,
    };

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
    const onDraft = await data.comment({
      essay: draft,
      guest: { name: `Early Voice ${data.run}` },
      body: `Too early ${data.run}`,
    });
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
      expect(await status(visitor, approved.id)).toEqual({
        status: 307,
        location: `/posts/${essay.slug}#comment-${approved.id}`,
      });
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
