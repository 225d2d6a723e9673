import { describe, expect, it } from "vitest";
import { isKnownDevice, KNOWN_DEVICE_MAX_ACCOUNTS, rememberDevice } from "@/lib/auth/known-device";

const SECRET = "test-secret-0123456789abcdef";
const OTHER = "another-secret-fedcba9876543210";

describe("known-device cookie", () => {
  it("remembers the accounts that signed in from this browser, newest first", () => {
    const one = rememberDevice(SECRET, undefined, "user-1");
    expect(isKnownDevice(SECRET, one, "user-1")).toBe(true);
    expect(isKnownDevice(SECRET, one, "user-2")).toBe(false);
    const two = rememberDevice(SECRET, one, "user-2");
    expect(isKnownDevice(SECRET, two, "user-1")).toBe(true);
    expect(isKnownDevice(SECRET, two, "user-2")).toBe(true);
    expect(rememberDevice(SECRET, two, "user-2")).toBe(two);
  });

  it("keeps at most a few accounts, dropping the oldest", () => {
    let value: string | undefined;
    for (let i = 0; i <= KNOWN_DEVICE_MAX_ACCOUNTS; i++) value = rememberDevice(SECRET, value, `user-${i}`);
    expect(isKnownDevice(SECRET, value, "user-0")).toBe(false);
    expect(isKnownDevice(SECRET, value, `user-${KNOWN_DEVICE_MAX_ACCOUNTS}`)).toBe(true);
    expect(value!.length).toBeLessThan(200);
  });

  it("cannot be forged, edited or carried to another site", () => {
    const value = rememberDevice(SECRET, undefined, "user-1");
    expect(isKnownDevice(OTHER, value, "user-1")).toBe(false);
    const [list, sig] = value.split(".") as [string, string];
    const other = rememberDevice(SECRET, undefined, "user-2").split(".")[0];
    expect(isKnownDevice(SECRET, `${list}~${other}.${sig}`, "user-2")).toBe(false);
    for (const bad of [undefined, "", ".", "x", `${list}.`, `.${sig}`, "a".repeat(500)]) {
      expect(isKnownDevice(SECRET, bad, "user-1"), String(bad)).toBe(false);
      expect(() => rememberDevice(SECRET, bad, "user-1")).not.toThrow();
    }
    // The cookie names no account in the clear.
    expect(value).not.toContain("user-1");
  });
});
