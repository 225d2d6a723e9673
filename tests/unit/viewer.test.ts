import { describe, expect, it } from "vitest";
import { GUEST_COOKIE_NAMES, isSessionCookie, isViewerRequest, SESSION_COOKIE_NAMES, VIEWER_PARAMS } from "@/lib/auth/viewer";

const viewer = (cookieNames: string[], query = "") => isViewerRequest({ cookieNames, searchParams: new URLSearchParams(query) });

describe("who is a viewer (lib/auth/viewer.ts)", () => {
  it("counts the session cookie, plain, secure and in chunks", () => {
    for (const name of SESSION_COOKIE_NAMES) {
      expect(isSessionCookie(name)).toBe(true);
      expect(isSessionCookie(`${name}.0`)).toBe(true);
      expect(isSessionCookie(`${name}.12`)).toBe(true);
      expect(isSessionCookie(`${name}.x`)).toBe(false);
      expect(isSessionCookie(`${name}x`)).toBe(false);
    }
    expect(viewer(["authjs.session-token.1"])).toBe(true);
  });

  it("counts a guest's own cookies and the viewer parameters", () => {
    for (const name of GUEST_COOKIE_NAMES) expect(viewer([name])).toBe(true);
    for (const param of VIEWER_PARAMS) expect(viewer([], `${param}=1`)).toBe(true);
  });

  it("does not count other cookies or parameters: those readers share the anonymous page", () => {
    expect(viewer([])).toBe(false);
    expect(viewer(["authjs.csrf-token", "authjs.callback-url", "theme"], "utm_source=feed&page=2")).toBe(false);
  });
});
