import { describe, expect, it } from "vitest";
import { daysOfPatrol, monthTitle, shortDay, daysOfView, patrolsByDay, rangeOfDays, shiftAnchor } from "./calendar";

describe("the calendar's days", () => {
  it("show a week from Monday", () => {
    expect(daysOfView("week", "2026-12-31")).toEqual([
      "2026-12-28", "2026-12-29", "2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02", "2027-01-03",
    ]);
  });

  it("show a month as whole weeks", () => {
    const days = daysOfView("month", "2026-12-15");
    expect(days[0]).toBe("2026-11-30");
    expect(days[days.length - 1]).toBe("2027-01-03");
    expect(days).toHaveLength(35);
  });

  it("are bounded by Korean midnights", () => {
    expect(rangeOfDays(["2026-12-07", "2026-12-13"])).toEqual({
      from: "2026-12-06T15:00:00.000Z",
      to: "2026-12-13T15:00:00.000Z",
    });
  });

  it("name their month as Koreans do", () => {
    expect(monthTitle("2027-01-15", "ko")).toBe("2027년 1월");
    expect(monthTitle("2027-01-15", "en")).toBe("January 2027");
    expect(shortDay("2027-01-01", "ko")).toBe("1월 1일 (금)");
    expect(shortDay("2027-01-01", "en")).toBe("Fri 1 Jan");
  });

  it("step by week or month across the year end", () => {
    expect(shiftAnchor("week", "2026-12-28", 1)).toBe("2027-01-04");
    expect(shiftAnchor("month", "2026-12-15", 1)).toBe("2027-01-01");
    expect(shiftAnchor("month", "2027-01-31", -1)).toBe("2026-12-01");
  });
});

describe("a patrol on the calendar", () => {
  it("past midnight shows on both Korean days", () => {
    // Friday 20:00 to Saturday 02:00 in Seoul.
    expect(daysOfPatrol({ starts_at: "2026-12-11T11:00:00Z", ends_at: "2026-12-11T17:00:00Z" })).toEqual([
      "2026-12-11",
      "2026-12-12",
    ]);
  });

  it("ending at midnight sharp stays on its day", () => {
    expect(daysOfPatrol({ starts_at: "2026-12-11T11:00:00Z", ends_at: "2026-12-11T15:00:00Z" })).toEqual(["2026-12-11"]);
  });

  it("is on the Korean day, not the UTC one", () => {
    // 01:30 Saturday in Seoul is still Friday in UTC.
    const byDay = patrolsByDay([{ starts_at: "2026-12-11T16:30:00Z", ends_at: "2026-12-11T18:00:00Z" }], ["2026-12-11", "2026-12-12"]);
    expect(byDay.get("2026-12-11")).toEqual([]);
    expect(byDay.get("2026-12-12")).toHaveLength(1);
  });
});
