// The patrol calendar's days: weeks from Monday, months as whole weeks, a patrol on every
// Korean day it touches (a night past midnight on both), all in Korean time.
import { addDays, seoulDate, seoulInstant, weekdayIndex } from "../format/time";

export type CalendarView = "week" | "month";

export interface Timed {
  starts_at: string;
  ends_at: string;
}

export function mondayOf(date: string): string {
  return addDays(date, -weekdayIndex(date));
}

/** The Korean days the view shows around `anchor`: one week, or the whole weeks covering its month. */
export function daysOfView(view: CalendarView, anchor: string): string[] {
  const first = view === "week" ? mondayOf(anchor) : mondayOf(`${anchor.slice(0, 7)}-01`);
  const last = view === "week" ? addDays(first, 6) : addDays(mondayOf(lastOfMonth(anchor)), 6);
  const days = [];
  for (let day = first; day <= last; day = addDays(day, 1)) days.push(day);
  return days;
}

function lastOfMonth(date: string): string {
  const [year, month] = date.split("-").map(Number);
  const nextMonth = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
  return addDays(nextMonth, -1);
}

/** The instants bounding the view's days, for the API's from/to filters. */
export function rangeOfDays(days: string[]): { from: string; to: string } {
  return { from: seoulInstant(days[0], "00:00"), to: seoulInstant(addDays(days[days.length - 1], 1), "00:00") };
}

/** The anchor one week or month earlier (-1) or later (+1). */
export function shiftAnchor(view: CalendarView, anchor: string, step: -1 | 1): string {
  if (view === "week") return addDays(anchor, 7 * step);
  const [year, month] = anchor.split("-").map(Number);
  const index = year * 12 + (month - 1) + step;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01`;
}

/** Every Korean day a patrol touches; one ending at midnight sharp does not reach the next day. */
export function daysOfPatrol(patrol: Timed): string[] {
  const first = seoulDate(patrol.starts_at);
  const last = seoulDate(new Date(Date.parse(patrol.ends_at) - 1));
  const days = [first];
  for (let day = addDays(first, 1); day <= last; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The patrols of each shown day, soonest first. */
export function patrolsByDay<T extends Timed>(patrols: T[], days: string[]): Map<string, T[]> {
  const byDay = new Map(days.map((day) => [day, [] as T[]]));
  const sorted = [...patrols].sort((a, b) => Date.parse(a.starts_at) - Date.parse(b.starts_at));
  for (const patrol of sorted) {
    for (const day of daysOfPatrol(patrol)) byDay.get(day)?.push(patrol);
  }
  return byDay;
}

export function isMonthDay(day: string, anchor: string): boolean {
  return day.slice(0, 7) === anchor.slice(0, 7);
}

/** "2027년 1월" / "January 2027" */
export function monthTitle(anchor: string, locale: "ko" | "en"): string {
  return new Intl.DateTimeFormat(locale === "ko" ? "ko-KR" : "en-GB", { year: "numeric", month: "long", timeZone: "UTC" }).format(
    new Date(`${anchor.slice(0, 7)}-01T00:00:00Z`),
  );
}

/** A day heading without the year (the period names it): "12월 11일 (금)" / "Fri 11 Dec" */
export function shortDay(day: string, locale: "ko" | "en"): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat(locale === "ko" ? "ko-KR" : "en-GB", { month: locale === "ko" ? "numeric" : "short", day: "numeric", weekday: "short", timeZone: "UTC" })
      .formatToParts(new Date(`${day}T00:00:00Z`))
      .map((part) => [part.type, part.value]),
  );
  return locale === "ko" ? `${parts.month}월 ${parts.day}일 (${parts.weekday})` : `${parts.weekday} ${parts.day} ${parts.month}`;
}
