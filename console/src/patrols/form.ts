// The patrol form's values, and the API bodies made of them: a whole PatrolCreate for a new
// patrol, and for an edit only what changed (an unchanged place must not tell everyone
// "the patrol moved").
import type { Schemas } from "../api/client";
import { addDays, daysBetween, seoulDate, seoulTime, weekdayIndex } from "../format/time";
import type { Patrol } from "./data";
import { buildRrule, patrolTimes, type Weekday, WEEKDAYS } from "./recurrence";

export interface PatrolFormValues {
  title: string;
  date: string;
  start: string;
  end: string;
  point: [number, number] | null;
  meetingPlaceName: string;
  zoneIds: number[];
  groupIds: number[];
  minOfficers: number;
  minVolunteers: number;
  maxVolunteers: number;
  meetingRadius: number;
  notes: string;
  repeat: "none" | "weekly";
  weekdays: Weekday[];
  endKind: "weeks" | "until";
  weeks: number;
  until: string;
}

export function weekdayOf(date: string): Weekday {
  return WEEKDAYS[weekdayIndex(date)];
}

/** A new patrol: tomorrow evening in Korean time, one officer, nothing repeated. */
export function blankValues(now: Date = new Date()): PatrolFormValues {
  const date = addDays(seoulDate(now), 1);
  return {
    title: "",
    date,
    start: "20:00",
    end: "23:00",
    point: null,
    meetingPlaceName: "",
    zoneIds: [],
    groupIds: [],
    minOfficers: 1,
    minVolunteers: 0,
    maxVolunteers: 10,
    meetingRadius: 100,
    notes: "",
    repeat: "none",
    weekdays: [weekdayOf(date)],
    endKind: "weeks",
    weeks: 4,
    until: addDays(date, 27),
  };
}

export function valuesOf(patrol: Patrol): PatrolFormValues {
  const date = seoulDate(patrol.starts_at);
  const point = (patrol.meeting_point as unknown as { coordinates: [number, number] }).coordinates;
  return {
    ...blankValues(),
    title: patrol.title,
    date,
    start: seoulTime(patrol.starts_at),
    end: seoulTime(patrol.ends_at),
    point: [point[0], point[1]],
    meetingPlaceName: patrol.meeting_place_name ?? "",
    zoneIds: [...patrol.zone_ids],
    groupIds: [...patrol.group_ids],
    minOfficers: patrol.min_officers,
    minVolunteers: patrol.min_volunteers,
    maxVolunteers: patrol.max_volunteers,
    meetingRadius: patrol.meeting_radius_m,
    notes: patrol.notes,
    weekdays: [weekdayOf(date)],
  };
}

type Fields = Omit<Schemas["PatrolUpdate"], "scope">;

function fieldsOf(values: PatrolFormValues): Required<Fields> {
  const { starts_at, ends_at } = patrolTimes(values.date, values.start, values.end);
  return {
    title: values.title.trim(),
    starts_at,
    ends_at,
    meeting_point: (values.point ? { type: "Point", coordinates: values.point } : null) as unknown as Record<string, never>,
    meeting_radius_m: values.meetingRadius,
    meeting_place_name: values.meetingPlaceName.trim() || null,
    zone_ids: [...values.zoneIds].sort((a, b) => a - b),
    group_ids: [...values.groupIds].sort((a, b) => a - b),
    min_officers: values.minOfficers,
    min_volunteers: values.minVolunteers,
    max_volunteers: values.maxVolunteers,
    notes: values.notes,
  };
}

export function createBody(values: PatrolFormValues, stationId: number): Schemas["PatrolCreate"] {
  const body: Schemas["PatrolCreate"] = { ...fieldsOf(values), station_id: stationId };
  if (values.repeat === "weekly") {
    body.recurrence = buildRrule({
      weekdays: values.weekdays,
      end: values.endKind === "weeks" ? { weeks: values.weeks } : { until: values.until },
    });
  }
  return body;
}

/** The fields that differ from the patrol as loaded (all of them compared as the API holds them). */
export function changedFields(original: Patrol, values: PatrolFormValues): Fields {
  const before = fieldsOf(valuesOf(original));
  const after = fieldsOf(values);
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof Fields)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = after[key];
  }
  return changes as Fields;
}

/** Days from the start date to the end (0 or 1): an end not after the start is the next day. */
export function endDate(values: PatrolFormValues): string {
  const { ends_at } = patrolTimes(values.date, values.start, values.end);
  return addDays(values.date, daysBetween(values.date, seoulDate(ends_at)));
}
