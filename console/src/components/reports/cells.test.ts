import { describe, expect, it } from "vitest";
import { formatCell, formatMinutes, lastMonth, monthDays } from "./cells";

describe("report cells", () => {
  it("words minutes as hours and minutes, keeping a sign", () => {
    expect(formatMinutes(185, "ko")).toBe("3시간 5분");
    expect(formatMinutes(-30, "en")).toBe("-30 min");
  });
  it("shows yes/no and leaves empty cells empty", () => {
    expect(formatCell(true, { kind: "bool" }, "ko")).toBe("예");
    expect(formatCell(false, { kind: "bool" }, "en")).toBe("No");
    expect(formatCell(null, { kind: "minutes" }, "ko")).toBe("");
    expect(formatCell(0, { kind: "minutes" }, "en")).toBe("0");
  });
  it("words codes as the column's words say, a list of them joined", () => {
    const words = { no_show: { ko: "불참", en: "No-show" }, points: { ko: "위치 기록", en: "location points" },
                    check_in: { ko: "체크인", en: "check-in" } };
    expect(formatCell("no_show", { kind: "text", words }, "ko")).toBe("불참");
    expect(formatCell(["check_in", "points"], { kind: "text", words }, "en")).toBe("check-in, location points");
    expect(formatCell([], { kind: "text", words }, "en")).toBe("");
  });
  it("counts months on the Korean calendar", () => {
    // 1 January 00:30 in Seoul is still 31 December in UTC.
    expect(lastMonth(new Date("2026-12-31T15:30:00Z"))).toBe("2026-12");
    expect(lastMonth(new Date("2026-03-10T00:00:00Z"))).toBe("2026-02");
    expect(monthDays("2028-02")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
  });
});
