/**
 * The production front (deploy/README.md): Varnish in front of three Hearth instances on one
 * PostgreSQL database, started by scripts/lib/stack.mjs for this file alone. Readers and writers
 * talk to the front or to an instance directly, as people behind different load-balancer
 * choices would, and everything they see must agree.
 *
 * Needs varnishd (with varnish-modules' xkey) and PostgreSQL at 127.0.0.1:5432: skipped without
 * them locally, a failure in CI (CI or HEARTH_REQUIRE_POSTGRES=1).
 */
import { test as base, expect } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { createDb, type Db } from "../lib/db/client";
import { postgresRequired } from "../tests/support/postgres";
import { actionIdOf, encodeForm, encodingOf, parseForms, withFields, type HtmlForm } from "../tests/support/html-forms";
import { stackUnavailable, startStack, type Stack } from "../scripts/lib/stack.mjs";
import { awaitRoomInRateWindow, expectSignedInAs, signIn, strongPassword } from "./support/accounts";
import { TestData, type EssayRecord, type UserRecord } from "./support/data";

const SMTP_URL = `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT || 2526}`;

let stack: Stack;
let db: Db;

const test = base.extend<{ data: TestData }>({
  data: async ({ request }, use) => {
    await use(new TestData(db, request));
  },
});

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const unavailable = await stackUnavailable();
  if (unavailable) {
    if (postgresRequired()) throw new Error(`The stack tests must run here (CI / HEARTH_REQUIRE_POSTGRES), but ${unavailable}`);
    console.warn(`Skipping the stack tests: ${unavailable}`);
    test.skip(true, unavailable);
    return;
  }
  stack = await startStack({ database: "hearth_stack_e2e", fresh: true, env: { SMTP_URL } });
  db = createDb(stack.databaseUrl);
});

test.afterAll(async () => {
  await db?.$disconnect();
  await stack?.stop();
});

// ── Talking HTTP like a browser without JavaScript ───────────────────────────────────────────

interface Visitor {
  cookie?: string;
  /** A made-up client address (the stack trusts X-Forwarded-For from 127.0.0.1). */
  ip: string;
}

let addressSequence = 0;
function freshAddress(): string {
  addressSequence += 1;
  return `10.77.${(addressSequence >> 8) & 255}.${addressSequence & 255}`;
}

/** The cookie a browser signed in as `user` sends to any instance of this stack. */
async function sessionCookie(user: Pick<UserRecord, "id" | "name" | "email">): Promise<string> {
  const token = await encode({
    token: { sub: user.id, name: user.name, email: user.email },
    secret: stack.env.AUTH_SECRET as string,
    salt: "authjs.session-token",
    maxAge: 3600,
  });
  return `authjs.session-token=${token}`;
}

function headersFor(visitor: Visitor, extra: Record<string, string> = {}): Record<string, string> {
  return { "x-forwarded-for": visitor.ip, ...(visitor.cookie ? { cookie: visitor.cookie } : {}), ...extra };
}

async function get(base: string, path: string, visitor: Visitor): Promise<{ status: number; text: string; headers: Headers }> {
  const response = await fetch(new URL(path, base), { headers: headersFor(visitor), redirect: "manual" });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

/** Opens the essay at `base` as `visitor` and sends its comment form with `body`. */
async function postComment(
  base: string,
  slug: string,
  visitor: Visitor,
  body: string,
): Promise<{ status: number; location: string | null; text: string }> {
  const page = await get(base, `/posts/${slug}`, visitor);
  if (page.status !== 200) return { status: page.status, location: null, text: page.text };
  const form = parseForms(page.text).find((f: HtmlForm) => f.fields.some(([n]) => n === "body"));
  if (!form || !actionIdOf(form)) throw new Error(`/posts/${slug} at ${base} has no comment form`);
  const encoded = encodeForm(withFields(form, { body }), encodingOf(form));
  const response = await fetch(new URL(`/posts/${slug}`, base), {
    method: "POST",
    headers: headersFor(visitor, { "content-type": encoded.contentType, origin: base, accept: "text/html" }),
    body: new Uint8Array(encoded.body),
    redirect: "manual",
  });
  return { status: response.status, location: response.headers.get("location"), text: await response.text() };
}

/** Polls until `check` holds, at most `ms` (no fixed sleep: it returns as soon as it holds). */
async function within(ms: number, what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Not within ${ms} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function readerEssay(data: TestData, label: string): Promise<{ author: UserRecord; essay: EssayRecord }> {
  const author = await data.author({ name: `${label} author ${data.run}` });
  const essay = await data.essay({ author, title: `${label} ${data.run}` });
  return { author, essay };
}

const anonymous = (): Visitor => ({ ip: freshAddress() });
const everywhere = () => [stack.url, ...stack.instanceUrls];

// ── The tests ─────────────────────────────────────────────────────────────────────────────────

test("three instances answer behind the front, and the front serves an anonymous page from its cache", async () => {
  expect(stack.instanceUrls).toHaveLength(3);
  for (const base of stack.instanceUrls) {
    const health = await fetch(`${base}/api/health`);
    expect(health.status, base).toBe(200);
  }
  const first = await get(stack.url, "/", anonymous());
  expect(first.status).toBe(200);
  const second = await get(stack.url, "/", anonymous());
  expect(second.status).toBe(200);
  expect(second.headers.get("x-cache")).toBe("HIT");
});

test("a comment posted through instance A is seen through the front, B and C within a second", async ({ data }) => {
  const { essay } = await readerEssay(data, "Across instances");
  const reader = await data.user({ name: `Commenter ${data.run}` });
  const [a, b, c] = stack.instanceUrls as [string, string, string];
  // Every reader has the page as it was before the comment (the front has stored it).
  for (const base of everywhere()) expect((await get(base, `/posts/${essay.slug}`, anonymous())).status).toBe(200);
  expect((await get(stack.url, `/posts/${essay.slug}`, anonymous())).headers.get("x-cache")).toBe("HIT");

  const body = `Seen everywhere ${data.unique()}`;
  const posted = await postComment(a, essay.slug, { cookie: await sessionCookie(reader), ip: freshAddress() }, body);
  expect(posted.status, posted.text.slice(0, 300)).toBe(303);
  const answeredAt = Date.now();
  for (const base of [stack.url, b, c]) {
    await within(1_000 - (Date.now() - answeredAt), `the comment through ${base}`, async () =>
      (await get(base, `/posts/${essay.slug}`, anonymous())).text.includes(body),
    );
  }
});

test("a like through B is counted once, on the front, A, C and in the database", async ({ data }) => {
  const { essay } = await readerEssay(data, "One like");
  const writer = await data.user({ name: `Writer ${data.run}` });
  const liker = await data.user({ name: `Liker ${data.run}` });
  const comment = await data.comment({ essay, author: writer, body: `Like me ${data.unique()}` });
  const [a, b, c] = stack.instanceUrls as [string, string, string];
  for (const base of everywhere()) expect((await get(base, `/posts/${essay.slug}`, anonymous())).status).toBe(200);

  const visitor = { cookie: await sessionCookie(liker), ip: freshAddress() };
  const like = (base: string) =>
    fetch(`${base}/comments/${comment.id}/like`, {
      method: "POST",
      headers: headersFor(visitor, { "content-type": "application/x-www-form-urlencoded", origin: base }),
      body: "like=1",
      redirect: "manual",
    });
  expect((await like(b)).status).toBe(303);
  // The same like sent again through another instance (a double click that landed elsewhere).
  expect((await like(c)).status).toBe(303);

  for (const base of [stack.url, a, c]) {
    await within(1_000, `"Liked by 1 person" through ${base}`, async () => {
      const text = (await get(base, `/posts/${essay.slug}`, anonymous())).text;
      return text.includes("Liked by 1 person") && !/Liked by \d+ people/.test(text);
    });
  }
  const row = await db.comment.findUniqueOrThrow({ where: { id: comment.id }, select: { likeCount: true } });
  expect(row.likeCount).toBe(1);
  expect(await db.commentLike.count({ where: { commentId: comment.id } })).toBe(1);
});

test("signing in on A signs the browser in on B (one cookie, one secret)", async ({ browser, data }) => {
  const user = await data.user({ name: `Traveller ${data.run}`, password: strongPassword(data.run) });
  const [a, b] = stack.instanceUrls as [string, string];
  const context = await browser.newContext({ baseURL: a, extraHTTPHeaders: { "X-Forwarded-For": freshAddress() } });
  const page = await context.newPage();
  await signIn(page, user);
  // Cookies belong to the host, not the port: the same browser sends it to B.
  await page.goto(`${b}/account`);
  await expect(page).toHaveURL(`${b}/account`);
  await expectSignedInAs(page, user.name);
  await context.close();
});

test("the comment flood limit holds across instances", async ({ data }) => {
  const { essay } = await readerEssay(data, "Flood");
  const reader = await data.user({ name: `Fast typist ${data.run}` });
  const settings = await db.settings.findUniqueOrThrow({ where: { id: 1 } });
  const limit = settings.floodPerMinute;
  // The limit is a sliding minute: a burst that straddles two windows would be counted short.
  await awaitRoomInRateWindow(20_000, 60_000);
  const visitor = { cookie: await sessionCookie(reader), ip: freshAddress() };
  const answers: number[] = [];
  let refusal = "";
  for (let i = 0; i <= limit; i++) {
    const base = stack.instanceUrls[i % 3] as string;
    const answer = await postComment(base, essay.slug, visitor, `Comment number ${i + 1} ${data.unique()}`);
    answers.push(answer.status);
    if (answer.status !== 303) refusal = answer.text;
  }
  expect(answers.slice(0, limit)).toEqual(Array.from({ length: limit }, () => 303));
  expect(answers[limit]).not.toBe(303);
  expect(refusal).toMatch(/You’re commenting too quickly\. Try again in \d+ seconds?/);
  expect(await db.comment.count({ where: { postId: essay.id, authorId: reader.id } })).toBe(limit);
});

test("an instance killed with SIGKILL under writers: every answered write saved once, reads keep answering", async ({ data }) => {
  test.setTimeout(120_000);
  const { essay } = await readerEssay(data, "Under fire");
  const writes = 24;
  // One writer and one address per comment, so no flood limit is reached.
  const writers = await Promise.all(Array.from({ length: writes }, (_, i) => data.user({ name: `Writer ${i} ${data.run}` })));
  const bodies = writers.map((_, i) => `Under fire ${i} ${data.unique()}`);
  const answers: (number | string)[] = Array.from({ length: writes }, () => "not sent");
  const readFailures: string[] = [];
  let reads = 0;
  let writing = true;

  const readers = Array.from({ length: 2 }, async (_, r) => {
    while (writing) {
      // A stored page and a page no one asked for yet (it has to come from an instance).
      for (const path of [`/posts/${essay.slug}`, `/posts/${essay.slug}?reader=${r}-${reads}`]) {
        const answer = await get(stack.url, path, anonymous()).catch((e: unknown) => ({ status: String(e), text: "" }));
        reads += 1;
        if (answer.status !== 200) readFailures.push(`${path}: ${answer.status}`);
      }
    }
  });

  let next = 0;
  let killed = false;
  const writeLoop = async () => {
    while (next < writes) {
      const i = next++;
      const visitor = { cookie: await sessionCookie(writers[i] as UserRecord), ip: freshAddress() };
      const answer = await postComment(stack.url, essay.slug, visitor, bodies[i] as string).catch((e: unknown) => ({
        status: String(e),
      }));
      answers[i] = answer.status;
    }
  };
  const killer = (async () => {
    await within(30_000, "the first writes answered", async () => answers.filter((s) => s === 303).length >= 3);
    await stack.killInstance(1, "SIGKILL");
    killed = true;
  })();
  await Promise.all([writeLoop(), writeLoop(), writeLoop(), killer]);
  writing = false;
  await Promise.all(readers);
  expect(killed).toBe(true);

  // After: the front still answers, from the two instances left.
  for (let i = 0; i < 6; i++) {
    expect((await get(stack.url, `/posts/${essay.slug}?after=${i}`, anonymous())).status).toBe(200);
  }
  expect(readFailures, `${readFailures.length} of ${reads} reads failed`).toEqual([]);

  const saved = await db.comment.findMany({ where: { postId: essay.id }, select: { bodyMarkdown: true } });
  const count = (body: string) => saved.filter((c) => c.bodyMarkdown === body).length;
  const answered = bodies.filter((_, i) => answers[i] === 303);
  test.info().annotations.push({ type: "writes", description: `answers: ${answers.join(" ")}; ${reads} reads` });
  // Most writes went through: the front only fails those that reached the dead instance.
  expect(answered.length, `answers: ${answers.join(", ")}`).toBeGreaterThanOrEqual(writes / 2);
  for (const body of answered) expect(count(body), body).toBe(1);
  for (const body of bodies) expect(count(body), body).toBeLessThanOrEqual(1);

  await stack.startInstance(1);
});
