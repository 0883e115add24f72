import { describe, expect, it } from "vitest";
import { formatCell, formatMinutes, lastMonth, monthDays } from "./cells";

describe("report cells", () => {
  it("words minutes as hours and minutes, keeping a sign", () => {
    expect(formatMinutes(185, "ko")).toBe("3시간 5분");
    expect(formatMinutes(-30, "en")).toBe("-30 min");
  });
  it("shows yes/no and leaves empty cells empty", () => {
    expect(formatCell(true, "bool", "ko")).toBe("예");
    expect(formatCell(null, "minutes", "ko")).toBe("");
    expect(formatCell(0, "minutes", "en")).toBe("0");
  });
  it("counts months on the Korean calendar", () => {
    // 1 January 00:30 in Seoul is still 31 December in UTC.
    expect(lastMonth(new Date("2026-12-31T15:30:00Z"))).toBe("2026-12");
    expect(lastMonth(new Date("2026-03-10T00:00:00Z"))).toBe("2026-02");
    expect(monthDays("2028-02")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
  });
});
