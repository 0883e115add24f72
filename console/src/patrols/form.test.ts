import { describe, expect, it } from "vitest";
import type { Patrol } from "./data";
import { blankValues, changedFields, createBody, valuesOf } from "./form";

const patrol = {
  id: 7,
  title: "범계역 야간순찰",
  starts_at: "2026-12-11T11:00:00Z",
  ends_at: "2026-12-11T17:00:00Z",
  meeting_point: { type: "Point", coordinates: [126.9508, 37.3897] },
  meeting_radius_m: 100,
  meeting_place_name: "범계역 2번 출구",
  zone_ids: [4, 3],
  group_ids: [1],
  min_officers: 1,
  min_volunteers: 2,
  max_volunteers: 10,
  notes: "",
} as unknown as Patrol;

describe("the form's bodies", () => {
  it("create a weekly series of nights past midnight in Korean time", () => {
    const values = { ...blankValues(new Date("2026-12-03T00:00:00Z")), title: " 야간 ", date: "2026-12-11", start: "20:00", end: "02:00" };
    values.point = [126.95, 37.39];
    values.repeat = "weekly";
    values.weekdays = ["FR"];
    values.weeks = 4;
    const body = createBody(values, 3);
    expect(body).toMatchObject({
      title: "야간",
      station_id: 3,
      starts_at: "2026-12-11T11:00:00.000Z",
      ends_at: "2026-12-11T17:00:00.000Z",
      meeting_point: { type: "Point", coordinates: [126.95, 37.39] },
      meeting_place_name: null,
      recurrence: "FREQ=WEEKLY;BYDAY=FR;COUNT=4",
    });
  });

  it("send no recurrence for a single patrol", () => {
    expect(createBody({ ...blankValues(), point: [126.95, 37.39] }, 1).recurrence).toBeUndefined();
  });

  it("change only what was changed", () => {
    const values = valuesOf(patrol);
    expect(values).toMatchObject({ date: "2026-12-11", start: "20:00", end: "02:00", zoneIds: [4, 3] });
    expect(changedFields(patrol, values)).toEqual({});
    values.title = "새 이름";
    values.end = "03:00";
    expect(changedFields(patrol, values)).toEqual({ title: "새 이름", ends_at: "2026-12-11T18:00:00.000Z" });
  });
});
