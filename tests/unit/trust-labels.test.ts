import { describe, expect, it } from "vitest";
import { othersLabel } from "@/lib/comments/views";
import { seesEditHistory } from "@/lib/comments/history";
import { AUDIT_ACTION_LABEL, AUDIT_ACTIONS, auditJson, isAuditAction } from "@/lib/audit/actions";
import { MODERATION_OPS } from "@/lib/moderation/transitions";

describe("likes by people who hide their names", () => {
  it("reads “and N others” after names, “N people” alone", () => {
    expect(othersLabel(1, true)).toBe("and 1 other");
    expect(othersLabel(3, true)).toBe("and 3 others");
    expect(othersLabel(1, false)).toBe("1 person");
    expect(othersLabel(1200, false)).toBe("1,200 people");
  });
});

describe("who sees a comment's earlier versions", () => {
  it("is the essay's author and admins, nobody else", () => {
    expect(seesEditHistory({ id: "a", role: "AUTHOR" }, "a")).toBe(true);
    expect(seesEditHistory({ id: "x", role: "ADMIN" }, "a")).toBe(true);
    expect(seesEditHistory({ id: "b", role: "AUTHOR" }, "a")).toBe(false);
    expect(seesEditHistory({ id: "r", role: "READER" }, "a")).toBe(false);
    expect(seesEditHistory(null, "a")).toBe(false);
  });
});

describe("audit actions", () => {
  it("cover every moderation op, each with a label", () => {
    for (const op of MODERATION_OPS) expect(isAuditAction(`comment.${op}`)).toBe(true);
    for (const a of AUDIT_ACTIONS) expect(AUDIT_ACTION_LABEL[a]).toBeTruthy();
    expect(isAuditAction("comment.explode")).toBe(false);
  });

  it("store before/after as JSON, or nothing", () => {
    expect(auditJson({ status: "APPROVED" })).toBe('{"status":"APPROVED"}');
    expect(auditJson(null)).toBeNull();
    expect(auditJson(undefined)).toBeNull();
  });
});
