import { describe, expect, it } from "vitest";
import { addDays, formatDate, formatDateTime, formatTimeRange, formatTimeWithSeconds, seoulDate, seoulInstant, weekdayIndex } from "./time";

describe("Korean time", () => {
  it("writes a date and time as Koreans do, in Korean time", () => {
    // 11:00 UTC is 20:00 in Seoul on Friday 11 December 2026.
    expect(formatDateTime("2026-12-11T11:00:00Z", "ko")).toBe("2026년 12월 11일 (금) 20:00");
    expect(formatDateTime("2026-12-11T11:00:00Z", "en")).toBe("Fri 11 Dec 2026, 20:00");
  });

  it("gives the seconds of events moments apart, in Korean time", () => {
    expect(formatTimeWithSeconds("2026-12-18T13:41:07.6Z")).toBe("22:41:07");
    expect(formatTimeWithSeconds("2026-12-18T15:00:05Z")).toBe("00:00:05");
  });

  it("puts an instant on its Korean calendar day, not the UTC one", () => {
    // 16:30 UTC on the 11th is 01:30 on the 12th in Seoul.
    expect(seoulDate("2026-12-11T16:30:00Z")).toBe("2026-12-12");
    expect(formatDate("2026-12-11T16:30:00Z", "ko")).toBe("2026년 12월 12일 (토)");
  });

  it("turns Korean wall-clock time into the right instant", () => {
    expect(seoulInstant("2026-12-11", "20:00")).toBe("2026-12-11T11:00:00.000Z");
    expect(seoulInstant("2026-12-12", "02:00")).toBe("2026-12-11T17:00:00.000Z");
  });

  it("marks a patrol that ends after midnight", () => {
    expect(formatTimeRange("2026-12-11T11:00:00Z", "2026-12-11T17:00:00Z", "ko")).toBe("20:00–02:00 (+1일)");
    expect(formatTimeRange("2026-12-11T11:00:00Z", "2026-12-11T14:00:00Z", "en")).toBe("20:00–23:00");
  });

  it("counts calendar days across month and year ends", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2027-03-01", -1)).toBe("2027-02-28");
    expect(weekdayIndex("2026-12-07")).toBe(0); // a Monday
    expect(weekdayIndex("2026-12-13")).toBe(6); // a Sunday
  });
});
