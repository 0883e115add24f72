// The live map's reading of GET /patrols/{id}/live: what to call each person's situation,
// and how old their last position is, in words.
import type { Schemas } from "../api/client";

export type LiveParticipant = Schemas["LiveParticipant"];
export type TrackPoint = Schemas["TrackPoint"];
export type LastPoint = Schemas["LastPoint"];

/** The person's last position that counts, if any (the spec types an absent one loosely). */
export function lastPoint(person: LiveParticipant): LastPoint | null {
  return person.last_point && "lat" in person.last_point ? (person.last_point as LastPoint) : null;
}

/** After this long without a position, someone on patrol is shown as not heard from. */
export const STALE_AFTER_S = 5 * 60;
export const LIVE_STATUSES = ["on_patrol", "stale", "not_arrived", "checked_out"] as const;
export type LiveStatus = (typeof LIVE_STATUSES)[number];

export function liveStatus(person: LiveParticipant): LiveStatus {
  if (person.state === "not_arrived") return "not_arrived";
  if (person.state === "checked_out") return "checked_out";
  const point = lastPoint(person);
  return point && point.age_s <= STALE_AFTER_S ? "on_patrol" : "stale";
}

/** Colour, symbol and line: colour is never the only sign, each status has its own symbol
 * and outline, and the legend and list name it in words. */
export const STATUS_LOOKS: Record<LiveStatus, { color: string; symbol: string; border: string }> = {
  on_patrol: { color: "#0072b2", symbol: "●", border: "solid" },
  stale: { color: "#b35900", symbol: "!", border: "dashed" },
  not_arrived: { color: "#5f6368", symbol: "…", border: "dotted" },
  checked_out: { color: "#1d2129", symbol: "✓", border: "double" },
};

/** "45초 전" / "3분 전" / "1시간 5분 전", or the English. */
export function ageText(seconds: number, locale: "ko" | "en"): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (locale === "ko") {
    if (hours) return `${hours}시간 ${minutes}분 전`;
    return minutes ? `${minutes}분 전` : `${seconds}초 전`;
  }
  if (hours) return `${hours} h ${minutes} min ago`;
  return minutes ? `${minutes} min ago` : `${seconds} s ago`;
}

/** People whose name holds the search text, ignoring case and spaces at the ends. */
export function matching(people: LiveParticipant[], search: string): LiveParticipant[] {
  const wanted = search.trim().toLocaleLowerCase();
  return wanted ? people.filter((person) => person.name.toLocaleLowerCase().includes(wanted)) : people;
}
