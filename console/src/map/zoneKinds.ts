// How each kind of zone looks. Colour is never the only signal: each kind also has its own
// line pattern and a symbol, and the legend names them in words.
import type { PathOptions } from "leaflet";

export const ZONE_KINDS = ["dense_area", "women_safe_zone", "safe_return_route", "safe_house", "other"] as const;
export type ZoneKind = (typeof ZONE_KINDS)[number];

interface KindLook {
  style: PathOptions & { color: string; dashArray?: string };
  symbol: string;
}

export const ZONE_LOOKS: Record<ZoneKind, KindLook> = {
  // Okabe–Ito colours, told apart by people with colour-vision deficiencies.
  dense_area: { style: { color: "#d55e00", weight: 2, dashArray: undefined, fillOpacity: 0.18 }, symbol: "▲" },
  women_safe_zone: { style: { color: "#cc79a7", weight: 3, dashArray: "8 5", fillOpacity: 0.18 }, symbol: "♀" },
  safe_return_route: { style: { color: "#0072b2", weight: 4, dashArray: "2 6", fillOpacity: 0.12 }, symbol: "➜" },
  safe_house: { style: { color: "#009e73", weight: 2, dashArray: undefined, fillOpacity: 0.5 }, symbol: "⌂" },
  other: { style: { color: "#555555", weight: 2, dashArray: "1 4", fillOpacity: 0.1 }, symbol: "●" },
};

/** What GeoJSON geometry each kind takes, as the API does (other: any). */
export const GEOMETRY_OF_KIND: Record<ZoneKind, string[]> = {
  dense_area: ["Polygon", "MultiPolygon"],
  women_safe_zone: ["Polygon", "MultiPolygon"],
  safe_return_route: ["LineString"],
  safe_house: ["Point"],
  other: ["Point", "LineString", "Polygon", "MultiPolygon"],
};
