import { describe, expect, it } from "vitest";
import { batchDueAt, moderationRecipient, replyRecipient, retryDelayMs, type ReplyFacts } from "@/lib/notify/plan";
import { readUnsubscribeToken, unsubscribeToken } from "@/lib/notify/tokens";
import { excerptOf, moderationMail, replyMail } from "@/lib/notify/mails";

const now = new Date("2026-12-05T10:00:00Z");
const base: ReplyFacts = {
  replyStatus: "APPROVED",
  replyAuthorId: "u2",
  replyEmail: "rex@example.org",
  parentStatus: "APPROVED",
  parentAuthorId: "u1",
  parentGuestEmail: null,
  parentGuestNotify: false,
  parentUser: { email: "Rita@Example.org", notifyReplies: true, bannedUntil: null },
};

describe("replyRecipient", () => {
  it("tells the parent's account, by its lower-cased address", () => {
    expect(replyRecipient(base, now)).toEqual({ email: "rita@example.org", userId: "u1" });
  });
  it("tells nobody for a reply or parent that is not approved (held, deleted, trashed)", () => {
    expect(replyRecipient({ ...base, replyStatus: "PENDING" }, now)).toBeNull();
    expect(replyRecipient({ ...base, parentStatus: "DELETED" }, now)).toBeNull();
    expect(replyRecipient({ ...base, parentStatus: "TRASH" }, now)).toBeNull();
  });
  it("never for one's own reply, a banned account, or an account that turned replies off", () => {
    expect(replyRecipient({ ...base, replyAuthorId: "u1" }, now)).toBeNull();
    expect(replyRecipient({ ...base, replyAuthorId: null, replyEmail: "RITA@example.org" }, now)).toBeNull();
    expect(replyRecipient({ ...base, parentUser: { ...base.parentUser!, bannedUntil: new Date("2026-12-06") } }, now)).toBeNull();
    expect(
      replyRecipient({ ...base, parentUser: { ...base.parentUser!, bannedUntil: new Date("2026-12-04") } }, now),
    ).not.toBeNull();
    expect(replyRecipient({ ...base, parentUser: { ...base.parentUser!, notifyReplies: false } }, now)).toBeNull();
  });
  it("a guest only when they ticked the box", () => {
    const guest = { ...base, parentAuthorId: null, parentUser: null, parentGuestEmail: "Gus@example.org" };
    expect(replyRecipient(guest, now)).toBeNull();
    expect(replyRecipient({ ...guest, parentGuestNotify: true }, now)).toEqual({ email: "gus@example.org", userId: null });
    expect(replyRecipient({ ...guest, parentGuestNotify: true, replyEmail: "gus@EXAMPLE.org" }, now)).toBeNull();
  });
});

describe("moderationRecipient", () => {
  const held = {
    status: "PENDING",
    commentAuthorId: null,
    postAuthorId: "a1",
    author: { email: "Ann@example.org", role: "AUTHOR", notifyModeration: true, bannedUntil: null },
  };
  it("tells the essay's author about a held comment, unless they turned it off or it is theirs", () => {
    expect(moderationRecipient(held, now)).toEqual({ email: "ann@example.org", userId: "a1" });
    expect(moderationRecipient({ ...held, status: "APPROVED" }, now)).toBeNull();
    expect(moderationRecipient({ ...held, commentAuthorId: "a1" }, now)).toBeNull();
    expect(moderationRecipient({ ...held, author: { ...held.author, notifyModeration: false } }, now)).toBeNull();
    expect(moderationRecipient({ ...held, author: { ...held.author, role: "READER" } }, now)).toBeNull();
  });
});

describe("batchDueAt and retryDelayMs", () => {
  it("is due now with no recent mail, at the window's end within it", () => {
    expect(batchDueAt(now, null, 600_000)).toEqual(now);
    expect(batchDueAt(now, new Date(now.getTime() - 700_000), 600_000)).toEqual(now);
    expect(batchDueAt(now, new Date(now.getTime() - 60_000), 600_000)).toEqual(new Date(now.getTime() + 540_000));
  });
  it("doubles the wait after each failure, up to the cap, and never gives up", () => {
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, 30_000, 3_600_000))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(50, 30_000, 3_600_000)).toBe(3_600_000);
  });
});

describe("unsubscribe tokens", () => {
  const secret = "a-secret-of-at-least-16";
  it("round-trip the kind and the lower-cased address", () => {
    const token = unsubscribeToken(secret, { kind: "replies", email: "Rita@Example.org" });
    expect(readUnsubscribeToken(secret, token)).toEqual({ kind: "replies", email: "rita@example.org" });
    expect(readUnsubscribeToken(secret, unsubscribeToken(secret, { kind: "moderation", email: "a@b.c" }))?.kind).toBe(
      "moderation",
    );
  });
  it("refuse forged, tampered, or foreign tokens", () => {
    const token = unsubscribeToken(secret, { kind: "replies", email: "rita@example.org" });
    const [, sig] = token.split(".");
    const other = Buffer.from("replies:victim@example.org").toString("base64url");
    expect(readUnsubscribeToken(secret, `${other}.${sig}`)).toBeNull();
    expect(readUnsubscribeToken("another-secret-0123456", token)).toBeNull();
    expect(readUnsubscribeToken(secret, "")).toBeNull();
    expect(readUnsubscribeToken(secret, null)).toBeNull();
    expect(readUnsubscribeToken(secret, `${token}.x`)).toBeNull();
    const badKind = Buffer.from("posts:rita@example.org").toString("base64url");
    expect(readUnsubscribeToken(secret, `${badKind}.${token.split(".")[1]}`)).toBeNull();
  });
});

describe("notification mails", () => {
  const input = {
    siteTitle: "Hearth",
    postTitle: "On <fires>",
    comments: [
      { writer: "Rex <b>", excerpt: "First", url: "https://x.test/comments/1" },
      { writer: "Gus", excerpt: "Second", url: "https://x.test/comments/2" },
    ],
    queueUrl: "https://x.test/dashboard/comments?status=pending",
    unsubscribeUrl: "https://x.test/unsubscribe?token=abc.def",
  };
  it("lists every reply with its link, and the unsubscribe link; HTML is escaped", () => {
    const mail = replyMail(input);
    expect(mail.subject).toBe("2 new replies to your comment on “On <fires>”");
    expect(mail.text).toContain("https://x.test/comments/1");
    expect(mail.text).toContain("https://x.test/comments/2");
    expect(mail.text).toContain("https://x.test/unsubscribe?token=abc.def");
    expect(mail.html).toContain("Rex &lt;b&gt;");
    expect(mail.html).not.toContain("<fires>");
    expect(replyMail({ ...input, comments: input.comments.slice(0, 1) }).subject).toBe(
      "New reply to your comment on “On <fires>”",
    );
  });
  it("tells an author where to moderate", () => {
    const mail = moderationMail({ ...input, comments: input.comments.slice(0, 1) });
    expect(mail.subject).toBe("New comment awaiting moderation on “On <fires>”");
    expect(mail.text).toContain("Moderate: https://x.test/dashboard/comments?status=pending");
  });
  it("shortens long comments", () => {
    expect(excerptOf("a  b\n\nc")).toBe("a b c");
    expect(excerptOf("x".repeat(400), 10)).toBe(`${"x".repeat(9)}…`);
  });
});
