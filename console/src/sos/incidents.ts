// A station's month of SOS alerts as the incident list reports it (GET
// /stations/{id}/sos-incidents): its rows typed, and the figures in words.
import type { Schemas } from "../api/client";
import { seoulDate } from "../format/time";

export type SosStatus = Schemas["SosAlert"]["status"];
export type SosOutcome = NonNullable<Schemas["SosAlert"]["outcome"]>;

/** One row of the incident list's JSON (backend/sos/incidents.py's columns). */
export interface IncidentRow {
  id: number;
  raised_at: string;
  patrol: string;
  patrol_date: string;
  raiser: string;
  kind: Schemas["SosAlert"]["kind"];
  status: SosStatus;
  first_tier: number | null;
  recipients: number;
  escalated: boolean;
  acknowledged_by: string | null;
  seconds_to_acknowledge: number | null;
  resolved_by: string | null;
  outcome: SosOutcome | null;
  resolution_note: string | null;
  cancelled: boolean;
}

/** The Korean calendar month of an instant, "YYYY-MM". */
export function seoulMonth(value: string | Date = new Date()): string {
  return seoulDate(value).slice(0, 7);
}

/** Whole minutes and the seconds left over, for "1분 5초" / "1 min 5 s". */
export function minutesAndSeconds(seconds: number): { minutes: number; seconds: number } {
  const whole = Math.max(0, Math.round(seconds));
  return { minutes: Math.floor(whole / 60), seconds: whole % 60 };
}
