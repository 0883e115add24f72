import { describe, expect, it } from "vitest";
import { binLabel, binOf, coverageScale, duration, type CoverageRow } from "./coverage";

function row(zone_id: number, minutes: number, night_minutes = 0, gaps?: { is_gap?: boolean; is_night_gap?: boolean }): CoverageRow {
  return {
    zone_id, zone: `zone ${zone_id}`, kind: "dense_area", minutes, night_minutes, patrols: minutes ? 1 : 0,
    last_visit_at: minutes ? "2026-11-20T13:00:00+00:00" : null,
    is_gap: gaps?.is_gap ?? minutes === 0, is_night_gap: gaps?.is_night_gap ?? night_minutes === 0,
  };
}

describe("coverage map bins", () => {
  it("splits the zones with presence into about equal bins with round edges, gaps apart", () => {
    const rows = [row(1, 0), row(2, 12), row(3, 28), row(4, 41), row(5, 65), row(6, 118), row(7, 170), row(8, 250), row(9, 400), row(10, 610), row(11, 0)];
    const scale = coverageScale(rows, "all");
    expect(scale.bins.map((bin) => [bin.from, bin.to])).toEqual([[null, 30], [30, 60], [60, 180], [180, 360], [360, null]]);
    expect(rows.map((r) => binOf(r, "all", scale))).toEqual([null, 0, 0, 1, 2, 2, 2, 3, 4, 4, null]);
    // Light to dark: more minutes, darker.
    expect(new Set(scale.bins.map((bin) => bin.colour)).size).toBe(5);
  });

  it("never makes more bins than there are different figures, nor an empty bin", () => {
    const scale = coverageScale([row(1, 30), row(2, 30), row(3, 90), row(4, 0)], "all");
    expect(scale.bins.map((bin) => [bin.from, bin.to])).toEqual([[null, 90], [90, null]]);
    const skewed = coverageScale([row(1, 10), row(2, 10), row(3, 10), row(4, 200)], "all");
    expect(skewed.bins).toHaveLength(2);
    expect(binOf(row(4, 200), "all", skewed)).toBe(1);
  });

  it("reads the night column for the night and takes the report's gap flags", () => {
    const dayOnly = row(1, 120, 0);
    const both = row(2, 180, 60);
    const seconds = row(3, 0, 0, { is_gap: false }); // 20 seconds there: rounds to 0 minutes, yet no gap
    const scale = coverageScale([dayOnly, both, seconds], "night");
    expect(scale.bins).toHaveLength(1);
    expect(binOf(dayOnly, "night", scale)).toBeNull();
    expect(binOf(both, "night", scale)).toBe(0);
    const all = coverageScale([dayOnly, both, seconds], "all");
    expect(binOf(seconds, "all", all)).toBe(0);
  });

  it("has no bins when nobody was anywhere", () => {
    const scale = coverageScale([row(1, 0), row(2, 0)], "all");
    expect(scale.bins).toEqual([]);
    expect(binOf(row(1, 0), "all", scale)).toBeNull();
  });

  it("names the bins in minutes and hours, Korean and English", () => {
    const scale = coverageScale([row(1, 12), row(2, 65), row(3, 118), row(4, 250)], "all");
    expect(scale.bins.map((bin) => binLabel(bin, scale, "ko"))).toEqual(["1시간 미만", "1시간–2시간", "2시간–4시간", "4시간 이상"]);
    expect(scale.bins.map((bin) => binLabel(bin, scale, "en"))).toEqual(["under 1 h", "1 h–2 h", "2 h–4 h", "4 h or more"]);
    const one = coverageScale([row(1, 30), row(2, 30)], "all");
    expect(binLabel(one.bins[0], one, "ko")).toBe("30분");
    expect(duration(90, "ko")).toBe("1시간 30분");
    expect(duration(0, "en")).toBe("0 min");
  });
});
