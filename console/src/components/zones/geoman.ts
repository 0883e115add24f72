// Leaflet-Geoman's drawing toolbar, in the reader's language, with names screen readers read.
import "./leafletGlobal";
import "@geoman-io/leaflet-geoman-free";
import "@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.css";
import type L from "leaflet";
import type { Locale } from "../../i18n";
import { draftPointIcon } from "./zoneLayers";

type Translate = (key: string) => string;

export function addDrawingTools(map: L.Map, locale: Locale, t: Translate) {
  map.pm.setGlobalOptions({
    markerStyle: { icon: draftPointIcon(), keyboard: false },
    pathOptions: { color: "#1d2129", weight: 3, dashArray: "6 4", fillOpacity: 0.1 },
    templineStyle: { color: "#1d2129" },
    hintlineStyle: { color: "#1d2129", dashArray: "4 4" },
  });
  map.pm.addControls({
    position: "topleft",
    drawPolygon: true,
    drawRectangle: true,
    drawPolyline: true,
    drawMarker: true,
    drawCircle: false,
    drawCircleMarker: false,
    drawText: false,
    editMode: false,
    dragMode: false,
    cutPolygon: false,
    removalMode: false,
    rotateMode: false,
  });
  setToolLanguage(map, locale, t);
}

export function setToolLanguage(map: L.Map, locale: Locale, t: Translate) {
  map.pm.setLang(
    locale,
    {
      buttonTitles: {
        drawPolyButton: t("zones.tools.polygon"),
        drawRectButton: t("zones.tools.rectangle"),
        drawLineButton: t("zones.tools.line"),
        drawMarkerButton: t("zones.tools.point"),
      },
      actions: { finish: t("zones.tools.finish"), cancel: t("zones.tools.cancel"), removeLastVertex: t("zones.tools.removeLastVertex") },
    },
    locale,
  );
  // Geoman titles the button's box, not the button: name the button itself.
  map.getContainer().querySelectorAll<HTMLElement>(".leaflet-pm-toolbar .button-container[title]").forEach((box) => {
    box.querySelector(".leaflet-buttons-control-button")?.setAttribute("aria-label", box.title);
  });
}
