import { describe, expect, it } from "vitest";
import { corridorWeight, metresPerPixel } from "./corridor";

describe("a route's corridor on screen", () => {
  it("covers the corridor's metres either side at the map's scale", () => {
    // At the equator and zoom 0 one pixel is about 156 km.
    expect(metresPerPixel(0, 0)).toBeCloseTo(156543.03, 1);
    // 범계 (37.39° N) at zoom 16: about 1.9 m a pixel, so 30 m either side is about 32 px.
    expect(corridorWeight(30, 37.39, 16)).toBeCloseTo(31.9, 0);
  });

  it("never draws thinner than the line itself", () => {
    expect(corridorWeight(1, 37.39, 10)).toBe(4);
  });
});
