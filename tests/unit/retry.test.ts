import { describe, expect, it } from "vitest";
import { isBusyError, retryWhenBusy } from "@/lib/db/retry";

describe("which failures a transaction is run again for", () => {
  it("knows SQLite's busy database and PostgreSQL's rolled-back conflicts, directly or as a cause", () => {
    for (const code of ["SQLITE_BUSY", "SQLITE_BUSY_SNAPSHOT", "P1008", "40001", "40P01", "P2034"]) {
      expect(isBusyError({ code }), code).toBe(true);
    }
    expect(isBusyError(new Error("database is locked"))).toBe(true);
    expect(isBusyError(new Error("wrapped", { cause: Object.assign(new Error("x"), { code: "40P01" }) }))).toBe(true);
  });

  it("leaves everything else alone: constraint violations, a full disk, nothing at all", () => {
    for (const code of ["23505", "P2002", "SQLITE_FULL", "SQLITE_CONSTRAINT", undefined]) {
      expect(isBusyError({ code, message: "no" }), String(code)).toBe(false);
    }
    expect(isBusyError(null)).toBe(false);
  });

  it("runs the work again after a deadlock and gives up after the attempts allowed", async () => {
    let calls = 0;
    const deadlock = Object.assign(new Error("deadlock detected"), { code: "40P01" });
    expect(await retryWhenBusy(async () => (++calls < 3 ? Promise.reject(deadlock) : "done"), 5)).toBe("done");
    expect(calls).toBe(3);
    calls = 0;
    await expect(retryWhenBusy(async () => (calls++, Promise.reject(deadlock)), 2)).rejects.toBe(deadlock);
    expect(calls).toBe(2);
  });
});
