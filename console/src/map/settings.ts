// The map's tile server, as the API's index announces it (PATROL_MAP_TILE_URL on the server).
import type { components } from "../api/schema";

type MapTiles = components["schemas"]["Index"]["map"];

let loaded: Promise<MapTiles> | null = null;

export function mapTiles(): Promise<MapTiles> {
  loaded ??= fetch("/api/v1/")
    .then((response) => (response.ok ? response.json() : Promise.reject(response)))
    .then((index) => index.map as MapTiles)
    .catch(() => ({ tile_url: null, attribution: "" }));
  return loaded;
}
