/**
 * Trust tools (issue 12), the way readers and moderators use them: reporting a comment and the
 * Reports tab. Every test browses from its own made-up addresses: 203.0.113.60–79.
 */
import type { Locator, Page } from "@playwright/test";
import { test, expect } from "./support/fixtures";
import { authorWithPassword, formMessage, signIn, strongPassword } from "./support/accounts";
import { commentItem, from, likeButton, commentCard, newVisitor, openEssay, queueRow, respondForm } from "./support/comments";
import { blockedMessage } from "../lib/users/block";
import type { TestData } from "./support/data";

function reportsTab(page: Page): Locator {
  return page.getByRole("navigation", { name: "Comment status" }).getByRole("link", { name: /^Reports \(\d+\)$/ });
}

async function reader(data: TestData, label: string) {
  return data.user({ name: `${label} ${data.run}`, password: strongPassword(data.run) });
}

test.describe("reporting a comment", () => {
  test.use(from("203.0.113.60"));

  test("a reader reports a comment once; the author sees it under Reports and dismisses it", async ({ page, browser, data }) => {
    const author = await authorWithPassword(data, "Report Keeper");
    const essay = await data.essay({ author, title: `Reported conversation ${data.run}` });
    const writer = await reader(data, "Loud Writer");
    const reporter = await reader(data, "Careful Reader");
    const mine = await data.comment({ essay, author: reporter, body: `My own words ${data.run}` });
    const loud = await data.comment({ essay, author: writer, body: `Buy cheap watches ${data.run}` });
    await data.publish();

    // An anonymous reader gets no Report link (the shared page has nothing per-viewer).
    await openEssay(page, essay.slug);
    await expect(commentItem(page, loud.id).getByRole("link", { name: /^Report/ })).toHaveCount(0);

    await signIn(page, reporter, `/posts/${essay.slug}`);
    // Nobody reports their own comment.
    await expect(commentItem(page, mine.id).getByRole("link", { name: /^Report/ })).toHaveCount(0);
    await commentItem(page, loud.id)
      .getByRole("link", { name: `Report the comment by ${writer.name}` })
      .click();
    await expect(page).toHaveURL(`/comments/${loud.id}/report`);
    await expect(page.getByRole("heading", { name: "Report a comment" })).toBeVisible();
    await expect(page.locator("blockquote")).toContainText(`Buy cheap watches ${data.run}`);

    // A note that is too long is refused next to the field, with the choice and the text kept.
    const form = page.getByRole("form", { name: "Report this comment" });
    await form.getByLabel("Spam").check();
    const longNote = "x".repeat(501);
    await form.getByLabel(/Anything the moderators should know/).fill(longNote);
    await form.getByRole("button", { name: "Send report" }).click();
    await expect(page.locator("#field-note-error")).toHaveText("Keep the note under 500 characters.");
    await expect(form.getByLabel(/Anything the moderators should know/)).toHaveValue(longNote);
    await expect(form.getByLabel("Spam")).toBeChecked();

    await form.getByLabel(/Anything the moderators should know/).fill("Links to a shop, every day.");
    await form.getByRole("button", { name: "Send report" }).click();
    await expect(formMessage(page, "status", "Thank you. A moderator will look at this comment.")).toBeVisible();

    // Coming back to the form: already reported.
    await page.goto(`/comments/${loud.id}/report`);
    await expect(formMessage(page, "alert", "You already reported this.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Send report" })).toHaveCount(0);

    // The author finds it under Reports, with the count and the reason.
    const authorContext = await newVisitor(browser, "203.0.113.61");
    try {
      const authorPage = await authorContext.newPage();
      await signIn(authorPage, author, "/dashboard/comments");
      await expect(reportsTab(authorPage)).toHaveText("Reports (1)");
      await reportsTab(authorPage).click();
      await expect(reportsTab(authorPage)).toHaveAttribute("aria-current", "page");
      const row = queueRow(authorPage, loud.id);
      await expect(row).toContainText(`Buy cheap watches ${data.run}`);
      await expect(row).toContainText("1 report");
      await expect(row.getByRole("list", { name: "Reports" })).toContainText(
        `Spam — ${reporter.name}: “Links to a shop, every day.”`,
      );
      await row.getByRole("button", { name: "Dismiss reports" }).click();
      await expect(formMessage(authorPage, "status", "1 report dismissed; the comment stays as it is.")).toBeVisible();
      await expect(queueRow(authorPage, loud.id)).toHaveCount(0);
      await expect(reportsTab(authorPage)).toHaveText("Reports (0)");
      const status = await data.db.comment.findUniqueOrThrow({ where: { id: loud.id }, select: { status: true } });
      expect(status.status).toBe("APPROVED");
    } finally {
      await authorContext.close();
    }
  });

  test("without JavaScript: two readers report a comment and the admin moves it to the trash", async ({ browser, data }) => {
    const author = await authorWithPassword(data, "Plain Author");
    const essay = await data.essay({ author, title: `Plain reports ${data.run}` });
    const writer = await reader(data, "Rude Writer");
    const first = await reader(data, "First Reporter");
    const second = await reader(data, "Second Reporter");
    const admin = await data.user({ role: "ADMIN", name: `Site Admin ${data.run}`, password: strongPassword(data.run) });
    const rude = await data.comment({ essay, author: writer, body: `You are all fools ${data.run}` });
    await data.publish();

    let n = 62;
    for (const [who, reason] of [
      [first, "Abuse or harassment"],
      [second, "Off-topic"],
    ] as const) {
      const context = await browser.newContext({ javaScriptEnabled: false, ...from(`203.0.113.${n++}`) });
      try {
        const page = await context.newPage();
        await signIn(page, who, `/comments/${rude.id}/report`);
        await page.getByLabel(reason).check();
        await page.getByRole("button", { name: "Send report" }).click();
        await expect(formMessage(page, "status", "Thank you. A moderator will look at this comment.")).toBeVisible();
        // Going back to the form: already reported, nothing to send again.
        await page.goBack();
        await expect(formMessage(page, "alert", "You already reported this.")).toBeVisible();
        await expect(page.getByRole("button", { name: "Send report" })).toHaveCount(0);
      } finally {
        await context.close();
      }
    }
    expect(await data.db.commentReport.count({ where: { commentId: rude.id } })).toBe(2);

    const context = await browser.newContext({ javaScriptEnabled: false, ...from("203.0.113.64") });
    try {
      const page = await context.newPage();
      await signIn(page, admin, "/dashboard/comments?status=reported");
      const row = queueRow(page, rude.id);
      await expect(row).toContainText("2 reports");
      await expect(row.getByRole("list", { name: "Reports" })).toContainText(`Abuse or harassment — ${first.name}`);
      await expect(row.getByRole("list", { name: "Reports" })).toContainText(`Off-topic — ${second.name}`);
      await row.getByRole("button", { name: "Move to trash" }).click();
      await expect(formMessage(page, "status", "Comment moved to the trash; 2 reports closed.")).toBeVisible();
      await expect(queueRow(page, rude.id)).toHaveCount(0);

      // Readers no longer see it.
      await openEssay(page, essay.slug);
      await expect(commentItem(page, rude.id)).toHaveCount(0);
    } finally {
      await context.close();
    }
  });
});

test.describe("blocking an account", () => {
  test.use(from("203.0.113.66"));

  test("an admin blocks a reader for a day: they still sign in and read, but cannot comment or like until it is lifted", async ({
    page,
    browser,
    data,
  }) => {
    const admin = await data.user({ role: "ADMIN", name: `Block Admin ${data.run}`, password: strongPassword(data.run) });
    const author = await authorWithPassword(data, "Blocked Essayist");
    const essay = await data.essay({ author, title: `Blocked conversation ${data.run}` });
    const troll = await reader(data, "Troll Reader");
    const other = await reader(data, "Kind Reader");
    const kind = await data.comment({ essay, author: other, body: `A kind comment ${data.run}` });
    await data.publish();

    await signIn(page, admin, `/admin/users?q=${encodeURIComponent(troll.name)}`);
    const account = page.getByRole("listitem", { name: troll.name });
    await account.getByLabel(`Block ${troll.name} for`).selectOption("day");
    await account.getByRole("button", { name: "Block", exact: true }).click();
    await expect(account.getByRole("status")).toHaveText(
      /^Troll Reader .* is blocked until \d{1,2} \w+ \d{4} at \d\d:\d\d UTC\.$/,
    );
    await expect(account.getByText(/^Blocked until /)).toBeVisible();
    const until = (await data.db.user.findUniqueOrThrow({ where: { id: troll.id } })).bannedUntil;
    expect(until).not.toBeNull();
    const message = blockedMessage(until!);
    expect(until!.getTime() - Date.now()).toBeGreaterThan(23 * 3_600_000);
    expect(until!.getTime() - Date.now()).toBeLessThan(25 * 3_600_000);

    const trollContext = await newVisitor(browser, "203.0.113.67");
    try {
      const trollPage = await trollContext.newPage();
      // Signing in still works, and so does reading.
      await signIn(trollPage, troll, `/posts/${essay.slug}`);
      await expect(commentItem(trollPage, kind.id)).toContainText(`A kind comment ${data.run}`);
      // The comment form says why, next to it; sending it anyway is refused with the text kept.
      const form = respondForm(trollPage);
      await expect(form.locator("#comment-blocked")).toHaveText(message);
      await form.getByLabel("Comment", { exact: true }).fill(`Let me in ${data.run}`);
      await form.getByRole("button", { name: "Post comment", exact: true }).click();
      await expect(form.getByRole("alert").filter({ hasText: message }).first()).toBeVisible();
      await expect(form.getByLabel("Comment", { exact: true })).toHaveValue(`Let me in ${data.run}`);
      expect(await data.db.comment.count({ where: { authorId: troll.id } })).toBe(0);
      // Liking is refused too.
      await likeButton(commentCard(trollPage, kind.id)).click();
      await expect(trollPage.getByText("You can’t like comments until")).toBeVisible();
      expect(await data.db.commentLike.count({ where: { userId: troll.id } })).toBe(0);

      // The admin lifts the block; the reader comments again.
      await page.reload();
      await page.getByRole("listitem", { name: troll.name }).getByRole("button", { name: "Unblock" }).click();
      await expect(page.getByRole("listitem", { name: troll.name }).getByRole("status")).toHaveText(
        `${troll.name} can comment again.`,
      );
      expect((await data.db.user.findUniqueOrThrow({ where: { id: troll.id } })).bannedUntil).toBeNull();
      await openEssay(trollPage, essay.slug);
      await expect(respondForm(trollPage).locator("#comment-blocked")).toHaveCount(0);
    } finally {
      await trollContext.close();
    }
  });

  test("an admin blocks a comment's writer forever from the comment's moderation page", async ({ page, browser, data }) => {
    const admin = await data.user({ role: "ADMIN", name: `Forever Admin ${data.run}`, password: strongPassword(data.run) });
    const author = await authorWithPassword(data, "Forever Essayist");
    const essay = await data.essay({ author, title: `Forever blocked ${data.run}` });
    const spammer = await reader(data, "Spamming Reader");
    const spam = await data.comment({ essay, author: spammer, body: `Cheap pills ${data.run}` });
    await data.publish();

    await signIn(page, admin, `/dashboard/comments/${spam.id}`);
    const section = page.getByRole("region", { name: "The writer's account" });
    await section.getByLabel(`Block ${spammer.name} for`).selectOption("forever");
    await section.getByRole("button", { name: "Block", exact: true }).click();
    await expect(section.getByRole("status")).toHaveText(`${spammer.name} is blocked.`);
    await expect(section.getByText("Blocked", { exact: true })).toBeVisible();

    const context = await browser.newContext({ javaScriptEnabled: false, ...from("203.0.113.68") });
    try {
      const spammerPage = await context.newPage();
      await signIn(spammerPage, spammer, `/posts/${essay.slug}`);
      await expect(respondForm(spammerPage).locator("#comment-blocked")).toHaveText(
        "You can’t comment: your account is blocked.",
      );
    } finally {
      await context.close();
    }
  });
});

test.describe("the audit log", () => {
  test.use(from("203.0.113.70"));

  test("an admin sees moderators' actions at /admin/audit, newest first, and filters them", async ({ page, browser, data }) => {
    const admin = await data.user({ role: "ADMIN", name: `Audit Admin ${data.run}`, password: strongPassword(data.run) });
    const author = await authorWithPassword(data, "Audited Author");
    const essay = await data.essay({ author, title: `Audited ${data.run}` });
    const writer = await reader(data, "Audited Writer");
    const c = await data.comment({ essay, author: writer, body: `Trash me ${data.run}` });
    await data.publish();

    // The author trashes a comment on their essay from the queue.
    const authorContext = await newVisitor(browser, "203.0.113.71");
    try {
      const authorPage = await authorContext.newPage();
      await signIn(authorPage, author, "/dashboard/comments?status=approved");
      await queueRow(authorPage, c.id).getByRole("button", { name: "Move to trash" }).click();
      await expect(formMessage(authorPage, "status", "1 comment moved to the trash.")).toBeVisible();
      // Authors have no audit log.
      const answer = await authorPage.goto("/admin/audit");
      expect(answer?.status()).toBe(403);
    } finally {
      await authorContext.close();
    }

    // The admin blocks the writer, then reads the log.
    await signIn(page, admin, `/admin/users?q=${encodeURIComponent(writer.name)}`);
    const account = page.getByRole("listitem", { name: writer.name });
    await account.getByLabel(`Block ${writer.name} for`).selectOption("week");
    await account.getByRole("button", { name: "Block", exact: true }).click();
    await expect(account.getByRole("status")).toContainText("is blocked until");
    await page.getByRole("link", { name: "Audit log" }).click();
    await expect(page).toHaveURL("/admin/audit");
    await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();

    const rows = page.getByRole("table", { name: "Audit entries" }).locator("tbody tr");
    const blockRow = rows.filter({ hasText: admin.name }).filter({ hasText: "Blocked an account" });
    await expect(blockRow).toHaveCount(1);
    await expect(blockRow).toContainText(writer.name);
    await expect(blockRow).toContainText('"duration":"week"');
    const trashRow = rows.filter({ hasText: author.name }).filter({ hasText: "Moved a comment to the trash" });
    await expect(trashRow).toHaveCount(1);
    await expect(trashRow.getByRole("link", { name: `comment ${c.id}` })).toHaveAttribute("href", `/dashboard/comments/${c.id}`);
    await expect(trashRow).toContainText('{"status":"APPROVED"}');
    await expect(trashRow).toContainText('{"status":"TRASH"}');

    // Filtered by who: only the author's entries.
    await page.getByLabel("Who").selectOption({ label: author.name });
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/\/admin\/audit\?actor=/);
    await expect(rows.filter({ hasText: "Moved a comment to the trash" })).toHaveCount(1);
    await expect(rows.filter({ hasText: admin.name })).toHaveCount(0);

    // Filtered by what: blocks only, the admin's among them.
    await page.goto("/admin/audit");
    await page.getByLabel("What").selectOption({ label: "Blocked an account" });
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(rows.filter({ hasText: writer.name })).toHaveCount(1);
    await expect(rows.filter({ hasText: "Moved a comment to the trash" })).toHaveCount(0);
  });
});

test.describe("likes under moderation", () => {
  test.use(from("203.0.113.72"));

  test("a reader hides their name from “Liked by”; the author still sees them and removes another like", async ({
    page,
    browser,
    data,
  }) => {
    const author = await authorWithPassword(data, "Liked Author");
    const essay = await data.essay({ author, title: `Liked conversation ${data.run}` });
    const shy = await reader(data, "Shy Liker");
    const open = await reader(data, "Open Liker");
    const writer = await reader(data, "Liked Writer");
    const c = await data.comment({ essay, author: writer, body: `Worth liking ${data.run}` });
    await data.like(c, open);
    await data.like(c, shy);
    await data.publish();

    // The shy reader hides their name in their account settings.
    await signIn(page, shy, "/account");
    const privacy = page.getByRole("form", { name: "Likes" });
    await privacy.getByLabel("Hide my name from “Liked by” lists").check();
    await privacy.getByRole("button", { name: "Save" }).click();
    await expect(
      formMessage(page, "status", "Your name is no longer shown in “Liked by” lists; your likes still count."),
    ).toBeVisible();
    await page.reload();
    await expect(page.getByRole("form", { name: "Likes" }).getByLabel("Hide my name from “Liked by” lists")).toBeChecked();

    // An anonymous reader: two likes, one name, "and 1 other".
    const anonymous = await browser.newContext({ javaScriptEnabled: false, ...from("203.0.113.73") });
    try {
      const readerPage = await anonymous.newPage();
      await openEssay(readerPage, essay.slug);
      const card = commentCard(readerPage, c.id);
      await card.getByText("Liked by 2 people").click();
      const names = card.getByRole("list", { name: "People who liked this comment" });
      await expect(names.getByRole("listitem")).toHaveText([open.name, "and 1 other"]);
      await expect(names).not.toContainText(shy.name);
    } finally {
      await anonymous.close();
    }

    // The author sees both, the hidden one marked, and removes the other like.
    const authorContext = await newVisitor(browser, "203.0.113.74");
    try {
      const authorPage = await authorContext.newPage();
      await signIn(authorPage, author, `/dashboard/comments/${c.id}`);
      const likers = authorPage.getByRole("list", { name: "People who liked this comment" });
      await expect(likers.getByRole("listitem", { name: shy.name })).toContainText("(name hidden from the public)");
      await expect(likers.getByRole("listitem", { name: open.name })).not.toContainText("hidden");
      await likers.getByRole("listitem", { name: open.name }).getByRole("button", { name: "Remove like" }).click();
      await expect(formMessage(authorPage, "status", "Like removed. 1 like left.")).toBeVisible();
      await expect(likers.getByRole("listitem", { name: open.name })).toHaveCount(0);
      const row = await data.db.comment.findUniqueOrThrow({ where: { id: c.id }, select: { likeCount: true } });
      expect(row.likeCount).toBe(1);
      expect(await data.db.commentLike.count({ where: { commentId: c.id } })).toBe(1);

      // Readers see the new count at once.
      const again = await browser.newContext({ javaScriptEnabled: false, ...from("203.0.113.75") });
      try {
        const readerPage = await again.newPage();
        await openEssay(readerPage, essay.slug);
        await expect(commentCard(readerPage, c.id).getByText("Liked by 1 person")).toBeVisible();
      } finally {
        await again.close();
      }
    } finally {
      await authorContext.close();
    }
  });
});

test.describe("edit history", () => {
  test.use(from("203.0.113.76"));

  test("a writer edits their comment; the essay's author opens “(edited)” to read the earlier version, others see only the words", async ({
    page,
    browser,
    data,
    request,
  }) => {
    const author = await authorWithPassword(data, "History Author");
    const essay = await data.essay({ author, title: `Edited conversation ${data.run}` });
    const writer = await reader(data, "Second Thoughts");
    const bystander = await reader(data, "Bystander");
    const c = await data.comment({ essay, author: writer, body: `First thoughts ${data.run}` });
    await data.publish();

    // The writer edits it from the essay (within the edit window).
    await signIn(page, writer, `/posts/${essay.slug}`);
    await commentItem(page, c.id).getByRole("link", { name: "Edit", exact: true }).click();
    const form = page.getByRole("form", { name: "Edit comment" });
    await form.getByLabel("Edit your comment").fill(`Better thoughts ${data.run}`);
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect(commentCard(page, c.id)).toContainText(`Better thoughts ${data.run}`);
    await expect(commentCard(page, c.id).getByText("(edited)")).toBeVisible();
    // The writer is not a moderator here: no history for them.
    await expect(commentCard(page, c.id).locator("details", { hasText: "(edited)" })).toHaveCount(0);

    // The essay's author, without JavaScript: "(edited)" opens the earlier version.
    const authorContext = await browser.newContext({ javaScriptEnabled: false, ...from("203.0.113.77") });
    try {
      const authorPage = await authorContext.newPage();
      await signIn(authorPage, author, `/posts/${essay.slug}`);
      const card = commentCard(authorPage, c.id);
      await expect(card.getByText(`First thoughts ${data.run}`)).toBeHidden();
      await card.locator("summary", { hasText: "(edited)" }).click();
      const versions = card.getByRole("list", { name: "Earlier versions" });
      await expect(versions.getByRole("listitem")).toHaveCount(1);
      await expect(versions).toContainText(`First thoughts ${data.run}`);
      await expect(versions).toContainText(`Before ${writer.name}’s edit of`);
    } finally {
      await authorContext.close();
    }

    // Another signed-in reader and the shared anonymous page: plain "(edited)", no history.
    const other = await newVisitor(browser, "203.0.113.78");
    try {
      const otherPage = await other.newPage();
      await signIn(otherPage, bystander, `/posts/${essay.slug}`);
      await expect(commentCard(otherPage, c.id).getByText("(edited)")).toBeVisible();
      await expect(commentCard(otherPage, c.id).locator("details", { hasText: "(edited)" })).toHaveCount(0);
      expect(await otherPage.content()).not.toContain(`First thoughts ${data.run}`);
    } finally {
      await other.close();
    }
    // No cookies: the page every anonymous reader shares (and caches keep).
    const anonymous = await request.get(`/posts/${essay.slug}`);
    expect(anonymous.status()).toBe(200);
    const html = await anonymous.text();
    expect(html).toContain(`Better thoughts ${data.run}`);
    expect(html).not.toContain(`First thoughts ${data.run}`);
  });
});
