import { describe, expect, it } from "vitest";
import {
  dueBetween,
  FIRE_MARGIN_MS,
  MAX_TIMER_MS,
  nextDueTime,
  planTimer,
  upcoming,
} from "@/lib/posts/schedule-plan";

const now = new Date("2026-03-01T12:00:00Z");
const at = (ms: number) => new Date(now.getTime() + ms);

describe("planTimer", () => {
  it("fires just after the publication time", () => {
    expect(planTimer(at(60_000), now)).toEqual({ kind: "fire", delayMs: 60_000 + FIRE_MARGIN_MS });
  });

  it("is due at once for a time that has passed", () => {
    expect(planTimer(at(-1), now)).toEqual({ kind: "fire", delayMs: FIRE_MARGIN_MS - 1 });
    expect(planTimer(at(-FIRE_MARGIN_MS), now)).toEqual({ kind: "due" });
    expect(planTimer(at(-86_400_000), now)).toEqual({ kind: "due" });
  });

  it("re-arms for dates beyond what one setTimeout can wait (2^31-1 ms)", () => {
    const far = at(40 * 86_400_000);
    expect(planTimer(far, now)).toEqual({ kind: "rearm", delayMs: MAX_TIMER_MS });
    // After that wait, the rest fits in one timer.
    const later = new Date(now.getTime() + MAX_TIMER_MS);
    const next = planTimer(far, later);
    expect(next.kind).toBe("fire");
    expect(next.kind === "fire" && next.delayMs).toBe(far.getTime() - later.getTime() + FIRE_MARGIN_MS);
  });

  it("never asks for a delay setTimeout would treat as zero", () => {
    for (const ms of [1, 1_000, MAX_TIMER_MS - FIRE_MARGIN_MS, MAX_TIMER_MS, MAX_TIMER_MS * 3]) {
      const plan = planTimer(at(ms), now);
      expect(plan.kind === "due" || plan.delayMs <= MAX_TIMER_MS).toBe(true);
    }
  });
});

describe("what is published when", () => {
  const posts = [
    { id: "c", publishedAt: at(120_000) },
    { id: "past", publishedAt: at(-1_000) },
    { id: "a", publishedAt: at(30_000) },
    { id: "b", publishedAt: at(60_000) },
  ];

  it("lists the posts still waiting, soonest first", () => {
    expect(upcoming(posts, now).map((p) => p.id)).toEqual(["a", "b", "c"]);
    expect(upcoming(posts, at(60_000)).map((p) => p.id)).toEqual(["c"]);
  });

  it("knows the next due time", () => {
    expect(nextDueTime(posts, now)).toEqual(at(30_000));
    expect(nextDueTime(posts, at(200_000))).toBeNull();
    expect(nextDueTime([], now)).toBeNull();
  });

  it("says which posts went public in a window (start excluded, end included)", () => {
    expect(dueBetween(posts, now, at(60_000)).map((p) => p.id)).toEqual(["a", "b"]);
    expect(dueBetween(posts, at(30_000), at(60_000)).map((p) => p.id)).toEqual(["b"]);
  });
});
