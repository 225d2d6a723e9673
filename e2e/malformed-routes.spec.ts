/**
 * Malformed input on the routes that take input: comment permalinks and the Like button, the
 * API (revalidate, Auth.js), verify-email, uploads, feeds, and a server action
 * posted from another site. Bodies of the wrong type or size, ids that are not ids or name
 * someone else's rows. See e2e/support/malformed-routes.ts for what every row must get.
 */
import { test, expect } from "./support/fixtures";
import { baseURL } from "../playwright.config";
import { REVALIDATE_SECRET } from "./support/data";
import { formOn, hasField, post, submit } from "./support/http-forms";
import { createWorld, expectSafe, fingerprint, INVALID_UTF8, MORE_NOT_IDS, wordsOf, type World } from "./support/malformed";
import { bearer, json, like, long, reader, runRoutes, type RouteRow } from "./support/malformed-routes";
import { encodeForm, multipart, urlencoded } from "../tests/support/html-forms";

const commentRows: RouteRow[] = [
  ...MORE_NOT_IDS.map((id): RouteRow => ({
    name: `permalink ${JSON.stringify(id)}`,
    path: () => `/comments/${encodeURIComponent(id)}`,
    status: 404,
  })),
  { name: "permalink %FF", path: () => "/comments/%FF", status: 400 },
  { name: "permalink of a deleted comment", path: (w) => `/comments/${w.deletedComment.id}`, status: 404 },
  { name: "permalink of a comment that never existed", path: () => "/comments/2147483647", status: 404 },
  { name: "permalink of a comment", path: (w) => `/comments/${w.otherComment.id}`, status: 307 },
  ...MORE_NOT_IDS.map((id): RouteRow => ({
    name: `like ${JSON.stringify(id)}`,
    method: "POST",
    path: () => `/comments/${encodeURIComponent(id)}/like`,
    who: reader,
    body: like("1"),
    status: 404,
  })),
  { name: "like %FF", method: "POST", path: () => "/comments/%FF/like", who: reader, body: like("1"), status: 400 },
  {
    name: "like a deleted comment",
    method: "POST",
    path: (w) => `/comments/${w.deletedComment.id}/like`,
    who: reader,
    body: like("1"),
    status: 404,
  },
  {
    name: "like a comment that never existed",
    method: "POST",
    path: () => "/comments/2147483647/like",
    who: reader,
    body: like("1"),
    status: 404,
  },
  {
    name: "like one's own comment",
    method: "POST",
    path: (w) => `/comments/${w.readerComment.id}/like`,
    who: reader,
    body: like("1"),
    status: 403,
  },
  ...["2", "", "yes", "1\u0000", long(1_000_000)].map((value): RouteRow => ({
    name: `like=${JSON.stringify(value.slice(0, 8))}`,
    method: "POST",
    path: (w) => `/comments/${w.otherComment.id}/like`,
    who: reader,
    body: like(value),
    status: 400,
  })),
  {
    name: "like without the field",
    method: "POST",
    path: (w) => `/comments/${w.otherComment.id}/like`,
    who: reader,
    body: () => urlencoded([["other", "1"]]),
    status: 400,
  },
  {
    name: "like of invalid UTF-8",
    method: "POST",
    path: (w) => `/comments/${w.otherComment.id}/like`,
    who: reader,
    body: () => urlencoded([["like", { bytes: INVALID_UTF8 }]]),
    status: 400,
  },
  {
    name: "like as a file",
    method: "POST",
    path: (w) => `/comments/${w.otherComment.id}/like`,
    who: reader,
    body: () => multipart([["like", { filename: "like.txt", contentType: "text/plain", data: "1" }]]),
    status: 400,
  },
  {
    name: "like as JSON",
    method: "POST",
    path: (w) => `/comments/${w.otherComment.id}/like`,
    who: reader,
    body: json({ like: "1" }),
    status: 400,
  },
  {
    name: "like as JSON, asking for JSON",
    method: "POST",
    path: (w) => `/comments/${w.otherComment.id}/like`,
    who: reader,
    body: json("{"),
    headers: { accept: "application/json" },
    status: 400,
    check: (a) => expect(JSON.parse(a.text)).toMatchObject({ ok: false }),
  },
  {
    name: "like from another site",
    method: "POST",
    path: (w) => `/comments/${w.otherComment.id}/like`,
    who: reader,
    body: like("1"),
    headers: { origin: "http://evil.example" },
    status: 403,
  },
];

const apiRows: RouteRow[] = [
  {
    name: "revalidate without a token",
    method: "POST",
    path: () => "/api/revalidate",
    body: json({ tags: ["posts"] }),
    status: 401,
  },
  {
    name: "revalidate with a wrong token",
    method: "POST",
    path: () => "/api/revalidate",
    body: json({ tags: ["posts"] }),
    headers: { authorization: `Bearer ${REVALIDATE_SECRET}x` },
    status: 401,
  },
  ...(
    [
      ["not JSON", "{"],
      ["invalid UTF-8", INVALID_UTF8],
      ["tags a string", { tags: "posts" }],
      ["tags of numbers", { tags: [1] }],
      ["a tag with NUL", { tags: ["po\u0000sts"] }],
      ["51 tags", { tags: Array.from({ length: 51 }, () => "posts") }],
      ["no tags", { tags: [] }],
      ["a JSON array", [1, 2]],
      ["null", "null"],
      ["5 MB of JSON", { tags: ["posts"], pad: wordsOf(5_000_000) }],
    ] as const
  ).map(([name, value]): RouteRow => ({
    name: `revalidate: ${name}`,
    method: "POST",
    path: () => "/api/revalidate",
    body: () => (Buffer.isBuffer(value) ? { body: value, contentType: "application/json" } : json(value)()),
    headers: bearer,
    status: name === "5 MB of JSON" ? 200 : 400,
  })),
  {
    name: "auth: a forged session cookie",
    path: () => "/api/auth/session",
    headers: { cookie: "authjs.session-token=forged%00" },
    status: 200,
  },
  { name: "auth: %FF", path: () => "/api/auth/%FF", status: 400 },
  { name: "auth: an unknown action", path: () => "/api/auth/nothing-here", status: [302, 400, 404] },
  { name: "auth: an unknown provider", path: () => "/api/auth/signin/%00", status: [302, 400, 404] },
  {
    name: "auth: a magic-link callback with junk",
    path: () => "/api/auth/callback/nodemailer?token=%00&email=%FF",
    status: [302, 400],
  },
  {
    name: "auth: credentials without a CSRF token",
    method: "POST",
    path: () => "/api/auth/callback/credentials",
    body: () =>
      urlencoded([
        ["email", "a\u0000@b.c"],
        ["password", { bytes: INVALID_UTF8 }],
      ]),
    status: [302, 400],
  },
  {
    name: "auth: a magic link without a CSRF token",
    method: "POST",
    path: () => "/api/auth/signin/nodemailer",
    body: () => urlencoded([["email", long(100_000)]]),
    status: [302, 400],
  },
  { name: "auth: sign out with junk", method: "POST", path: () => "/api/auth/signout", body: json("{"), status: [302, 400] },
  { name: "verify-email, signed out, with junk", path: () => "/verify-email?token=%00%FF", status: 303 },
  {
    name: "verify-email, signed in, with a NUL",
    path: () => "/verify-email?token=%00",
    who: reader,
    status: 303,
    check: (a) => expect(a.location).toBe("/account?email=invalid"),
  },
  {
    name: "verify-email, signed in, 5,000 characters",
    path: () => `/verify-email?token=${long(5000)}`,
    who: reader,
    status: 303,
  },
  { name: "uploads: out of the folder", path: () => "/uploads/covers/..%2F..%2Fe2e.db", status: 404 },
  { name: "uploads: a NUL", path: () => "/uploads/covers/%00.png", status: 404 },
  { name: "uploads: %FF", path: () => "/uploads/%FF/x.png", status: 400 },
  { name: "uploads: three parts", path: () => "/uploads/covers/a/b.png", status: 404 },
  { name: "uploads: a name never given", path: () => `/uploads/avatars/${"0".repeat(32)}.png`, status: 404 },
  { name: "feed with a junk query", path: () => "/feed.xml?page=%FF&%00", status: 200 },
  { name: "sitemap with a junk query", path: () => "/sitemap.xml?%FF", status: 200 },
  { name: "feed posted to", method: "POST", path: () => "/feed.xml", body: json("{"), status: 405 },
];

test.describe("malformed input on every route", () => {
  let world: World;
  test.beforeAll(async ({ db, playwright }) => {
    world = await createWorld(db, await playwright.request.newContext({ baseURL }));
  });

  test("comment permalinks and the Like button", async ({ db }) => {
    await runRoutes(db, world, commentRows);
  });

  test("API routes, auth, verify-email, uploads, feeds", async ({ db }) => {
    await runRoutes(db, world, apiRows);
  });

  test("a server action posted from another site is refused, and changes nothing", async ({ db }) => {
    const visitor = await world.as(world.reader);
    const form = await formOn(`/posts/${world.essay.slug}`, visitor, hasField("postId"));
    const before = await fingerprint(db, world);
    for (const origin of ["http://evil.example", "not a url", `${baseURL}.evil.example`]) {
      const body = encodeForm(
        form.form.fields.map(([n, v]): [string, string] => [n, n === "body" ? `From elsewhere ${origin}` : v]),
        form.encoding,
      );
      const answer = await post(form.path, visitor, body, { origin });
      expectSafe(answer, `cross-site post from ${origin}`);
      expect(answer.status, origin).toBe(403);
      expect(answer.text).toContain("This form was sent from another site");
    }
    expect(await fingerprint(db, world)).toBe(before);
    // The same form from the site itself still works.
    const ok = await submit(form, visitor, { body: `From here ${world.data.unique()}`, intent: "post" });
    expect(ok.status).toBe(303);
  });
});
