import { describe, expect, it } from "vitest";
import {
  displayStatus,
  isPublicAt,
  parseLocalDateTime,
  parseStatusFilter,
  statusLabel,
  statusWhere,
  toLocalDateTimeValue,
} from "@/lib/posts/status";

const now = new Date("2026-03-01T12:00:00Z");
const past = new Date("2026-02-28T12:00:00Z");
const future = new Date("2026-03-01T12:01:00Z");

describe("displayStatus", () => {
  it("calls drafts drafts, whatever their date", () => {
    expect(displayStatus({ status: "DRAFT", publishedAt: null }, now)).toBe("draft");
    expect(displayStatus({ status: "DRAFT", publishedAt: past }, now)).toBe("draft");
  });

  it("calls a publishing state without a date a draft (nobody can see it)", () => {
    expect(displayStatus({ status: "PUBLISHED", publishedAt: null }, now)).toBe("draft");
    expect(displayStatus({ status: "SCHEDULED", publishedAt: null }, now)).toBe("draft");
  });

  it("is scheduled while the time is in the future, for SCHEDULED and PUBLISHED alike", () => {
    expect(displayStatus({ status: "SCHEDULED", publishedAt: future }, now)).toBe("scheduled");
    expect(displayStatus({ status: "PUBLISHED", publishedAt: future }, now)).toBe("scheduled");
  });

  it("is published once the time has come (the very instant included)", () => {
    expect(displayStatus({ status: "SCHEDULED", publishedAt: past }, now)).toBe("published");
    expect(displayStatus({ status: "PUBLISHED", publishedAt: now }, now)).toBe("published");
    expect(displayStatus({ status: "SCHEDULED", publishedAt: now.toISOString() }, now)).toBe("published");
  });

  it("changes from scheduled to published as time passes, with no write", () => {
    const post = { status: "SCHEDULED" as const, publishedAt: future };
    expect(isPublicAt(post, now)).toBe(false);
    expect(isPublicAt(post, new Date(future.getTime() - 1))).toBe(false);
    expect(isPublicAt(post, future)).toBe(true);
  });
});

describe("status labels and filters", () => {
  it("labels each state", () => {
    expect(statusLabel("draft")).toBe("Draft");
    expect(statusLabel("scheduled")).toBe("Scheduled");
    expect(statusLabel("published")).toBe("Published");
  });

  it("reads a filter from the query and falls back to all", () => {
    expect(parseStatusFilter("draft")).toBe("draft");
    expect(parseStatusFilter("scheduled")).toBe("scheduled");
    expect(parseStatusFilter("PUBLISHED")).toBe("all");
    expect(parseStatusFilter("__proto__")).toBe("all");
    expect(parseStatusFilter(undefined)).toBe("all");
  });

  it("builds where clauses that mirror displayStatus", () => {
    expect(statusWhere("all", now)).toEqual({});
    expect(statusWhere("draft", now)).toEqual({ OR: [{ status: "DRAFT" }, { publishedAt: null }] });
    expect(statusWhere("scheduled", now)).toEqual({ status: { in: ["SCHEDULED", "PUBLISHED"] }, publishedAt: { gt: now } });
    expect(statusWhere("published", now)).toEqual({ status: { in: ["SCHEDULED", "PUBLISHED"] }, publishedAt: { lte: now } });
  });
});

describe("parseLocalDateTime", () => {
  it("reads a datetime-local value as UTC without an offset", () => {
    expect(parseLocalDateTime("2026-05-01T14:30")?.toISOString()).toBe("2026-05-01T14:30:00.000Z");
    expect(parseLocalDateTime("2026-05-01T14:30:15")?.toISOString()).toBe("2026-05-01T14:30:15.000Z");
  });

  it("applies the browser's offset (getTimezoneOffset: UTC minus local)", () => {
    // 14:30 in UTC+2 is 12:30 UTC; 14:30 in New York winter (UTC-5) is 19:30 UTC.
    expect(parseLocalDateTime("2026-05-01T14:30", -120)?.toISOString()).toBe("2026-05-01T12:30:00.000Z");
    expect(parseLocalDateTime("2026-01-10T14:30", 300)?.toISOString()).toBe("2026-01-10T19:30:00.000Z");
    expect(parseLocalDateTime("2026-01-10T14:30", -330)?.toISOString()).toBe("2026-01-10T09:00:00.000Z");
  });

  it("refuses what is not a real date and time", () => {
    expect(parseLocalDateTime("")).toBeNull();
    expect(parseLocalDateTime("tomorrow")).toBeNull();
    expect(parseLocalDateTime("2026-02-31T10:00")).toBeNull();
    expect(parseLocalDateTime("2026-02-10T25:00")).toBeNull();
    expect(parseLocalDateTime("2026-02-10 10:00")).toBeNull();
    expect(parseLocalDateTime("2026-02-10T10:00", 24 * 60)).toBeNull();
  });

  it("round-trips with toLocalDateTimeValue", () => {
    const at = new Date("2026-07-04T08:05:00Z");
    expect(toLocalDateTimeValue(at)).toBe("2026-07-04T08:05");
    expect(toLocalDateTimeValue(at, -120)).toBe("2026-07-04T10:05");
    expect(parseLocalDateTime(toLocalDateTimeValue(at, -120), -120)?.toISOString()).toBe(at.toISOString());
  });
});
