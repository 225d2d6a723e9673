/**
 * Threaded comments and likes, the way readers use them: guests (held for moderation, shown
 * only to the browser that wrote them), signed-in readers (replies, likes, edits, deletes),
 * validation, preview, flood control, and what one viewer's page must never show another.
 *
 * Anonymous essay pages are cached and carry no JavaScript; pages of signed-in readers and of
 * guests with Hearth cookies are their own (with JavaScript, unless the test turns it off).
 * Every test browses from its own made-up address: 192.0.2.1–40 (used: 1–15; the no-JS flow in
 * comments-no-javascript.spec.ts uses 192.0.2.41–50).
 */
import { test, expect } from "./support/fixtures";
import {
  awaitRoomInRateWindow,
  expectSignedOut,
  formMessage,
  signIn,
  strongPassword,
  submitPasswordSignIn,
} from "./support/accounts";
import {
  AWAITING_MODERATION,
  TOO_QUICK,
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

test.describe("a guest's comment", () => {
  test.use(from("192.0.2.1"));

  test("is held, marked for its writer only, and leaves the count alone", async ({ page, browser, data }) => {
    const author = await data.author({ name: `Guest Host ${data.run}` });
    const reader = await data.user({ name: `Early Reader ${data.run}` });
    const essay = await data.essay({ author, title: `Held words ${data.run}` });
    await data.comment({ essay, author: reader, body: "An approved first word." });
    await data.publish();
    const heading = `One thought on “${essay.title}”`;
    const body = `A guest's held thought ${data.run}`;

    const loadedAt = await openEssay(page, essay.slug);
    await expect(commentsHeading(page)).toHaveText(heading);
    const form = respondForm(page);
    await expect(form.getByRole("heading", { name: "Leave a comment" })).toBeVisible();
    await waitForFillTime(loadedAt);
    const id = await postComment(page, form, body, { name: `Passing Guest ${data.run}`, email: data.email("guest") });

    await expect(page).toHaveURL(new RegExp(`/posts/${essay.slug}#comment-${id}$`));
    const card = commentCard(page, id);
    await expect(card).toContainText(body);
    await expect(card.getByText(AWAITING_MODERATION, { exact: true })).toBeVisible();
    // Held comments can't be liked or replied to yet.
    await expect(likeButton(card)).toHaveCount(0);
    await expect(card.getByRole("link", { name: /^Reply to / })).toHaveCount(0);
    await expect(commentsHeading(page)).toHaveText(heading);
    expect((await data.db.comment.findUniqueOrThrow({ where: { id } })).status).toBe("PENDING");

    // Still there for its writer after a reload.
    await page.reload();
    await expect(commentCard(page, id).getByText(AWAITING_MODERATION)).toBeVisible();

    const other = await newVisitor(browser, "192.0.2.2");
    try {
      const stranger = await other.newPage();
      await openEssay(stranger, essay.slug);
      await expect(commentsHeading(stranger)).toHaveText(heading);
      await expect(commentsSection(stranger).getByText("An approved first word.")).toBeVisible();
      await expect(commentItem(stranger, id)).toHaveCount(0);
      await expect(commentsSection(stranger)).not.toContainText(body);
      await expect(commentsSection(stranger)).not.toContainText(AWAITING_MODERATION);
    } finally {
      await other.close();
    }
  });
});

test.describe("a signed-in reader", () => {
  test.use(from("192.0.2.3"));

  test("posts a comment and replies three levels deep", async ({ page, data }) => {
    const author = await data.author({ name: `Thread Host ${data.run}` });
    const reader = await data.user({ name: `Deep Replier ${data.run}`, password: strongPassword(data.run) });
    const essay = await data.essay({ author, title: `Deep threads ${data.run}` });
    await data.publish();

    await signIn(page, reader, `/posts/${essay.slug}`);
    await expect(commentsHeading(page)).toHaveText("No comments yet");
    const form = respondForm(page);
    await expect(form).toContainText(`Commenting as ${reader.name}.`);
    await expect(form.getByLabel("Name", { exact: true })).toHaveCount(0);
    const ids = [await postComment(page, form, `Level zero ${data.run}`)];
    await expect(commentCard(page, ids[0]!).getByText(AWAITING_MODERATION)).toHaveCount(0);
    await expect(commentsHeading(page)).toHaveText(`One thought on “${essay.title}”`);

    for (let level = 1; level <= 3; level++) {
      const parent = ids[ids.length - 1]!;
      await commentCard(page, parent)
        .getByRole("link", { name: `Reply to ${reader.name}`, exact: true })
        .click();
      await expect(page).toHaveURL(new RegExp(`[?&]replyto=${parent}#respond$`));
      const replyForm = respondForm(commentCard(page, parent));
      await expect(replyForm.getByRole("heading", { name: `Reply to ${reader.name}` })).toBeVisible();
      await expect(replyForm.getByRole("link", { name: "Cancel reply" })).toBeVisible();
      // Only one form on the page while replying.
      await expect(respondForm(page)).toHaveCount(1);
      ids.push(await postComment(page, replyForm, `Level ${level} ${data.run}`));
    }

    // li#0 > ol > li#1 > ol > li#2 > ol > li#3
    const [top, first, second, third] = ids as [number, number, number, number];
    await expect(commentsSection(page).getByRole("list", { name: "Comments" }).locator(":scope > li")).toHaveCount(1);
    await expect(
      page.locator(`li#comment-${top} > ol > li#comment-${first} > ol > li#comment-${second} > ol > li#comment-${third}`),
    ).toHaveCount(1);
    for (const [level, id] of ids.entries()) {
      const label = level === 0 ? "zero" : String(level);
      await expect(commentCard(page, id)).toContainText(`Level ${label} ${data.run}`);
    }
    await expect(commentsHeading(page)).toHaveText(`4 thoughts on “${essay.title}”`);
    const rows = await data.db.comment.findMany({ where: { postId: essay.id }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.id, r.parentId, r.status])).toEqual([
      [top, null, "APPROVED"],
      [first, top, "APPROVED"],
      [second, first, "APPROVED"],
      [third, second, "APPROVED"],
    ]);
  });
});

test.describe("likes", () => {
  test.use(from("192.0.2.4"));

  test("like and unlike with JavaScript; a reload keeps the state", async ({ page, data }) => {
    const author = await data.author({ name: `Like Host ${data.run}` });
    const writer = await data.user({ name: `Liked Writer ${data.run}` });
    const reader = await data.user({ name: `Liking Reader ${data.run}`, password: strongPassword(data.run) });
    const essay = await data.essay({ author, title: `Warm hands ${data.run}` });
    const comment = await data.comment({ essay, author: writer, body: "Worth a like." });
    await data.publish();

    await signIn(page, reader, `/posts/${essay.slug}`);
    const card = commentCard(page, comment.id);
    await expect(likeButton(card)).toHaveAttribute("aria-pressed", "false");
    await expect(likedBy(card)).toHaveCount(0);

    await likeButton(card).click();
    await expect(likeButton(card)).toHaveAttribute("aria-pressed", "true");
    await expect(likedBy(card)).toHaveText("Liked by 1 person");
    await expect.poll(() => data.db.commentLike.count({ where: { commentId: comment.id } })).toBe(1);

    await page.reload();
    await expect(likeButton(card)).toHaveAttribute("aria-pressed", "true");
    await expect(likedBy(card)).toHaveText("Liked by 1 person");
    await likedBy(card).click();
    await expect(card.getByRole("list", { name: "People who liked this comment" }).getByRole("listitem")).toHaveText([
      reader.name,
    ]);

    await likeButton(card).click();
    await expect(likeButton(card)).toHaveAttribute("aria-pressed", "false");
    await expect(likedBy(card)).toHaveCount(0);
    await expect.poll(() => data.db.commentLike.count({ where: { commentId: comment.id } })).toBe(0);

    await page.reload();
    await expect(likeButton(card)).toHaveAttribute("aria-pressed", "false");
    await expect(likedBy(card)).toHaveCount(0);
  });

  test("a signed-out Like asks to sign in, then lands on the comment with the like applied", async ({ page, data }) => {
    const author = await data.author({ name: `Intent Host ${data.run}` });
    const writer = await data.user({ name: `Intent Writer ${data.run}` });
    const reader = await data.user({ name: `Late Liker ${data.run}`, password: strongPassword(data.run) });
    const essay = await data.essay({ author, title: `Second thoughts ${data.run}` });
    const comment = await data.comment({ essay, author: writer, body: "Sign in to like me." });
    await data.publish();
    const permalink = `/posts/${essay.slug}#comment-${comment.id}`;

    await openEssay(page, essay.slug);
    await likeButton(commentCard(page, comment.id)).click();
    await expect(page).toHaveURL(`/signin?callbackUrl=${encodeURIComponent(permalink)}`);
    await submitPasswordSignIn(page, reader.email, reader.password!);

    await expect(page).toHaveURL(permalink);
    const card = commentCard(page, comment.id);
    await expect(likeButton(card)).toHaveAttribute("aria-pressed", "true");
    await expect(likedBy(card)).toHaveText("Liked by 1 person");
    expect(await data.db.commentLike.count({ where: { commentId: comment.id, userId: reader.id } })).toBe(1);
  });
});

test.describe("the Like route", () => {
  test.use(from("192.0.2.41"));

  test("refuses another site's post, an unknown comment and a held one, with a message and no change", async ({
    page,
    data,
    baseURL,
  }) => {
    const author = await data.author({ name: `Route Host ${data.run}` });
    const writer = await data.user({ name: `Route Writer ${data.run}` });
    const essay = await data.essay({ author, title: `Plain forms ${data.run}` });
    const comment = await data.comment({ essay, author: writer, body: "Like me properly." });
    await data.publish();
    const origin = new URL(baseURL!).origin;

    // A form on another site, posted by a visitor's browser: refused before anything is read.
    const forged = await page.request.post(`/comments/${comment.id}/like`, {
      form: { like: "1" },
      headers: { origin: "https://elsewhere.example" },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(403);
    expect(await forged.text()).toContain("This form was sent from another site.");

    // No such comment: a page with the message (no trip to sign in), or JSON for the button.
    const unknown = await page.request.post("/comments/999999999/like", {
      form: { like: "1" },
      headers: { origin },
      maxRedirects: 0,
    });
    expect(unknown.status()).toBe(404);
    expect(await unknown.text()).toContain("Only published comments can be liked.");
    const asJson = await page.request.post("/comments/999999999/like", {
      form: { like: "1" },
      headers: { origin, accept: "application/json" },
      maxRedirects: 0,
    });
    expect(asJson.status()).toBe(404);
    expect(await asJson.json()).toEqual({ ok: false, message: "Only published comments can be liked." });
    const notANumber = await page.request.post("/comments/abc/like", {
      form: { like: "1" },
      headers: { origin },
      maxRedirects: 0,
    });
    expect(notANumber.status()).toBe(404);

    // A held comment cannot be liked either.
    await data.db.comment.update({ where: { id: comment.id }, data: { status: "PENDING" } });
    const held = await page.request.post(`/comments/${comment.id}/like`, {
      form: { like: "1" },
      headers: { origin },
      maxRedirects: 0,
    });
    expect(held.status()).toBe(404);
    expect(await data.db.commentLike.count({ where: { commentId: comment.id } })).toBe(0);
  });
});

test.describe("editing and deleting", () => {
  test.use(from("192.0.2.5"));

  test("a reader edits their comment within the window", async ({ page, data }) => {
    const author = await data.author({ name: `Edit Host ${data.run}` });
    const reader = await data.user({ name: `Second Guesser ${data.run}`, password: strongPassword(data.run) });
    const essay = await data.essay({ author, title: `Second drafts ${data.run}` });
    const comment = await data.comment({ essay, author: reader, body: `First draft ${data.run}` });
    await data.publish();

    await signIn(page, reader, `/posts/${essay.slug}`);
    const card = commentCard(page, comment.id);
    await expect(card.getByText("(edited)")).toHaveCount(0);
    await card.getByRole("link", { name: "Edit", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]edit=${comment.id}#comment-${comment.id}$`));
    const editor = card.getByLabel("Edit your comment");
    await expect(editor).toHaveValue(`First draft ${data.run}`);
    await editor.fill(`Second draft, *better* ${data.run}`);
    await card.getByRole("button", { name: "Save changes" }).click();

    await expect(page).toHaveURL(`/posts/${essay.slug}#comment-${comment.id}`);
    await expect(card.getByLabel("Edit your comment")).toHaveCount(0);
    await expect(card).toContainText(`Second draft, better ${data.run}`);
    await expect(card.locator("em")).toHaveText("better");
    await expect(card).not.toContainText("First draft");
    await expect(card.getByText("(edited)", { exact: true })).toBeVisible();
  });

  test("deleting a comment with a reply leaves a tombstone and the reply", async ({ page, browser, data }) => {
    const author = await data.author({ name: `Delete Host ${data.run}` });
    const reader = await data.user({ name: `Regretful Reader ${data.run}`, password: strongPassword(data.run) });
    const replier = await data.user({ name: `Steady Replier ${data.run}` });
    const essay = await data.essay({ author, title: `Taking it back ${data.run}` });
    const comment = await data.comment({
      essay,
      author: reader,
      body: `Words to take back ${data.run}`,
      createdAt: new Date(Date.now() - 60_000),
    });
    const reply = await data.comment({ essay, parent: comment, author: replier, body: `A reply that stays ${data.run}` });
    await data.publish();

    await signIn(page, reader, `/posts/${essay.slug}`);
    await expect(commentsHeading(page)).toHaveText(`2 thoughts on “${essay.title}”`);
    const card = commentCard(page, comment.id);
    await card.locator("summary", { hasText: /^Delete$/ }).click();
    await card.getByRole("button", { name: "Delete comment" }).click();

    await expect(card).toHaveText("This comment was deleted.");
    await expect(commentsSection(page)).not.toContainText(`Words to take back ${data.run}`);
    await expect(commentCard(commentItem(page, comment.id), reply.id)).toContainText(`A reply that stays ${data.run}`);
    await expect(commentsHeading(page)).toHaveText(`One thought on “${essay.title}”`);

    // The shared page agrees.
    const other = await newVisitor(browser, "192.0.2.6");
    try {
      const stranger = await other.newPage();
      await openEssay(stranger, essay.slug);
      await expect(commentCard(stranger, comment.id)).toHaveText("This comment was deleted.");
      await expect(commentCard(stranger, reply.id)).toContainText(`A reply that stays ${data.run}`);
      await expect(commentsHeading(stranger)).toHaveText(`One thought on “${essay.title}”`);
    } finally {
      await other.close();
    }
  });
});

test.describe("deleting with JavaScript", () => {
  test.use(from("192.0.2.14"));

  // Like every other comment action, delete ends with navigateFresh(permalink): a full page load
  // of the comment's permalink (lib/comments/actions.ts, components/ui/use-form-action.ts).
  test("lands on the deleted comment's permalink with a fresh page load", async ({ page, data }) => {
    const author = await data.author({ name: `Permalink Host ${data.run}` });
    const reader = await data.user({ name: `Permalink Reader ${data.run}`, password: strongPassword(data.run) });
    const replier = await data.user({ name: `Permalink Replier ${data.run}` });
    const essay = await data.essay({ author, title: `Where it was ${data.run}` });
    const comment = await data.comment({ essay, author: reader, body: "Soon gone.", createdAt: new Date(Date.now() - 60_000) });
    await data.comment({ essay, parent: comment, author: replier, body: "Still here." });
    await data.publish();

    await signIn(page, reader, `/posts/${essay.slug}`);
    await page.evaluate(() => ((window as unknown as { beforeDelete: boolean }).beforeDelete = true));
    const card = commentCard(page, comment.id);
    await card.locator("summary", { hasText: /^Delete$/ }).click();
    await card.getByRole("button", { name: "Delete comment" }).click();
    // The browser loads the permalink afresh and shows the tombstone with the reply below it.
    await expect(page).toHaveURL(`/posts/${essay.slug}#comment-${comment.id}`);
    await expect(card).toHaveText("This comment was deleted.");
    await expect(page.getByText("Still here.")).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { beforeDelete?: boolean }).beforeDelete)).toBeUndefined();
  });
});

test.describe("validation", () => {
  test.use(from("192.0.2.7"));

  test("errors show next to the fields and keep what the guest typed", async ({ page, data }) => {
    const author = await data.author({ name: `Strict Host ${data.run}` });
    const essay = await data.essay({ author, title: `Careful forms ${data.run}` });
    await data.publish();
    const body = `Typed with care ${data.run}`;

    const loadedAt = await openEssay(page, essay.slug);
    const form = respondForm(page);
    await form.getByLabel("Comment", { exact: true }).fill(body);
    await form.getByLabel("Name", { exact: true }).fill("");
    await form.getByLabel("E-mail", { exact: true }).fill("not-an-address");
    await form.getByLabel("Website (optional)", { exact: true }).fill("javascript:alert(1)");
    await waitForFillTime(loadedAt);
    // The answer is the essay again, as script-free as the page the form came from: with React
    // loaded, its hydration would overwrite what the guest types next into the kept fields.
    const scripts: string[] = [];
    // (A script the page's policy blocks is requested, and fails; only one that arrives can run.)
    page.on("response", (response) => {
      if (response.request().resourceType() === "script") scripts.push(response.url());
    });
    await form.getByRole("button", { name: "Post comment" }).click();

    const name = form.getByLabel("Name", { exact: true });
    const email = form.getByLabel("E-mail", { exact: true });
    const website = form.getByLabel("Website (optional)", { exact: true });
    await expect(name).toHaveAccessibleDescription("Enter your name.");
    await expect(name).toHaveAttribute("aria-invalid", "true");
    await expect(email).toHaveAccessibleDescription(/^Enter a valid e-mail address, like name@example\.com\./);
    await expect(email).toHaveAttribute("aria-invalid", "true");
    await expect(website).toHaveAccessibleDescription("Enter a web address starting with http:// or https://.");
    await expect(website).toHaveAttribute("aria-invalid", "true");
    // What was typed is still there.
    await expect(form.getByLabel("Comment", { exact: true })).toHaveValue(body);
    await expect(email).toHaveValue("not-an-address");
    await expect(website).toHaveValue("javascript:alert(1)");
    expect(await data.db.comment.count({ where: { postId: essay.id } })).toBe(0);
    await page.waitForLoadState("load");
    expect(scripts).toEqual([]);

    // An empty comment says so, by the comment field.
    await form.getByLabel("Comment", { exact: true }).fill("   ");
    await form.getByRole("button", { name: "Post comment" }).click();
    await expect(form.getByLabel("Comment", { exact: true })).toHaveAccessibleDescription(/^Write a comment first\./);
    expect(await data.db.comment.count({ where: { postId: essay.id } })).toBe(0);
  });
});

test.describe("preview", () => {
  test.use(from("192.0.2.8"));

  test("shows the rendered Markdown and saves nothing", async ({ page, data }) => {
    const author = await data.author({ name: `Preview Host ${data.run}` });
    const reader = await data.user({ name: `Previewer ${data.run}`, password: strongPassword(data.run) });
    const essay = await data.essay({ author, title: `Looking first ${data.run}` });
    await data.publish();
    const body = `Some *x* and **y** ${data.run}`;

    await signIn(page, reader, `/posts/${essay.slug}`);
    const form = respondForm(page);
    await form.getByLabel("Comment", { exact: true }).fill(body);
    await form.getByRole("button", { name: "Preview" }).click();

    const preview = form.getByRole("region", { name: "Preview" });
    await expect(preview).toBeVisible();
    await expect(preview.locator("em")).toHaveText("x");
    await expect(preview.locator("strong")).toHaveText("y");
    await expect(preview).not.toContainText("*x*");
    await expect(form.getByLabel("Comment", { exact: true })).toHaveValue(body);
    expect(await data.db.comment.count({ where: { postId: essay.id } })).toBe(0);

    await page.goto(`/posts/${essay.slug}`);
    await expect(commentsHeading(page)).toHaveText("No comments yet");
    await expect(commentsSection(page).getByRole("list", { name: "Comments" })).toHaveCount(0);
  });

  test("a guest's preview works without JavaScript on the shared page", async ({ page, data }) => {
    const author = await data.author({ name: `Guest Preview Host ${data.run}` });
    const essay = await data.essay({ author, title: `Looking first, lightly ${data.run}` });
    await data.publish();

    await openEssay(page, essay.slug);
    const form = respondForm(page);
    await fillCommentForm(form, `Plain _x_ ${data.run}`, { name: `Peeking Guest ${data.run}`, email: data.email("peek") });
    await form.getByRole("button", { name: "Preview" }).click();
    const preview = respondForm(page).getByRole("region", { name: "Preview" });
    await expect(preview.locator("em")).toHaveText("x");
    await expect(respondForm(page).getByLabel("Name", { exact: true })).toHaveValue(`Peeking Guest ${data.run}`);
    expect(await data.db.comment.count({ where: { postId: essay.id } })).toBe(0);
  });
});

test.describe("flood control", () => {
  test.use(from("192.0.2.9"));

  test("the sixth comment within a minute is refused with a retry time", async ({ page, data }) => {
    const author = await data.author({ name: `Flood Host ${data.run}` });
    const reader = await data.user({ name: `Eager Reader ${data.run}`, password: strongPassword(data.run) });
    const essay = await data.essay({ author, title: `Slow down ${data.run}` });
    await data.publish();

    // Five posts and a refusal must fall within one minute window (lib/rate-limit/window.ts).
    await awaitRoomInRateWindow(25_000, 60_000);
    await signIn(page, reader, `/posts/${essay.slug}`);
    // The heading's count is cached with the essay; the list is read fresh. Each post must
    // expire that count, even when a read begun before it is stored after it (lib/cache/query.ts).
    for (let i = 1; i <= 5; i++) {
      await postComment(page, respondForm(page), `Burst ${i} ${data.run}`);
      await expect(commentsHeading(page)).toHaveText(`${i === 1 ? "One thought" : `${i} thoughts`} on “${essay.title}”`);
    }

    const form = respondForm(page);
    await fillCommentForm(form, `Burst 6 ${data.run}`);
    await form.getByRole("button", { name: "Post comment" }).click();
    await expect(formMessage(form, "alert", TOO_QUICK)).toBeVisible();
    await expect(form.getByLabel("Comment", { exact: true })).toHaveValue(`Burst 6 ${data.run}`);
    expect(await data.db.comment.count({ where: { postId: essay.id } })).toBe(5);
  });
});

test.describe("duplicates", () => {
  test.use(from("192.0.2.15"));

  test("the same text twice in a row is a duplicate", async ({ page, data }) => {
    const author = await data.author({ name: `Echo Host ${data.run}` });
    const reader = await data.user({ name: `Echoing Reader ${data.run}`, password: strongPassword(data.run) });
    const essay = await data.essay({ author, title: `Said once ${data.run}` });
    await data.publish();

    await signIn(page, reader, `/posts/${essay.slug}`);
    await postComment(page, respondForm(page), `Once is enough ${data.run}`);
    const form = respondForm(page);
    await fillCommentForm(form, `Once is enough ${data.run}`);
    await form.getByRole("button", { name: "Post comment" }).click();
    await expect(form.getByLabel("Comment", { exact: true })).toHaveAccessibleDescription(
      /^Duplicate comment: you already said that\./,
    );
    expect(await data.db.comment.count({ where: { postId: essay.id } })).toBe(1);
  });
});

test.describe("closed comments", () => {
  test.use(from("192.0.2.10"));

  test("say so and offer no form, even to a signed-in reader", async ({ page, data }) => {
    const author = await data.author({ name: `Closed Host ${data.run}` });
    const reader = await data.user({ name: `Closed Reader ${data.run}`, password: strongPassword(data.run) });
    const essay = await data.essay({ author, title: `Door shut ${data.run}`, commentsOpen: false });
    const comment = await data.comment({ essay, author: author, body: "The last word." });
    await data.publish();

    await signIn(page, reader, `/posts/${essay.slug}`);
    await expect(commentsSection(page).getByText("Comments are closed.", { exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Leave a comment" })).toHaveCount(0);
    await expect(page.getByLabel("Comment", { exact: true })).toHaveCount(0);
    await expect(commentCard(page, comment.id).getByRole("link", { name: /^Reply to / })).toHaveCount(0);
  });
});

test.describe("viewer isolation", () => {
  test.use(from("192.0.2.11"));

  test("one reader's likes, pending comments and remembered details stay theirs", async ({ page, browser, data }) => {
    const author = await data.author({ name: `Shared Host ${data.run}` });
    const writer = await data.user({ name: `Shared Writer ${data.run}` });
    const reader = await data.user({ name: `Private Liker ${data.run}`, password: strongPassword(data.run) });
    const essay = await data.essay({ author, title: `Whose page ${data.run}` });
    const comment = await data.comment({ essay, author: writer, body: "Like me, privately." });
    await data.publish();
    const guest = { name: `Remembered Guest ${data.run}`, email: data.email("remembered"), url: "https://hearth.example/me" };

    // The anonymous page is cached before anyone acts, so staleness would show.
    const anonContext = await newVisitor(browser, "192.0.2.12");
    const guestContext = await newVisitor(browser, "192.0.2.13");
    try {
      const anon = await anonContext.newPage();
      await openEssay(anon, essay.slug);
      await expect(likedBy(commentCard(anon, comment.id))).toHaveCount(0);

      // A signed-in reader likes the comment.
      await signIn(page, reader, `/posts/${essay.slug}`);
      await likeButton(commentCard(page, comment.id)).click();
      await expect(likeButton(commentCard(page, comment.id))).toHaveAttribute("aria-pressed", "true");
      await expect(likedBy(commentCard(page, comment.id))).toHaveText("Liked by 1 person");

      // A guest comments and asks to be remembered.
      const guestPage = await guestContext.newPage();
      const loadedAt = await openEssay(guestPage, essay.slug);
      await waitForFillTime(loadedAt);
      const held = await postComment(guestPage, respondForm(guestPage), `Remember me ${data.run}`, { ...guest, remember: true });
      await expect(commentCard(guestPage, held).getByText(AWAITING_MODERATION)).toBeVisible();
      await guestPage.goto(`/posts/${essay.slug}`);
      const guestForm = respondForm(guestPage);
      await expect(guestForm.getByLabel("Name", { exact: true })).toHaveValue(guest.name);
      await expect(guestForm.getByLabel("E-mail", { exact: true })).toHaveValue(guest.email);
      await expect(guestForm.getByLabel("Website (optional)", { exact: true })).toHaveValue(guest.url);
      await expect(guestForm.getByLabel("Remember me in this browser")).toBeChecked();
      // The guest sees the like as a count, not as theirs.
      await expect(likeButton(commentCard(guestPage, comment.id))).toHaveAttribute("aria-pressed", "false");
      await expect(likedBy(commentCard(guestPage, comment.id))).toHaveText("Liked by 1 person");

      // The anonymous reader: the same count, nobody's pressed button, pending comment or details.
      await anon.reload();
      const anonCard = commentCard(anon, comment.id);
      await expect(likedBy(anonCard)).toHaveText("Liked by 1 person");
      await expect(likeButton(anonCard)).toHaveAttribute("aria-pressed", "false");
      await expect(anon.locator('[aria-pressed="true"]')).toHaveCount(0);
      await expect(commentsSection(anon)).not.toContainText(AWAITING_MODERATION);
      await expect(commentItem(anon, held)).toHaveCount(0);
      await expect(commentsSection(anon)).not.toContainText(`Remember me ${data.run}`);
      const anonForm = respondForm(anon);
      await expect(anonForm.getByLabel("Name", { exact: true })).toHaveValue("");
      await expect(anonForm.getByLabel("E-mail", { exact: true })).toHaveValue("");
      await expect(anonForm.getByLabel("Website (optional)", { exact: true })).toHaveValue("");
      await expect(anonForm.getByLabel("Remember me in this browser")).not.toBeChecked();
      await expectSignedOut(anon);
      expect(await anon.content()).not.toContain(guest.email);

      // And the signed-in reader sees neither the guest's pending comment nor their details.
      await page.reload();
      await expect(commentItem(page, held)).toHaveCount(0);
      await expect(commentsSection(page)).not.toContainText(AWAITING_MODERATION);
      await expect(likeButton(commentCard(page, comment.id))).toHaveAttribute("aria-pressed", "true");
    } finally {
      await anonContext.close();
      await guestContext.close();
    }
  });
});

test.describe("short permalinks", () => {
  test.use(from("192.0.2.16"));

  test("/comments/<id> lands on the comment page that shows it, scrolled to it; an unknown id is 404", async ({ page, data }) => {
    const author = await data.author({ name: `Long Thread Host ${data.run}` });
    const essay = await data.essay({ author, title: `Many voices ${data.run}` });
    const start = Date.now() - 60 * 60_000;
    let last = null;
    for (let i = 0; i < 51; i++) {
      last = await data.comment({
        essay,
        guest: { name: `Voice ${i}` },
        body: `Voice number ${i}.`,
        createdAt: new Date(start + i * 1000),
      });
    }
    await data.publish();
    if (!last) throw new Error("no comment");

    await page.goto(`/comments/${last.id}`);
    await expect(page).toHaveURL(`/posts/${essay.slug}/comment-page/2#comment-${last.id}`);
    await expect(page.locator(`#comment-${last.id}`)).toContainText("Voice number 50.");

    const missing = await page.request.get("/comments/999999999", { maxRedirects: 0 });
    expect(missing.status()).toBe(404);
  });
});
