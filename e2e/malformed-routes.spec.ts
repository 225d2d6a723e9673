/**
 * Malformed input on every route and URL: broken percent-escapes, NUL bytes, ids that are not
 * ids (or name someone else's rows), query strings no link makes, bodies of the wrong type or
 * size. The answer is always a 4xx (or the page, for a query string a page reads leniently),
 * never a 5xx or a stack trace, and a refused request changes nothing in the database.
 * Table-driven: a new route is a row.
 */
import { test, expect } from "./support/fixtures";
import { baseURL } from "../playwright.config";
import { REVALIDATE_SECRET } from "./support/data";
import { formOn, get, hasField, post, submit, type Answer, type Visitor } from "./support/http-forms";
import {
  createWorld,
  expectSafe,
  fingerprint,
  INVALID_UTF8,
  MORE_NOT_IDS,
  NOT_IDS,
  wordsOf,
  type World,
} from "./support/malformed";
import { encodeForm, multipart, urlencoded } from "../tests/support/html-forms";

interface RouteRow {
  name: string;
  method?: "GET" | "POST";
  path: (w: World) => string;
  /** Default: a guest. */
  who?: (w: World) => Promise<Visitor> | Visitor;
  body?: (w: World) => { body: Buffer | string; contentType: string };
  headers?: Record<string, string>;
  /** The status (or one of them). */
  status: number | readonly number[];
  /** More about the answer. */
  check?: (answer: Answer, w: World) => void;
}

const guest = (w: World) => w.guest();
const reader = (w: World) => w.as(w.reader);
const author = (w: World) => w.as(w.author);
const admin = (w: World) => w.as(w.admin);
const like = (value: string) => () => urlencoded([["like", value]]);
const json = (value: unknown) => () => ({
  body: typeof value === "string" ? value : JSON.stringify(value),
  contentType: "application/json",
});
const bearer = { authorization: `Bearer ${REVALIDATE_SECRET}` };
const long = (n: number) => "x".repeat(n);

/** The reading pages with a segment that names nothing, for a guest and for a signed-in reader. */
function readingRows(): RouteRow[] {
  const segments: [string, number][] = [
    ["%", 400],
    ["%FF", 400],
    ["%E0%A4%A", 400],
    ["%C0%AF", 400],
    ["%25", 404],
    ["a%00b", 404],
    ["%0A", 404],
    [long(300), 404],
  ];
  const rows: RouteRow[] = [];
  for (const [who, visitor] of [
    ["guest", guest],
    ["reader", reader],
  ] as const) {
    for (const [segment, status] of segments) {
      rows.push(
        { name: `${who}: essay /posts/${segment.slice(0, 12)}`, path: () => `/posts/${segment}`, who: visitor, status },
        { name: `${who}: tag /tags/${segment.slice(0, 12)}`, path: () => `/tags/${segment}`, who: visitor, status },
        { name: `${who}: author /authors/${segment.slice(0, 12)}`, path: () => `/authors/${segment}`, who: visitor, status },
        {
          name: `${who}: comment page ${segment.slice(0, 12)}`,
          path: (w) => `/posts/${w.essay.slug}/comment-page/${segment}`,
          who: visitor,
          status,
        },
      );
    }
    for (const n of ["0", "1", "-1", "1e999", "0x10", "99999999999999999999", "999999"]) {
      rows.push(
        { name: `${who}: comment page ${n}`, path: (w) => `/posts/${w.essay.slug}/comment-page/${n}`, who: visitor, status: 404 },
        { name: `${who}: home page ${n}`, path: () => `/page/${n}`, who: visitor, status: n === "1" ? 308 : 404 },
      );
    }
    // These ask for the per-viewer page whoever asks (proxy.ts): a guest's requests cover them.
    if (who === "reader") continue;
    for (const query of [
      ...NOT_IDS.map((id) => `replyto=${encodeURIComponent(id)}`),
      "replyto=%00",
      "replyto=%FF",
      "replyto=1&replyto=2",
      `replyto=${long(5000)}`,
      "edit=1e3",
      "edit=%FF",
      "order=%FF",
      "order=random",
      "order=likes&order=newest",
      "order[]=likes",
      "%FF=%FF",
    ]) {
      rows.push({
        name: `${who}: essay ?${query.slice(0, 30)}`,
        path: (w) => `/posts/${w.essay.slug}?${query}`,
        who: visitor,
        status: 200,
      });
    }
    rows.push(
      {
        name: `${who}: essay ?replyto= a comment on another essay`,
        path: (w) => `/posts/${w.essay.slug}?replyto=${w.foreignComment.id}`,
        who: visitor,
        status: 200,
      },
      {
        name: `${who}: essay ?replyto= a deleted comment`,
        path: (w) => `/posts/${w.essay.slug}?replyto=${w.deletedComment.id}`,
        who: visitor,
        status: 200,
      },
    );
  }
  rows.push(
    {
      name: "reader: ?edit= another reader's comment shows no edit form",
      path: (w) => `/posts/${w.essay.slug}?edit=${w.otherComment.id}`,
      who: reader,
      status: 200,
      check: (a, w) => expect(a.text).not.toContain(`id="edit-${w.otherComment.id}"`),
    },
    {
      name: "the per-viewer twin, directly, with junk",
      path: (w) => `/v/posts/${w.essay.slug}?replyto=%00&edit=-1&order=%FF`,
      status: 200,
    },
    { name: "the per-viewer tag twin of %25", path: () => "/v/tags/%25", status: 404 },
    { name: "the per-viewer home page 1e999", path: () => "/v/page/1e999", status: 404 },
  );
  return rows;
}

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
    name: "publish-due without its token",
    method: "POST",
    path: () => "/api/internal/publish-due",
    body: json({ tags: ["posts"] }),
    status: 404,
  },
  {
    name: "publish-due with a forged token",
    method: "POST",
    path: () => "/api/internal/publish-due",
    body: json("{"),
    headers: { "x-hearth-schedule": long(48) },
    status: 404,
  },
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

const privateRows: RouteRow[] = [
  ...[
    "status=%FF&q=%00&page=-5",
    "page=1e999",
    "page=99999999999999999999",
    `q=${long(5000)}`,
    "q=%FF%00&status=draft&status=published",
  ].map((query): RouteRow => ({
    name: `dashboard ?${query.slice(0, 30)}`,
    path: () => `/dashboard?${query}`,
    who: author,
    status: 200,
  })),
  ...["status=%FF&page=0x10&post=%00", "page=-1&post=" + long(300), "status=spam&page=99999999999999999999"].map(
    (query): RouteRow => ({
      name: `moderation queue ?${query.slice(0, 30)}`,
      path: () => `/dashboard/comments?${query}`,
      who: author,
      status: 200,
    }),
  ),
  {
    name: "moderation queue for another author's essay",
    path: (w) => `/dashboard/comments?post=${w.otherEssay.id}`,
    who: author,
    status: 200,
  },
  { name: "users ?q=NUL&page=-1", path: () => "/admin/users?q=%00%FF&page=-1", who: admin, status: 200 },
  { name: "users ?page=1e999", path: () => "/admin/users?page=1e999", who: admin, status: 200 },
  ...["edit", "preview", "delete"].flatMap((view): RouteRow[] => [
    { name: `post ${view}: a NUL`, path: () => `/dashboard/posts/%00/${view}`, who: author, status: 404 },
    { name: `post ${view}: 300 characters`, path: () => `/dashboard/posts/${long(300)}/${view}`, who: author, status: 404 },
    { name: `post ${view}: %25`, path: () => `/dashboard/posts/%25/${view}`, who: author, status: 404 },
    {
      name: `post ${view}: another author's post`,
      path: (w) => `/dashboard/posts/${w.otherEssay.id}/${view}`,
      who: author,
      status: 403,
    },
    {
      name: `post ${view}: ?notice=%FF`,
      path: (w) => `/dashboard/posts/${w.essay.id}/${view}?notice=%FF%00`,
      who: author,
      status: 200,
    },
  ]),
  ...NOT_IDS.map((id): RouteRow => ({
    name: `moderate comment ${JSON.stringify(id)}`,
    path: () => `/dashboard/comments/${encodeURIComponent(id)}`,
    who: author,
    status: 404,
  })),
  {
    name: "moderate a comment on another author's essay",
    path: (w) => `/dashboard/comments/${w.foreignComment.id}`,
    who: author,
    status: 403,
  },
  { name: "account ?email=%FF", path: () => "/account?email=%FF%00", who: reader, status: 200 },
  {
    name: "sign in ?callbackUrl=NUL&error=junk",
    path: () => `/signin?callbackUrl=%00&error=${long(3000)}&notice=%FF`,
    status: 200,
  },
  { name: "sign up ?callbackUrl=javascript:", path: () => "/signup?callbackUrl=javascript%3Aalert(1)", status: 200 },
  { name: "setup ?token=NUL", path: () => "/setup?token=%00", status: 200 },
  { name: "setup ?token twice", path: () => "/setup?token=a&token=b", status: 200 },
];

async function send(row: RouteRow, w: World): Promise<Answer> {
  const visitor = await (row.who ?? guest)(w);
  const path = row.path(w);
  if ((row.method ?? "GET") === "GET") return get(path, visitor, row.headers);
  const body = row.body?.(w) ?? { body: "", contentType: "application/x-www-form-urlencoded" };
  return post(path, visitor, body, row.headers);
}

async function runRoutes(db: Parameters<typeof fingerprint>[0], w: World, rows: readonly RouteRow[]): Promise<void> {
  for (const row of rows) {
    await test.step(row.name, async () => {
      const before = row.method === "POST" ? await fingerprint(db, w) : null;
      const answer = await send(row, w);
      const what = `${row.method ?? "GET"} ${row.name}`;
      expectSafe(answer, what);
      const wanted = typeof row.status === "number" ? [row.status] : row.status;
      expect.soft(wanted, `${what}: answered ${answer.status} ${answer.location ?? ""}`).toContain(answer.status);
      row.check?.(answer, w);
      if (before !== null && !row.name.startsWith("revalidate")) {
        expect.soft(await fingerprint(db, w), `${what}: the database changed`).toBe(before);
      }
    });
  }
}

test.describe("malformed input on every route", () => {
  let world: World;
  test.beforeAll(async ({ db, playwright }) => {
    world = await createWorld(db, await playwright.request.newContext({ baseURL }));
  });

  test("reading pages: paths, page numbers and query strings", async ({ db }) => {
    await runRoutes(db, world, readingRows());
  });

  test("comment permalinks and the Like button", async ({ db }) => {
    await runRoutes(db, world, commentRows);
  });

  test("API routes, auth, verify-email, uploads, feeds", async ({ db }) => {
    await runRoutes(db, world, apiRows);
  });

  test("private pages: ids and query strings", async ({ db }) => {
    await runRoutes(db, world, privateRows);
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
    // The same form from the site itself still works.
    const ok = await submit(form, visitor, { body: `From here ${world.data.unique()}`, intent: "post" });
    expect(ok.status).toBe(303);
    expect(await fingerprint(db, world)).not.toBe(before);
  });
});
