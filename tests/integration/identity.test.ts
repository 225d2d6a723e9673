import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { freshDatabase, type FreshDatabase } from "../support/test-db";

type Verification = typeof import("@/lib/users/verification");
type Sessions = typeof import("@/lib/users/sessions");
type Setup = typeof import("@/lib/setup/first-admin");

// Who an account belongs to: confirming addresses (lib/users/verification.ts), taking over an
// unconfirmed account by magic link (lib/users/sessions.ts) and the first admin's one-time
// setup token (lib/setup/first-admin.ts), on a freshly migrated database.
describe("identities on a freshly migrated database", () => {
  let fresh: FreshDatabase;
  let db: Db;
  let verification: Verification;
  let sessions: Sessions;
  let setup: Setup;
  let n = 0;
  const account = (data: { emailVerified?: Date | null; passwordHash?: string | null; role?: "READER" | "ADMIN" } = {}) => {
    n += 1;
    return db.user.create({ data: { name: `Person ${n}`, email: `person${n}@example.org`, handle: `person-${n}`, ...data } });
  };

  beforeAll(async () => {
    fresh = await freshDatabase();
    db = fresh.db;
    verification = await import("@/lib/users/verification");
    sessions = await import("@/lib/users/sessions");
    setup = await import("@/lib/setup/first-admin");
  });

  afterAll(async () => {
    await fresh?.cleanup();
  });

  describe("confirming an address", () => {
    it("confirms the account the token was issued for, once", async () => {
      const user = await account();
      const token = await verification.issueEmailVerification(db, user);
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      // Only a hash is stored.
      expect(await db.verificationToken.count({ where: { token } })).toBe(0);
      expect(await verification.confirmEmail(db, token, user)).toEqual({ ok: true });
      expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerified).toBeInstanceOf(Date);
      expect(await verification.confirmEmail(db, token, user)).toEqual({ ok: false, reason: "invalid" });
    });

    it("refuses another account's token and leaves it usable by its owner", async () => {
      const owner = await account();
      const other = await account();
      const token = await verification.issueEmailVerification(db, owner);
      expect(await verification.confirmEmail(db, token, other)).toEqual({ ok: false, reason: "other-account" });
      expect((await db.user.findUniqueOrThrow({ where: { id: other.id } })).emailVerified).toBeNull();
      expect(await verification.confirmEmail(db, token, owner)).toEqual({ ok: true });
    });

    it("refuses an expired token, a replaced token, one for an address the account no longer has, and garbage", async () => {
      const user = await account();
      const old = await verification.issueEmailVerification(db, user, new Date(Date.now() - 49 * 3_600_000));
      expect(await verification.confirmEmail(db, old, user)).toEqual({ ok: false, reason: "expired" });
      const first = await verification.issueEmailVerification(db, user);
      const second = await verification.issueEmailVerification(db, user);
      expect(await verification.confirmEmail(db, first, user)).toEqual({ ok: false, reason: "invalid" });
      const moved = { ...user, email: "moved@example.org" };
      expect(await verification.confirmEmail(db, second, moved)).toEqual({ ok: false, reason: "other-account" });
      for (const bad of ["", "short", "x".repeat(500), "has spaces in it and is long enough"]) {
        expect(await verification.confirmEmail(db, bad, user), bad).toEqual({ ok: false, reason: "invalid" });
      }
      expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerified).toBeNull();
    });
  });

  describe("a magic link to an unconfirmed account", () => {
    it("takes it over: the password someone chose is removed and their sessions end", async () => {
      const squatted = await account({ passwordHash: "attacker's hash" });
      expect(await sessions.takeOverUnverifiedAccount(db, squatted.id)).toBe(true);
      const after = await db.user.findUniqueOrThrow({ where: { id: squatted.id } });
      expect(after).toMatchObject({ passwordHash: null, sessionVersion: squatted.sessionVersion + 1 });
      expect(after.emailVerified).toBeInstanceOf(Date);
    });

    it("leaves a confirmed account as it is", async () => {
      const confirmed = await account({ passwordHash: "owner's hash", emailVerified: new Date("2026-01-01") });
      expect(await sessions.takeOverUnverifiedAccount(db, confirmed.id)).toBe(false);
      expect(await db.user.findUniqueOrThrow({ where: { id: confirmed.id } })).toMatchObject({
        passwordHash: "owner's hash",
        sessionVersion: 0,
      });
    });

    it("ending every session is one increment of the session version", async () => {
      const user = await account();
      expect(await sessions.sessionVersionOf(db, user.id)).toBe(0);
      await sessions.endAllSessions(db, user.id);
      await sessions.endAllSessions(db, user.id);
      expect(await sessions.sessionVersionOf(db, user.id)).toBe(2);
      expect(await sessions.sessionVersionOf(db, "nobody")).toBeNull();
    });
  });

  describe("the first admin's setup link", () => {
    const admin = { name: "Ada Admin", email: "ada@example.org", passwordHash: "hash" };

    it("is issued only while the site has no admin, and opens the form until it is used", async () => {
      await db.user.deleteMany({ where: { role: "ADMIN" } });
      const issued = await setup.issueSetupToken(db);
      expect(issued).not.toBeNull();
      const token = issued!.token;
      expect(issued!.expires.getTime() - Date.now()).toBeGreaterThan(23 * 3_600_000);
      // Only the hash is kept.
      const row = await db.settings.findUniqueOrThrow({ where: { id: 1 } });
      expect(row.setupTokenHash).not.toContain(token);
      expect(await setup.setupState(db, token)).toBe("ready");
      expect(await setup.setupState(db, `${token}x`)).toBe("invalid");
      expect(await setup.setupState(db, undefined)).toBe("invalid");

      const claimed = await setup.claimSetup(db, token, admin);
      expect(claimed.ok).toBe(true);
      expect(await db.user.findUniqueOrThrow({ where: { email: admin.email } })).toMatchObject({
        role: "ADMIN",
        passwordHash: "hash",
      });
      expect(await setup.setupState(db, token)).toBe("done");
      expect(await setup.claimSetup(db, token, { ...admin, email: "eve@example.org" })).toEqual({ ok: false, reason: "done" });
      expect(await setup.issueSetupToken(db)).toBeNull();
    });

    it("works once when two claims race, replaces earlier tokens and expires", async () => {
      await db.user.deleteMany({ where: { role: "ADMIN" } });
      const replaced = (await setup.issueSetupToken(db))!.token;
      const token = (await setup.issueSetupToken(db))!.token;
      expect(await setup.setupState(db, replaced)).toBe("invalid");
      const results = await Promise.all(
        ["one", "two", "three"].map((who) => setup.claimSetup(db, token, { ...admin, email: `${who}@race.example` })),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(await db.user.count({ where: { role: "ADMIN" } })).toBe(1);

      await db.user.deleteMany({ where: { role: "ADMIN" } });
      const later = (await setup.issueSetupToken(db, new Date(Date.now() - 25 * 3_600_000)))!.token;
      expect(await setup.setupState(db, later)).toBe("invalid");
      expect(await setup.claimSetup(db, later, admin)).toEqual({ ok: false, reason: "invalid" });
      expect(await db.user.count({ where: { role: "ADMIN" } })).toBe(0);
    });

    it("takes over an account someone created with the admin's address before the site was set up", async () => {
      await db.user.deleteMany({ where: { role: "ADMIN" } });
      const squatter = await db.user.create({
        data: { name: "Squatter", email: "owner@example.org", handle: "squatter", passwordHash: "theirs" },
      });
      const token = (await setup.issueSetupToken(db))!.token;
      const claimed = await setup.claimSetup(db, token, { name: "Owner", email: "Owner@Example.org", passwordHash: "mine" });
      expect(claimed).toEqual({ ok: true, userId: squatter.id });
      const after = await db.user.findUniqueOrThrow({ where: { id: squatter.id } });
      expect(after).toMatchObject({ role: "ADMIN", passwordHash: "mine", name: "Owner", sessionVersion: 1 });
      expect(after.emailVerified).toBeInstanceOf(Date);
    });
  });
});
