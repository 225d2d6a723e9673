/**
 * Malformed URLs of the pages: paths that do not decode or name nothing, page numbers and ids
 * that are not ones, query strings no link makes — on the reading pages (for a guest and for a
 * signed-in reader, who gets the same routes rendered for them) and the private ones. Always the page, a 404
 * or a 400, never a 5xx. See e2e/support/malformed-routes.ts for what every row must get.
 */
import { test, expect } from "./support/fixtures";
import { baseURL } from "../playwright.config";
import { createWorld, NOT_IDS, type World } from "./support/malformed";
import { admin, author, guest, long, reader, runRoutes, type RouteRow } from "./support/malformed-routes";

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
      name: "the essay with junk viewer parameters",
      path: (w) => `/posts/${w.essay.slug}?replyto=%00&edit=-1&order=%FF`,
      status: 200,
    },
  );
  return rows;
}

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

test.describe("malformed URLs of the pages", () => {
  let world: World;
  test.beforeAll(async ({ db, playwright }) => {
    world = await createWorld(db, await playwright.request.newContext({ baseURL }));
  });

  test("reading pages: paths, page numbers and query strings", async ({ db }) => {
    await runRoutes(db, world, readingRows());
  });

  test("private pages: ids and query strings", async ({ db }) => {
    await runRoutes(db, world, privateRows);
  });
});
