// A safe-return route's corridor on screen: metres on the ground as pixels at a zoom.

const EARTH_CIRCUMFERENCE_M = 40075016.686;

/** Metres one screen pixel covers at a latitude and zoom (Web Mercator, 256-pixel tiles). */
export function metresPerPixel(latitude: number, zoom: number): number {
  return (EARTH_CIRCUMFERENCE_M * Math.cos((latitude * Math.PI) / 180)) / 2 ** (zoom + 8);
}

/** The stroke width, in pixels, that covers `corridorM` metres either side of a line. */
export function corridorWeight(corridorM: number, latitude: number, zoom: number): number {
  return Math.max(4, (2 * corridorM) / metresPerPixel(latitude, zoom));
}
