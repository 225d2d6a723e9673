import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { windowStart } from "@/lib/rate-limit/window";
import { freshDatabase, type FreshDatabase } from "../support/test-db";

type Create = typeof import("@/lib/users/create");
type Credentials = typeof import("@/lib/auth/credentials");

const PASSWORD = "a long enough pass phrase";
const WRONG = "not the pass phrase at all";
const FIFTEEN_MIN = 15 * 60_000;

describe("accounts on a freshly migrated database", () => {
  let fresh: FreshDatabase;
  let db: Db;
  let create: Create;
  let creds: Credentials;
  let passwordHash: string;

  beforeAll(async () => {
    // Sign-in failures are counted in 15-minute windows on the real clock. Start the clock (it keeps
    // running) one minute into a window so no test straddles a window edge by chance.
    vi.useFakeTimers({ toFake: ["Date"], shouldAdvanceTime: true });
    vi.setSystemTime(windowStart(Date.now(), FIFTEEN_MIN) + FIFTEEN_MIN + 60_000);

    fresh = await freshDatabase();
    db = fresh.db;
    create = await import("@/lib/users/create");
    creds = await import("@/lib/auth/credentials");
    const { hashPassword } = await import("@/lib/users/password");
    passwordHash = await hashPassword(PASSWORD);
  });

  afterAll(async () => {
    vi.useRealTimers();
    await fresh?.cleanup();
  });

  let counter = 0;
  /** A unique e-mail address (and thus unique rate-limit keys) per call. */
  const email = (label: string) => `${label}.${++counter}@example.com`;
  const ip = (label: string) => `198.51.100.${++counter % 250}-${label}`;

  describe("roles of new accounts", () => {
    it("are what was asked for, READER by default: signing up first makes nobody an admin", async () => {
      expect(await db.user.count()).toBe(0);
      const first = await create.createAccount(db, { email: email("first"), name: "First" });
      expect(first.role).toBe("READER");
      const author = await create.createAccount(db, { email: email("author"), name: "Author", role: "AUTHOR" });
      expect(author.role).toBe("AUTHOR");
      expect(await db.user.count({ where: { role: "ADMIN" } })).toBe(0);
    });

    it("start unconfirmed unless created confirmed, with session version 0", async () => {
      const plain = await create.createAccount(db, { email: email("unconfirmed") });
      expect(plain.emailVerified).toBeNull();
      expect(plain.sessionVersion).toBe(0);
      const when = new Date("2026-01-02T03:04:05Z");
      const confirmed = await create.createAccount(db, { email: email("confirmed"), emailVerified: when });
      expect(confirmed.emailVerified).toEqual(when);
    });
  });

  describe("handles, names and e-mail addresses", () => {
    it.each([
      ["Iris Calloway", "iris@example.com", "iris-calloway"],
      ["  Ada  ", "x@example.com", "ada"],
      ["Café Ünïcode", "x@example.com", "cafe-unicode"],
      [null, "sam.whitlow@example.com", "sam-whitlow"],
      [undefined, "Grace_Hopper+blog@example.com", "grace-hopper-blog"],
      ["李小龍", "bruce.lee@example.com", "bruce-lee"],
      ["李小龍", "李@example.com", "reader"],
      ["!!!", "---@example.com", "reader"],
      ["", "", "reader"],
    ] as Array<[string | null | undefined, string, string]>)("handleBase(%j, %j) = %j", (name, mail, expected) => {
      expect(create.handleBase(name, mail)).toBe(expected);
    });

    it("keeps handle bases to 40 characters without a trailing hyphen", () => {
      const base = create.handleBase("word ".repeat(30), "x@example.com");
      expect(base.length).toBeLessThanOrEqual(40);
      expect(base).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(create.handleBase("a".repeat(39) + " b", "x@example.com")).toBe("a".repeat(39));
    });

    it.each([
      ["sam.whitlow@example.com", "Sam Whitlow"],
      ["ada@example.com", "Ada"],
      ["grace_hopper+blog@example.com", "Grace Hopper Blog"],
      // Capitalization must work for letters outside ASCII too (the e-mail local part may be Unicode).
      ["émile-zola@example.com", "Émile Zola"],
      ["léa.martin@example.com", "Léa Martin"],
      ["...@example.com", "Reader"],
    ])("nameFromEmail(%j) = %j", (mail, expected) => {
      expect(create.nameFromEmail(mail)).toBe(expected);
    });

    it('gives "Ada" twice the handles "ada" and "ada-2", and a third "ada-3"', async () => {
      const a = await create.createAccount(db, { email: email("ada1"), name: "Ada" });
      const b = await create.createAccount(db, { email: email("ada2"), name: "Ada" });
      const c = await create.createAccount(db, { email: email("ada3"), name: "ADA" });
      expect([a.handle, b.handle, c.handle]).toEqual(["ada", "ada-2", "ada-3"]);
    });

    it("reuses the smallest free number and is not confused by longer handles sharing the prefix", async () => {
      await create.createAccount(db, { email: email("gr1"), name: "Grace Hopper" });
      await create.createAccount(db, { email: email("gr2"), name: "Grace" });
      await create.createAccount(db, { email: email("gr3"), name: "Grace" });
      await db.user.update({ where: { handle: "grace" }, data: { handle: "grace-moved" } });
      expect(await create.uniqueHandle(db, "grace")).toBe("grace");
      expect(await create.uniqueHandle(db, "grace-2")).toBe("grace-2-2");
      expect(await create.uniqueHandle(db, "nobody-has-this")).toBe("nobody-has-this");
    });

    it("gives accounts created at the same moment with the same name distinct handles", async () => {
      const made = await Promise.all(
        Array.from({ length: 5 }, (_, i) => create.createAccount(db, { email: email(`twin${i}`), name: "Twin Name" })),
      );
      expect(new Set(made.map((u) => u.handle)).size).toBe(5);
      expect(made.map((u) => u.handle).sort()).toEqual(["twin-name", "twin-name-2", "twin-name-3", "twin-name-4", "twin-name-5"]);
    });

    it("stores the e-mail trimmed and lower-cased, and derives a missing name from it", async () => {
      const raw = `  Mixed.Case.${++counter}@Example.COM `;
      const u = await create.createAccount(db, { email: raw });
      expect(u.email).toBe(raw.trim().toLowerCase());
      expect(u.name).toBe(`Mixed Case ${counter}`);
      expect(u.passwordHash).toBeNull();
    });

    it("throws EmailTakenError for an address that exists, in any letter case", async () => {
      const mail = email("taken");
      await create.createAccount(db, { email: mail, name: "Taken" });
      await expect(create.createAccount(db, { email: mail, name: "Someone Else" })).rejects.toBeInstanceOf(
        create.EmailTakenError,
      );
      await expect(create.createAccount(db, { email: ` ${mail.toUpperCase()} `, name: "Taken" })).rejects.toBeInstanceOf(
        create.EmailTakenError,
      );
      expect(await db.user.count({ where: { email: mail } })).toBe(1);
    });

    it("lets exactly one of several simultaneous sign-ups with the same address through", async () => {
      const mail = email("race");
      const results = await Promise.allSettled(
        Array.from({ length: 5 }, () => create.createAccount(db, { email: mail, name: "Race" })),
      );
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(create.EmailTakenError);
      expect(await db.user.count({ where: { email: mail } })).toBe(1);
    });

    it("EmailTakenError names itself", () => {
      const e = new create.EmailTakenError("x@example.com");
      expect(e).toBeInstanceOf(Error);
      expect(e.name).toBe("EmailTakenError");
      expect(e.message).toContain("x@example.com");
    });
  });

  describe("checkCredentials", () => {
    const INVALID = { ok: false, reason: "invalid" } as const;
    /** A sign-in from `address`, from a browser that never signed in to anything here. */
    const from = (address: string) => ({ ip: address, knownDevice: () => false });
    /** The same, from the browser of `userId` (it signed in to that account before). */
    const fromOwnBrowser = (address: string, userId: string) => ({ ip: address, knownDevice: (id: string) => id === userId });

    const account = async (label: string, withPassword = true) => {
      const mail = email(label);
      const user = await create.createAccount(db, { email: mail, name: label, passwordHash: withPassword ? passwordHash : null });
      return { mail, user };
    };

    it("uses 10 failures per address, 5 per account and address, 10 per account, per 15 minutes", () => {
      expect(creds.SIGNIN_ADDRESS_RULE).toEqual({ limit: 10, windowMs: FIFTEEN_MIN });
      expect(creds.SIGNIN_PAIR_RULE).toEqual({ limit: 5, windowMs: FIFTEEN_MIN });
      expect(creds.SIGNIN_ACCOUNT_RULE).toEqual({ limit: 10, windowMs: FIFTEEN_MIN });
    });

    it("accepts the right password and returns the public fields only", async () => {
      const { mail, user } = await account("ok");
      const result = await creds.checkCredentials(db, mail, PASSWORD, from(ip("ok")));
      expect(result).toEqual({ ok: true, user: { id: user.id, name: user.name, email: mail, image: null } });
    });

    it("normalizes the e-mail it is given", async () => {
      const { mail } = await account("norm");
      expect((await creds.checkCredentials(db, `  ${mail.toUpperCase()} `, PASSWORD, from(ip("norm")))).ok).toBe(true);
    });

    it('answers "invalid" for a wrong password and for an unknown e-mail, in exactly the same shape', async () => {
      const { mail } = await account("wrong");
      const wrong = await creds.checkCredentials(db, mail, WRONG, from(ip("wrong")));
      const unknown = await creds.checkCredentials(db, email("nobody"), PASSWORD, from(ip("unknown")));
      expect(wrong).toEqual(INVALID);
      expect(unknown).toEqual(INVALID);
      expect(Object.keys(unknown)).toEqual(Object.keys(wrong));
    });

    it("refuses passwords for accounts without a password (magic-link / OAuth only)", async () => {
      const { mail } = await account("nopass", false);
      for (const attempt of [PASSWORD, "", WRONG]) {
        expect(await creds.checkCredentials(db, mail, attempt, from(ip("nopass")))).toEqual(INVALID);
      }
    });

    it("slows the guessing address down after 5 failures on one account, not the owner elsewhere", async () => {
      const { mail, user } = await account("pair");
      const attacker = ip("pair-attacker");
      for (let i = 0; i < 5; i++) expect(await creds.checkCredentials(db, mail, `${WRONG} ${i}`, from(attacker))).toEqual(INVALID);
      const refused = await creds.checkCredentials(db, mail, PASSWORD, from(attacker));
      expect(refused).toMatchObject({ ok: false, reason: "rate_limited" });
      if (!refused.ok && refused.reason === "rate_limited") {
        expect(refused.retryAfterSeconds).toBeGreaterThan(0);
        expect(refused.retryAfterSeconds).toBeLessThanOrEqual(FIFTEEN_MIN / 1000);
      }
      // The owner, from their own address (any browser), signs in.
      expect((await creds.checkCredentials(db, mail, PASSWORD, from(ip("pair-owner")))).ok).toBe(true);
      expect((await creds.checkCredentials(db, mail, PASSWORD, fromOwnBrowser(ip("pair-owner2"), user.id))).ok).toBe(true);
    });

    it("never locks the owner out: after 10 failures from many addresses their own browser still signs in", async () => {
      const { mail, user } = await account("siege");
      // A distributed attack: two guesses from each of five addresses.
      for (let i = 0; i < 10; i++) {
        expect(await creds.checkCredentials(db, mail, `${WRONG} ${i}`, from(ip(`siege${i % 5}`))), `guess ${i + 1}`).toEqual(
          INVALID,
        );
      }
      // Strangers' browsers get no more guesses at this account (not even with the right password):
      // the answer sends them to a magic link, whether or not the account exists.
      const stranger = await creds.checkCredentials(db, mail, PASSWORD, from(ip("siege-new")));
      expect(stranger).toMatchObject({ ok: false, reason: "use_magic_link" });
      if (!stranger.ok && stranger.reason === "use_magic_link") expect(stranger.retryAfterSeconds).toBeGreaterThan(0);
      expect(await creds.signinBlocked(db, mail.toUpperCase(), ip("siege-probe"), false)).toMatchObject({
        blocked: true,
        reason: "use_magic_link",
      });
      // The owner's own browser, from any address (even one the attacker used), signs in.
      expect(await creds.signinBlocked(db, mail, ip("siege-home"), true)).toEqual({ blocked: false });
      expect((await creds.checkCredentials(db, mail, PASSWORD, fromOwnBrowser(ip("siege-home"), user.id))).ok).toBe(true);
    });

    it("treats an unknown e-mail under attack exactly like an account under attack", async () => {
      const mail = email("ghost");
      for (let i = 0; i < 10; i++) await creds.checkCredentials(db, mail, WRONG, from(ip(`ghost${i}`)));
      expect(await creds.checkCredentials(db, mail, WRONG, from(ip("ghost-last")))).toMatchObject({
        ok: false,
        reason: "use_magic_link",
      });
    });

    it("allows the 10th attempt after 9 failures", async () => {
      const { mail } = await account("nine");
      for (let i = 0; i < 9; i++) expect(await creds.checkCredentials(db, mail, WRONG, from(ip(`nine${i}`)))).toEqual(INVALID);
      expect((await creds.checkCredentials(db, mail, PASSWORD, from(ip("nine-right")))).ok).toBe(true);
    });

    it("blocks an address after 10 failures across different accounts", async () => {
      const attacker = ip("attacker");
      for (let i = 0; i < 10; i++) {
        const target = i % 2 ? (await account(`target${i}`)).mail : email(`missing${i}`);
        expect(await creds.checkCredentials(db, target, WRONG, from(attacker))).toEqual(INVALID);
      }
      // A different, untouched account with its right password, from the same address: blocked.
      const { mail } = await account("innocent");
      const result = await creds.checkCredentials(db, mail, PASSWORD, from(attacker));
      expect(result).toMatchObject({ ok: false, reason: "rate_limited" });
      // The same account from another address is fine.
      expect((await creds.checkCredentials(db, mail, PASSWORD, from(ip("elsewhere")))).ok).toBe(true);
    });

    it("forgets an account's failures after a success (9 failures, success, 9 failures: still allowed)", async () => {
      const { mail } = await account("reset");
      for (let i = 0; i < 9; i++) expect(await creds.checkCredentials(db, mail, WRONG, from(ip(`reset-a${i}`)))).toEqual(INVALID);
      expect((await creds.checkCredentials(db, mail, PASSWORD, from(ip("reset-a")))).ok).toBe(true);
      for (let i = 0; i < 9; i++)
        expect(await creds.checkCredentials(db, mail, WRONG, from(ip(`reset-b${i}`))), `failure ${i + 1} after success`).toEqual(
          INVALID,
        );
      expect((await creds.checkCredentials(db, mail, PASSWORD, from(ip("reset-b")))).ok).toBe(true);
    });

    it("does not forget an address's failures after a success (a valid login cannot launder guesses)", async () => {
      const own = await account("launder-own");
      // Three victims, three guesses each: under the per-account limit of 5, nine for the address.
      const victims = await Promise.all([account("launder-v1"), account("launder-v2"), account("launder-v3")]);
      const addr = ip("launder");
      for (let i = 0; i < 9; i++) await creds.checkCredentials(db, victims[i % 3]!.mail, WRONG, from(addr));
      expect((await creds.checkCredentials(db, own.mail, PASSWORD, from(addr))).ok).toBe(true);
      expect(await creds.checkCredentials(db, victims[0]!.mail, WRONG, from(addr))).toEqual(INVALID);
      expect(await creds.checkCredentials(db, own.mail, PASSWORD, from(addr))).toMatchObject({ reason: "rate_limited" });
    });

    it("reports not blocked for a clean account and address", async () => {
      expect(await creds.signinBlocked(db, email("clean"), ip("clean"), false)).toEqual({ blocked: false });
    });

    // checkCredentials takes its slots, then spends ~tens of ms verifying the hash: a burst of
    // parallel guesses from many addresses must not get past the account's limit of 10.
    it("does not let a burst of simultaneous guesses from strangers past the account's limit of 10", async () => {
      const { mail } = await account("burst");
      const results = await Promise.all(
        Array.from({ length: 25 }, (_, i) => creds.checkCredentials(db, mail, `${WRONG} ${i}`, from(ip(`burst${i}`)))),
      );
      const evaluated = results.filter((r) => !r.ok && r.reason === "invalid").length;
      expect(evaluated).toBeLessThanOrEqual(10);
      expect(results.filter((r) => !r.ok && r.reason === "use_magic_link").length).toBe(25 - evaluated);
    });
  });
});
