// The workflow forms' parsing: wall-clock times with the browser's offset, and the bulk-free schemas.
import { describe, expect, it } from "vitest";
import { correctionSchema, returnToDraftSchema, scheduleSchema, wallClockToDate } from "@/lib/workflow/schema";

describe("wallClockToDate", () => {
  it("reads a datetime-local value in the browser's zone", () => {
    // Hanoi is UTC+7: getTimezoneOffset() says -420.
    expect(wallClockToDate("2026-11-24T08:30", -420)).toEqual(new Date("2026-11-24T01:30:00Z"));
    expect(wallClockToDate("2026-11-24T08:30:15", 60)).toEqual(new Date("2026-11-24T09:30:15Z"));
  });

  it("falls back to the server's zone without an offset", () => {
    expect(wallClockToDate("2026-11-24T08:30", undefined)).toEqual(new Date(2026, 10, 24, 8, 30));
  });

  it("refuses what is not a date and time", () => {
    for (const value of ["", "tomorrow", "2026-11-24", "2026-13-01T10:00", "2026-11-24T25:00", "2026-11-24T10:00Z"])
      expect(wallClockToDate(value, 0), value).toBeNull();
  });
});

describe("schemas", () => {
  it("turns the schedule form into a date", () => {
    const parsed = scheduleSchema.safeParse({ versionId: "v1", version: "3", scheduledAt: "2026-11-24T08:30", timezoneOffset: "-420" });
    expect(parsed.success && parsed.data).toEqual({ versionId: "v1", version: 3, scheduledAt: new Date("2026-11-24T01:30:00Z") });
    const bad = scheduleSchema.safeParse({ versionId: "v1", version: "3", scheduledAt: "soon" });
    expect(bad.success).toBe(false);
  });

  it("needs a note to go back to draft", () => {
    expect(returnToDraftSchema.safeParse({ versionId: "v1", version: "1", note: "   " }).success).toBe(false);
    expect(returnToDraftSchema.safeParse({ versionId: "v1", version: "1", note: "why" }).success).toBe(true);
  });

  it("leaves a correction's date empty for now", () => {
    const parsed = correctionSchema.safeParse({ versionId: "v1", body: "Fixed the date.", correctedAt: "" });
    expect(parsed.success && parsed.data.correctedAt).toBeNull();
  });
});
