import { describe, expect, it } from "vitest";
import { ModerateFormSchema, QueueParamsSchema } from "@/lib/moderation/schema";
import {
  approvedDelta,
  MODERATION_OPS,
  nextStatus,
  opsForTab,
  outcomeMessage,
  QUEUE_STATUSES,
} from "@/lib/moderation/transitions";

describe("nextStatus", () => {
  it("maps every action from every status", () => {
    const table = Object.fromEntries(
      MODERATION_OPS.map((op) => [
        op,
        Object.fromEntries([...QUEUE_STATUSES, "DELETED" as const].map((s) => [s, nextStatus(op, s)])),
      ]),
    );
    expect(table).toEqual({
      approve: { PENDING: "APPROVED", APPROVED: null, SPAM: "APPROVED", TRASH: "APPROVED", DELETED: null },
      unapprove: { PENDING: null, APPROVED: "PENDING", SPAM: null, TRASH: null, DELETED: null },
      spam: { PENDING: "SPAM", APPROVED: "SPAM", SPAM: null, TRASH: "SPAM", DELETED: null },
      trash: { PENDING: "TRASH", APPROVED: "TRASH", SPAM: "TRASH", TRASH: null, DELETED: null },
      restore: { PENDING: null, APPROVED: null, SPAM: "PENDING", TRASH: "PENDING", DELETED: null },
      delete: { PENDING: null, APPROVED: null, SPAM: null, TRASH: "gone", DELETED: null },
    });
  });

  it("never touches a comment its writer deleted", () => {
    for (const op of MODERATION_OPS) expect(nextStatus(op, "DELETED")).toBeNull();
  });
});

describe("approvedDelta", () => {
  it("counts only moves into and out of Approved", () => {
    expect(approvedDelta("PENDING", "APPROVED")).toBe(1);
    expect(approvedDelta("APPROVED", "SPAM")).toBe(-1);
    expect(approvedDelta("APPROVED", "DELETED")).toBe(-1);
    expect(approvedDelta("SPAM", "TRASH")).toBe(0);
    expect(approvedDelta("TRASH", "gone")).toBe(0);
  });
});

describe("opsForTab", () => {
  it("offers only actions that apply to the tab's status", () => {
    for (const s of QUEUE_STATUSES) for (const op of opsForTab(s)) expect(nextStatus(op, s), `${op} on ${s}`).not.toBeNull();
  });
  it("offers permanent deletion in the Trash only", () => {
    expect(QUEUE_STATUSES.filter((s) => opsForTab(s).includes("delete"))).toEqual(["TRASH"]);
  });
});

describe("outcomeMessage", () => {
  it("says what changed and what was left alone", () => {
    expect(outcomeMessage("approve", 1, 0)).toBe("1 comment approved.");
    expect(outcomeMessage("spam", 2, 1)).toBe(
      "2 comments marked as spam. 1 comment was left as it was (already moved, or not applicable).",
    );
  });
});

describe("ModerateFormSchema", () => {
  it("says what was wrong with a request no button sends", () => {
    const message = (input: unknown) => ModerateFormSchema.safeParse(input).error?.issues[0]?.message;
    expect(message({ op: new File(["x"], "x"), ids: [] })).toBe("Unknown action.");
    expect(message({ op: "bulk", bulkAction: new File(["x"], "x"), ids: ["1"] })).toBe("Choose an action to apply.");
    expect(message({ op: "bulk", bulkAction: "spam", ids: ["1", "1e3"] })).toBe("That is not a comment.");
  });
  it("reads a comment's own button", () => {
    expect(ModerateFormSchema.parse({ op: "approve:12", ids: [] })).toEqual({ op: "approve", ids: [12] });
  });
  it("reads the bulk form", () => {
    expect(ModerateFormSchema.parse({ op: "bulk", bulkAction: "spam", ids: ["3", "4"] })).toEqual({ op: "spam", ids: [3, 4] });
  });
  it("refuses a bulk apply without an action or without comments", () => {
    expect(ModerateFormSchema.safeParse({ op: "bulk", bulkAction: "", ids: ["3"] }).success).toBe(false);
    expect(ModerateFormSchema.safeParse({ op: "bulk", bulkAction: "trash", ids: [] }).success).toBe(false);
  });
  it("refuses unknown actions and malformed ids", () => {
    for (const input of [
      { op: "publish:1", ids: [] },
      { op: "approve:abc", ids: [] },
      { op: "approve:-1", ids: [] },
      { op: "approve", ids: [] },
      { op: "bulk", bulkAction: "approve", ids: ["1", "x"] },
      { op: "bulk", bulkAction: "approve", ids: ["1.5"] },
      { op: "approve:1e3", ids: [] },
      { op: "approve:0x10", ids: [] },
      { op: "approve:2147483648", ids: [] },
      { op: "bulk", bulkAction: "approve", ids: ["1", "99999999999999999999"] },
      { op: "bulk", bulkAction: "approve", ids: ["1", " 2"] },
    ]) {
      expect(ModerateFormSchema.safeParse(input).success, JSON.stringify(input)).toBe(false);
    }
  });
  it("bounds the number of comments in one request", () => {
    const ids = Array.from({ length: 201 }, (_, i) => String(i + 1));
    expect(ModerateFormSchema.safeParse({ op: "bulk", bulkAction: "approve", ids }).success).toBe(false);
  });
});

describe("QueueParamsSchema", () => {
  it("reads the tab, page and essay, falling back to Pending, page 1", () => {
    expect(QueueParamsSchema.parse({ status: "spam", page: "3", post: "abc" })).toEqual({ status: "SPAM", page: 3, post: "abc" });
    expect(QueueParamsSchema.parse({ status: "DELETED", page: "-2", post: "" })).toEqual({ status: "PENDING", page: 1 });
    expect(QueueParamsSchema.parse({})).toEqual({ status: "PENDING", page: 1 });
  });

  it("ignores page numbers and essay ids no link makes", () => {
    for (const page of ["1e3", "0x10", "99999999999999999999", "1.5"])
      expect(QueueParamsSchema.parse({ page }).page, page).toBe(1);
    expect(QueueParamsSchema.parse({ post: "a\u0000b" }).post).toBeUndefined();
    expect(QueueParamsSchema.parse({ post: "p".repeat(65) }).post).toBeUndefined();
  });
});
