import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import type { OpenDatabase } from "../../support/test-db";
import { request, SESSION_COOKIE, sessionToken, TEST_AUTH_SECRET } from "../../support/session-request";

// getCurrentUser (lib/auth/session.ts): the session cookie's JWT is decoded, then one plain SQL
// query reads the user, whose booleans and dates each engine returns in its own way (0/1 and
// text on SQLite, booleans and timestamps on PostgreSQL). Run on each engine
// (current-user.test.ts: SQLite, current-user-postgres.test.ts: PostgreSQL); the test file
// replaces next/headers and next-auth with tests/support/session-request.ts.

type Session = typeof import("@/lib/auth/session");

const BANNED_UNTIL = new Date("2031-02-03T04:05:06.789Z");

/** The getCurrentUser tests, on the database `open` gives (call inside a describe). */
export function currentUserTests(open: OpenDatabase): void {
  let cleanup: (() => Promise<void>) | undefined;
  let db: Db;
  let session: Session;
  const ids = { admin: "", reader: "", author: "" };

  /** getCurrentUser for a request carrying this Cookie header. */
  const currentUser = (cookie: string) => {
    request.cookie = cookie;
    return session.getCurrentUser();
  };
  const signedIn = async (userId: string) => currentUser(`${SESSION_COOKIE}=${await sessionToken(userId)}`);

  beforeAll(async () => {
    process.env.AUTH_SECRET = TEST_AUTH_SECRET;
    ({ db, cleanup } = await open());
    (await import("@/lib/env")).resetEnvForTests();
    session = await import("@/lib/auth/session");
    ids.admin = (
      await db.user.create({
        data: {
          name: "Iris Admin",
          email: "iris@session.example",
          handle: "iris",
          image: "/uploads/avatars/iris.png",
          bio: "Runs the place.",
          role: "ADMIN",
          passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo",
          emailVerified: new Date("2026-01-01T00:00:00Z"),
        },
      })
    ).id;
    ids.reader = (
      await db.user.create({
        data: { name: "Sam Reader", email: "sam@session.example", handle: "sam", bannedUntil: BANNED_UNTIL },
      })
    ).id;
    ids.author = (
      await db.user.create({
        data: { name: "Tom Author", email: "tom@session.example", handle: "tom", role: "AUTHOR", passwordHash: "x" },
      })
    ).id;
  });

  beforeEach(() => {
    request.cookie = "";
  });

  afterAll(async () => {
    request.cookie = "";
    await cleanup?.();
  });

  it("reads every field of a signed-in user with a password and no ban", async () => {
    const user = await signedIn(ids.admin);
    expect(user).toStrictEqual({
      id: ids.admin,
      name: "Iris Admin",
      email: "iris@session.example",
      handle: "iris",
      image: "/uploads/avatars/iris.png",
      role: "ADMIN",
      bio: "Runs the place.",
      bannedUntil: null,
      hasPassword: true,
      emailVerified: true,
    });
  });

  it("reads an account without a password, banned until a date, as hasPassword false and that Date", async () => {
    const user = await signedIn(ids.reader);
    expect(user).toStrictEqual({
      id: ids.reader,
      name: "Sam Reader",
      email: "sam@session.example",
      handle: "sam",
      image: null,
      role: "READER",
      bio: "",
      bannedUntil: BANNED_UNTIL,
      hasPassword: false,
      emailVerified: false,
    });
    expect(user?.bannedUntil).toBeInstanceOf(Date);
    expect(user?.bannedUntil?.getTime()).toBe(BANNED_UNTIL.getTime());
  });

  it("reads the AUTHOR role", async () => {
    expect(await signedIn(ids.author)).toMatchObject({ id: ids.author, role: "AUTHOR", hasPassword: true, bannedUntil: null });
  });

  it("reads the database on each request: a role, ban or password change applies at once", async () => {
    const cookie = `${SESSION_COOKIE}=${await sessionToken(ids.author)}`;
    expect(await currentUser(cookie)).toMatchObject({ role: "AUTHOR", bannedUntil: null, hasPassword: true });
    const until = new Date(Date.now() + 86_400_000);
    await db.user.update({ where: { id: ids.author }, data: { role: "READER", bannedUntil: until, passwordHash: null } });
    expect(await currentUser(cookie)).toMatchObject({ role: "READER", bannedUntil: until, hasPassword: false });
    await db.user.update({ where: { id: ids.author }, data: { role: "AUTHOR", bannedUntil: null, passwordHash: "x" } });
    expect(await currentUser(cookie)).toMatchObject({ role: "AUTHOR", bannedUntil: null, hasPassword: true });
  });

  it("takes the session from the __Secure- cookie used on https", async () => {
    const name = "__Secure-authjs.session-token";
    const token = await sessionToken(ids.admin, { salt: name });
    expect(await currentUser(`theme=dark; ${name}=${token}`)).toMatchObject({ id: ids.admin, role: "ADMIN" });
  });

  it("is null without a session cookie", async () => {
    expect(await currentUser("")).toBeNull();
    expect(await currentUser("theme=dark; hearth-guest=abc")).toBeNull();
  });

  it("is null for a session cookie that is not a valid session", async () => {
    const cases: [string, string][] = [
      ["garbage", `${SESSION_COOKIE}=not-a-token`],
      ["another secret", `${SESSION_COOKIE}=${await sessionToken(ids.admin, { secret: "another-secret-0123456789abcdef" })}`],
      ["another cookie's salt", `${SESSION_COOKIE}=${await sessionToken(ids.admin, { salt: "__Secure-authjs.session-token" })}`],
      ["expired", `${SESSION_COOKIE}=${await sessionToken(ids.admin, { maxAge: -3600 })}`],
    ];
    for (const [what, cookie] of cases) expect(await currentUser(cookie), what).toBeNull();
  });

  it("is null for a session issued under another session version (its sessions were ended)", async () => {
    const { endAllSessions } = await import("@/lib/users/sessions");
    const user = await db.user.create({ data: { name: "Vera", email: "vera@session.example", handle: "vera" } });
    const old = `${SESSION_COOKIE}=${await sessionToken(user.id)}`;
    expect(await currentUser(old)).toMatchObject({ id: user.id });
    await endAllSessions(db, user.id);
    expect(await currentUser(old)).toBeNull();
    expect(await currentUser(`${SESSION_COOKIE}=${await sessionToken(user.id, { version: 0 })}`)).toBeNull();
    expect(await currentUser(`${SESSION_COOKIE}=${await sessionToken(user.id, { version: 1 })}`)).toMatchObject({ id: user.id });
    expect(await currentUser(`${SESSION_COOKIE}=${await sessionToken(user.id, { version: 2 })}`)).toBeNull();
  });

  it("is null for a valid session of a user who does not exist (any more)", async () => {
    expect(await signedIn("no-such-user")).toBeNull();
    const gone = await db.user.create({ data: { name: "Gone", email: "gone@session.example", handle: "gone" } });
    const cookie = `${SESSION_COOKIE}=${await sessionToken(gone.id)}`;
    expect(await currentUser(cookie)).toMatchObject({ id: gone.id });
    await db.user.delete({ where: { id: gone.id } });
    expect(await currentUser(cookie)).toBeNull();
  });
}
