/**
 * Request bodies of unannounced length (Transfer-Encoding: chunked, no Content-Length) meet the
 * same 6 MB limit as announced ones (server.mjs, server/body-limit.mjs): counted as they arrive,
 * refused with the readable 413 page past the limit, handed on whole below it. Browsers always
 * announce a form's length, so these requests are sent with node:http, as a script would, to
 * the Like button's form URL (a plain form post), with a signed-in reader's cookies.
 * Browses from its own made-up address: 198.51.100.154.
 */
import http from "node:http";
import type { BrowserContext } from "@playwright/test";
import { test, expect } from "./support/fixtures";
import { signIn, strongPassword } from "./support/accounts";
import { commentCard, from, likeButton } from "./support/comments";
import { baseURL } from "../playwright.config";

const ADDRESS = "198.51.100.154";

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * POSTs `chunks` to `path` with Transfer-Encoding: chunked, one write per chunk, and returns
 * the answer. Writing stops as soon as the server answers (it may refuse before the end).
 */
function postChunked(path: string, headers: Record<string, string>, chunks: Iterable<Buffer>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const request = http.request(new URL(path, baseURL), { method: "POST", headers: { ...headers, "Transfer-Encoding": "chunked" } });
    request.on("response", (response) => {
      answered = true;
      const parts: Buffer[] = [];
      response.on("data", (part: Buffer) => parts.push(part));
      response.on("end", () => {
        // Answered before the whole body was sent: give up the rest, as a browser would.
        if (!request.writableFinished) request.destroy();
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(parts).toString("utf8") });
      });
      response.on("error", reject);
    });
    // Once the server has answered, it closes the connection on whatever is still being sent.
    request.on("error", (error) => (answered ? undefined : reject(error)));
    void (async () => {
      for (const chunk of chunks) {
        if (answered || request.destroyed) return;
        if (!request.write(chunk)) await new Promise<void>((resume) => request.once("drain", resume));
      }
      if (!answered && !request.destroyed) request.end();
    })().catch(reject);
  });
}

/** The browser's cookies as a Cookie header. */
async function cookieHeader(context: BrowserContext): Promise<string> {
  return (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
}

test.use(from(ADDRESS));

test("a chunked form post over 6 MB gets the 413 page and reaches nothing; a small chunked one still works", async ({
  page,
  data,
}) => {
  const author = await data.author({ name: `Chunk Host ${data.run}` });
  const writer = await data.user({ name: `Chunk Writer ${data.run}` });
  const reader = await data.user({ name: `Chunk Reader ${data.run}`, password: strongPassword(data.run) });
  const essay = await data.essay({ author, title: `Piece by piece ${data.run}` });
  const comment = await data.comment({ essay, author: writer, body: "Like me in pieces." });
  await data.publish();
  await signIn(page, reader, `/posts/${essay.slug}`);
  const headers = {
    "Content-Type": "application/x-www-form-urlencoded",
    Accept: "text/html",
    Origin: new URL(baseURL).origin,
    Referer: `${baseURL}/posts/${essay.slug}`,
    Cookie: await cookieHeader(page.context()),
    "X-Forwarded-For": ADDRESS,
  };
  const likeUrl = `/comments/${comment.id}/like`;

  // About 7 MB: a like, padded. Had any of it reached the app, the like would count.
  function* sevenMegabytes(): Generator<Buffer> {
    yield Buffer.from("like=1&padding=");
    const block = Buffer.alloc(64 * 1024, "a");
    for (let sent = 0; sent < 7 * 1024 * 1024; sent += block.length) yield block;
  }
  const tooLarge = await postChunked(likeUrl, headers, sevenMegabytes());
  expect(tooLarge.status).toBe(413);
  expect(tooLarge.headers["content-type"]).toMatch(/^text\/html/);
  expect(tooLarge.body).toContain("<h1>That upload is too large</h1>");
  expect(tooLarge.body).toContain("at most 6 MB in one form");
  expect(tooLarge.body).toContain(`<a href="/posts/${essay.slug}">Back to the form</a>`);
  expect(await data.db.commentLike.count({ where: { commentId: comment.id } })).toBe(0);

  // A small form in a few chunks is read whole, as if its length had been announced.
  const small = await postChunked(likeUrl, headers, [Buffer.from("li"), Buffer.from("ke"), Buffer.from("=1")]);
  expect(small.status).toBe(303);
  expect(small.headers.location).toBe(`/posts/${essay.slug}#comment-${comment.id}`);
  expect(await data.db.commentLike.count({ where: { commentId: comment.id, userId: reader.id } })).toBe(1);
  await page.reload();
  await expect(likeButton(commentCard(page, comment.id))).toHaveAttribute("aria-pressed", "true");
});
