/**
 * The conversation with JavaScript turned off in every browser: plain form posts and
 * redirects only. Addresses used here: 192.0.2.41–50.
 */
import { test, expect } from "./support/fixtures";
import { signIn, strongPassword } from "./support/accounts";
import {
  AWAITING_MODERATION,
  commentCard,
  commentItem,
  commentsHeading,
  commentsSection,
  from,
  likeButton,
  likedBy,
  newVisitor,
  openEssay,
  postComment,
  respondForm,
  waitForFillTime,
} from "./support/comments";

test.use({ ...from("192.0.2.41"), javaScriptEnabled: false });

test("guest comment, signed-in reply, like and unlike, all without JavaScript", async ({ page, browser, data }) => {
  const author = await data.author({ name: `Scriptless Host ${data.run}` });
  const writer = await data.user({ name: `Scriptless Writer ${data.run}` });
  const reader = await data.user({ name: `Scriptless Reader ${data.run}`, password: strongPassword(data.run) });
  const essay = await data.essay({ author, title: `Plain forms ${data.run}` });
  const first = await data.comment({ essay, author: writer, body: `The opening remark ${data.run}` });
  await data.publish();
  const one = `One thought on “${essay.title}”`;

  // A guest posts: held, and marked for them.
  const loadedAt = await openEssay(page, essay.slug);
  await expect(commentsHeading(page)).toHaveText(one);
  await waitForFillTime(loadedAt);
  const held = await postComment(page, respondForm(page), `A scriptless guest ${data.run}`, {
    name: `Scriptless Guest ${data.run}`,
    email: data.email("scriptless"),
  });
  await expect(page).toHaveURL(`/posts/${essay.slug}#comment-${held}`);
  await expect(commentCard(page, held).getByText(AWAITING_MODERATION, { exact: true })).toBeVisible();
  await expect(commentsHeading(page)).toHaveText(one);

  // A signed-in reader (another browser, also without JavaScript) replies to the first comment.
  const readerContext = await newVisitor(browser, "192.0.2.42", { javaScriptEnabled: false });
  try {
    const rp = await readerContext.newPage();
    await signIn(rp, reader, `/posts/${essay.slug}`);
    await expect(commentItem(rp, held)).toHaveCount(0);
    await commentCard(rp, first.id)
      .getByRole("link", { name: `Reply to ${writer.name}`, exact: true })
      .click();
    await expect(rp).toHaveURL(new RegExp(`[?&]replyto=${first.id}#respond$`));
    const replyForm = respondForm(commentCard(rp, first.id));
    await expect(replyForm.getByRole("heading", { name: `Reply to ${writer.name}` })).toBeVisible();
    const reply = await postComment(rp, replyForm, `A scriptless reply ${data.run}`);
    await expect(rp).toHaveURL(`/posts/${essay.slug}#comment-${reply}`);
    await expect(commentCard(commentItem(rp, first.id), reply)).toContainText(`A scriptless reply ${data.run}`);
    await expect(commentsHeading(rp)).toHaveText(`2 thoughts on “${essay.title}”`);

    // Like, then unlike, the first comment.
    const card = commentCard(rp, first.id);
    await expect(likeButton(card)).toHaveAttribute("aria-pressed", "false");
    await likeButton(card).click();
    await expect(rp).toHaveURL(`/posts/${essay.slug}#comment-${first.id}`);
    await expect(likeButton(card)).toHaveAttribute("aria-pressed", "true");
    await expect(likedBy(card)).toHaveText("Liked by 1 person");
    await likeButton(card).click();
    await expect(likeButton(card)).toHaveAttribute("aria-pressed", "false");
    await expect(likedBy(card)).toHaveCount(0);
    expect(await data.db.commentLike.count({ where: { commentId: first.id } })).toBe(0);
    // The reader's own reply offers no Like button.
    await expect(likeButton(commentCard(rp, reply))).toHaveCount(0);
  } finally {
    await readerContext.close();
  }

  // The guest sees the reply too, and still their held comment.
  await page.reload();
  await expect(commentsHeading(page)).toHaveText(`2 thoughts on “${essay.title}”`);
  await expect(commentsSection(page)).toContainText(`A scriptless reply ${data.run}`);
  await expect(commentCard(page, held).getByText(AWAITING_MODERATION)).toBeVisible();
});
