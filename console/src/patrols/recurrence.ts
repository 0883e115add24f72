// The form's recurrence builder: a weekly rule (RFC 5545 RRULE) and the occurrences it
// yields, computed the way the API expands it (Korean wall-clock time from starts_at), so
// the preview shows exactly the patrols that saving creates.
import { addDays, daysBetween, seoulInstant, weekdayIndex } from "../format/time";

/** RRULE weekday names, Monday first (weekdayIndex order). */
export const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

// The API's limits (backend/patrols/recurrence.py): more is refused on saving.
export const MAX_OCCURRENCES = 100;
export const MAX_SPAN_DAYS = 366;

export type RecurrenceEnd = { weeks: number } | { until: string };

export interface WeeklyRecurrence {
  weekdays: Weekday[];
  end: RecurrenceEnd;
}

export interface Occurrence {
  starts_at: string;
  ends_at: string;
}

/** A patrol's instants from a Korean date and wall-clock times; an end not after the start is on the next day. */
export function patrolTimes(date: string, start: string, end: string): Occurrence & { endsNextDay: boolean } {
  const endsNextDay = end <= start;
  return {
    starts_at: seoulInstant(date, start),
    ends_at: seoulInstant(endsNextDay ? addDays(date, 1) : date, end),
    endsNextDay,
  };
}

function inWeekOrder(weekdays: Weekday[]): Weekday[] {
  return WEEKDAYS.filter((day) => weekdays.includes(day));
}

/** "FREQ=WEEKLY;BYDAY=MO,FR;COUNT=8" for N weeks (N × the chosen days), or "…;UNTIL=20261231"
 * (a bare date: the API reads it as the whole of that Korean day). */
export function buildRrule(rule: WeeklyRecurrence): string {
  const days = inWeekOrder(rule.weekdays);
  if (days.length === 0) throw new Error("choose at least one weekday");
  const end = "weeks" in rule.end ? `COUNT=${rule.end.weeks * days.length}` : `UNTIL=${rule.end.until.replaceAll("-", "")}`;
  return `FREQ=WEEKLY;BYDAY=${days.join(",")};${end}`;
}

/** Every occurrence of a weekly rule from the first patrol's Korean date and times, as the API
 * expands it: the start date counts only on a chosen weekday (else the first patrol is the next
 * chosen day). Stops one past MAX_OCCURRENCES so a caller can tell "too many". */
export function expandWeekly(date: string, start: string, end: string, rule: WeeklyRecurrence): Occurrence[] {
  const days = new Set(rule.weekdays.map((day) => WEEKDAYS.indexOf(day)));
  if (days.size === 0) return [];
  const count = "weeks" in rule.end ? rule.end.weeks * days.size : Infinity;
  const until = "until" in rule.end ? rule.end.until : null;
  const found: Occurrence[] = [];
  for (let day = date; found.length < Math.min(count, MAX_OCCURRENCES + 1); day = addDays(day, 1)) {
    if (until !== null && day > until) break;
    if (daysBetween(date, day) > MAX_SPAN_DAYS + 7) break;
    if (days.has(weekdayIndex(day))) {
      const { starts_at, ends_at } = patrolTimes(day, start, end);
      found.push({ starts_at, ends_at });
    }
  }
  return found;
}

/** Why the API would refuse these occurrences, if it would: "none", "tooMany", "tooLong". */
export function recurrenceProblem(occurrences: Occurrence[]): "none" | "tooMany" | "tooLong" | null {
  if (occurrences.length === 0) return "none";
  if (occurrences.length > MAX_OCCURRENCES) return "tooMany";
  const span = Date.parse(occurrences[occurrences.length - 1].starts_at) - Date.parse(occurrences[0].starts_at);
  if (span > MAX_SPAN_DAYS * 86_400_000) return "tooLong";
  return null;
}
