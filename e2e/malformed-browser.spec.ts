/**
 * Malformed input in a browser: the message is next to the field (aria-describedby), and what
 * was typed is still there — with JavaScript and without.
 */
import type { Page } from "@playwright/test";
import { test, expect } from "./support/fixtures";
import { baseURL } from "../playwright.config";
import { wordsOf } from "./support/malformed";
import { sessionCookie } from "./support/session";

async function fieldMessage(page: Page, label: string) {
  const field = page.getByLabel(label, { exact: true });
  const describedBy = (await field.getAttribute("aria-describedby")) ?? "";
  const errorId = describedBy.split(" ").find((id) => id.endsWith("-error"));
  return { field, error: errorId ? page.locator(`[id="${errorId}"]`) : null };
}

test.describe("malformed input in a browser", () => {
  test("a comment past the limit, with JavaScript: the message is under the field, the text kept", async ({
    page,
    data,
    context,
  }) => {
    const author = await data.author();
    const reader = await data.user();
    const essay = await data.essay({ author, title: "Browser Limits" });
    await data.publish();
    await context.addCookies([
      { name: "authjs.session-token", value: (await sessionCookie(reader)).split("=")[1] ?? "", url: baseURL },
    ]);
    await page.goto(`/posts/${essay.slug}`);
    const text = wordsOf(10_001);
    const body = page.getByLabel("Comment", { exact: true });
    // The textarea's maxlength stops typing at the limit; a paste from a script does not.
    await body.evaluate((el, value) => ((el as HTMLTextAreaElement).value = value), text);
    await page.getByRole("button", { name: "Post comment", exact: true }).click();
    await expect(body).toHaveAttribute("aria-invalid", "true");
    const { field, error } = await fieldMessage(page, "Comment");
    expect(error).not.toBeNull();
    await expect(error!).toHaveText("Keep it under 10,000 characters.");
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(field).toHaveValue(text);
    expect(await data.db.comment.count({ where: { postId: essay.id } })).toBe(0);
  });

  test("a sign-up name past the limit, without JavaScript: the message is under the field", async ({ browser, data }) => {
    const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/signup");
    const name = wordsOf(101);
    await page.getByLabel("Name", { exact: true }).evaluate((el) => el.removeAttribute("maxlength"));
    await page.getByLabel("Name", { exact: true }).fill(name);
    const email = data.email("browser-signup");
    await page.getByLabel("E-mail", { exact: true }).fill(email);
    await page.getByLabel("Password", { exact: true }).fill("ember-kettle-lantern-browser");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByLabel("Name", { exact: true })).toHaveAttribute("aria-invalid", "true");
    const { field, error } = await fieldMessage(page, "Name");
    expect(error).not.toBeNull();
    await expect(error!).toHaveText("Use at most 100 characters.");
    await expect(field).toHaveValue(name);
    await expect(page.getByLabel("E-mail", { exact: true })).toHaveValue(email);
    expect(await data.db.user.count({ where: { email } })).toBe(0);
    await context.close();
  });
});
