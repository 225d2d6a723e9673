import { describe, expect, it } from "vitest";
import {
  decodeCommenter,
  decodePendingIds,
  encodeCommenter,
  encodePendingIds,
  formAge,
  formTiming,
  formToken,
  guestKeyHash,
  newGuestKey,
  type RememberedCommenter,
} from "@/lib/comments/tokens";

const SECRET = "test-secret-0123456789abcdef";
const OTHER = "another-secret-fedcba9876543210";
const T = 1_700_000_000_000;

describe("formToken / formAge", () => {
  it("produces '<timestamp>.<32-char base64url signature>'", () => {
    const token = formToken(SECRET, T);
    expect(token).toMatch(/^1700000000000\.[A-Za-z0-9_-]{32}$/);
  });

  it("is deterministic for a secret and time, and differs by secret and time", () => {
    expect(formToken(SECRET, T)).toBe(formToken(SECRET, T));
    expect(formToken(SECRET, T)).not.toBe(formToken(OTHER, T));
    expect(formToken(SECRET, T)).not.toBe(formToken(SECRET, T + 1));
  });

  it("round-trips: formAge is the time since the token was made", () => {
    const token = formToken(SECRET, T);
    expect(formAge(SECRET, token, T)).toBe(0);
    expect(formAge(SECRET, token, T + 5_000)).toBe(5_000);
    expect(formAge(SECRET, token, T + 86_400_000)).toBe(86_400_000);
  });

  it("defaults to the current time", () => {
    const before = Date.now();
    const token = formToken(SECRET);
    const age = formAge(SECRET, token);
    expect(age).not.toBeNull();
    expect(age as number).toBeGreaterThanOrEqual(0);
    expect(age as number).toBeLessThanOrEqual(Date.now() - before + 5);
  });

  it("refuses a token signed with another secret", () => {
    expect(formAge(SECRET, formToken(OTHER, T), T + 5_000)).toBeNull();
  });

  it("refuses a forged signature or a moved timestamp", () => {
    const token = formToken(SECRET, T);
    const [ts, sig] = token.split(".") as [string, string];
    // A bot back-dating the form to look slow:
    expect(formAge(SECRET, `${T - 60_000}.${sig}`, T + 1_000)).toBeNull();
    // A made-up signature of the right shape:
    expect(formAge(SECRET, `${ts}.${"A".repeat(32)}`, T + 5_000)).toBeNull();
    // One character flipped:
    const flipped = (sig[0] === "A" ? "B" : "A") + sig.slice(1);
    expect(formAge(SECRET, `${ts}.${flipped}`, T + 5_000)).toBeNull();
    // Truncated / extended signatures:
    expect(formAge(SECRET, `${ts}.${sig.slice(0, 31)}`, T + 5_000)).toBeNull();
    expect(formAge(SECRET, `${ts}.${sig}A`, T + 5_000)).toBeNull();
    // The signature of the pending-ids cookie for the same digits is not a form signature:
    const pending = encodePendingIds(SECRET, [T]);
    expect(formAge(SECRET, pending, T + 5_000)).toBeNull();
  });

  it("refuses malformed strings without throwing", () => {
    const sig = formToken(SECRET, T).split(".")[1] as string;
    for (const bad of [
      "",
      ".",
      "abc",
      "1700000000000",
      "1700000000000.",
      `.${sig}`,
      `abc.${sig}`,
      `-1700000000000.${sig}`,
      `1700000000000.0.${sig}`,
      `170000000000000000.${sig}`,
      `${" 1700000000000"}.${sig}`,
      `1700000000000.${"é".repeat(16)}`, // 32 bytes, 16 characters
      `1700000000000.${"é".repeat(32)}`,
    ]) {
      expect(() => formAge(SECRET, bad, T), bad).not.toThrow();
      expect(formAge(SECRET, bad, T), bad).toBeNull();
    }
  });

  it("refuses timestamps outside 10..16 digits even when correctly signed", () => {
    expect(formAge(SECRET, formToken(SECRET, 123_456_789), 123_456_789 + 5_000)).toBeNull();
    expect(formAge(SECRET, formToken(SECRET, 1_000_000_000), 1_000_005_000)).toBe(5_000);
  });

  it("refuses non-string values (FormData.get returns File or null)", () => {
    for (const bad of [undefined, null, 1700000000000, {}, [formToken(SECRET, T)], true, new Blob(["x"])]) {
      expect(formAge(SECRET, bad, T)).toBeNull();
    }
  });
});

describe("encodePendingIds / decodePendingIds", () => {
  it("round-trips a list of ids in order", () => {
    const value = encodePendingIds(SECRET, [12, 57, 3]);
    expect(value).toMatch(/^12-57-3\.[A-Za-z0-9_-]{32}$/);
    expect(decodePendingIds(SECRET, value)).toEqual([12, 57, 3]);
  });

  it("removes duplicates", () => {
    expect(decodePendingIds(SECRET, encodePendingIds(SECRET, [3, 1, 3, 2, 1, 3]))).toEqual([3, 1, 2]);
  });

  it("keeps only the last 20 ids", () => {
    const ids = Array.from({ length: 25 }, (_, i) => i + 1);
    const decoded = decodePendingIds(SECRET, encodePendingIds(SECRET, ids));
    expect(decoded).toHaveLength(20);
    expect(decoded).toEqual(ids.slice(-20));
    expect(decodePendingIds(SECRET, encodePendingIds(SECRET, ids.slice(0, 20)))).toEqual(ids.slice(0, 20));
  });

  it("dedupes before keeping the last 20", () => {
    const ids = [...Array.from({ length: 20 }, (_, i) => i + 1), 5, 5, 21];
    expect(decodePendingIds(SECRET, encodePendingIds(SECRET, ids))).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
  });

  it("decodes an empty list, a missing cookie and an empty value to []", () => {
    expect(decodePendingIds(SECRET, encodePendingIds(SECRET, []))).toEqual([]);
    expect(decodePendingIds(SECRET, undefined)).toEqual([]);
    expect(decodePendingIds(SECRET, "")).toEqual([]);
  });

  it("refuses tampering: another id list under the same signature, or another secret", () => {
    const value = encodePendingIds(SECRET, [1, 2]);
    const sig = value.split(".")[1] as string;
    expect(decodePendingIds(SECRET, `1-3.${sig}`)).toEqual([]);
    expect(decodePendingIds(SECRET, `1-2-99.${sig}`)).toEqual([]);
    expect(decodePendingIds(SECRET, `2-1.${sig}`)).toEqual([]);
    expect(decodePendingIds(OTHER, value)).toEqual([]);
    expect(decodePendingIds(SECRET, encodePendingIds(OTHER, [1, 2]))).toEqual([]);
  });

  it("refuses a form token presented as a pending cookie (domain separation)", () => {
    expect(decodePendingIds(SECRET, formToken(SECRET, T))).toEqual([]);
  });

  it("refuses malformed values without throwing", () => {
    const sig = encodePendingIds(SECRET, [1, 2]).split(".")[1] as string;
    for (const bad of ["1-2", "1-2.", `.${sig}`, `a-b.${sig}`, `1--2.${sig}`, `-1.${sig}`, `1-2-.${sig}`, `1,2.${sig}`, "..."]) {
      expect(() => decodePendingIds(SECRET, bad), bad).not.toThrow();
      expect(decodePendingIds(SECRET, bad), bad).toEqual([]);
    }
  });
});

describe("encodeCommenter / decodeCommenter", () => {
  const key = newGuestKey();
  const jane: RememberedCommenter = { name: "Jane Doe", email: "jane@example.org", url: "https://jane.example", key };
  /** Any JSON payload, properly signed (as a cookie only the site could have written). */
  const forge = (payload: unknown) => encodeCommenter(SECRET, payload as RememberedCommenter);

  it("round-trips, unicode included", () => {
    expect(decodeCommenter(SECRET, encodeCommenter(SECRET, jane))).toEqual(jane);
    const zoe = { name: "Zoë “Z” 東京 🙂", email: "zoe@example.org", url: "", key };
    expect(decodeCommenter(SECRET, encodeCommenter(SECRET, zoe))).toEqual(zoe);
  });

  it("is cookie-safe (base64url and a dot: no '+', '/', '=' or ';')", () => {
    const value = encodeCommenter(SECRET, { name: "???>>>~~~ÿÿÿ", email: "a@b.org", url: "https://x.org/?q=1;2", key });
    expect(value).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{32}$/);
  });

  it("refuses a value that was not signed with the site's secret, or was changed", () => {
    const value = encodeCommenter(SECRET, jane);
    expect(decodeCommenter(OTHER, value)).toBeNull();
    const [payload, sig] = value.split(".") as [string, string];
    const edited = Buffer.from(JSON.stringify({ ...jane, email: "boss@example.org" })).toString("base64url");
    expect(decodeCommenter(SECRET, `${edited}.${sig}`)).toBeNull();
    expect(decodeCommenter(SECRET, payload)).toBeNull();
    // The remember-me cookie of the old format (unsigned JSON) is forgotten.
    expect(decodeCommenter(SECRET, Buffer.from(JSON.stringify(jane)).toString("base64url"))).toBeNull();
  });

  it("defaults a missing or non-string url to '' and drops unknown fields", () => {
    expect(decodeCommenter(SECRET, forge({ name: "A", email: "a@b.org", key }))).toEqual({ name: "A", email: "a@b.org", url: "", key });
    expect(decodeCommenter(SECRET, forge({ name: "A", email: "a@b.org", url: 42, key }))).toEqual({
      name: "A",
      email: "a@b.org",
      url: "",
      key,
    });
    expect(decodeCommenter(SECRET, forge({ ...jane, admin: true }))).toEqual(jane);
  });

  it("caps the fields at 100 / 254 / 200 characters", () => {
    const long = { name: "n".repeat(300), email: "e".repeat(300), url: "u".repeat(300), key };
    expect(decodeCommenter(SECRET, encodeCommenter(SECRET, long))).toEqual({
      name: "n".repeat(100),
      email: "e".repeat(254),
      url: "u".repeat(200),
      key,
    });
  });

  it("returns null for a missing, empty or oversized value", () => {
    expect(decodeCommenter(SECRET, undefined)).toBeNull();
    expect(decodeCommenter(SECRET, "")).toBeNull();
    const huge = encodeCommenter(SECRET, { name: "x".repeat(1600), email: "a@b.org", url: "", key });
    expect(huge.length).toBeGreaterThan(2000);
    expect(decodeCommenter(SECRET, huge)).toBeNull();
  });

  it("returns null for signed garbage without throwing (no key, a malformed key, wrong types)", () => {
    for (const bad of [
      { name: "A", email: "a@b.org" },
      { name: "A", email: "a@b.org", key: "short" },
      { name: "A", email: "a@b.org", key: "has spaces in it !!!!" },
      { name: 1, email: "a@b.org", key },
      { name: "A", email: null, key },
    ]) {
      const value = forge(bad);
      expect(() => decodeCommenter(SECRET, value), JSON.stringify(bad)).not.toThrow();
      expect(decodeCommenter(SECRET, value), JSON.stringify(bad)).toBeNull();
    }
    for (const bad of ["!!!not base64!!!.x", "%%%", ".", "a.b.c"]) {
      expect(() => decodeCommenter(SECRET, bad), bad).not.toThrow();
      expect(decodeCommenter(SECRET, bad), bad).toBeNull();
    }
  });
});

describe("guest browser keys", () => {
  it("are random, URL-safe and hashed with the secret before they are stored", () => {
    const a = newGuestKey();
    const b = newGuestKey();
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(guestKeyHash(SECRET, a)).toBe(guestKeyHash(SECRET, a));
    expect(guestKeyHash(SECRET, a)).not.toBe(guestKeyHash(SECRET, b));
    expect(guestKeyHash(SECRET, a)).not.toBe(guestKeyHash(OTHER, a));
    expect(guestKeyHash(SECRET, a)).not.toContain(a);
  });
});

describe("formTiming", () => {
  const limits = { minFillMs: 3_000, maxAgeMs: 24 * 3_600_000 };
  it("says whether a form was filled in like a person, too fast, too long ago, or forged", () => {
    const token = formToken(SECRET, T);
    expect(formTiming(SECRET, token, limits, T + 10_000)).toBe("ok");
    expect(formTiming(SECRET, token, limits, T + 1_000)).toBe("too-fast");
    expect(formTiming(SECRET, token, limits, T + 24 * 3_600_000)).toBe("ok");
    expect(formTiming(SECRET, token, limits, T + 24 * 3_600_000 + 1)).toBe("expired");
    expect(formTiming(SECRET, formToken(OTHER, T), limits, T + 10_000)).toBe("forged");
    expect(formTiming(SECRET, undefined, limits, T)).toBe("forged");
    // Dated well in the future: forged (a little clock skew between instances is tolerated).
    expect(formTiming(SECRET, formToken(SECRET, T + 120_000), limits, T)).toBe("forged");
    expect(formTiming(SECRET, formToken(SECRET, T + 5_000), limits, T)).toBe("too-fast");
  });
});
