/**
 * The malformed-input suite's routes (e2e/malformed-routes.spec.ts, e2e/malformed-pages.spec.ts):
 * a row is a request (method, path, who, body) and the status it must get. Every answer must be
 * that status, never a 5xx or a stack trace; a refused POST changes nothing in the database.
 */
import { test, expect } from "./fixtures";
import { REVALIDATE_SECRET } from "./data";
import { get, post, type Answer, type Visitor } from "./http-forms";
import { expectSafe, fingerprint, type World } from "./malformed";
import { urlencoded } from "../../tests/support/html-forms";

export interface RouteRow {
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

export const guest = (w: World) => w.guest();
export const reader = (w: World) => w.as(w.reader);
export const author = (w: World) => w.as(w.author);
export const admin = (w: World) => w.as(w.admin);
export const like = (value: string) => () => urlencoded([["like", value]]);
export const json = (value: unknown) => () => ({
  body: typeof value === "string" ? value : JSON.stringify(value),
  contentType: "application/json",
});
export const bearer = { authorization: `Bearer ${REVALIDATE_SECRET}` };
export const long = (n: number) => "x".repeat(n);

export async function send(row: RouteRow, w: World): Promise<Answer> {
  const visitor = await (row.who ?? guest)(w);
  const path = row.path(w);
  if ((row.method ?? "GET") === "GET") return get(path, visitor, row.headers);
  const body = row.body?.(w) ?? { body: "", contentType: "application/x-www-form-urlencoded" };
  return post(path, visitor, body, row.headers);
}

export async function runRoutes(db: Parameters<typeof fingerprint>[0], w: World, rows: readonly RouteRow[]): Promise<void> {
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
