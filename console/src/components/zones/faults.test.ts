import { describe, expect, it } from "vitest";
import type { Problem } from "../../api/client";
import { faultMessages, importFaults } from "./faults";

function problem(errors: Problem["errors"], coded: Problem["coded_errors"]): Problem {
  return { type: "about:blank", title: "", status: 422, detail: "", code: "GEOMETRY_SELF_INTERSECTION", request_id: "", errors, coded_errors: coded };
}

describe("import faults", () => {
  it("groups messages by feature, with each one's own code and locations", () => {
    const refused = problem(
      {
        features: {
          "2": { geometry: ["A women_safe_zone zone takes Polygon or MultiPolygon, not Point."] },
          "1": { geometry: ["The polygon crosses itself."], properties: { name: ["Missing data for required field."] } },
        },
      },
      [
        { path: ["features", "1", "geometry"], code: "GEOMETRY_SELF_INTERSECTION", message: "The polygon crosses itself.", locations: [[126.951, 37.39]] },
        { path: ["features", "2", "geometry"], code: "GEOMETRY_TYPE_MISMATCH", message: "A women_safe_zone zone takes Polygon or MultiPolygon, not Point." },
      ],
    );
    expect(importFaults(refused)).toEqual([
      {
        index: 1,
        messages: [
          { field: "geometry", code: "GEOMETRY_SELF_INTERSECTION", message: "The polygon crosses itself.", locations: [[126.951, 37.39]] },
          { field: "properties.name", code: null, message: "Missing data for required field.", locations: [] },
        ],
      },
      {
        index: 2,
        messages: [{ field: "geometry", code: "GEOMETRY_TYPE_MISMATCH", message: "A women_safe_zone zone takes Polygon or MultiPolygon, not Point.", locations: [] }],
      },
    ]);
  });

  it("reads an older answer without coded_errors as uncoded messages", () => {
    const refused = problem({ features: { "0": { geometry: ["The polygon crosses itself."] } } }, undefined);
    expect(importFaults(refused)[0].messages[0]).toMatchObject({ code: null, locations: [] });
  });
});

describe("fault messages of one zone", () => {
  it("gives an open ring's two ends", () => {
    const refused = problem({ geometry: ["A polygon ring must end where it starts."] }, [
      { path: ["geometry"], code: "GEOMETRY_RING_NOT_CLOSED", message: "A polygon ring must end where it starts.", locations: [[126.9497, 37.38885], [126.9508, 37.3906]] },
    ]);
    expect(faultMessages(refused)).toEqual([
      {
        path: ["geometry"],
        field: "geometry",
        code: "GEOMETRY_RING_NOT_CLOSED",
        message: "A polygon ring must end where it starts.",
        locations: [[126.9497, 37.38885], [126.9508, 37.3906]],
      },
    ]);
  });
});
