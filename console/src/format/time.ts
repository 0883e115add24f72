// Dates and times as Koreans write them, always in Korean time (Asia/Seoul, UTC+9 all
// year: Korea keeps no summer time), whatever the browser's own zone.
export const SEOUL = "Asia/Seoul";
const SEOUL_OFFSET = "+09:00";

type Locale = "ko" | "en";

function parts(instant: Date, locale: Locale): Record<string, string> {
  const format = new Intl.DateTimeFormat(locale === "ko" ? "ko-KR" : "en-GB", {
    timeZone: SEOUL,
    year: "numeric",
    month: locale === "ko" ? "numeric" : "short",
    day: "numeric",
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  return Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
}

/** "2026년 12월 11일 (금)" / "Fri 11 Dec 2026" */
export function formatDate(value: string | Date, locale: Locale): string {
  const p = parts(new Date(value), locale);
  return locale === "ko" ? `${p.year}년 ${p.month}월 ${p.day}일 (${p.weekday})` : `${p.weekday} ${p.day} ${p.month} ${p.year}`;
}

/** "20:00" in Korean time. */
export function formatTime(value: string | Date, locale: Locale): string {
  const p = parts(new Date(value), locale);
  return `${p.hour}:${p.minute}`;
}

/** "22:41:07" in Korean time: for events seconds apart (an SOS's timeline). */
export function formatTimeWithSeconds(value: string | Date): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone: SEOUL, hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" })
    .format(new Date(value));
}

/** "2026년 12월 11일 (금) 20:00" / "Fri 11 Dec 2026, 20:00" */
export function formatDateTime(value: string | Date, locale: Locale): string {
  const separator = locale === "ko" ? " " : ", ";
  return formatDate(value, locale) + separator + formatTime(value, locale);
}

/** "20:00–02:00 (+1일)": a time range, marking an end on a later Korean day. */
export function formatTimeRange(start: string | Date, end: string | Date, locale: Locale): string {
  const days = daysBetween(seoulDate(start), seoulDate(end));
  const nextDay = days > 0 ? (locale === "ko" ? ` (+${days}일)` : ` (+${days}d)`) : "";
  return `${formatTime(start, locale)}–${formatTime(end, locale)}${nextDay}`;
}

/** The Korean calendar day of an instant, "YYYY-MM-DD". */
export function seoulDate(value: string | Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: SEOUL }).format(new Date(value));
}

/** The instant of a Korean wall-clock date and time ("2026-12-11", "20:00"), as ISO 8601. */
export function seoulInstant(date: string, time: string): string {
  return new Date(`${date}T${time}:00${SEOUL_OFFSET}`).toISOString();
}

/** The Korean wall-clock time of an instant, "HH:MM". */
export function seoulTime(value: string | Date): string {
  return formatTime(value, "ko");
}

/** A calendar day plus n days ("YYYY-MM-DD"), counted on the calendar, not in hours. */
export function addDays(date: string, n: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + n);
  return day.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Day of the week of a calendar date: 0 = Monday … 6 = Sunday (as Korean calendars start). */
export function weekdayIndex(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}
