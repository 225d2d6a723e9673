import { describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { requestCookies, SessionTokenCache, sessionTokenOf } from "@/lib/auth/session-token";

const SECRET = "unit-test-secret-0123456789abcdef";
const SALT = "authjs.session-token";

const jar = (cookies: Record<string, string>) => ({
  get: (name: string) => (name in cookies ? { value: cookies[name] as string } : undefined),
  getAll: () => Object.entries(cookies).map(([name, value]) => ({ name, value })),
});

describe("sessionTokenOf", () => {
  it("finds the plain and the __Secure- session cookie, salted with its name", () => {
    expect(sessionTokenOf(jar({ "authjs.session-token": "abc" }))).toEqual({ token: "abc", salt: "authjs.session-token" });
    expect(sessionTokenOf(jar({ "__Secure-authjs.session-token": "xyz" }))).toEqual({
      token: "xyz",
      salt: "__Secure-authjs.session-token",
    });
    expect(sessionTokenOf(jar({ other: "1" }))).toBeNull();
  });

  it("joins a token Auth.js split into numbered chunks, in order", () => {
    const found = sessionTokenOf(
      jar({ "authjs.session-token.1": "DEF", "authjs.session-token.0": "abc", "authjs.session-token.x": "no" }),
    );
    expect(found).toEqual({ token: "abcDEF", salt: "authjs.session-token" });
  });
});

describe("SessionTokenCache", () => {
  it("answers the subject of a valid token, and the same again from memory", async () => {
    const token = await encode({ token: { sub: "user-1", name: "Ada" }, secret: SECRET, salt: SALT });
    const cache = new SessionTokenCache(SECRET);
    expect(await cache.claimsOf(token, SALT)).toEqual({ userId: "user-1", version: 0 });
    expect(await cache.claimsOf(token, SALT)).toEqual({ userId: "user-1", version: 0 });
  });

  it("refuses a token sealed with another secret or salt, or garbage", async () => {
    const token = await encode({ token: { sub: "user-1" }, secret: "another-secret-0123456789abcdef", salt: SALT });
    const cache = new SessionTokenCache(SECRET);
    expect(await cache.claimsOf(token, SALT)).toBeNull();
    const mine = await encode({ token: { sub: "user-1" }, secret: SECRET, salt: SALT });
    expect(await cache.claimsOf(mine, "__Secure-authjs.session-token")).toBeNull();
    expect(await cache.claimsOf("not-a-token", SALT)).toBeNull();
  });

  it("reads the session version the token was issued under", async () => {
    const cache = new SessionTokenCache(SECRET);
    const v3 = await encode({ token: { sub: "user-3", sv: 3 }, secret: SECRET, salt: SALT });
    expect(await cache.claimsOf(v3, SALT)).toEqual({ userId: "user-3", version: 3 });
    const odd = await encode({ token: { sub: "user-3", sv: "3" }, secret: SECRET, salt: SALT });
    expect(await cache.claimsOf(odd, SALT)).toEqual({ userId: "user-3", version: 0 });
    const nobody = await encode({ token: { name: "x" }, secret: SECRET, salt: SALT });
    expect(await cache.claimsOf(nobody, SALT)).toBeNull();
  });

  it("forgets a token once it has expired", async () => {
    const clock = { t: Date.now() };
    const token = await encode({ token: { sub: "user-2" }, secret: SECRET, salt: SALT, maxAge: 60 });
    const cache = new SessionTokenCache(SECRET, 10, () => clock.t);
    expect((await cache.claimsOf(token, SALT))?.userId).toBe("user-2");
    clock.t += 61_000;
    expect(await cache.claimsOf(token, SALT)).toBeNull();
  });

  it("keeps at most max tokens", async () => {
    const cache = new SessionTokenCache(SECRET, 2);
    const tokens = await Promise.all(["a", "b", "c"].map((sub) => encode({ token: { sub }, secret: SECRET, salt: SALT })));
    for (const t of tokens) await cache.claimsOf(t, SALT);
    expect((cache as unknown as { entries: Map<string, unknown> }).entries.size).toBe(2);
  });
});

describe("requestCookies", () => {
  it("reads the cookies of a Cookie header", () => {
    const jar = requestCookies("a=1; authjs.session-token=abc.def; b=x%20y;bad; =nope");
    expect(jar.get("authjs.session-token")?.value).toBe("abc.def");
    expect(jar.get("b")?.value).toBe("x y");
    expect(jar.get("missing")).toBeUndefined();
    expect(jar.getAll().map((c) => c.name)).toEqual(["a", "authjs.session-token", "b"]);
    expect(requestCookies(null).getAll()).toEqual([]);
  });
});
