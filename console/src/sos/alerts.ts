// What the SOS banner says about an alert: how long ago it was raised, in words.
import { ageText } from "../live/board";

/** Whole seconds from `raisedAt` to `now`, never negative (a browser clock a little behind the server's). */
export function secondsSince(raisedAt: string, now: number): number {
  return Math.max(0, Math.floor((now - Date.parse(raisedAt)) / 1000));
}

/** "3분 전" / "3 min ago": the live map's ages in words, from the alert's time. */
export function raisedAgo(raisedAt: string, now: number, locale: "ko" | "en"): string {
  return ageText(secondsSince(raisedAt, now), locale);
}
