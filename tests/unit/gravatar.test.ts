import { describe, expect, it } from "vitest";
import { gravatarUrl, resolveAvatar } from "../../lib/users/gravatar";

describe("avatars", () => {
  it("uses an uploaded picture first", () => {
    expect(resolveAvatar("/uploads/avatars/a.png", "x@example.org", true)).toBe("/uploads/avatars/a.png");
  });

  it("never points at Gravatar unless the site enables it", () => {
    expect(resolveAvatar(null, "x@example.org", false)).toBeNull();
    expect(resolveAvatar(undefined, undefined, true)).toBeNull();
  });

  it("hashes the trimmed, lower-cased address as Gravatar expects", () => {
    // md5("myemailaddress@example.com"), Gravatar's documented example.
    expect(gravatarUrl(" MyEmailAddress@example.com ")).toBe(
      "https://www.gravatar.com/avatar/0bc83cb571cd1c50ba6f3e8a78ef1346?s=160&d=identicon",
    );
    expect(resolveAvatar(null, "MyEmailAddress@example.com", true)).toContain("0bc83cb571cd1c50ba6f3e8a78ef1346");
  });
});
