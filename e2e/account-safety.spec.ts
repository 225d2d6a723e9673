/**
 * Account safety, the way people meet it: confirming the e-mail address of a new account (and
 * not commenting before), the confirmation link opened signed out or in the wrong account, a
 * stranger who signed up first with someone else's address (pre-account hijacking), "Sign out
 * everywhere" and a password change ending the other browsers' sessions.
 *
 * Every test browses from its own made-up address (X-Forwarded-For; the e2e site trusts it).
 * Addresses used here: 198.51.100.131–140 and 203.0.113.131–140.
 */
import type { Page } from "@playwright/test";
import { test, expect } from "./support/fixtures";
import {
  attemptSignIn,
  expectSignedInAs,
  expectSignedOut,
  formMessage,
  mainNav,
  signIn,
  strongPassword,
  submitPasswordSignIn,
} from "./support/accounts";
import { commentCard, commentsHeading, fillCommentForm, from, newVisitor, postComment, respondForm } from "./support/comments";
import { linkIn, waitForMail } from "./support/mail";
import { baseURL } from "../playwright.config";

const CONFIRM_SUBJECT = "Confirm your e-mail address for Hearth";
const CONFIRMED = "Thank you: your e-mail address is confirmed.";
const WRONG_CREDENTIALS = "Wrong e-mail or password.";

/** The confirmation link in the newest "Confirm your e-mail address" mail to `email` since `since`. */
async function confirmationLink(email: string, since: Date): Promise<string> {
  const mail = await waitForMail(email, 15_000, { since, subject: CONFIRM_SUBJECT });
  return linkIn(mail, `${baseURL}/verify-email?token=`);
}

/** The account page's "E-mail address" section. */
function emailSection(page: Page) {
  return page.getByRole("region", { name: "E-mail address" });
}

/** Fills and sends /signup (the page must be open). */
async function submitSignUp(page: Page, account: { name: string; email: string; password: string }): Promise<void> {
  await page.getByLabel("Name", { exact: true }).fill(account.name);
  await page.getByLabel("E-mail", { exact: true }).fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
}

test.describe("confirming the address of a new account", () => {
  test.use(from("198.51.100.131"));

  test("a new account cannot comment until the mailed link is opened, signed in; the link can be sent again", async ({
    page,
    data,
  }) => {
    const author = await data.author({ name: `Confirm Host ${data.run}` });
    const essay = await data.essay({ author, title: `Proven voices ${data.run}` });
    await data.publish();
    const account = { name: `Vera Quill ${data.run}`, email: data.email("vera"), password: strongPassword(data.run) };

    // Sign up from the essay: back on it, signed in, and a confirmation mail is on its way.
    const signedUpAt = new Date();
    await page.goto(`/posts/${essay.slug}`);
    await mainNav(page).getByRole("link", { name: "Sign up", exact: true }).click();
    await expect(page).toHaveURL("/signup");
    await submitSignUp(page, account);
    await expect(page).toHaveURL(`/posts/${essay.slug}`);
    await expectSignedInAs(page, account.name);
    const firstLink = await confirmationLink(account.email, signedUpAt);
    const created = await data.db.user.findUniqueOrThrow({ where: { email: account.email } });
    expect(created.emailVerified).toBeNull();

    // The comment form says what to do, and a comment is refused with what was typed kept.
    const form = respondForm(page);
    await expect(form.getByRole("status")).toHaveText(
      `Confirm your e-mail address to comment: open the link we sent to ${account.email}, or send a new one from your account page.`,
    );
    await expect(form.getByRole("link", { name: "send a new one from your account page" })).toHaveAttribute("href", "/account");
    const body = `My very first word ${data.run}`;
    await fillCommentForm(form, body);
    await form.getByRole("button", { name: "Post comment", exact: true }).click();
    await expect(formMessage(form, "alert", /^Confirm your e-mail address to comment: open the link we sent to /)).toHaveText(
      `Confirm your e-mail address to comment: open the link we sent to ${account.email}, or send a new one from your account page (/account).`,
    );
    await expect(form.getByLabel("Comment", { exact: true })).toHaveValue(body);
    expect(await data.db.comment.count({ where: { postId: essay.id } })).toBe(0);

    // The account page says the address is not confirmed and sends the link again.
    await page.goto("/account");
    const section = emailSection(page);
    await expect(section).toContainText(`${account.email} is not confirmed yet.`);
    const resentAt = new Date();
    await section.getByRole("button", { name: "Send the link again" }).click();
    await expect(formMessage(section, "status", `We sent a new link to ${account.email}. It works once, signed in to this account.`)).toBeVisible();
    const secondLink = await confirmationLink(account.email, resentAt);
    expect(secondLink).not.toBe(firstLink);

    // The first link was replaced by the second.
    await page.goto(firstLink);
    await expect(page).toHaveURL("/account?email=invalid");
    await expect(formMessage(page, "alert", "That confirmation link is not valid (it may have been used already).")).toBeVisible();
    await expect(emailSection(page)).toContainText("is not confirmed yet.");

    // Opened signed in, the new one confirms the address.
    await page.goto(secondLink);
    await expect(page).toHaveURL("/account?email=confirmed");
    await expect(formMessage(page, "status", CONFIRMED)).toBeVisible();
    await expect(emailSection(page)).toContainText(`${account.email} is confirmed.`);
    await expect(emailSection(page).getByRole("button", { name: "Send the link again" })).toHaveCount(0);
    expect((await data.db.user.findUniqueOrThrow({ where: { id: created.id } })).emailVerified).not.toBeNull();

    // Now the comment goes through, published at once.
    await page.goto(`/posts/${essay.slug}`);
    await expect(respondForm(page)).toContainText(`Commenting as ${account.name}.`);
    const id = await postComment(page, respondForm(page), body);
    await expect(commentCard(page, id)).toContainText(body);
    await expect(commentsHeading(page)).toHaveText(`One thought on “${essay.title}”`);
    expect((await data.db.comment.findUniqueOrThrow({ where: { id } })).status).toBe("APPROVED");
  });

  test.describe("the link opened elsewhere", () => {
    test.use(from("198.51.100.132"));

    test("in another account it confirms nothing; signed out it asks to sign in to the new account, then confirms", async ({
      page,
      browser,
      data,
    }) => {
      const other = await data.user({ name: `Other Reader ${data.run}`, password: strongPassword(`${data.run}-other`) });
      const account = { name: `Fenn Harrow ${data.run}`, email: data.email("fenn"), password: strongPassword(data.run) };

      // The account is made in this browser, which then signs out.
      const signedUpAt = new Date();
      await page.goto("/signup");
      await submitSignUp(page, account);
      await expectSignedInAs(page, account.name);
      const link = await confirmationLink(account.email, signedUpAt);
      await mainNav(page).getByRole("button", { name: "Sign out" }).click();
      await expectSignedOut(page);

      // Opened in a browser signed in to another account: refused, nothing confirmed.
      const elsewhere = await newVisitor(browser, "203.0.113.132");
      try {
        const otherPage = await elsewhere.newPage();
        await signIn(otherPage, other);
        await otherPage.goto(link);
        await expect(otherPage).toHaveURL("/account?email=other-account");
        await expect(
          formMessage(
            otherPage,
            "alert",
            "That confirmation link belongs to another account. Sign out and sign in to that account to use it.",
          ),
        ).toBeVisible();
        await expectSignedInAs(otherPage, other.name);
      } finally {
        await elsewhere.close();
      }
      const users = await data.db.user.findMany({ where: { email: { in: [account.email, other.email] } } });
      expect(users.find((u) => u.email === account.email)?.emailVerified).toBeNull();

      // Opened signed out: sign in to the new account first, and the link does the rest.
      await page.goto(link);
      await expect(page).toHaveURL(/^[^?]*\/signin\?callbackUrl=%2Fverify-email%3Ftoken%3D/);
      await expect(formMessage(page, "status", "Sign in to the new account to confirm its e-mail address.")).toBeVisible();
      await submitPasswordSignIn(page, account.email, account.password);
      await expect(page).toHaveURL("/account?email=confirmed");
      await expect(formMessage(page, "status", CONFIRMED)).toBeVisible();
      await expectSignedInAs(page, account.name);
      await expect(emailSection(page)).toContainText(`${account.email} is confirmed.`);
      expect((await data.db.user.findUniqueOrThrow({ where: { email: account.email } })).emailVerified).not.toBeNull();
    });
  });
});

test.describe("pre-account hijacking", () => {
  test.use(from("198.51.100.133"));

  test("whoever signed up first with someone else's address loses the account when its owner follows a magic link", async ({
    page,
    browser,
    data,
  }) => {
    const victimEmail = data.email("victim");
    const attacker = { name: `Squatter ${data.run}`, email: victimEmail, password: strongPassword(`${data.run}-squat`) };

    // The attacker signs up with the victim's address; the account stays unconfirmed.
    const attackerContext = await newVisitor(browser, "203.0.113.133");
    try {
      const attackerPage = await attackerContext.newPage();
      await attackerPage.goto("/signup");
      await submitSignUp(attackerPage, attacker);
      await expect(attackerPage).toHaveURL("/");
      await expectSignedInAs(attackerPage, attacker.name);
      const squatted = await data.db.user.findUniqueOrThrow({ where: { email: victimEmail } });
      expect(squatted.emailVerified).toBeNull();
      expect(squatted.passwordHash).not.toBeNull();

      // The address's owner asks for a sign-in link and follows it: signed in.
      const askedAt = new Date();
      await page.goto("/signin?callbackUrl=%2Faccount");
      const magicForm = page.locator("form", { has: page.getByRole("heading", { name: "With a link by e-mail" }) });
      await magicForm.locator('input[name="email"]').fill(victimEmail);
      await magicForm.getByRole("button", { name: "E-mail me a sign-in link" }).click();
      await expect(page).toHaveURL("/signin/check-email");
      const mail = await waitForMail(victimEmail, 15_000, { since: askedAt, subject: "Sign in to Hearth" });
      await page.goto(linkIn(mail, `${baseURL}/api/auth/callback/nodemailer?`));
      await expect(page).toHaveURL("/account");
      await expectSignedInAs(page, attacker.name);
      await expect(emailSection(page)).toContainText(`${victimEmail} is confirmed.`);

      // The attacker's browser is signed out on its next page load…
      await attackerPage.reload();
      await expectSignedOut(attackerPage);
      const account = await attackerPage.goto("/account");
      expect(account?.status()).toBe(200);
      await expect(attackerPage).toHaveURL("/signin?callbackUrl=%2Faccount");

      // …and the password they chose no longer signs in.
      await attemptSignIn(attackerPage, victimEmail, attacker.password);
      await expect(formMessage(attackerPage, "alert", WRONG_CREDENTIALS)).toHaveText(WRONG_CREDENTIALS);
      await expectSignedOut(attackerPage);
    } finally {
      await attackerContext.close();
    }

    const taken = await data.db.user.findUniqueOrThrow({ where: { email: victimEmail } });
    expect(taken.emailVerified).not.toBeNull();
    expect(taken.passwordHash).toBeNull();
    expect(await data.db.user.count({ where: { email: victimEmail } })).toBe(1);
  });
});

test.describe("sessions", () => {
  test.describe("sign out everywhere", () => {
    test.use(from("198.51.100.134"));

    test("signs out every browser of the account, this one too; signing in again works", async ({ page, browser, data }) => {
      const user = await data.user({ name: `Wary Reader ${data.run}`, password: strongPassword(data.run) });
      const secondContext = await newVisitor(browser, "203.0.113.134");
      try {
        const second = await secondContext.newPage();
        await signIn(second, user);
        await signIn(page, user);

        await page
          .getByRole("region", { name: "Sessions" })
          .getByRole("button", { name: "Sign out everywhere" })
          .click();
        await expect(page).toHaveURL("/signin?notice=signed-out-everywhere");
        await expect(formMessage(page, "status", "You were signed out on every device. Sign in again here.")).toBeVisible();
        await expectSignedOut(page);

        await second.reload();
        await expect(second).toHaveURL("/signin?callbackUrl=%2Faccount");
        await expectSignedOut(second);

        // Signing in again starts a new session that works.
        await submitPasswordSignIn(page, user.email, user.password!);
        await expectSignedInAs(page, user.name);
        await page.goto("/account");
        await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
      } finally {
        await secondContext.close();
      }
    });
  });

  test.describe("changing the password", () => {
    test.use(from("198.51.100.135"));

    test("keeps this browser signed in, signs out the others, and the new password works", async ({ page, browser, data }) => {
      const user = await data.user({ name: `Careful Reader ${data.run}`, password: strongPassword(data.run) });
      const newPassword = strongPassword(`${data.run}-renewed`);
      const secondContext = await newVisitor(browser, "203.0.113.135");
      try {
        const second = await secondContext.newPage();
        await signIn(second, user);
        await signIn(page, user);

        const form = page.locator("form", { has: page.getByRole("heading", { name: "Change password" }) });
        await form.getByLabel("Current password", { exact: true }).fill(user.password!);
        await form.getByLabel("New password", { exact: true }).fill(newPassword);
        await form.getByLabel("Repeat the new password", { exact: true }).fill(newPassword);
        await form.getByRole("button", { name: "Change password" }).click();
        await expect(formMessage(form, "status", "Password changed. You were signed out everywhere else.")).toBeVisible();
        // A successful change leaves no password in the form (components/ui/use-form-action.ts).
        for (const label of ["Current password", "New password", "Repeat the new password"]) {
          await expect(form.getByLabel(label, { exact: true })).toHaveValue("");
        }

        // This browser is still signed in.
        await page.reload();
        await expect(page).toHaveURL("/account");
        await expectSignedInAs(page, user.name);

        // The other browser is signed out.
        await second.reload();
        await expect(second).toHaveURL("/signin?callbackUrl=%2Faccount");
        await expectSignedOut(second);

        // The old password is refused there, the new one signs in.
        await attemptSignIn(second, user.email, user.password!);
        await expect(formMessage(second, "alert", WRONG_CREDENTIALS)).toHaveText(WRONG_CREDENTIALS);
        await submitPasswordSignIn(second, user.email, newPassword);
        await expect(second).toHaveURL("/account");
        await expectSignedInAs(second, user.name);
      } finally {
        await secondContext.close();
      }
    });
  });
});
