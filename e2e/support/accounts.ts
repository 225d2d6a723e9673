/** What a person does and sees around accounts: the header, the sign-in and sign-up forms. */
import type { Locator, Page } from "@playwright/test";
import type { TestData, UserRecord } from "./data";
import { expect } from "./fixtures";

/** The header's navigation ("Main"). */
export function mainNav(page: Page): Locator {
  return page.getByRole("navigation", { name: "Main" });
}

/** The header link to the signed-in person's account. */
export function accountLink(page: Page, name: string): Locator {
  return mainNav(page).getByRole("link", { name: `Your account (${name})`, exact: true });
}

export async function expectSignedInAs(page: Page, name: string): Promise<void> {
  await expect(accountLink(page, name)).toBeVisible();
  await expect(mainNav(page).getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(mainNav(page).getByRole("link", { name: "Sign in", exact: true })).toHaveCount(0);
}

export async function expectSignedOut(page: Page): Promise<void> {
  await expect(mainNav(page).getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
  await expect(mainNav(page).getByRole("link", { name: "Sign up", exact: true })).toBeVisible();
  await expect(mainNav(page).getByRole("button", { name: "Sign out" })).toHaveCount(0);
}

/** Fills and submits the password form on /signin (the page must be open). */
export async function submitPasswordSignIn(page: Page, email: string, password: string): Promise<void> {
  const form = page.locator("form", { has: page.getByRole("heading", { name: "With your password" }) });
  await form.getByLabel("E-mail", { exact: true }).fill(email);
  await form.getByLabel("Password", { exact: true }).fill(password);
  await form.getByRole("button", { name: "Sign in", exact: true }).click();
}

/**
 * Submits the password form and waits for the server's answer to this very submission (so a
 * message still showing from the previous attempt is not mistaken for this one's), and for the
 * page to show it: with JavaScript the render that shows the answer empties the password field,
 * without it the answer is a new page with an empty one. Typing the next attempt before then
 * would have its password wiped by that render.
 */
export async function attemptSignIn(page: Page, email: string, password: string): Promise<void> {
  const answered = page.waitForResponse(
    (response) => response.request().method() === "POST" && new URL(response.url()).pathname === "/signin",
  );
  await submitPasswordSignIn(page, email, password);
  await answered;
  const form = page.locator("form", { has: page.getByRole("heading", { name: "With your password" }) });
  await expect
    .poll(
      async () =>
        new URL(page.url()).pathname !== "/signin" || (await form.getByLabel("Password", { exact: true }).inputValue()) === "",
    )
    .toBe(true);
}

/** Opens /signin (returning to `callbackUrl`), signs in with a password and waits to arrive. */
export async function signIn(
  page: Page,
  user: { name: string; email: string; password?: string },
  callbackUrl = "/account",
): Promise<void> {
  if (!user.password) throw new Error(`${user.email} has no password: create it with data.user({ password })`);
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await submitPasswordSignIn(page, user.email, user.password);
  await expect(page).toHaveURL(callbackUrl);
  await expectSignedInAs(page, user.name);
}

/** A form-level message (role=alert for errors, role=status for confirmations) with `text`. */
export function formMessage(page: Page | Locator, role: "alert" | "status", text: string | RegExp): Locator {
  return page.getByRole(role).filter({ hasText: text });
}

/** Passwords the app accepts (long, not on the common list). */
export function strongPassword(seed: string): string {
  return `ember-kettle-lantern-${seed}`;
}

/**
 * Rate limits count in fixed windows aligned to the epoch, with the previous window's events
 * weighted down as the current one advances (lib/rate-limit/window.ts). A burst of failures
 * that straddles a window boundary is therefore estimated a little below its real count. Tests
 * that need a burst to be counted in full call this first: it waits (at most `neededMs`) until
 * the current window has at least `neededMs` left. The server runs on this machine's clock.
 */
export async function awaitRoomInRateWindow(neededMs: number, windowMs = 15 * 60_000): Promise<void> {
  const left = windowMs - (Date.now() % windowMs);
  if (left < neededMs) await new Promise((resolve) => setTimeout(resolve, left + 1_000));
}

/** An author who signs in with a password, named `<label> <run>`. */
export async function authorWithPassword(data: TestData, label: string): Promise<UserRecord> {
  return data.user({ role: "AUTHOR", name: `${label} ${data.run}`, password: strongPassword(data.run) });
}
