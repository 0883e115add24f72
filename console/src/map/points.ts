import L from "leaflet";
import type { Point } from "geojson";

/** Where a GeoJSON point of the API lies on a Leaflet map; null for a missing one (erased, not sent yet). */
export function latLngOf(point: unknown): L.LatLng | null {
  const coordinates = (point as Point | null | undefined)?.coordinates;
  return coordinates ? L.latLng(coordinates[1], coordinates[0]) : null;
}
