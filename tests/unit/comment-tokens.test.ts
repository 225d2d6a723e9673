import { describe, expect, it } from "vitest";
import {
  decodeCommenter,
  decodePendingIds,
  encodeCommenter,
  encodePendingIds,
  formAge,
  formToken,
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
  const jane: RememberedCommenter = { name: "Jane Doe", email: "jane@example.org", url: "https://jane.example" };

  it("round-trips, unicode included", () => {
    expect(decodeCommenter(encodeCommenter(jane))).toEqual(jane);
    const zoe = { name: "Zoë “Z” 東京 🙂", email: "zoe@example.org", url: "" };
    expect(decodeCommenter(encodeCommenter(zoe))).toEqual(zoe);
  });

  it("encodes to base64url (cookie-safe: no '+', '/', '=' or ';')", () => {
    const value = encodeCommenter({ name: "???>>>~~~ÿÿÿ", email: "a@b.org", url: "https://x.org/?q=1;2" });
    expect(value).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it("defaults a missing or non-string url to ''", () => {
    const enc = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
    expect(decodeCommenter(enc({ name: "A", email: "a@b.org" }))).toEqual({ name: "A", email: "a@b.org", url: "" });
    expect(decodeCommenter(enc({ name: "A", email: "a@b.org", url: 42 }))).toEqual({ name: "A", email: "a@b.org", url: "" });
  });

  it("drops unknown fields", () => {
    const enc = Buffer.from(JSON.stringify({ ...jane, admin: true })).toString("base64url");
    expect(decodeCommenter(enc)).toEqual(jane);
  });

  it("caps the fields at 100 / 254 / 200 characters", () => {
    const long = { name: "n".repeat(300), email: "e".repeat(300), url: "u".repeat(300) };
    // 900 characters of JSON → 1,200+ characters of base64, under the 2,000 limit.
    const decoded = decodeCommenter(encodeCommenter(long));
    expect(decoded).toEqual({ name: "n".repeat(100), email: "e".repeat(254), url: "u".repeat(200) });
  });

  it("returns null for a missing, empty or oversized value", () => {
    expect(decodeCommenter(undefined)).toBeNull();
    expect(decodeCommenter("")).toBeNull();
    const huge = encodeCommenter({ name: "x".repeat(1600), email: "a@b.org", url: "" });
    expect(huge.length).toBeGreaterThan(2000);
    expect(decodeCommenter(huge)).toBeNull();
    expect(decodeCommenter("A".repeat(2001))).toBeNull();
  });

  it("returns null for garbage without throwing", () => {
    const enc = (s: string) => Buffer.from(s).toString("base64url");
    for (const bad of [
      "!!!not base64!!!",
      "%%%",
      enc("not json"),
      enc("null"),
      enc("42"),
      enc('"a string"'),
      enc("[1,2]"),
      enc("{}"),
      enc('{"name":"A"}'),
      enc('{"email":"a@b.org"}'),
      enc('{"name":1,"email":"a@b.org"}'),
      enc('{"name":"A","email":null}'),
      enc("{"),
    ]) {
      expect(() => decodeCommenter(bad), bad).not.toThrow();
      expect(decodeCommenter(bad), bad).toBeNull();
    }
  });
});
