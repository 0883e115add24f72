// How a zone is drawn on the map: its kind's look (colour, line pattern, symbol), a route's
// corridor around its line, a point's symbol; and the marks for where a shape is wrong.
import L from "leaflet";
import type { Geometry } from "geojson";
import type { Schemas } from "../../api/client";
import { ZONE_LOOKS, type ZoneKind } from "../../map/zoneKinds";
import { corridorWeight } from "./corridor";
import type { LonLat } from "./faults";

export type Zone = Schemas["ZoneOut"];

export interface ZoneLayers {
  /** Everything drawn for the zone. */
  group: L.FeatureGroup;
  /** The shape itself: what Geoman edits and what is saved back. */
  shape: L.Polygon | L.Polyline | L.Marker;
  /** A route's corridor, redrawn at each zoom. */
  corridor: L.Polyline | null;
}

function symbolIcon(kind: ZoneKind, extraClass = ""): L.DivIcon {
  return L.divIcon({
    className: `zone-symbol zone-symbol--${kind} ${extraClass}`,
    html: `<span aria-hidden="true">${ZONE_LOOKS[kind].symbol}</span>`,
    iconSize: [26, 26],
    iconAnchor: [13, 13],
  });
}

/** The icon Geoman puts down when a point is drawn, before its kind is chosen. */
export function draftPointIcon(): L.DivIcon {
  return L.divIcon({ className: "zone-symbol zone-symbol--draft", html: '<span aria-hidden="true">+</span>', iconSize: [26, 26], iconAnchor: [13, 13] });
}

export function pathStyle(kind: ZoneKind, selected = false): L.PathOptions {
  const style = ZONE_LOOKS[kind].style;
  return selected
    ? { ...style, weight: (style.weight ?? 2) + 2, fillOpacity: Math.min(0.45, (style.fillOpacity ?? 0.2) + 0.2) }
    : { ...style };
}

function corridorStyle(kind: ZoneKind, weight: number, selected: boolean): L.PolylineOptions {
  return { color: ZONE_LOOKS[kind].style.color, weight, opacity: selected ? 0.35 : 0.2, lineCap: "round", lineJoin: "round", pmIgnore: true } as L.PolylineOptions;
}

const LABEL_PANE = "zoneLabels";

/** Area names lie under the markers (Leaflet puts tooltips above them), so no name hides a safe house. */
export function addLabelPane(map: L.Map) {
  map.createPane(LABEL_PANE).style.zIndex = "550";
}

export function drawZone(zone: Zone, map: L.Map, onSelect: (id: number) => void): ZoneLayers {
  const kind = zone.properties.kind as ZoneKind;
  const geometry = zone.geometry as unknown as Geometry;
  const name = zone.properties.name;
  const group = L.featureGroup();
  let shape: ZoneLayers["shape"];
  let corridor: L.Polyline | null = null;

  if (geometry.type === "Point") {
    const [lon, lat] = geometry.coordinates;
    // Not a tab stop of its own: the zone list is the keyboard's way to each zone.
    shape = L.marker([lat, lon], { icon: symbolIcon(kind), title: name, keyboard: false, riseOnHover: true });
  } else {
    shape = L.GeoJSON.geometryToLayer({ type: "Feature", geometry, properties: {} }) as L.Polygon | L.Polyline;
    shape.setStyle(pathStyle(kind));
    if (zone.properties.corridor_m && geometry.type === "LineString") {
      const latitude = geometry.coordinates[0][1];
      corridor = L.polyline(shape.getLatLngs() as L.LatLng[], corridorStyle(kind, corridorWeight(zone.properties.corridor_m, latitude, map.getZoom()), false));
      corridor.addTo(group);
    }
    shape.bindTooltip(name, { className: "zone-label", sticky: true });
    if (geometry.type === "Polygon" || geometry.type === "MultiPolygon") {
      // Areas carry their names beside them, clear of the symbols inside.
      const bounds = (shape as L.Polygon).getBounds();
      L.tooltip({ permanent: true, direction: "right", className: "zone-label zone-label--area", pane: LABEL_PANE })
        .setLatLng([bounds.getCenter().lat, bounds.getEast()])
        .setContent(name)
        .addTo(group);
    }
  }
  shape.addTo(group);
  group.on("click", () => onSelect(zone.id));
  return { group, shape, corridor };
}

/** Show a zone as selected or not: a heavier line and fill, a ring round a symbol. */
export function markSelected(zone: Zone, layers: ZoneLayers, selected: boolean, map: L.Map) {
  const kind = zone.properties.kind as ZoneKind;
  if (layers.shape instanceof L.Marker) {
    layers.shape.setIcon(symbolIcon(kind, selected ? "is-selected" : ""));
  } else {
    layers.shape.setStyle(pathStyle(kind, selected));
    if (selected) layers.shape.bringToFront();
  }
  if (layers.corridor && zone.properties.corridor_m) {
    layers.corridor.setStyle(corridorStyle(kind, currentCorridorWeight(zone, map), selected));
  }
}

function currentCorridorWeight(zone: Zone, map: L.Map): number {
  const geometry = zone.geometry as unknown as Geometry;
  const latitude = geometry.type === "LineString" ? geometry.coordinates[0][1] : map.getCenter().lat;
  return corridorWeight(zone.properties.corridor_m ?? 0, latitude, map.getZoom());
}

/** Redraw a route's corridor for the map's present zoom. */
export function resizeCorridor(zone: Zone, layers: ZoneLayers, map: L.Map) {
  layers.corridor?.setStyle({ weight: currentCorridorWeight(zone, map) });
}

/** A feature of a refused import, drawn in the error style, numbered as in the error list. */
export function drawRefusedFeature(geometry: Geometry, label: string): L.Layer | null {
  try {
    const layer = L.geoJSON(geometry as GeoJSON.GeoJsonObject, {
      style: () => ({ color: "#b00020", weight: 3, dashArray: "4 4", fillOpacity: 0.08, fillColor: "#b00020" }),
      pointToLayer: (_feature, latlng) =>
        L.marker(latlng, {
          icon: L.divIcon({ className: "zone-symbol zone-symbol--refused", html: '<span aria-hidden="true">!</span>', iconSize: [26, 26], iconAnchor: [13, 13] }),
          keyboard: false,
          title: label,
        }),
      pmIgnore: true,
    } as L.GeoJSONOptions);
    layer.bindTooltip(label, { permanent: true, direction: "top", offset: [0, -14], className: "zone-label zone-label--refused" });
    return layer;
  } catch {
    // A geometry Leaflet cannot draw at all (badly nested coordinates): the list still names it.
    return null;
  }
}

/** A ✕ where a geometry is wrong (where a polygon crosses itself, an open ring's ends). */
export function faultMarker([lon, lat]: LonLat, title: string): L.Marker {
  return L.marker([lat, lon], {
    icon: L.divIcon({ className: "zone-fault", html: '<span aria-hidden="true">✕</span>', iconSize: [24, 24], iconAnchor: [12, 12] }),
    keyboard: false,
    title,
    zIndexOffset: 1000,
    pmIgnore: true,
  } as L.MarkerOptions);
}
