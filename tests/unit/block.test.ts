import { describe, expect, it } from "vitest";
import { blockEnds, blockedLabel, blockedMessage, BlockFormSchema, FOREVER, isForever } from "@/lib/users/block";
import { isBanned } from "@/lib/auth/permissions";

const now = new Date("2026-12-05T10:00:00.000Z");

describe("block durations", () => {
  it("ends a day, a week and a month (30 days) later, or never", () => {
    expect(blockEnds("day", now).toISOString()).toBe("2026-12-06T10:00:00.000Z");
    expect(blockEnds("week", now).toISOString()).toBe("2026-12-12T10:00:00.000Z");
    expect(blockEnds("month", now).toISOString()).toBe("2027-01-04T10:00:00.000Z");
    expect(blockEnds("forever", now)).toEqual(FOREVER);
    expect(isForever(blockEnds("forever", now))).toBe(true);
    expect(isForever(blockEnds("month", now))).toBe(false);
  });

  it("is a ban while it lasts, and not after", () => {
    const until = blockEnds("day", now);
    expect(isBanned({ bannedUntil: until }, now)).toBe(true);
    expect(isBanned({ bannedUntil: until }, new Date(until.getTime() + 1))).toBe(false);
    expect(isBanned({ bannedUntil: FOREVER.toISOString() }, now)).toBe(true);
  });
});

describe("what a blocked person reads", () => {
  it("names the date the block ends, or says it does not end", () => {
    expect(blockedMessage(blockEnds("day", now))).toBe("You can’t comment until 6 December 2026 at 10:00 UTC.");
    expect(blockedMessage(FOREVER, "like comments")).toBe("You can’t like comments: your account is blocked.");
    expect(blockedLabel(FOREVER)).toBe("Blocked");
    expect(blockedLabel("2026-12-06T10:00:00.000Z")).toBe("Blocked until 6 December 2026 at 10:00 UTC");
  });
});

describe("the block form", () => {
  it("takes block with a duration, or unblock", () => {
    expect(BlockFormSchema.parse({ op: "block", userId: "abc123", duration: "week" })).toEqual({
      op: "block",
      userId: "abc123",
      duration: "week",
    });
    expect(BlockFormSchema.parse({ op: "unblock", userId: "abc123" })).toEqual({ op: "unblock", userId: "abc123" });
  });

  it("refuses an unknown duration next to the field, and odd ids or actions", () => {
    const r = BlockFormSchema.safeParse({ op: "block", userId: "abc123", duration: "year" });
    expect(r.error?.issues[0]?.path).toEqual(["duration"]);
    expect(r.error?.issues[0]?.message).toBe("Choose how long the block lasts.");
    expect(BlockFormSchema.safeParse({ op: "block", userId: "a b", duration: "day" }).success).toBe(false);
    expect(BlockFormSchema.safeParse({ op: "ban", userId: "abc123" }).success).toBe(false);
  });
});
