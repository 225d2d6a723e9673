/**
 * Moderation, the way authors and admins use it: the queue at /dashboard/comments (tabs,
 * per-comment and bulk actions, reply), and who may do any of it. (Site settings are in
 * site-settings.spec.ts.) Every test browses from its own made-up address: 192.0.2.201–219.
 */
import type { Locator, Page } from "@playwright/test";
import { test, expect } from "./support/fixtures";
import { authorWithPassword, formMessage, signIn, strongPassword } from "./support/accounts";
import {
  AWAITING_MODERATION,
  commentItem,
  commentsSection,
  from,
  newVisitor,
  openEssay,
  postComment,
  queueRow,
  respondForm,
  waitForFillTime,
} from "./support/comments";
import { type EssayRecord, type TestData } from "./support/data";
import { insertComment } from "../lib/comments/write";

/** A comment held for moderation (as a guest's first comment is), made through the data layer. */
async function pendingComment(data: TestData, essay: EssayRecord, body: string): Promise<number> {
  const c = await insertComment(data.db, {
    postId: essay.id,
    parentId: null,
    guest: { name: `Held Guest ${data.unique()}`, email: data.email("held") },
    bodyMarkdown: body,
    status: "PENDING",
  });
  return c.id;
}

/** The queue's status tabs ("Pending (2)", …). */
function tab(page: Page, name: "Pending" | "Approved" | "Spam" | "Trash"): Locator {
  return page.getByRole("navigation", { name: "Comment status" }).getByRole("link", { name: new RegExp(`^${name} \\(\\d+\\)$`) });
}

async function statusOf(data: TestData, id: number): Promise<string | undefined> {
  return (await data.db.comment.findUnique({ where: { id }, select: { status: true } }))?.status;
}

test.describe("the moderation queue", () => {
  test.use(from("192.0.2.201"));

  test("a guest's comment waits in Pending; the author approves it and every reader sees it", async ({ page, browser, data }) => {
    const author = await authorWithPassword(data, "Queue Keeper");
    const essay = await data.essay({ author, title: `Kept conversation ${data.run}` });
    await data.publish();
    const guest = { name: `First Timer ${data.run}`, email: data.email("first"), remember: true };
    const body = `A first comment from a guest ${data.run}`;

    // The guest posts from their own browser, asking it to remember them: held for moderation.
    const guestContext = await newVisitor(browser, "192.0.2.202");
    try {
      const guestPage = await guestContext.newPage();
      const loadedAt = await openEssay(guestPage, essay.slug);
      await waitForFillTime(loadedAt);
      const id = await postComment(guestPage, respondForm(guestPage), body, guest);
      await expect(commentItem(guestPage, id).getByText(AWAITING_MODERATION)).toBeVisible();
      expect(await statusOf(data, id)).toBe("PENDING");

      // The author finds it in Pending, with what a moderator needs to judge it.
      await signIn(page, author, "/dashboard/comments");
      await expect(tab(page, "Pending")).toHaveAttribute("aria-current", "page");
      await expect(tab(page, "Pending")).toHaveText("Pending (1)");
      const row = queueRow(page, id);
      await expect(row).toContainText(body);
      await expect(row).toContainText(guest.name);
      await expect(row).toContainText(guest.email);
      await expect(row).toContainText(/IP hash:\s*[0-9a-f]{10}/);
      await expect(row.getByRole("link", { name: essay.title })).toHaveAttribute("href", `/posts/${essay.slug}`);

      await row.getByRole("button", { name: "Approve", exact: true }).click();
      await expect(formMessage(page, "status", "1 comment approved.")).toBeVisible();
      await expect(queueRow(page, id)).toHaveCount(0);
      await expect(tab(page, "Pending")).toHaveText("Pending (0)");
      await expect(tab(page, "Approved")).toHaveText("Approved (1)");
      expect(await statusOf(data, id)).toBe("APPROVED");
      expect((await data.db.post.findUniqueOrThrow({ where: { id: essay.id } })).commentCount).toBe(1);

      // An anonymous reader in a fresh browser sees it on the essay, counted.
      const reader = await newVisitor(browser, "192.0.2.203");
      try {
        const readerPage = await reader.newPage();
        await openEssay(readerPage, essay.slug);
        await expect(commentItem(readerPage, id)).toContainText(body);
        await expect(commentsSection(readerPage)).not.toContainText(AWAITING_MODERATION);
        await expect(readerPage.locator("h2#comments-heading")).toHaveText(`One thought on “${essay.title}”`);
      } finally {
        await reader.close();
      }

      // “Previously approved”: the guest's next comment from the same browser goes straight through.
      const againAt = await openEssay(guestPage, essay.slug);
      await waitForFillTime(againAt);
      const second = await postComment(guestPage, respondForm(guestPage), `Back again ${data.run}`, guest);
      await expect(commentItem(guestPage, second).getByText(AWAITING_MODERATION)).toHaveCount(0);
      expect(await statusOf(data, second)).toBe("APPROVED");
    } finally {
      await guestContext.close();
    }
  });

  test("the author edits a comment and replies from the dashboard; the reply is published at once", async ({
    page,
    browser,
    data,
  }) => {
    const author = await authorWithPassword(data, "Replying Author");
    const essay = await data.essay({ author, title: `Answered ${data.run}` });
    const reader = await data.user({ name: `Asking Reader ${data.run}` });
    const question = await data.comment({ essay, author: reader, body: `Why kindling first? ${data.run}` });
    await data.publish();

    await signIn(page, author, "/dashboard/comments?status=approved");
    await queueRow(page, question.id).getByRole("link", { name: "Edit or reply" }).click();
    await expect(page).toHaveURL(`/dashboard/comments/${question.id}`);
    // A moderator's edit is re-rendered as comment Markdown.
    const fixed = `Why *kindling* first? ${data.run}`;
    await page.getByLabel("Comment text", { exact: true }).fill(fixed);
    await page.getByRole("button", { name: "Save comment" }).click();
    await expect(formMessage(page, "status", "Comment saved.")).toBeVisible();
    expect(await data.db.comment.findUniqueOrThrow({ where: { id: question.id } })).toMatchObject({
      bodyMarkdown: fixed,
      bodyHtml: `<p>Why <em>kindling</em> first? ${data.run}</p>`,
    });

    const answer = `Because it catches first. ${data.run}`;
    await page.getByLabel("Your reply", { exact: true }).fill(answer);
    await page.getByRole("button", { name: "Publish reply" }).click();
    await expect(formMessage(page, "status", "Reply published.")).toBeVisible();
    const reply = await data.db.comment.findFirstOrThrow({ where: { bodyMarkdown: answer } });
    expect(reply).toMatchObject({ status: "APPROVED", parentId: question.id, authorId: author.id, depth: 1 });

    const visitor = await newVisitor(browser, "192.0.2.205");
    try {
      const readerPage = await visitor.newPage();
      await openEssay(readerPage, essay.slug);
      const item = commentItem(commentItem(readerPage, question.id), reply.id);
      await expect(item).toContainText(answer);
      await expect(commentItem(readerPage, question.id).locator("em").first()).toHaveText("kindling");
      await expect(item.getByText("Author", { exact: true })).toBeVisible();
    } finally {
      await visitor.close();
    }
  });

  test("trash, then delete permanently after confirming; a comment with replies stays as a tombstone", async ({
    page,
    browser,
    data,
  }) => {
    const author = await authorWithPassword(data, "Tidy Author");
    const essay = await data.essay({ author, title: `Tidied ${data.run}` });
    const lonely = await data.comment({ essay, guest: { name: `Lonely ${data.run}` }, body: `Nobody answered me ${data.run}` });
    const parent = await data.comment({ essay, guest: { name: `Parent ${data.run}` }, body: `Somebody answered me ${data.run}` });
    const child = await data.comment({ essay, parent, guest: { name: `Child ${data.run}` }, body: `I answered ${data.run}` });
    await data.publish();

    await signIn(page, author, `/dashboard/comments?status=approved&post=${essay.id}`);
    for (const id of [lonely.id, parent.id]) await queueRow(page, id).getByRole("checkbox").check();
    await page.getByLabel("Bulk action").selectOption({ label: "Move to trash" });
    await page.getByRole("button", { name: "Apply", exact: true }).click();
    await expect(formMessage(page, "status", "2 comments moved to the trash.")).toBeVisible();
    expect((await data.db.post.findUniqueOrThrow({ where: { id: essay.id } })).commentCount).toBe(1);

    await tab(page, "Trash").click();
    await expect(tab(page, "Trash")).toHaveText("Trash (2)");
    // The first time the question is dismissed: the form is not even sent. The submission would
    // start inside the click (after the dialog closes), so once the click has returned and the
    // page has answered a round trip, a POST would have been seen.
    let posts = 0;
    const countPosts = (request: { method(): string }) => void (request.method() === "POST" && posts++);
    page.on("request", countPosts);
    const dialog = page.waitForEvent("dialog");
    page.once("dialog", (d) => void d.dismiss());
    await queueRow(page, lonely.id).getByRole("button", { name: "Delete permanently" }).click();
    await dialog;
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    page.off("request", countPosts);
    expect(posts).toBe(0);
    await expect(queueRow(page, lonely.id)).toBeVisible();
    expect(await statusOf(data, lonely.id)).toBe("TRASH");

    page.once("dialog", (dialog) => void dialog.accept());
    await queueRow(page, lonely.id).getByRole("button", { name: "Delete permanently" }).click();
    await expect(formMessage(page, "status", "1 comment deleted permanently.")).toBeVisible();
    await expect(queueRow(page, lonely.id)).toHaveCount(0);
    expect(await statusOf(data, lonely.id)).toBeUndefined();

    page.once("dialog", (dialog) => void dialog.accept());
    await queueRow(page, parent.id).getByRole("button", { name: "Delete permanently" }).click();
    await expect(formMessage(page, "status", "1 comment deleted permanently.")).toBeVisible();
    await expect(tab(page, "Trash")).toHaveText("Trash (0)");
    expect(await statusOf(data, parent.id)).toBe("DELETED");

    const visitor = await newVisitor(browser, "192.0.2.206");
    try {
      const readerPage = await visitor.newPage();
      await openEssay(readerPage, essay.slug);
      await expect(commentItem(readerPage, parent.id)).toContainText("This comment was deleted.");
      await expect(commentItem(readerPage, parent.id)).not.toContainText(`Somebody answered me ${data.run}`);
      await expect(commentItem(commentItem(readerPage, parent.id), child.id)).toContainText(`I answered ${data.run}`);
      await expect(commentItem(readerPage, lonely.id)).toHaveCount(0);
    } finally {
      await visitor.close();
    }
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("bulk “Mark as spam” moves the two ticked comments and leaves the third", async ({ page, data }) => {
      const author = await authorWithPassword(data, "Bulk Sweeper");
      const essay = await data.essay({ author, title: `Swept ${data.run}` });
      const [a, b, keep] = [
        await pendingComment(data, essay, `Cheap pills one ${data.run}`),
        await pendingComment(data, essay, `Cheap pills two ${data.run}`),
        await pendingComment(data, essay, `A real question ${data.run}`),
      ];
      await data.publish();

      await signIn(page, author, `/dashboard/comments?status=pending&post=${essay.id}`);
      await expect(tab(page, "Pending")).toHaveText("Pending (3)");
      await queueRow(page, a).getByRole("checkbox").check();
      await queueRow(page, b).getByRole("checkbox").check();
      await page.getByLabel("Bulk action").selectOption({ label: "Mark as spam" });
      await page.getByRole("button", { name: "Apply", exact: true }).click();

      await expect(formMessage(page, "status", "2 comments marked as spam.")).toBeVisible();
      await expect(tab(page, "Pending")).toHaveText("Pending (1)");
      await expect(tab(page, "Spam")).toHaveText("Spam (2)");
      await expect(queueRow(page, keep)).toBeVisible();
      await expect(queueRow(page, a)).toHaveCount(0);
      expect([await statusOf(data, a), await statusOf(data, b), await statusOf(data, keep)]).toEqual(["SPAM", "SPAM", "PENDING"]);

      await tab(page, "Spam").click();
      await expect(queueRow(page, a)).toBeVisible();
      await expect(queueRow(page, b)).toBeVisible();
    });

    test("Apply without a ticked comment says so and changes nothing", async ({ page, data }) => {
      const author = await authorWithPassword(data, "Careful Sweeper");
      const essay = await data.essay({ author, title: `Unswept ${data.run}` });
      const id = await pendingComment(data, essay, `Leave me be ${data.run}`);
      await data.publish();
      await signIn(page, author, "/dashboard/comments");
      await page.getByLabel("Bulk action").selectOption({ label: "Approve" });
      await page.getByRole("button", { name: "Apply", exact: true }).click();
      await expect(formMessage(page, "alert", "Select at least one comment.")).toBeVisible();
      expect(await statusOf(data, id)).toBe("PENDING");
    });
  });
});

test.describe("who may moderate", () => {
  test.use(from("192.0.2.210"));

  test("a reader cannot open the queue; a signed-out visitor is sent to sign in", async ({ page, data }) => {
    const reader = await data.user({ name: `Curious Reader ${data.run}`, password: strongPassword(data.run) });
    const anonymous = await page.goto("/dashboard/comments?status=spam");
    expect(anonymous?.status()).toBe(200);
    await expect(page).toHaveURL(/\/signin\?callbackUrl=/);

    await signIn(page, reader, "/account");
    const response = await page.goto("/dashboard/comments");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You can’t do that here" })).toBeVisible();
  });

  test("an author cannot moderate a comment on another author's essay, even with a forged id", async ({ page, data }) => {
    const mallory = await authorWithPassword(data, "Meddling Author");
    const other = await data.author({ name: `Other Author ${data.run}` });
    const mine = await data.essay({ author: mallory, title: `Mine ${data.run}` });
    const theirs = await data.essay({ author: other, title: `Theirs ${data.run}` });
    const own = await pendingComment(data, mine, `On my essay ${data.run}`);
    const foreign = await pendingComment(data, theirs, `On their essay ${data.run}`);
    await data.publish();

    await signIn(page, mallory, "/dashboard/comments");
    // Not listed…
    await expect(queueRow(page, own)).toBeVisible();
    await expect(queueRow(page, foreign)).toHaveCount(0);
    await expect(page.getByText(`On their essay ${data.run}`)).toHaveCount(0);

    // …and a forged id in the form (a ticked box and a button pointed at it) is refused whole.
    await queueRow(page, own).getByRole("checkbox").check();
    await queueRow(page, own)
      .getByRole("checkbox")
      .evaluate((box, id) => {
        const extra = box.cloneNode() as HTMLInputElement;
        extra.value = String(id);
        extra.checked = true;
        box.after(extra);
      }, foreign);
    await page.getByLabel("Bulk action").selectOption({ label: "Approve" });
    await page.getByRole("button", { name: "Apply", exact: true }).click();
    const refused = "You can’t moderate one or more of these comments. Nothing was changed.";
    await expect(formMessage(page, "alert", refused)).toBeVisible();
    expect([await statusOf(data, own), await statusOf(data, foreign)]).toEqual(["PENDING", "PENDING"]);

    await page.reload();
    await queueRow(page, own)
      .getByRole("button", { name: "Move to trash" })
      .evaluate((button, id) => button.setAttribute("value", `trash:${id}`), foreign);
    await queueRow(page, own).getByRole("button", { name: "Move to trash" }).click();
    await expect(formMessage(page, "alert", refused)).toBeVisible();
    expect(await statusOf(data, foreign)).toBe("PENDING");

    // The comment's own page answers 403.
    const response = await page.goto(`/dashboard/comments/${foreign}`);
    expect(response?.status()).toBe(403);
  });
});
