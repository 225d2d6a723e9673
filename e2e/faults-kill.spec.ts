/**
 * Fault test: the server is killed with SIGKILL while 50 writers post comments and like them,
 * then started again on the same SQLite file. Every comment whose post was answered 303 is there
 * exactly once, every like answered 303 is as that answer said, the counters match their rows,
 * and the file is intact. Writes in flight at the kill may or may not exist, never twice.
 * The writers post exactly as a browser without JavaScript does (bench/lib/forms.ts).
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { test, expect } from "@playwright/test";
import { actionIdOf, encodeForm, encodingOf, fieldOf, parseForms, withFields, type HtmlForm } from "../tests/support/html-forms";
import { insertApprovedComment } from "../lib/comments/write";
import { createPost } from "../lib/posts/write";
import { prepareDatabase, startOwnServer, type OwnServer } from "./support/own-server";

const WRITERS = 50;
/** Answered writes before the kill: some hundreds, with the load in full swing. */
const KILL_AFTER = 300;
/** Comments (by the essay's author) that the writers like and unlike. */
const LIKED_COMMENTS = 10;

interface Writer {
  id: string;
  name: string;
  email: string;
  cookie: string;
  address: string;
}

/** One request a writer sent, and what became of it (no status: in flight at the kill). */
type Sent =
  | { kind: "comment"; writer: number; body: string; status?: number; location?: string; error?: string }
  | { kind: "like"; writer: number; commentId: number; like: boolean; status?: number; location?: string; error?: string };

test("kill -9 under 50 writers: every answered write is there once, counters match, the file is intact", async () => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), "hearth-kill-"));
  const file = path.join(dir, "hearth.db");
  let server: OwnServer | null = null;
  try {
    // The site: an essay with comments to like, and 50 readers with confirmed addresses.
    const db = await prepareDatabase(file);
    const run = path.basename(dir).slice(-6);
    const author = await db.user.create({
      data: {
        name: `Kill Host ${run}`,
        email: `kill-host-${run}@e2e.example`,
        handle: `kill-host-${run}`,
        role: "AUTHOR",
        emailVerified: new Date(),
      },
    });
    const essay = await createPost(db, {
      slug: `killed-mid-sentence-${run}`,
      title: "Killed mid-sentence",
      bodyMarkdown: "A short essay.",
      authorId: author.id,
      status: "PUBLISHED",
    });
    const liked: number[] = [];
    for (let i = 0; i < LIKED_COMMENTS; i++) {
      liked.push(
        (await insertApprovedComment(db, { postId: essay.id, parentId: null, authorId: author.id, bodyMarkdown: `Like me ${i}` }))
          .id,
      );
    }
    await db.user.createMany({
      data: Array.from({ length: WRITERS }, (_, i) => ({
        name: `Writer ${i}`,
        email: `kill-writer-${i}-${run}@e2e.example`,
        handle: `kill-writer-${i}-${run}`,
        emailVerified: new Date(),
      })),
    });
    const users = await db.user.findMany({ where: { handle: { startsWith: "kill-writer-" } }, orderBy: { handle: "asc" } });
    await db.$disconnect();

    server = await startOwnServer(file, { uploadsDir: path.join(dir, "uploads") });
    const own = server;
    const base = own.base;
    const writers: Writer[] = await Promise.all(
      users.map(async (u, i) => ({ ...u, cookie: await own.sessionCookie(u), address: `198.51.100.${i + 1}` })),
    );

    // The comment form as a signed-in reader's browser has it (the same for every writer).
    const essayPath = `/posts/${essay.slug}`;
    const page = await fetch(`${base}${essayPath}`, { headers: { cookie: writers[0]!.cookie } });
    expect(page.status).toBe(200);
    const form = parseForms(await page.text()).find((f) => fieldOf(f, "postId") === essay.id && fieldOf(f, "body") !== undefined);
    if (!form || !actionIdOf(form)) throw new Error("The essay page has no comment form bound to a server action");
    const commentForm: HtmlForm = form;

    const sent: Sent[] = [];
    let answered = 0;
    let stopped = false;
    let inFlightAtKill = 0;
    let inFlight = 0;
    let resolveKilled!: () => void;
    const killed = new Promise<void>((resolve) => (resolveKilled = resolve));

    const post = async (w: Writer, target: string, body: Buffer, contentType: string, record: Sent) => {
      sent.push(record);
      inFlight += 1;
      try {
        const response = await fetch(`${base}${target}`, {
          method: "POST",
          body: new Uint8Array(body),
          redirect: "manual",
          headers: {
            "content-type": contentType,
            cookie: w.cookie,
            origin: base,
            referer: `${base}${essayPath}`,
            accept: "text/html",
            "x-forwarded-for": w.address,
          },
        });
        await response.arrayBuffer();
        record.status = response.status;
        record.location = response.headers.get("location") ?? undefined;
        answered += 1;
      } catch (error) {
        record.error = String((error as { cause?: unknown }).cause ?? error);
      } finally {
        inFlight -= 1;
      }
      if (!stopped && answered >= KILL_AFTER) {
        stopped = true;
        inFlightAtKill = inFlight;
        await own.kill();
        resolveKilled();
      }
    };

    const writeLoop = async (index: number) => {
      const w = writers[index]!;
      const state = new Map<number, boolean>();
      for (let n = 0; !stopped; n++) {
        if (n % 2 === 0) {
          const body = `Still here ${run}, writer ${index}, comment ${n}.`;
          const { body: payload, contentType } = encodeForm(
            withFields(commentForm, { body, intent: "post" }),
            encodingOf(commentForm),
          );
          await post(w, essayPath, payload, contentType, { kind: "comment", writer: index, body });
        } else {
          const commentId = liked[(index + n) % liked.length]!;
          const like = !(state.get(commentId) ?? false);
          state.set(commentId, like);
          const payload = Buffer.from(`like=${like ? 1 : 0}`);
          await post(w, `/comments/${commentId}/like`, payload, "application/x-www-form-urlencoded", {
            kind: "like",
            writer: index,
            commentId,
            like,
          });
        }
      }
    };

    const started = Date.now();
    await Promise.all(writers.map((_, i) => writeLoop(i)));
    await killed;
    const loadSeconds = (Date.now() - started) / 1000;

    // Before the kill every answer was the success of a form post: a 303 to the comment.
    const unexpected = sent.filter(
      (s) => s.status !== undefined && (s.status !== 303 || !/#comment-\d+$/.test(s.location ?? "")),
    );
    expect(
      unexpected.map((s) => `${s.kind} → ${s.status} ${s.location ?? ""}`),
      own.output(),
    ).toEqual([]);
    const unanswered = sent.filter((s) => s.status === undefined);
    // Killed mid-load: writes were in flight (a few answers may still arrive from the socket).
    expect(inFlightAtKill, "writes in flight when the server was killed").toBeGreaterThan(0);
    expect(unanswered.length, "writes never answered").toBeGreaterThan(0);

    // Started again on the same file, the server reads and takes writes.
    await own.restart();
    const again = await fetch(`${base}${essayPath}`, { headers: { cookie: writers[0]!.cookie } });
    expect(again.status).toBe(200);
    const fresh = parseForms(await again.text()).find(
      (f) => fieldOf(f, "postId") === essay.id && fieldOf(f, "body") !== undefined,
    )!;
    const afterBody = `After the restart ${run}.`;
    const { body: payload, contentType } = encodeForm(withFields(fresh, { body: afterBody, intent: "post" }), encodingOf(fresh));
    const after = await fetch(`${base}${essayPath}`, {
      method: "POST",
      body: new Uint8Array(payload),
      redirect: "manual",
      headers: { "content-type": contentType, cookie: writers[0]!.cookie, origin: base, accept: "text/html" },
    });
    expect(after.status).toBe(303);
    expect(after.headers.get("location")).toMatch(/#comment-\d+$/);
    await own.stop();

    // The file, read directly.
    const check = new Database(file, { readonly: true });
    try {
      expect(check.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(check.pragma("foreign_key_check")).toEqual([]);
      const byBody = check.prepare(`SELECT "id", "bodyMarkdown" AS body FROM "Comment" WHERE "postId" = ?`).all(essay.id) as {
        id: number;
        body: string;
      }[];
      const copies = new Map<string, number[]>();
      for (const row of byBody) copies.set(row.body, [...(copies.get(row.body) ?? []), row.id]);

      // Every comment answered 303 exists exactly once, with the id its permalink named.
      const comments = sent.filter((s): s is Extract<Sent, { kind: "comment" }> => s.kind === "comment");
      const confirmed = comments.filter((s) => s.status === 303);
      const missingOrDoubled = confirmed
        .filter((s) => {
          const ids = copies.get(s.body) ?? [];
          return ids.length !== 1 || !s.location?.endsWith(`#comment-${ids[0]}`);
        })
        .map((s) => `${s.body}: ${JSON.stringify(copies.get(s.body) ?? [])} (answer ${s.location})`);
      expect(missingOrDoubled).toEqual([]);
      // Writes in flight at the kill may or may not be there, but never twice; nothing else is.
      expect([...copies.values()].filter((ids) => ids.length > 1)).toEqual([]);
      const sentBodies = new Set([
        ...comments.map((s) => s.body),
        afterBody,
        ...Array.from({ length: LIKED_COMMENTS }, (_, i) => `Like me ${i}`),
      ]);
      expect([...copies.keys()].filter((b) => !sentBodies.has(b))).toEqual([]);

      // Each like answered 303 left the state its answer reported, unless a later request for
      // the same pair was still in flight.
      const likes = sent.filter((s): s is Extract<Sent, { kind: "like" }> => s.kind === "like");
      const lastByPair = new Map<string, Extract<Sent, { kind: "like" }>>();
      for (const s of likes) lastByPair.set(`${s.writer}:${s.commentId}`, s);
      const hasLike = check.prepare(`SELECT COUNT(*) AS n FROM "CommentLike" WHERE "commentId" = ? AND "userId" = ?`);
      let certainPairs = 0;
      const wrongPairs: string[] = [];
      for (const last of lastByPair.values()) {
        if (last.status !== 303) continue;
        certainPairs += 1;
        const present = (hasLike.get(last.commentId, writers[last.writer]!.id) as { n: number }).n === 1;
        if (present !== last.like) wrongPairs.push(`writer ${last.writer} on ${last.commentId}: expected ${last.like}`);
      }
      expect(wrongPairs).toEqual([]);
      expect(certainPairs).toBeGreaterThan(0);

      // Every counter equals its rows.
      const likeCounts = check
        .prepare(
          `SELECT c."id", c."likeCount", (SELECT COUNT(*) FROM "CommentLike" l WHERE l."commentId" = c."id") AS "rows"
           FROM "Comment" c WHERE c."likeCount" <> (SELECT COUNT(*) FROM "CommentLike" l WHERE l."commentId" = c."id")`,
        )
        .all();
      expect(likeCounts).toEqual([]);
      const commentCounts = check
        .prepare(
          `SELECT p."id", p."commentCount", (SELECT COUNT(*) FROM "Comment" c WHERE c."postId" = p."id" AND c."status" = 'APPROVED') AS "approved"
           FROM "Post" p WHERE p."commentCount" <> (SELECT COUNT(*) FROM "Comment" c WHERE c."postId" = p."id" AND c."status" = 'APPROVED')`,
        )
        .all();
      expect(commentCounts).toEqual([]);

      console.log(
        `kill -9: ${sent.length} writes sent in ${loadSeconds.toFixed(1)} s (${confirmed.length} comments and ` +
          `${likes.filter((s) => s.status === 303).length} likes answered 303, ${unanswered.length} in flight at the kill, ` +
          `${unanswered.filter((s) => s.kind === "comment" && copies.has(s.body)).length} of whose comments were saved).`,
      );
    } finally {
      check.close();
    }
  } finally {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
