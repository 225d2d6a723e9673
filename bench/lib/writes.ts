// Write load: posting comments and liking them through the real HTTP path, as a browser
// without JavaScript does (a form post — multipart to the essay's URL for a comment, urlencoded to
// /comments/<id>/like for a Like button — answered with a 303 redirect), and what anonymous readers get while comments are being posted. Every case checks
// the database afterwards.
import autocannon, { type Result as AutocannonResult } from "autocannon";
import { encode } from "next-auth/jwt";
import type { Db } from "../../lib/db/client";
import {
  actionIdOf,
  encodeForm,
  encodingOf,
  fieldOf,
  parseForms,
  withFields,
  type FormEncoding,
  type HtmlForm,
} from "../../tests/support/html-forms";
import { get, request } from "./http";
import { skipBodyCopies } from "./load";
import { revalidate } from "./render";

export interface WriteOptions {
  base: string;
  db: Db;
  revalidateSecret: string;
  /** The server's AUTH_SECRET: session cookies are minted with it. */
  authSecret: string;
  connections: number;
  durationS: number;
  /**
   * Seconds of the same load, answered and checked but not measured, before the measured run:
   * the servers' code for the write is compiled and optimized (V8 reaches its optimized code
   * only after some seconds of a new kind of request), as on a server that has been running.
   */
  warmupS: number;
  /** Where the writes go: "embedded" (node server.mjs on SQLite) or "front" (Varnish + instances on PostgreSQL). */
  mode: string;
}

/** A signed-in bench reader: the session cookie a browser would send. */
export interface BenchUser {
  id: string;
  name: string;
  email: string;
  cookie: string;
}

/** What a write load did: answers that did what was asked are a 303 to the essay. */
export interface WriteFigures {
  /** 303 answers to the essay per second, from the first request to the last answer. */
  rate: number;
  /** Those answers in the slowest whole second of the run. */
  slowestSecond: number;
  /** Those answers in each whole second of the run. */
  okPerSecond: number[];
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Requests sent, including any never answered. */
  sent: number;
  ok: number;
  /** Other answers by status ("303 → /signin": sent to sign in, so not signed in). */
  unexpected: Record<string, number>;
  errors: number;
  timeouts: number;
  /** Sent but never answered (timed out). */
  unanswered: number;
  elapsedS: number;
  connections: number;
  durationS: number;
}

export interface WriteTarget {
  minRate: number;
}

/** The warm-up before a measured write load (WriteOptions.warmupS): how long, and its rate. */
export interface WarmUp {
  durationS: number;
  rate: number;
}

export interface PostCommentsResult extends WriteFigures {
  name: "post-comment";
  warmup: WarmUp;
  mode: WriteOptions["mode"];
  path: string;
  /** The server action the form posts to. */
  actionId: string;
  target: WriteTarget;
  pass: boolean;
  db: { newComments: number; byStatus: Record<string, number>; matchesAnswers: boolean };
  problems: string[];
}

export interface LikesResult extends WriteFigures {
  name: "like";
  warmup: WarmUp;
  mode: WriteOptions["mode"];
  path: string;
  actionId: string;
  /** Whether every like form of the page posts to the same action. */
  sameActionOnAllForms: boolean;
  users: number;
  comments: number;
  likes: number;
  unlikes: number;
  target: WriteTarget;
  pass: boolean;
  db: {
    commentsChecked: number;
    /** Comments whose likeCount differs from their CommentLike rows (the first 10). */
    inconsistent: { id: number; likeCount: number; rows: number }[];
    inconsistentCount: number;
    /** The bench readers' likes in the database, compared with the answered requests. */
    expectedLikeRows: number;
    actualLikeRows: number;
    /** (reader, comment) pairs whose like in the database is not what the last answered request set. */
    mismatchedPairs: number;
    /** Pairs left out of that comparison (a request to them failed or was never answered). */
    uncertainPairs: number;
  };
  problems: string[];
}

export interface PacedPostsResult {
  /** Requested posts per second. */
  ratePerS: number;
  sent: number;
  ok: number;
  /** Posts not sent because too many were still waiting for an answer (maxInFlight). */
  skipped: number;
  maxInFlight: number;
  unexpected: Record<string, number>;
  errors: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  elapsedS: number;
}

export interface ReadWhilePostingResult<R = unknown> {
  name: string;
  read: R;
  posting: PacedPostsResult & {
    actionId: string;
    db: { newApproved: number; newOther: number; commentCountBefore: number; commentCountAfter: number; matchesAnswers: boolean };
  };
  pass: boolean | null;
  problems: string[];
}

/** The like form's action: /comments/<id>/like. */
const LIKE_ACTION = /^\/comments\/\d+\/like$/;

/** Seconds a request may take before autocannon gives up on it. */
const REQUEST_TIMEOUT_S = 10;
/** A guest's form must be older than this (MIN_FILL_MS in lib/comments/policy.ts is 3 s). */
const FORM_AGE_WAIT_MS = 3500;
/** Requests between a like and its unlike (the pair's requests must never overlap in flight). */
const TOGGLE_GAP = 100;

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

const count = (map: Record<string, number>, key: string) => {
  map[key] = (map[key] ?? 0) + 1;
};

const sum = (map: Record<string, number>) => Object.values(map).reduce((a, b) => a + b, 0);

function headerOf(headers: Record<string, string | string[] | undefined>, name: string): string | null {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name) continue;
    return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
  }
  return null;
}

/** Headers of a browser's form post (without JavaScript, so no Next-Action header). */
function formHeaders(base: string, contentType: string, cookie?: string): Record<string, string> {
  return {
    "content-type": contentType,
    origin: base,
    accept: "text/html,application/xhtml+xml",
    ...(cookie ? { cookie } : {}),
  };
}

/**
 * Null when the answer is what a successful no-JavaScript post gets: a 303 redirect to the essay
 * (its comment's permalink). Otherwise what it was, e.g. "500" or "303 → /signin".
 */
function answerProblem(status: number, location: string | null, base: string): string | null {
  if (status !== 303) return String(status);
  if (!location) return "303 without Location";
  const target = new URL(location, base).pathname;
  if (target.startsWith("/posts/")) return null;
  return `303 → /${target.split("/")[1] ?? ""}`;
}

/** Visible text of an error page, for messages. */
function textOf(body: Buffer): string {
  return body
    .toString("utf8")
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 300);
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

// ---------------------------------------------------------------------------------------------
// The database around the write cases

export interface WriteSnapshot {
  maxCommentId: number;
  settings: { floodPerMinute: number; floodPerHour: number; likesPerMinute: number; likesPerHour: number } | null;
  users: string[];
}

/** What the write cases will change, so restoreAfterWrites can put it back. */
export async function snapshotBeforeWrites(db: Db): Promise<WriteSnapshot> {
  const [last, settings] = await Promise.all([
    db.comment.findFirst({ orderBy: { id: "desc" }, select: { id: true } }),
    db.settings.findUnique({
      where: { id: 1 },
      select: { floodPerMinute: true, floodPerHour: true, likesPerMinute: true, likesPerHour: true },
    }),
  ]);
  return { maxCommentId: last?.id ?? 0, settings, users: [] };
}

/** Lifts the comment and like flood limits in the database (before a server reads its settings). */
export async function raiseFloodLimitsInDb(db: Db): Promise<void> {
  const limits = { floodPerMinute: 1_000_000, floodPerHour: 1_000_000, likesPerMinute: 1_000_000, likesPerHour: 1_000_000 };
  await db.settings.upsert({ where: { id: 1 }, update: limits, create: { id: 1, ...limits } });
}

/** Lifts the comment and like flood limits so they don't throttle the benchmark (settings are cached: revalidated). */
export async function raiseFloodLimits(o: WriteOptions): Promise<void> {
  await raiseFloodLimitsInDb(o.db);
  await revalidate(o.base, o.revalidateSecret, ["settings"]);
}

/** Readers who like and post in the benchmark, each with an Auth.js session cookie. */
export async function createBenchUsers(
  o: Pick<WriteOptions, "db" | "authSecret">,
  snapshot: WriteSnapshot,
  n: number,
): Promise<BenchUser[]> {
  const data = Array.from({ length: n }, (_, k) => ({
    name: `Bench Writer ${k + 1}`,
    email: `writer${k + 1}@bench.hearth.test`,
    handle: `bench-writer-${k + 1}`,
    role: "READER" as const,
    // Confirmed addresses: unconfirmed accounts cannot comment.
    emailVerified: new Date(),
  }));
  await o.db.user.createMany({ data });
  const rows = await o.db.user.findMany({
    where: { email: { in: data.map((d) => d.email) } },
    select: { id: true, name: true, email: true },
    orderBy: { email: "asc" },
  });
  snapshot.users.push(...rows.map((r) => r.id));
  return Promise.all(
    rows.map(async (u) => {
      const token = await encode({
        token: { sub: u.id, name: u.name, email: u.email },
        secret: o.authSecret,
        salt: "authjs.session-token",
        maxAge: 3600,
      });
      return { ...u, cookie: `authjs.session-token=${token}` };
    }),
  );
}

/** Every comment whose likeCount differs from its number of CommentLike rows. */
async function likeConsistency(
  db: Db,
): Promise<{ checked: number; inconsistent: { id: number; likeCount: number; rows: number }[] }> {
  const [comments, groups] = await Promise.all([
    db.comment.findMany({ select: { id: true, likeCount: true } }),
    db.commentLike.groupBy({ by: ["commentId"], _count: { _all: true } }),
  ]);
  const rows = new Map(groups.map((g) => [g.commentId, g._count._all]));
  const inconsistent = comments
    .map((c) => ({ id: c.id, likeCount: c.likeCount, rows: rows.get(c.id) ?? 0 }))
    .filter((c) => c.likeCount !== c.rows);
  return { checked: comments.length, inconsistent };
}

// ---------------------------------------------------------------------------------------------
// Forms

async function pageForms(base: string, path: string, cookie?: string): Promise<HtmlForm[]> {
  const res = await get(`${base}${path}`, cookie ? { cookie } : {});
  return parseForms(res.body.toString("utf8"));
}

/** The "Leave a comment" form of an essay page (the one with postId and ft). */
async function commentForm(base: string, path: string, cookie?: string): Promise<{ form: HtmlForm; actionId: string }> {
  const form = (await pageForms(base, path, cookie)).find(
    (f) => fieldOf(f, "postId") !== undefined && fieldOf(f, "ft") !== undefined,
  );
  if (!form) throw new Error(`${path} has no comment form (a <form> with postId and ft fields)`);
  const actionId = actionIdOf(form);
  if (!actionId) throw new Error(`the comment form of ${path} names no server action ($ACTION_… field)`);
  if ((form.attributes.action ?? "") !== "")
    throw new Error(`the comment form of ${path} posts to "${form.attributes.action}", not to the page`);
  if (fieldOf(form, "homepage") === undefined) throw new Error(`the comment form of ${path} has no honeypot field "homepage"`);
  return { form, actionId };
}

/** One post sent on its own: it must be answered like a successful browser post (303 to the essay). */
async function probe(base: string, path: string, planned: Planned<unknown>, what: string): Promise<void> {
  const { fields, cookie } = planned;
  const { body, contentType } = encodeForm(fields, planned.encoding);
  const res = await request(`${base}${path}`, { method: "POST", headers: formHeaders(base, contentType, cookie), body });
  const location = headerOf(res.headers, "location");
  const problem = answerProblem(res.status, location, base);
  if (problem) {
    throw new Error(`${what}: POST ${path} answered ${problem}${location ? ` (${location})` : ""}: ${textOf(res.body)}`);
  }
}

const SENTENCES = [
  "Thank you for writing this down.",
  "This matches what I saw when I moved my own site.",
  "Could you say more about the **backups** part?",
  "I keep coming back to the line about owning the boring parts.",
  "Agreed, and `rel=me` is worth a mention too.",
];

/** A comment body no earlier comment has (the server refuses a writer's repeated comment). */
const commentBody = (tag: string, n: number) => `${SENTENCES[n % SENTENCES.length]} (${tag} #${n})`;

// ---------------------------------------------------------------------------------------------
// Load

interface Planned<M> {
  fields: [string, string][];
  /** How the form is encoded (its enctype). */
  encoding: FormEncoding;
  cookie?: string;
  /** Where this request goes, when not to the load's path (e.g. a comment's like URL). */
  path?: string;
  meta: M;
}

interface Planner<M> {
  next(): Planned<M>;
  /** Called with each answer: ok is a 303 to the essay. */
  answered?(meta: M, ok: boolean): void;
}

let warnedAboutDrain = false;

/**
 * Makes an autocannon client stop after the answer to the request it has in flight: a run that
 * simply ends drops the requests in flight, which the server may still carry out, and then the
 * database could not be compared with the answers.
 */
function drainClient(client: unknown): void {
  const c = client as { reqsMade?: unknown; responseMax?: unknown };
  if (typeof c.reqsMade === "number") c.responseMax = Math.max(1, c.reqsMade);
  else if (!warnedAboutDrain) {
    warnedAboutDrain = true;
    console.error("! autocannon internals changed: requests in flight at the end are dropped, database checks may be off");
  }
}

/**
 * Posts forms to `path` from `connections` keep-alive connections for `durationS` seconds
 * (each request built by the planner: a fresh body, encoded as its form says), then waits for the answers to
 * the requests in flight. autocannon counts only 2xx as success; here a 303 to the essay is.
 */
async function postLoad<M>(
  base: string,
  path: string,
  planner: Planner<M>,
  options: { connections: number; durationS: number },
): Promise<WriteFigures & { unansweredMeta: M[] }> {
  const clients: unknown[] = [];
  const inFlight = new Map<number, M>();
  const unexpected: Record<string, number> = {};
  const okPerSecond: number[] = [];
  let seq = 0;
  let ok = 0;
  let lastAnswer = 0;
  const started = performance.now();
  const drain = setTimeout(() => clients.forEach(drainClient), options.durationS * 1000);
  let result: AutocannonResult;
  try {
    result = await autocannon({
      url: `${base}${path}`,
      connections: options.connections,
      // The run ends when every connection has drained; this is only a safety net.
      duration: options.durationS + REQUEST_TIMEOUT_S + 5,
      timeout: REQUEST_TIMEOUT_S,
      setupClient: (client) => {
        skipBodyCopies(client);
        clients.push(client);
      },
      requests: [
        {
          method: "POST",
          path,
          setupRequest: (req, context) => {
            const id = seq++;
            const planned = planner.next();
            inFlight.set(id, planned.meta);
            context.id = id;
            const { body, contentType } = encodeForm(planned.fields, planned.encoding);
            return {
              ...req,
              method: "POST",
              path: planned.path ?? path,
              body,
              headers: formHeaders(base, contentType, planned.cookie),
            };
          },
          onResponse: (status, _body, context, headers) => {
            const now = performance.now();
            lastAnswer = now;
            const id = typeof context.id === "number" ? context.id : -1;
            const known = inFlight.has(id);
            const meta = inFlight.get(id) as M;
            inFlight.delete(id);
            const problem = answerProblem(status, headerOf(headers, "location"), base);
            if (problem === null) {
              ok++;
              const second = Math.floor((now - started) / 1000);
              if (second < options.durationS) okPerSecond[second] = (okPerSecond[second] ?? 0) + 1;
            } else count(unexpected, problem);
            if (known) planner.answered?.(meta, problem === null);
          },
        },
      ],
    });
  } finally {
    clearTimeout(drain);
  }
  const elapsedS = ((lastAnswer || performance.now()) - started) / 1000;
  const seconds = Array.from({ length: Math.max(1, Math.floor(options.durationS)) }, (_, s) => okPerSecond[s] ?? 0);
  return {
    rate: elapsedS > 0 ? ok / elapsedS : 0,
    slowestSecond: Math.min(...seconds),
    okPerSecond: seconds,
    p50Ms: result.latency.p50,
    p90Ms: result.latency.p90,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    sent: seq,
    ok,
    unexpected,
    errors: result.errors,
    timeouts: result.timeouts,
    unanswered: inFlight.size,
    unansweredMeta: [...inFlight.values()],
    elapsedS,
    connections: options.connections,
    durationS: options.durationS,
  };
}

/** Problems every write load reports: answers other than a 303 to the essay, errors, timeouts. */
function loadProblems(f: WriteFigures): string[] {
  const problems: string[] = [];
  const other = sum(f.unexpected);
  if (other > 0) {
    const list = Object.entries(f.unexpected)
      .map(([status, n]) => `${n} × ${status}`)
      .join(", ");
    problems.push(`${other} answers were not a 303 to the essay (${list})`);
  }
  if (f.errors > 0 || f.timeouts > 0) problems.push(`${f.errors} errors (${f.timeouts} timeouts)`);
  return problems;
}

// ---------------------------------------------------------------------------------------------
// 1. Guests posting comments

/**
 * Guests post comments to the essay as a browser without JavaScript does: the page's comment
 * form (its hidden fields, the signed form time `ft`, the empty honeypot), a name, a distinct
 * e-mail and a distinct body per request. Their first comments are held (PENDING).
 */
export async function measurePostComments(
  o: WriteOptions,
  essay: { slug: string; postId: string },
  target: WriteTarget,
): Promise<PostCommentsResult> {
  const path = `/posts/${essay.slug}`;
  const { form, actionId } = await commentForm(o.base, path);
  if (fieldOf(form, "email") === undefined) throw new Error(`the comment form of ${path} has no guest fields (name, email)`);
  // The form's signed time must be older than a person needs to type (or the post counts as a bot's).
  await pause(FORM_AGE_WAIT_MS);
  const tag = Date.now().toString(36);
  const planner = (kind: string): Planner<void> => {
    let n = 0;
    return {
      next: () => {
        const i = n++;
        return {
          fields: withFields(form, {
            name: `Bench Guest ${i + 1}`,
            email: `${kind}-${i + 1}.${tag}@post.bench.hearth.test`,
            url: "",
            homepage: "",
            body: commentBody(`bench ${kind} ${tag}`, i),
            intent: "post",
          }),
          encoding: encodingOf(form),
          meta: undefined,
        };
      },
    };
  };
  const probePlan = planner("probe").next();
  await probe(o.base, path, probePlan, "posting a guest comment");
  // Warm-up (WriteOptions.warmupS), then the measured run.
  const warm = await postLoad(o.base, path, planner("warm"), { connections: o.connections, durationS: o.warmupS });
  const figures = await postLoad(o.base, path, planner("load"), { connections: o.connections, durationS: o.durationS });

  const statuses = await o.db.comment.groupBy({
    by: ["status"],
    where: { postId: essay.postId, guestEmail: { startsWith: "load-", endsWith: `.${tag}@post.bench.hearth.test` } },
    _count: { _all: true },
  });
  const byStatus = Object.fromEntries(statuses.map((s) => [s.status, s._count._all]));
  const newComments = sum(byStatus);
  const problems = [...loadProblems(figures), ...loadProblems(warm).map((p) => `warm-up: ${p}`)];
  const matchesAnswers = newComments === figures.ok;
  if (!matchesAnswers) {
    problems.push(`the database has ${newComments} new comments but ${figures.ok} posts were answered 303`);
  }
  const notHeld = newComments - (byStatus.PENDING ?? 0);
  if (notHeld > 0) {
    problems.push(`${notHeld} guest comments were not held as a person's first comment (statuses ${JSON.stringify(byStatus)})`);
  }
  const { unansweredMeta: _unanswered, ...rest } = figures;
  return {
    name: "post-comment",
    warmup: { durationS: o.warmupS, rate: warm.rate },
    mode: o.mode,
    path,
    actionId,
    ...rest,
    target,
    pass: figures.rate >= target.minRate,
    db: { newComments, byStatus, matchesAnswers },
    problems,
  };
}

// ---------------------------------------------------------------------------------------------
// 2. Signed-in readers liking comments

/**
 * Signed-in readers like and unlike comments of the essay through the Like buttons' no-JS form
 * posts. Request n goes to (reader, comment) pair q; each pair is liked and, TOGGLE_GAP requests
 * later, unliked again, and the pairs run through every comment before a reader repeats, so
 * writes spread over the whole thread. Afterwards every comment's likeCount must equal its
 * CommentLike rows, and the readers' likes must be what the answered requests left.
 */
export async function measureLikes(
  o: WriteOptions,
  essay: { slug: string; postId: string },
  users: readonly BenchUser[],
  target: WriteTarget,
): Promise<LikesResult> {
  const path = `/posts/${essay.slug}`;
  const first = users[0];
  if (!first) throw new Error("liking needs bench readers");
  // The Like buttons are plain forms posting to /comments/<id>/like (a route, not a server action).
  const likeForms = (await pageForms(o.base, path, first.cookie)).filter(
    (f) => LIKE_ACTION.test(f.attributes.action ?? "") && fieldOf(f, "like") !== undefined,
  );
  const template = likeForms[0];
  if (!template) throw new Error(`${path} (signed in) has no like form (a <form> posting to /comments/<id>/like)`);
  const actionId = "/comments/<id>/like";
  const sameActionOnAllForms = likeForms.every((f) => LIKE_ACTION.test(f.attributes.action ?? ""));

  const userIds = new Set(users.map((u) => u.id));
  const comments = (
    await o.db.comment.findMany({
      where: { postId: essay.postId, status: "APPROVED" },
      select: { id: true, authorId: true },
      orderBy: { id: "asc" },
    })
  ).filter((c) => c.authorId === null || !userIds.has(c.authorId));
  if (comments.length === 0) throw new Error(`${path} has no comments to like`);

  const gap = Math.max(TOGGLE_GAP, o.connections * 10);
  /** Last answered like state of each (reader, comment) pair; pairs whose request failed are uncertain. */
  const state = new Map<string, boolean>();
  const uncertain = new Set<string>();
  let n = 0;
  let likes = 0;
  let unlikes = 0;
  const planner: Planner<{ key: string; like: boolean }> = {
    next: () => {
      const i = n++;
      const j = i % (2 * gap);
      const q = Math.floor(i / (2 * gap)) * gap + (j % gap);
      const comment = comments[q % comments.length];
      const user = users[Math.floor(q / comments.length) % users.length];
      if (!comment || !user) throw new Error("like planner out of range");
      const like = j < gap;
      return {
        fields: withFields(template, { like: like ? "1" : "0" }),
        encoding: encodingOf(template),
        path: `/comments/${comment.id}/like`,
        cookie: user.cookie,
        meta: { key: `${user.id} ${comment.id}`, like },
      };
    },
    answered: ({ key, like }, ok) => {
      if (ok) {
        state.set(key, like);
        uncertain.delete(key);
        if (like) likes++;
        else unlikes++;
      } else uncertain.add(key);
    },
  };
  // The first request must be a like the server carries out for this reader.
  const probePlan = planner.next();
  await probe(o.base, probePlan.path ?? path, probePlan, "liking a comment");
  planner.answered?.(probePlan.meta, true);
  // Warm-up (WriteOptions.warmupS) through the same planner, so its likes are checked too.
  const warm = await postLoad(o.base, path, planner, { connections: o.connections, durationS: o.warmupS });
  likes = 0;
  unlikes = 0;
  const figures = await postLoad(o.base, path, planner, { connections: o.connections, durationS: o.durationS });
  for (const m of [...warm.unansweredMeta, ...figures.unansweredMeta]) uncertain.add(m.key);

  const consistency = await likeConsistency(o.db);
  const rows = await o.db.commentLike.findMany({
    where: { userId: { in: [...userIds] } },
    select: { userId: true, commentId: true },
  });
  const actual = new Set(rows.map((r) => `${r.userId} ${r.commentId}`));
  let mismatchedPairs = 0;
  let expectedLikeRows = 0;
  for (const [key, liked] of state) {
    if (uncertain.has(key)) continue;
    if (liked) expectedLikeRows++;
    if (liked !== actual.has(key)) mismatchedPairs++;
  }
  for (const key of actual) if (!state.has(key) && !uncertain.has(key)) mismatchedPairs++;

  const problems = [...loadProblems(figures), ...loadProblems(warm).map((p) => `warm-up: ${p}`)];
  if (consistency.inconsistent.length > 0) {
    const first10 = consistency.inconsistent.slice(0, 10);
    problems.push(
      `${consistency.inconsistent.length} comments have a likeCount that differs from their likes (` +
        first10.map((c) => `#${c.id}: ${c.likeCount} vs ${c.rows}`).join(", ") +
        ")",
    );
  }
  if (mismatchedPairs > 0) problems.push(`${mismatchedPairs} likes in the database are not what the answered requests set`);
  if (!sameActionOnAllForms) problems.push("the like forms of the page post to different server actions");
  const { unansweredMeta: _unanswered, ...rest } = figures;
  return {
    name: "like",
    warmup: { durationS: o.warmupS, rate: warm.rate },
    mode: o.mode,
    path,
    actionId,
    sameActionOnAllForms,
    users: users.length,
    comments: comments.length,
    likes,
    unlikes,
    ...rest,
    target,
    pass: figures.rate >= target.minRate,
    db: {
      commentsChecked: consistency.checked,
      inconsistent: consistency.inconsistent.slice(0, 10),
      inconsistentCount: consistency.inconsistent.length,
      expectedLikeRows,
      actualLikeRows: actual.size,
      mismatchedPairs,
      uncertainPairs: uncertain.size,
    },
    problems,
  };
}

// ---------------------------------------------------------------------------------------------
// 3. Anonymous readers while comments are being posted

/** Posts at a steady rate (one every 1/rate s, each on a new connection, as different people do). */
async function pacedPosts(
  base: string,
  path: string,
  ratePerS: number,
  durationS: number,
  next: () => Planned<void>,
): Promise<PacedPostsResult> {
  const maxInFlight = Math.max(10, ratePerS * 2);
  const latencies: number[] = [];
  const unexpected: Record<string, number> = {};
  const pending: Promise<void>[] = [];
  let inFlight = 0;
  let sent = 0;
  let ok = 0;
  let skipped = 0;
  let errors = 0;
  const started = performance.now();
  const end = started + durationS * 1000;
  for (let i = 0; ; i++) {
    const due = started + (i * 1000) / ratePerS;
    if (due >= end) break;
    const wait = due - performance.now();
    if (wait > 0) await pause(wait);
    if (inFlight >= maxInFlight) {
      skipped++;
      continue;
    }
    const planned = next();
    const { body, contentType } = encodeForm(planned.fields, planned.encoding);
    inFlight++;
    sent++;
    pending.push(
      request(`${base}${path}`, {
        method: "POST",
        headers: formHeaders(base, contentType, planned.cookie),
        body,
        timeoutMs: REQUEST_TIMEOUT_S * 1000,
      })
        .then((res) => {
          latencies.push(res.totalMs);
          const problem = answerProblem(res.status, headerOf(res.headers, "location"), base);
          if (problem === null) ok++;
          else count(unexpected, problem);
        })
        .catch(() => {
          errors++;
        })
        .finally(() => {
          inFlight--;
        }),
    );
  }
  await Promise.all(pending);
  latencies.sort((a, b) => a - b);
  return {
    ratePerS,
    sent,
    ok,
    skipped,
    maxInFlight,
    unexpected,
    errors,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    maxMs: latencies[latencies.length - 1] ?? Number.NaN,
    elapsedS: (performance.now() - started) / 1000,
  };
}

/**
 * Anonymous readers load the essay (`readLoad`: wrk on the page) while signed-in readers post
 * comments to it at a steady rate. Their comments are approved, so each one changes the page.
 * `readLoad` runs the read load and calls `alongside` as it starts; `readProblems` says what
 * went wrong with the reads (non-2xx answers, socket errors).
 */
export async function measureReadWhilePosting<R>(
  o: WriteOptions,
  essay: { name: string; slug: string; postId: string },
  users: readonly BenchUser[],
  options: {
    ratePerS: number;
    readLoad: (alongside: () => Promise<void>) => Promise<R>;
    readProblems: (read: R) => string[];
    pass: (read: R) => boolean;
  },
): Promise<ReadWhilePostingResult<R>> {
  const path = `/posts/${essay.slug}`;
  const first = users[0];
  if (!first) throw new Error("posting while reading needs bench readers");
  const { form, actionId } = await commentForm(o.base, path, first.cookie);
  if (fieldOf(form, "email") !== undefined) {
    throw new Error(`the comment form of ${path} asks for a guest's e-mail: the session cookie was not accepted`);
  }
  const tag = Date.now().toString(36);
  let n = 0;
  const next = (kind: string) => (): Planned<void> => {
    const i = n++;
    const user = users[i % users.length] ?? first;
    return {
      fields: withFields(form, { homepage: "", body: commentBody(`bench ${kind} ${tag}`, i), intent: "post" }),
      encoding: encodingOf(form),
      cookie: user.cookie,
      meta: undefined,
    };
  };
  const probePlan = next("probe")();
  await probe(o.base, path, probePlan, "posting a signed-in comment");

  const before = await o.db.post.findUniqueOrThrow({ where: { id: essay.postId }, select: { commentCount: true } });
  let posting: PacedPostsResult | null = null;
  const name = `${essay.name} while posting`;
  const read = await options.readLoad(async () => {
    posting = await pacedPosts(o.base, path, options.ratePerS, o.durationS, next("load"));
  });
  const paced = posting as PacedPostsResult | null;
  if (!paced) throw new Error("the posts during the read load did not run");
  const after = await o.db.post.findUniqueOrThrow({ where: { id: essay.postId }, select: { commentCount: true } });
  const statuses = await o.db.comment.groupBy({
    by: ["status"],
    where: { postId: essay.postId, bodyMarkdown: { contains: `(bench load ${tag} #` } },
    _count: { _all: true },
  });
  const newApproved = statuses.find((s) => s.status === "APPROVED")?._count._all ?? 0;
  const newOther = statuses.reduce((a, s) => a + s._count._all, 0) - newApproved;
  const matchesAnswers = newApproved === paced.ok && newOther === 0;

  const problems: string[] = options.readProblems(read).map((p) => `reads: ${p}`);
  const other = sum(paced.unexpected);
  if (other > 0 || paced.errors > 0) {
    problems.push(
      `posts: ${other} answers were not a 303 to the essay ${JSON.stringify(paced.unexpected)}, ${paced.errors} errors`,
    );
  }
  if (!matchesAnswers) {
    problems.push(
      `posts: the database has ${newApproved} new approved comments (and ${newOther} others) but ${paced.ok} posts were answered 303`,
    );
  }
  if (after.commentCount - before.commentCount !== newApproved) {
    problems.push(
      `posts: the essay's commentCount went from ${before.commentCount} to ${after.commentCount} with ${newApproved} new comments`,
    );
  }
  return {
    name,
    read,
    posting: {
      ...paced,
      actionId,
      db: {
        newApproved,
        newOther,
        commentCountBefore: before.commentCount,
        commentCountAfter: after.commentCount,
        matchesAnswers,
      },
    },
    pass: options.pass(read),
    problems,
  };
}
