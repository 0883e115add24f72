// Leaflet-Geoman is a script that extends the global `L`; a bundled Leaflet has none, so
// lend it ours before Geoman loads (imported first in geoman.ts).
import L from "leaflet";

(globalThis as unknown as { L: typeof L }).L = L;
