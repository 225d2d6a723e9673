/**
 * Fault tests: the database stops taking writes under a running server — its file made
 * read-only at the OS level (`chattr +i`), or its disk full (a small tmpfs filled up). Readers
 * using the real UI, with and without JavaScript, get a clear 503 (a page, or the form's
 * message with what they typed kept), never a stack trace, and nothing is half-written; once the
 * fault is gone the very same actions succeed, with no restart. See
 * docs/decisions/015-storage-failures.md. Needs root (tests/support/faults.ts): fails, never
 * skips, where chattr or mount are refused.
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { test, expect, type Browser, type BrowserContext, type Page, type Response } from "@playwright/test";
import { insertApprovedComment } from "../lib/comments/write";
import { createPost } from "../lib/posts/write";
import { databaseFiles, fillDisk, makeImmutable, mountTmpfs } from "../tests/support/faults";
import { AUTH_SECRET, prepareDatabase, startOwnServer, type OwnServer } from "./support/own-server";

const MESSAGE = "Hearth can’t save changes right now, so nothing was saved. Please try again in a minute.";
/** What must never reach a reader: traces, paths, driver codes. */
const LEAKS = ["Error:", "at ", "node_modules", "SQLITE"];

interface Site {
  file: string;
  server: OwnServer;
  essay: { id: string; slug: string };
  likedCommentId: number;
  /** An admin (who can also change the settings) writing as a reader would. */
  admin: { id: string; name: string; email: string };
  /** A magic link for the admin, not used yet. */
  magicLink: string;
}

/** A site of its own in `dir`: an essay by an author with a comment to like, and an admin. */
async function startSite(dir: string): Promise<Site> {
  const file = path.join(dir, "hearth.db");
  const db = await prepareDatabase(file);
  const run = path.basename(dir).slice(-6);
  const person = (role: "AUTHOR" | "ADMIN", name: string) =>
    db.user.create({
      data: {
        name: `${name} ${run}`,
        email: `${name.toLowerCase()}-${run}@e2e.example`,
        handle: `${name.toLowerCase()}-${run}`,
        role,
        emailVerified: new Date(),
      },
    });
  const author = await person("AUTHOR", "Host");
  const admin = await person("ADMIN", "Admin");
  const essay = await createPost(db, {
    slug: `weathering-${run}`,
    title: "Weathering",
    bodyMarkdown: "An essay.",
    authorId: author.id,
    status: "PUBLISHED",
  });
  const liked = await insertApprovedComment(db, {
    postId: essay.id,
    parentId: null,
    authorId: author.id,
    bodyMarkdown: "Worth a like.",
  });
  // As Auth.js stores the token of a link it mailed: hashed with the secret.
  const token = randomBytes(16).toString("hex");
  await db.verificationToken.create({
    data: {
      identifier: admin.email,
      token: createHash("sha256").update(`${token}${AUTH_SECRET}`).digest("hex"),
      expires: new Date(Date.now() + 3_600_000),
    },
  });
  await db.$disconnect();
  const server = await startOwnServer(file, { uploadsDir: path.join(dir, "uploads") });
  const magicLink = `/api/auth/callback/nodemailer?${new URLSearchParams({ callbackUrl: "/account", token, email: admin.email })}`;
  return { file, server, essay, likedCommentId: liked.id, admin, magicLink };
}

/** A browser signed in as the site's admin, with or without JavaScript. */
async function signedIn(browser: Browser, site: Site, javaScriptEnabled: boolean): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: site.server.base, javaScriptEnabled });
  const [name, value] = (await site.server.sessionCookie(site.admin)).split("=") as [string, string];
  await context.addCookies([{ name, value, url: site.server.base }]);
  return context;
}

const commentForm = (page: Page) => page.locator("section#respond");
const likedCard = (page: Page, site: Site) => page.locator(`li#comment-${site.likedCommentId} > article`);

function expectNoLeak(text: string): void {
  for (const leak of LEAKS) expect(text, `the reader sees "${leak}"`).not.toContain(leak);
}

/** The 503 page a browser without JavaScript lands on, checked whole. */
async function expectUnavailablePage(page: Page, response: Response, back: string): Promise<void> {
  expect(response.status()).toBe(503);
  expect(response.headers()["retry-after"]).toBe("60");
  expect(response.headers()["cache-control"]).toBe("no-store");
  await expect(page.getByRole("heading", { name: "Can’t save right now" })).toBeVisible();
  await expect(page.getByRole("alert")).toHaveText(MESSAGE);
  await expect(page.getByRole("link", { name: "Back to the page" })).toHaveAttribute("href", back);
  expectNoLeak(await page.locator("body").innerText());
}

/** The pages a reader had open before the storage failed. */
interface OpenPages {
  noJs: Page;
  js: Page;
  settings: Page;
}

interface Attempt {
  body: string;
  jsBody: string;
  title: string;
}

async function openPages(browser: Browser, site: Site): Promise<{ pages: OpenPages; close: () => Promise<unknown> }> {
  const [plain, scripted] = await Promise.all([signedIn(browser, site, false), signedIn(browser, site, true)]);
  const [noJs, js, settings] = await Promise.all([plain.newPage(), scripted.newPage(), scripted.newPage()]);
  const essayPath = `/posts/${site.essay.slug}`;
  await Promise.all([noJs.goto(essayPath), js.goto(essayPath), settings.goto("/dashboard/settings")]);
  await expect(commentForm(js).getByRole("button", { name: "Post comment", exact: true })).toBeEnabled();
  return { pages: { noJs, js, settings }, close: () => Promise.all([plain.close(), scripted.close()]) };
}

/** Every write the reader tries while the fault lasts is answered 503, clearly. */
async function tryEverythingUnderFault(site: Site, { noJs, js, settings }: OpenPages, attempt: Attempt): Promise<void> {
  const health = await fetch(`${site.server.base}/api/health`);
  expect(health.status).toBe(503);
  expect(await health.json()).toMatchObject({ ok: false, read: true, write: false });
  const essayPath = `/posts/${site.essay.slug}`;

  // Without JavaScript: the comment form and the Like button each end on the 503 page.
  await commentForm(noJs).getByLabel("Comment", { exact: true }).fill(attempt.body);
  const [landed] = await Promise.all([
    noJs.waitForResponse((r) => new URL(r.url()).pathname === "/unavailable"),
    commentForm(noJs).getByRole("button", { name: "Post comment", exact: true }).click(),
  ]);
  await expectUnavailablePage(noJs, landed, essayPath);
  await noJs.getByRole("link", { name: "Back to the page" }).click();
  await expect(noJs).toHaveURL(essayPath);
  const [refused] = await Promise.all([
    noJs.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith(`/comments/${site.likedCommentId}/like`)),
    likedCard(noJs, site).getByRole("button", { name: /^Like .*’s comment$/ }).click(),
  ]);
  await expectUnavailablePage(noJs, refused, essayPath);

  // With JavaScript: the form says so and keeps the text; the Like button says so and stays off.
  const form = commentForm(js);
  await form.getByLabel("Comment", { exact: true }).fill(attempt.jsBody);
  await form.getByRole("button", { name: "Post comment", exact: true }).click();
  await expect(form.getByRole("alert")).toHaveText(MESSAGE);
  await expect(form.getByLabel("Comment", { exact: true })).toHaveValue(attempt.jsBody);
  await expect(js).toHaveURL(essayPath);
  await likedCard(js, site).getByRole("button", { name: /^Like .*’s comment$/ }).click();
  await expect(likedCard(js, site).getByRole("alert")).toHaveText(MESSAGE);
  await expect(likedCard(js, site).getByRole("button", { name: /^Like .*’s comment$/ })).toBeEnabled();
  // The rest of the page is the essay as before (its dates read "… at 15:42 UTC"): no error
  // page, no trace, no driver code.
  const rest = await js.locator("main").innerText();
  for (const leak of ["Error:", "node_modules", "SQLITE", "Something went wrong"]) expect(rest).not.toContain(leak);
  expect(rest).not.toMatch(/^\s*at \S+/m);

  // A magic link opened now cannot be used up: the 503 page, not "/signin?error=Configuration".
  const link = await fetch(`${site.server.base}${site.magicLink}`, { redirect: "manual" });
  expect(link.status).toBe(503);
  expect(link.headers.get("retry-after")).toBe("60");
  const linkPage = await link.text();
  expect(linkPage).toContain(MESSAGE);
  expectNoLeak(linkPage.replace(/^[\s\S]*<main>|<\/main>[\s\S]*$/g, "").replace(/<[^>]+>/g, ""));

  // The settings form, with JavaScript: the message, and the new title still typed.
  await settings.getByLabel("Site title", { exact: true }).fill(attempt.title);
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect(settings.getByRole("alert").filter({ hasText: MESSAGE })).toHaveText(MESSAGE);
  await expect(settings.getByLabel("Site title", { exact: true })).toHaveValue(attempt.title);
}

/** Nothing of what was tried under the fault was written. */
function expectNothingWritten(site: Site, attempt: Attempt): void {
  const check = new Database(site.file, { readonly: true });
  try {
    const comments = check
      .prepare(`SELECT COUNT(*) AS n FROM "Comment" WHERE "bodyMarkdown" IN (?, ?)`)
      .get(attempt.body, attempt.jsBody);
    expect(comments).toEqual({ n: 0 });
    expect(check.prepare(`SELECT COUNT(*) AS n FROM "CommentLike"`).get()).toEqual({ n: 0 });
    expect(check.prepare(`SELECT "likeCount" FROM "Comment" WHERE "id" = ?`).get(site.likedCommentId)).toEqual({ likeCount: 0 });
    expect(check.prepare(`SELECT "siteTitle" FROM "Settings" WHERE "id" = 1`).get()).toEqual({ siteTitle: "Hearth" });
  } finally {
    check.close();
  }
}

/** With the fault gone, the reader sends the very same forms again: each succeeds at once. */
async function everythingWorksAgain(site: Site, { noJs, js, settings }: OpenPages, attempt: Attempt, pid: number | undefined) {
  expect((await fetch(`${site.server.base}/api/health`)).status).toBe(200);

  // Without JavaScript: back from the 503 page, the comment is posted.
  await noJs.getByRole("link", { name: "Back to the page" }).click();
  await commentForm(noJs).getByLabel("Comment", { exact: true }).fill(attempt.body);
  await commentForm(noJs).getByRole("button", { name: "Post comment", exact: true }).click();
  await noJs.waitForURL(/#comment-\d+$/);
  await expect(noJs.getByText(attempt.body)).toBeVisible();

  // With JavaScript: the same Like button and the same form (still holding the text) again.
  await likedCard(js, site).getByRole("button", { name: /^Like .*’s comment$/ }).click();
  await expect(likedCard(js, site).getByRole("button", { name: /^Liked .*’s comment$/ })).toBeVisible();
  await expect(likedCard(js, site).getByText("Liked by 1 person")).toBeVisible();
  await commentForm(js).getByRole("button", { name: "Post comment", exact: true }).click();
  await js.waitForURL(/#comment-\d+$/);
  await expect(js.getByText(attempt.jsBody)).toBeVisible();
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect(settings.getByRole("status").filter({ hasText: "Settings saved." })).toBeVisible();
  // The same magic link signs in now.
  const link = await fetch(`${site.server.base}${site.magicLink}`, { redirect: "manual" });
  expect(link.status).toBe(302);
  expect(new URL(link.headers.get("location") ?? "", site.server.base).pathname).toBe("/account");
  expect(link.headers.getSetCookie().some((c) => c.startsWith("authjs.session-token="))).toBe(true);

  // No restart happened.
  expect(site.server.process.pid).toBe(pid);
  expect(site.server.process.exitCode).toBeNull();

  const check = new Database(site.file, { readonly: true });
  try {
    for (const body of [attempt.body, attempt.jsBody]) {
      expect(
        check.prepare(`SELECT COUNT(*) AS n FROM "Comment" WHERE "bodyMarkdown" = ? AND "status" = 'APPROVED'`).get(body),
      ).toEqual({
        n: 1,
      });
    }
    expect(check.prepare(`SELECT "likeCount" FROM "Comment" WHERE "id" = ?`).get(site.likedCommentId)).toEqual({ likeCount: 1 });
    expect(check.prepare(`SELECT COUNT(*) AS n FROM "CommentLike" WHERE "commentId" = ?`).get(site.likedCommentId)).toEqual({
      n: 1,
    });
    expect(check.prepare(`SELECT "commentCount" FROM "Post" WHERE "id" = ?`).get(site.essay.id)).toEqual({ commentCount: 3 });
    expect(check.prepare(`SELECT "siteTitle" FROM "Settings" WHERE "id" = 1`).get()).toEqual({ siteTitle: attempt.title });
    expect(check.pragma("integrity_check", { simple: true })).toBe("ok");
  } finally {
    check.close();
  }
  // The operator's log names each failure in one line, without a stack trace.
  expect(site.server.output()).toMatch(/Storage unavailable in .*answered 503 \(SQLITE_/);
  expect(site.server.output()).not.toMatch(/\n\s+at .*node_modules/);
}

test.describe("storage faults under a running server", () => {
  test("the database file made read-only (chattr +i): 503s, then writes work again without a restart", async ({ browser }) => {
    test.setTimeout(90_000);
    const dir = mkdtempSync(path.join(os.tmpdir(), "hearth-readonly-"));
    let site: Site | null = null;
    let fault: { release: () => void } | null = null;
    let open: Awaited<ReturnType<typeof openPages>> | null = null;
    try {
      site = await startSite(dir);
      const pid = site.server.process.pid;
      const files = databaseFiles(site.file);
      expect(files).toEqual([site.file, `${site.file}-wal`]);
      const attempt = {
        body: `Written on stone ${dir.slice(-6)}.`,
        jsBody: `Carved with a script ${dir.slice(-6)}.`,
        title: "Hearth, read-only",
      };

      open = await openPages(browser, site);
      fault = makeImmutable(files);
      await tryEverythingUnderFault(site, open.pages, attempt);
      fault.release();
      expectNothingWritten(site, attempt);
      await everythingWorksAgain(site, open.pages, attempt, pid);
    } finally {
      await open?.close();
      fault?.release();
      await site?.server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("the disk full (a filled tmpfs): 503s, then writes work again without a restart", async ({ browser }) => {
    test.setTimeout(90_000);
    const dir = mkdtempSync(path.join(os.tmpdir(), "hearth-full-"));
    let disk: { unmount: () => void } | null = null;
    let site: Site | null = null;
    let filler: { free: () => void } | null = null;
    let open: Awaited<ReturnType<typeof openPages>> | null = null;
    try {
      disk = mountTmpfs(path.join(dir, "disk"), 4096);
      site = await startSite(path.join(dir, "disk"));
      const pid = site.server.process.pid;
      const attempt = {
        body: `No room left ${dir.slice(-6)}.`,
        jsBody: `Still no room ${dir.slice(-6)}.`,
        title: "Hearth, full",
      };

      open = await openPages(browser, site);
      // An empty WAL first: SQLite reuses a WAL's space after a checkpoint, so only a WAL that
      // must grow meets the full disk (TRUNCATE waits, up to the 5 s busy timeout, for readers).
      const checkpoint = new Database(site.file);
      try {
        expect(checkpoint.pragma("wal_checkpoint(TRUNCATE)")).toEqual([{ busy: 0, log: 0, checkpointed: 0 }]);
      } finally {
        checkpoint.close();
      }
      expect(statSync(`${site.file}-wal`).size).toBe(0);
      filler = fillDisk(path.join(dir, "disk"));
      await tryEverythingUnderFault(site, open.pages, attempt);
      filler.free();
      expectNothingWritten(site, attempt);
      await everythingWorksAgain(site, open.pages, attempt, pid);
    } finally {
      await open?.close();
      filler?.free();
      await site?.server.stop();
      disk?.unmount();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
