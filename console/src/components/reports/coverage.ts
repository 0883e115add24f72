// The coverage map's shading: a zone's minutes of presence (all hours or night 22–06, as the
// zone-coverage report counts them) put in a handful of bins computed from the data, each named
// in minutes and hours; a zone nobody visited in those hours is a gap, shown apart from the bins.
import type { Locale } from "../../i18n";

export type CoverageHours = "all" | "night";

/** The report's columns the map reads (GET /reports/zone-coverage). */
export interface CoverageRow {
  zone_id: number;
  zone: string;
  kind: string;
  minutes: number;
  night_minutes: number;
  patrols: number;
  last_visit_at: string | null;
  is_gap: boolean;
  is_night_gap: boolean;
}

export interface CoverageBin {
  /** Minutes at which the bin starts (included); null for the first bin. */
  from: number | null;
  /** Minutes at which the next bin starts (excluded); null for the last bin. */
  to: number | null;
  colour: string;
}

export interface CoverageScale {
  bins: CoverageBin[];
  /** The fewest and most minutes among the zones with presence (null when there are none). */
  min: number | null;
  max: number | null;
}

export const MAX_BINS = 5;

// ColorBrewer's YlGnBu, light to dark for few to many minutes: sequential, readable in grey,
// and told apart with the common colour-vision deficiencies.
const PALETTES: Record<number, string[]> = {
  1: ["#41b6c4"],
  2: ["#a1dab4", "#225ea8"],
  3: ["#edf8b1", "#7fcdbb", "#2c7fb8"],
  4: ["#ffffcc", "#a1dab4", "#41b6c4", "#225ea8"],
  5: ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"],
};

// Bin edges a reader takes in at a glance: round minutes, then whole hours, then days.
const ROUND_MINUTES = [5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 360, 480, 600, 720, 960, 1200, 1440];

function roundEdge(minutes: number): number {
  if (minutes > 1440) return Math.round(minutes / 1440) * 1440;
  // Nearest on a ratio scale: 40 is nearer 45 than 30.
  return ROUND_MINUTES.reduce((best, edge) =>
    Math.abs(Math.log(edge / minutes)) < Math.abs(Math.log(best / minutes)) ? edge : best,
  );
}

/** The minutes a row counts in these hours. */
export function minutesIn(row: CoverageRow, hours: CoverageHours): number {
  return hours === "night" ? row.night_minutes : row.minutes;
}

/** Nobody was in the zone in these hours: the report's own gap flags (a few seconds of
 * presence round to 0 minutes but are not a gap). */
export function isGap(row: CoverageRow, hours: CoverageHours): boolean {
  return hours === "night" ? row.is_night_gap : row.is_gap;
}

/** Up to `maxBins` bins of about as many zones each, their edges rounded to minutes a reader
 * takes in at a glance. */
export function coverageScale(rows: CoverageRow[], hours: CoverageHours, maxBins = MAX_BINS): CoverageScale {
  const values = rows.filter((row) => !isGap(row, hours)).map((row) => minutesIn(row, hours)).sort((a, b) => a - b);
  if (!values.length) return { bins: [], min: null, max: null };
  const min = values[0];
  const max = values[values.length - 1];
  const wanted = Math.min(maxBins, new Set(values).size);
  const edges: number[] = [];
  for (let i = 1; i < wanted; i++) {
    // The quantile, or the first value above the fewest minutes after it: an edge must split the data.
    const quantile = values.slice(Math.floor((i * values.length) / wanted)).find((value) => value > min);
    if (quantile === undefined) continue;
    const rounded = roundEdge(quantile);
    const edge = rounded > min && rounded <= max ? rounded : quantile;
    if (!edges.includes(edge)) edges.push(edge);
  }
  edges.sort((a, b) => a - b);
  const palette = PALETTES[edges.length + 1];
  const bins = palette.map((colour, index) => ({
    from: index === 0 ? null : edges[index - 1],
    to: index === edges.length ? null : edges[index],
    colour,
  }));
  return { bins, min, max };
}

/** The bin a zone's minutes fall in; null for a gap. */
export function binOf(row: CoverageRow, hours: CoverageHours, scale: CoverageScale): number | null {
  if (isGap(row, hours) || !scale.bins.length) return null;
  const minutes = minutesIn(row, hours);
  return scale.bins.findIndex((bin) => bin.to === null || minutes < bin.to);
}

/** "1시간 30분", "45분", "2시간" / "1 h 30 min", "45 min", "2 h". */
export function duration(minutes: number, locale: Locale): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const parts = locale === "ko"
    ? [hours ? `${hours}시간` : "", rest || !hours ? `${rest}분` : ""]
    : [hours ? `${hours} h` : "", rest || !hours ? `${rest} min` : ""];
  return parts.filter(Boolean).join(" ");
}

/** A bin's name in the legend: "30분 미만", "30분–1시간", "4시간 이상" (one bin: the data's range). */
export function binLabel(bin: CoverageBin, scale: CoverageScale, locale: Locale): string {
  const ko = locale === "ko";
  if (bin.from === null && bin.to === null) {
    const { min, max } = scale as { min: number; max: number };
    return min === max ? duration(min, locale) : `${duration(min, locale)}–${duration(max, locale)}`;
  }
  if (bin.from === null) return ko ? `${duration(bin.to!, locale)} 미만` : `under ${duration(bin.to!, locale)}`;
  if (bin.to === null) return ko ? `${duration(bin.from, locale)} 이상` : `${duration(bin.from, locale)} or more`;
  return `${duration(bin.from, locale)}–${duration(bin.to, locale)}`;
}
