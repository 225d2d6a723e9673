/** What a reader does and sees in an essay's conversation: the comment form, items, likes. */
import type { Browser, BrowserContext, Locator, Page } from "@playwright/test";
import { baseURL } from "../../playwright.config";
import { expect } from "./fixtures";

/** Browse from a made-up address (the e2e site trusts X-Forwarded-For). */
export const from = (address: string) => ({ extraHTTPHeaders: { "X-Forwarded-For": address } });

/** A second browser (its own cookies) browsing from `address`. */
export function newVisitor(
  browser: Browser,
  address: string,
  options: { javaScriptEnabled?: boolean } = {},
): Promise<BrowserContext> {
  return browser.newContext({ baseURL, ...from(address), ...options });
}

/** Guest forms younger than this are held silently as spam (lib/comments/policy.ts: 3 s, plus margin). */
export const GUEST_FILL_MS = 3_500;

export const AWAITING_MODERATION = "Your comment is awaiting moderation.";
export const TOO_QUICK = /^You’re commenting too quickly\. Try again in \d+ (seconds?|minutes?)\.$/;

export function commentsSection(page: Page): Locator {
  return page.locator("section#comments");
}

export function commentsHeading(page: Page): Locator {
  return commentsSection(page).locator("h2#comments-heading");
}

/** A comment's list item (with its replies). */
export function commentItem(scope: Page | Locator, id: number): Locator {
  return scope.locator(`li#comment-${id}`);
}

/** A comment's own card, without its replies. */
export function commentCard(scope: Page | Locator, id: number): Locator {
  return commentItem(scope, id).locator(":scope > article");
}

/** The comment form ("Leave a comment" or "Reply to …"). */
export function respondForm(scope: Page | Locator): Locator {
  return scope.locator("section#respond");
}

export function likeButton(card: Locator): Locator {
  // Named for the comment it likes: "Like Ada’s comment" / "Liked Ada’s comment" (seen: "☆ Like").
  return card.getByRole("button", { name: /^Liked? .+’s comment$/ });
}

export function likedBy(card: Locator): Locator {
  return card.locator("details > summary").filter({ hasText: /^Liked by / });
}

/** The id in a permalink URL (…#comment-<id>). */
export function commentIdFrom(url: string): number {
  const match = /#comment-(\d+)$/.exec(url);
  if (!match) throw new Error(`Not a comment permalink: ${url}`);
  return Number(match[1]);
}

/** Opens an essay and returns when it was loaded (for the guest form's minimum fill time). */
export async function openEssay(page: Page, slug: string, query = ""): Promise<number> {
  const response = await page.goto(`/posts/${slug}${query}`);
  expect(response?.status()).toBe(200);
  return Date.now();
}

/** Waits until a guest form loaded at `loadedAt` is old enough not to look automated. */
export async function waitForFillTime(loadedAt: number): Promise<void> {
  const left = loadedAt + GUEST_FILL_MS - Date.now();
  if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
}

export interface GuestDetails {
  name: string;
  email: string;
  url?: string;
  remember?: boolean;
}

/** Fills the comment form in `form` (the body, and a guest's details when given). */
export async function fillCommentForm(form: Locator, body: string, guest?: GuestDetails): Promise<void> {
  await form.getByLabel("Comment", { exact: true }).fill(body);
  if (guest) {
    await form.getByLabel("Name", { exact: true }).fill(guest.name);
    await form.getByLabel("E-mail", { exact: true }).fill(guest.email);
    await form.getByLabel("Website (optional)", { exact: true }).fill(guest.url ?? "");
    await form.getByLabel("Remember me in this browser").setChecked(guest.remember ?? false);
  }
}

/**
 * Posts a comment through `form` and waits for the browser to land on the new comment's
 * permalink; returns its id. Guests must wait for the fill time first (see waitForFillTime).
 */
export async function postComment(page: Page, form: Locator, body: string, guest?: GuestDetails): Promise<number> {
  const before = page.url();
  await fillCommentForm(form, body, guest);
  await form.getByRole("button", { name: "Post comment", exact: true }).click();
  await page.waitForURL((url) => /#comment-\d+$/.test(url.href) && url.href !== before);
  const id = commentIdFrom(page.url());
  await expect(commentItem(page, id)).toBeVisible();
  return id;
}

/** A comment's row in the moderation queue. */
export function queueRow(scope: Locator | Page, id: number): Locator {
  return scope.locator(`li#queue-comment-${id}`);
}
