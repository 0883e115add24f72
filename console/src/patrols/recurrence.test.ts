import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDateTime } from "../format/time";
import { buildRrule, expandWeekly, patrolTimes, recurrenceProblem } from "./recurrence";

// The machine's own zone must not matter: run as a browser in Los Angeles would.
// (Node reads TZ again whenever it is set.)
const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process.env;
const machineZone = env.TZ;
beforeAll(() => {
  env.TZ = "America/Los_Angeles";
});
afterAll(() => {
  if (machineZone === undefined) delete env.TZ;
  else env.TZ = machineZone;
});

describe("the RRULE", () => {
  it("names the chosen days in week order and counts N weeks of them", () => {
    expect(buildRrule({ weekdays: ["FR"], end: { weeks: 4 } })).toBe("FREQ=WEEKLY;BYDAY=FR;COUNT=4");
    expect(buildRrule({ weekdays: ["FR", "MO"], end: { weeks: 3 } })).toBe("FREQ=WEEKLY;BYDAY=MO,FR;COUNT=6");
  });

  it("ends on a Korean date with UNTIL", () => {
    expect(buildRrule({ weekdays: ["SA"], end: { until: "2027-01-09" } })).toBe("FREQ=WEEKLY;BYDAY=SA;UNTIL=20270109");
  });

  it("refuses a rule without days", () => {
    expect(() => buildRrule({ weekdays: [], end: { weeks: 2 } })).toThrow();
  });
});

describe("the occurrences", () => {
  it("are Fridays 20:00 Korean time, written as Koreans do, whatever the machine's zone", () => {
    expect(new Date("2026-12-11T11:00:00Z").getHours()).toBe(3); // the machine is in Los Angeles
    const occurrences = expandWeekly("2026-12-11", "20:00", "23:00", { weekdays: ["FR"], end: { weeks: 3 } });
    expect(occurrences.map((o) => formatDateTime(o.starts_at, "ko"))).toEqual([
      "2026년 12월 11일 (금) 20:00",
      "2026년 12월 18일 (금) 20:00",
      "2026년 12월 25일 (금) 20:00",
    ]);
    expect(occurrences[0]).toEqual({ starts_at: "2026-12-11T11:00:00.000Z", ends_at: "2026-12-11T14:00:00.000Z" });
  });

  it("run across the month and year end", () => {
    const occurrences = expandWeekly("2026-12-28", "09:00", "11:00", { weekdays: ["MO", "TH"], end: { weeks: 2 } });
    expect(occurrences.map((o) => formatDateTime(o.starts_at, "ko"))).toEqual([
      "2026년 12월 28일 (월) 09:00",
      "2026년 12월 31일 (목) 09:00",
      "2027년 1월 4일 (월) 09:00",
      "2027년 1월 7일 (목) 09:00",
    ]);
  });

  it("start on the first chosen day when the start date is not one, as the API does", () => {
    // 2026-12-10 is a Thursday: the series begins the Friday after.
    const occurrences = expandWeekly("2026-12-10", "20:00", "23:00", { weekdays: ["FR"], end: { weeks: 2 } });
    expect(occurrences.map((o) => o.starts_at)).toEqual(["2026-12-11T11:00:00.000Z", "2026-12-18T11:00:00.000Z"]);
  });

  it("with UNTIL include that whole Korean day, and none after", () => {
    const occurrences = expandWeekly("2027-01-29", "20:00", "22:00", { weekdays: ["FR"], end: { until: "2027-02-19" } });
    expect(occurrences.map((o) => formatDateTime(o.starts_at, "ko"))).toEqual([
      "2027년 1월 29일 (금) 20:00",
      "2027년 2월 5일 (금) 20:00",
      "2027년 2월 12일 (금) 20:00",
      "2027년 2월 19일 (금) 20:00",
    ]);
    expect(expandWeekly("2027-01-29", "20:00", "22:00", { weekdays: ["FR"], end: { until: "2027-01-28" } })).toEqual([]);
  });

  it("of a night past midnight end on the next Korean day, also over a month end", () => {
    const [first, second] = expandWeekly("2026-12-25", "20:00", "02:00", { weekdays: ["FR"], end: { weeks: 2 } });
    expect(first).toEqual({ starts_at: "2026-12-25T11:00:00.000Z", ends_at: "2026-12-25T17:00:00.000Z" });
    expect(formatDateTime(second.ends_at, "ko")).toBe("2027년 1월 2일 (토) 02:00");
  });

  it("are flagged when the API would refuse them", () => {
    const many = expandWeekly("2026-12-07", "20:00", "22:00", { weekdays: ["MO", "TU", "WE"], end: { weeks: 40 } });
    expect(many).toHaveLength(101);
    expect(recurrenceProblem(many)).toBe("tooMany");
    const long = expandWeekly("2026-12-07", "20:00", "22:00", { weekdays: ["MO"], end: { until: "2028-01-31" } });
    expect(recurrenceProblem(long)).toBe("tooLong");
    expect(recurrenceProblem([])).toBe("none");
    expect(recurrenceProblem(expandWeekly("2026-12-07", "20:00", "22:00", { weekdays: ["MO"], end: { weeks: 52 } }))).toBeNull();
  });
});

describe("one patrol's times", () => {
  it("put an end before the start on the next day and say so", () => {
    expect(patrolTimes("2026-12-31", "22:00", "01:00")).toEqual({
      starts_at: "2026-12-31T13:00:00.000Z",
      ends_at: "2026-12-31T16:00:00.000Z",
      endsNextDay: true,
    });
    expect(patrolTimes("2026-12-31", "09:00", "12:00").endsNextDay).toBe(false);
  });
});
