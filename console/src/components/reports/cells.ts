// A report's cells as the page shows them: the API says each column's kind (backend/reports).
import { formatDate, formatDateTime, seoulDate } from "../../format/time";
import type { Locale } from "../../i18n";

/** `words`: the reader's words for the codes a column holds (an attendance status, a zone kind). */
export type Column = { key: string; ko: string; en: string; kind: string; words?: Record<string, Record<Locale, string>> };

/** "3시간 5분" / "3 h 5 min" from minutes; a negative adjustment keeps its sign. */
export function formatMinutes(minutes: number, locale: Locale): string {
  const sign = minutes < 0 ? "-" : "";
  const whole = Math.abs(minutes);
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  if (locale === "ko") return `${sign}${hours ? `${hours}시간 ` : ""}${rest}분`;
  return `${sign}${hours ? `${hours} h ` : ""}${rest} min`;
}

/** A cell as text, as the downloaded files word it: codes as words, minutes as plain numbers. */
export function formatCell(value: unknown, column: Pick<Column, "kind" | "words">, locale: Locale): string {
  if (value === null || value === undefined || value === "") return "";
  const { kind, words } = column;
  if (words) {
    const say = (code: unknown) => words[String(code)]?.[locale] ?? String(code);
    return Array.isArray(value) ? value.map(say).join(", ") : say(value);
  }
  if (kind === "bool") return value ? (locale === "ko" ? "예" : "Yes") : locale === "ko" ? "아니오" : "No";
  if (kind === "date") return formatDate(`${value}T00:00:00+09:00`, locale);
  if (kind === "datetime") return formatDateTime(String(value), locale);
  return String(value);
}

/** The Korean calendar month before the one of `now`, "YYYY-MM": the latest that can be approved. */
export function lastMonth(now: Date = new Date()): string {
  const [year, month] = seoulDate(now).split("-").map(Number);
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, "0")}`;
}

/** The first and last day ("YYYY-MM-DD") of a month "YYYY-MM". */
export function monthDays(month: string): { from: string; to: string } {
  const [year, m] = month.split("-").map(Number);
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, "0")}` };
}
