import { describe, expect, it } from "vitest";
import { ReportOpSchema, ReportSchema, reportOutcome, REPORT_NOTE_MAX } from "@/lib/reports/schema";

describe("the report form", () => {
  it("takes a reason and a note, both optional", () => {
    expect(ReportSchema.parse({ commentId: "12", reason: "spam", note: "  casino links \r\n" })).toEqual({
      commentId: 12,
      reason: "spam",
      note: "casino links",
    });
    expect(ReportSchema.parse({ commentId: "12" })).toEqual({ commentId: 12, reason: "", note: "" });
  });

  it("refuses a reason that is not one of the four, next to the field", () => {
    const r = ReportSchema.safeParse({ commentId: "12", reason: "boring" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(["reason"]);
    expect(r.error?.issues[0]?.message).toBe("Choose one of the reasons.");
  });

  it("keeps the note to 500 characters", () => {
    expect(ReportSchema.safeParse({ commentId: "1", note: "x".repeat(REPORT_NOTE_MAX) }).success).toBe(true);
    const r = ReportSchema.safeParse({ commentId: "1", note: "x".repeat(REPORT_NOTE_MAX + 1) });
    expect(r.error?.issues[0]?.message).toBe("Keep the note under 500 characters.");
  });

  it("refuses a comment id that is not one", () => {
    for (const commentId of ["", "0", "-1", "1e3", "abc", "99999999999"]) {
      expect(ReportSchema.safeParse({ commentId }).success).toBe(false);
    }
  });
});

describe("the Reports tab's buttons", () => {
  it("reads <action>:<comment id>", () => {
    expect(ReportOpSchema.parse("dismiss:7")).toEqual({ op: "dismiss", commentId: 7 });
    expect(ReportOpSchema.parse("trash:8")).toEqual({ op: "trash", commentId: 8 });
    for (const bad of ["approve:7", "dismiss", "dismiss:x", "spam:7:8", ""])
      expect(ReportOpSchema.safeParse(bad).success).toBe(false);
  });

  it("says what happened", () => {
    expect(reportOutcome("dismiss", 2)).toBe("2 reports dismissed; the comment stays as it is.");
    expect(reportOutcome("spam", 1)).toBe("Comment marked as spam; 1 report closed.");
  });
});
