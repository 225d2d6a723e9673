/**
 * Reply and held-comment e-mails (lib/notify), through the suite's SMTP sink: the mail arrives
 * only once a reply is approved, with the reply's link and the one-click unsubscribe headers;
 * replies approved together come in one mail; the unsubscribe link works without signing in,
 * as a page with a confirming form and as an RFC 8058 one-click POST. The e2e server reads the
 * outbox twice a second (scripts/e2e-server.mjs). A guest who ticked “Notify me of replies” is
 * mailed too, and one who did not is not. Addresses 192.0.2.230–239.
 */
import { test, expect } from "./support/fixtures";
import { formMessage, signIn, strongPassword } from "./support/accounts";
import {
  AWAITING_MODERATION,
  commentCard,
  commentItem,
  from,
  newVisitor,
  openEssay,
  postComment,
  queueRow,
  respondForm,
  waitForFillTime,
} from "./support/comments";
import { linkIn, waitForMail } from "./support/mail";
import { insertComment } from "../lib/comments/write";
import { baseURL } from "../playwright.config";

test.describe("reply e-mails", () => {
  test.use(from("192.0.2.230"));

  test("a reply sends the comment's writer a mail with its link; the link in it unsubscribes", async ({ page, data }) => {
    const author = await data.author();
    const essay = await data.essay({ author, title: `Kindling ${data.run}` });
    const writer = await data.user({ name: `Wren Writer ${data.run}` });
    const parent = await data.comment({ essay, author: writer, body: `Dry birch first ${data.run}` });
    const replier = await data.user({ name: `Rook Replier ${data.run}`, password: strongPassword(data.run) });
    await data.publish();
    const since = new Date();

    await signIn(page, replier, `/posts/${essay.slug}`);
    await commentCard(page, parent.id)
      .getByRole("link", { name: `Reply to ${writer.name}`, exact: true })
      .click();
    const replyId = await postComment(page, respondForm(commentCard(page, parent.id)), `Birch bark even better ${data.run}`);

    const mail = await waitForMail(writer.email, 15_000, { since });
    expect(mail.subject).toBe(`New reply to your comment on “${essay.title}”`);
    expect(mail.text).toContain(`${replier.name} wrote:`);
    expect(mail.text).toContain(`Birch bark even better ${data.run}`);
    const replyLink = linkIn(mail, `${baseURL}/comments/`);
    expect(replyLink).toBe(`${baseURL}/comments/${replyId}`);
    const unsubscribe = linkIn(mail, `${baseURL}/unsubscribe?token=`);
    expect(mail.headers?.["list-unsubscribe"]).toBe(`<${unsubscribe}>`);
    expect(mail.headers?.["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");

    // The link leads to the reply; the unsubscribe link works in a browser without signing in.
    const reader = await page.context().browser()!.newContext({ javaScriptEnabled: false });
    const tab = await reader.newPage();
    await tab.goto(replyLink);
    await expect(commentItem(tab, replyId)).toContainText(`Birch bark even better ${data.run}`);
    await tab.goto(unsubscribe);
    await expect(tab.getByRole("heading", { level: 1 })).toHaveText("Stop e-mails about replies to your comments?");
    expect((await data.db.user.findUniqueOrThrow({ where: { id: writer.id } })).notifyReplies).toBe(true);
    await tab.getByRole("button", { name: "Unsubscribe" }).click();
    await expect(tab.getByRole("heading", { level: 1 })).toHaveText("Unsubscribed");
    expect((await data.db.user.findUniqueOrThrow({ where: { id: writer.id } })).notifyReplies).toBe(false);
    await reader.close();
  });

  test("a forged unsubscribe link is refused and changes nothing", async ({ page, data }) => {
    const writer = await data.user();
    const token = `${Buffer.from(`replies:${writer.email}`).toString("base64url")}.forged`;
    const response = await page.goto(`/unsubscribe?token=${token}`);
    expect(response?.status()).toBe(400);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This unsubscribe link does not work");
    expect((await data.db.user.findUniqueOrThrow({ where: { id: writer.id } })).notifyReplies).toBe(true);
  });
});

test.describe("a guest's reply e-mails", () => {
  test("only the guest who ticked “Notify me of replies” is mailed once their comment is answered; their link unsubscribes them", async ({
    browser,
    data,
  }) => {
    const author = await data.user({ role: "AUTHOR", name: `Hob Author ${data.run}`, password: strongPassword(data.run) });
    const essay = await data.essay({ author, title: `Sparks ${data.run}` });
    await data.publish();
    const since = new Date();

    // Two guests comment, each from their own browser; only the first asks to be told of replies.
    const guests = [
      { name: `Tinder Guest ${data.run}`, email: data.email("tinder"), notify: true, address: "192.0.2.234" },
      { name: `Flint Guest ${data.run}`, email: data.email("flint"), notify: false, address: "192.0.2.235" },
    ];
    const ids: number[] = [];
    for (const guest of guests) {
      const context = await newVisitor(browser, guest.address);
      const page = await context.newPage();
      const loadedAt = await openEssay(page, essay.slug);
      const form = respondForm(page);
      await form.getByLabel("Notify me of replies", { exact: false }).setChecked(guest.notify);
      await waitForFillTime(loadedAt);
      const id = await postComment(page, form, `${guest.name} says hello`, guest);
      await expect(commentCard(page, id).getByText(AWAITING_MODERATION, { exact: true })).toBeVisible();
      ids.push(id);
      await context.close();
    }
    const saved = await data.db.comment.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });
    expect(saved.map((c) => [c.guestEmail, c.notifyReplies])).toEqual(guests.map((g) => [g.email, g.notify]));

    // The author approves both and answers each from the essay.
    const context = await browser.newContext({ baseURL, ...from("192.0.2.236") });
    const page = await context.newPage();
    await signIn(page, author, "/dashboard/comments");
    for (const id of ids) await queueRow(page, id).getByRole("checkbox").check();
    await page.getByLabel("Bulk action").selectOption({ label: "Approve" });
    await page.getByRole("button", { name: "Apply", exact: true }).click();
    await expect(formMessage(page, "status", "2 comments approved.")).toBeVisible();
    await page.goto(`/posts/${essay.slug}`);
    const replies: number[] = [];
    for (const [i, id] of ids.entries()) {
      await commentCard(page, id)
        .getByRole("link", { name: `Reply to ${guests[i]!.name}`, exact: true })
        .click();
      replies.push(await postComment(page, respondForm(commentCard(page, id)), `Welcome, ${guests[i]!.name}`));
    }

    const mail = await waitForMail(guests[0]!.email, 15_000, { since });
    expect(mail.subject).toBe(`New reply to your comment on “${essay.title}”`);
    expect(mail.text).toContain(`Welcome, ${guests[0]!.name}`);
    expect(linkIn(mail, `${baseURL}/comments/`)).toBe(`${baseURL}/comments/${replies[0]}`);
    // The guest who did not tick the box hears nothing.
    await expect(waitForMail(guests[1]!.email, 2_000, { since })).rejects.toThrow(/No mail/);

    // The mail's unsubscribe link works for a guest, who has no account, without JavaScript.
    const reader = await browser.newContext({ baseURL, javaScriptEnabled: false, ...from("192.0.2.237") });
    const tab = await reader.newPage();
    await tab.goto(linkIn(mail, `${baseURL}/unsubscribe?token=`));
    await tab.getByRole("button", { name: "Unsubscribe" }).click();
    await expect(tab.getByRole("heading", { level: 1 })).toHaveText("Unsubscribed");
    expect((await data.db.comment.findUniqueOrThrow({ where: { id: ids[0]! } })).notifyReplies).toBe(false);
    await reader.close();
    await context.close();
  });
});

test.describe("held comments", () => {
  test.use(from("192.0.2.231"));

  test("the author is told of held replies; approving two at once sends the writer one mail listing both; one-click POST unsubscribes", async ({
    page,
    data,
    request,
  }) => {
    const author = await data.user({ role: "AUTHOR", name: `Ash Author ${data.run}`, password: strongPassword(data.run) });
    const essay = await data.essay({ author, title: `Banking the fire ${data.run}` });
    const writer = await data.user({ name: `Wick Writer ${data.run}` });
    const parent = await data.comment({ essay, author: writer, body: `Ash keeps it warm ${data.run}` });
    await data.publish();
    const since = new Date();
    const held = [];
    for (const who of ["Gale", "Ember"]) {
      const c = await insertComment(data.db, {
        postId: essay.id,
        parentId: parent.id,
        guest: { name: `${who} ${data.run}`, email: `${who.toLowerCase()}-${data.run}@e2e.example` },
        bodyMarkdown: `${who} agrees ${data.run}`,
        status: "PENDING",
      });
      held.push(c.id);
    }

    const moderation = await waitForMail(author.email, 15_000, { since });
    expect(moderation.subject).toMatch(new RegExp(`awaiting moderation on “${essay.title}”$`));
    expect(moderation.text).toContain(`Gale ${data.run} wrote:`);
    expect(moderation.text).toContain(`Moderate: ${baseURL}/dashboard/comments?status=pending`);
    // Nothing to the writer while the replies are held.
    await expect(waitForMail(writer.email, 1_500, { since })).rejects.toThrow(/No mail/);

    await signIn(page, author, "/dashboard/comments");
    for (const id of held) await queueRow(page, id).getByRole("checkbox").check();
    await page.getByLabel("Bulk action").selectOption({ label: "Approve" });
    await page.getByRole("button", { name: "Apply", exact: true }).click();
    await expect(formMessage(page, "status", "2 comments approved.")).toBeVisible();

    const mail = await waitForMail(writer.email, 15_000, { since });
    expect(mail.subject).toBe(`2 new replies to your comment on “${essay.title}”`);
    for (const id of held) expect(mail.text).toContain(`${baseURL}/comments/${id}`);

    const unsubscribe = linkIn(mail, `${baseURL}/unsubscribe?token=`);
    const response = await request.post(unsubscribe, {
      form: { "List-Unsubscribe": "One-Click" },
      headers: { Cookie: "" },
    });
    expect(response.status()).toBe(200);
    expect((await data.db.user.findUniqueOrThrow({ where: { id: writer.id } })).notifyReplies).toBe(false);
  });
});

test.describe("SMTP down", () => {
  test("a reply posts while the mail server is down; its mail goes out once the server is back", async ({ browser }) => {
    test.setTimeout(120_000);
    const { mkdtempSync, rmSync } = await import("node:fs");
    const os = await import("node:os");
    const path = await import("node:path");
    const net = await import("node:net");
    const { prepareDatabase, startOwnServer } = await import("./support/own-server");
    const { startMailSink } = await import("../server/mail-sink.mjs");
    const { MAIL_DIR } = await import("./support/mail");
    // A loopback port nobody listens on: the instance's SMTP server, down until the test starts it.
    const smtpPort = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, "127.0.0.1", () => {
        const port = (probe.address() as { port: number }).port;
        probe.close(() => resolve(port));
      });
    });
    const dir = mkdtempSync(path.join(os.tmpdir(), "hearth-smtp-down-"));
    const db = await prepareDatabase(path.join(dir, "hearth.db"));
    const run = path.basename(dir).slice(-6).toLowerCase();
    const server = await startOwnServer(path.join(dir, "hearth.db"), {
      uploadsDir: path.join(dir, "uploads"),
      smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    });
    let sink: { close: () => Promise<void> } | null = null;
    try {
      const made = (name: string, role: "AUTHOR" | "READER") =>
        db.user.create({
          data: {
            name,
            role,
            email: `${name.toLowerCase()}-${run}@e2e.example`,
            handle: `${name.toLowerCase()}-${run}`,
            emailVerified: new Date(),
          },
        });
      const author = await made("Hostess", "AUTHOR");
      const writer = await made("Waiting", "READER");
      const replier = await made("Answering", "READER");
      const { createPost } = await import("../lib/posts/write");
      const essay = await createPost(db, {
        slug: `outage-${run}`,
        title: "Outage",
        bodyMarkdown: "A short essay.",
        authorId: author.id,
        status: "PUBLISHED",
      });
      const parent = await insertComment(db, {
        postId: essay.id,
        parentId: null,
        authorId: writer.id,
        bodyMarkdown: "Is it on?",
        status: "APPROVED",
      });

      const context = await browser.newContext({ baseURL: server.base });
      const [name, value] = (await server.sessionCookie(replier)).split("=") as [string, string];
      await context.addCookies([{ name, value, url: server.base }]);
      const page = await context.newPage();
      await page.goto(`/posts/${essay.slug}?replyto=${parent.id}#respond`);
      const replyId = await postComment(page, respondForm(commentCard(page, parent.id)), `It is off ${run}`);
      await context.close();

      // The failed send is kept, with a later due time.
      await expect
        .poll(async () => (await db.notification.findFirst({ where: { commentId: replyId } }))?.attempts ?? 0, {
          timeout: 15_000,
        })
        .toBeGreaterThan(0);
      const row = await db.notification.findFirstOrThrow({ where: { commentId: replyId } });
      expect(row.sentAt).toBeNull();
      expect(row.lastError).toMatch(/ECONNREFUSED/);

      const since = new Date();
      sink = await startMailSink({ port: smtpPort, dir: MAIL_DIR });
      const mail = await waitForMail(writer.email, 20_000, { since });
      expect(mail.text).toContain(`${server.base}/comments/${replyId}`);
      await expect
        .poll(async () => (await db.notification.findFirst({ where: { commentId: replyId } }))?.sentAt ?? null, {
          timeout: 10_000,
        })
        .not.toBeNull();
    } finally {
      await sink?.close();
      await server.stop();
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test.describe("e-mail preferences", () => {
  test.use(from("192.0.2.232"));

  test("an author turns both e-mails off on their account, without JavaScript, and the page keeps the choice", async ({
    browser,
    data,
  }) => {
    const author = await data.user({ role: "AUTHOR", password: strongPassword(data.run) });
    const context = await browser.newContext({ baseURL, javaScriptEnabled: false, ...from("192.0.2.233") });
    const page = await context.newPage();
    await signIn(page, author, "/account");
    const replies = page.getByLabel("E-mail me when someone replies to my comment");
    const held = page.getByLabel("E-mail me when a comment on my essays is held for moderation");
    await expect(replies).toBeChecked();
    await expect(held).toBeChecked();
    await replies.uncheck();
    await held.uncheck();
    await page.getByRole("button", { name: "Save e-mail preferences" }).click();
    await expect(formMessage(page, "status", "E-mail preferences saved.")).toBeVisible();
    const saved = await data.db.user.findUniqueOrThrow({ where: { id: author.id }, select: { notifyReplies: true, notifyModeration: true } });
    expect(saved).toEqual({ notifyReplies: false, notifyModeration: false });
    await page.goto("/account");
    await expect(replies).not.toBeChecked();
    await expect(held).not.toBeChecked();
    await context.close();
  });
});
