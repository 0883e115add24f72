"""The GeoJSON field: what it lets in, what it refuses and with which code."""
import pytest
from geoalchemy2.elements import WKBElement
from marshmallow import ValidationError
from shapely.geometry import Point

from backend.core.geojson import BBox, GeoJSONGeometry

PLAZA = [[[126.9497, 37.38885], [126.95195, 37.3889], [126.952, 37.3905], [126.9508, 37.3906], [126.9497, 37.38885]]]
BOW_TIE = [[[126.950, 37.389], [126.952, 37.391], [126.952, 37.389], [126.950, 37.391], [126.950, 37.389]]]


def refusal_code(value, allowed_types=None):
    field = GeoJSONGeometry(allowed_types=allowed_types) if allowed_types else GeoJSONGeometry()
    with pytest.raises(ValidationError) as caught:
        field.deserialize(value)
    return caught.value.messages[0].code


@pytest.mark.parametrize(
    "geometry",
    [
        {"type": "Point", "coordinates": [126.9508, 37.3897]},
        {"type": "LineString", "coordinates": [[126.9508, 37.3897], [126.953, 37.388], [126.9555, 37.3872]]},
        {"type": "Polygon", "coordinates": PLAZA},
        {"type": "MultiPolygon", "coordinates": [PLAZA]},
    ],
)
def test_round_trip_keeps_type_and_coordinates(geometry):
    field = GeoJSONGeometry()
    stored = field.deserialize(geometry)
    assert isinstance(stored, WKBElement)
    assert stored.srid == 4326
    assert field.serialize("geom", {"geom": stored}) == geometry


def test_serialised_coordinates_are_json_arrays_not_tuples():
    dumped = GeoJSONGeometry().serialize("geom", {"geom": Point(126.9508, 37.3897)})
    assert dumped == {"type": "Point", "coordinates": [126.9508, 37.3897]}
    assert type(dumped["coordinates"]) is list


def test_none_serialises_to_null():
    assert GeoJSONGeometry(allow_none=True).serialize("geom", {"geom": None}) is None


@pytest.mark.parametrize(
    "value",
    [
        "POINT(126.95 37.38)",
        {"coordinates": [126.95, 37.38]},
        {"type": "Point"},
        {"type": "Circle", "coordinates": [126.95, 37.38]},
        {"type": "GeometryCollection", "coordinates": []},
        {"type": "Point", "coordinates": ["126.95", 37.38]},
        {"type": "Point", "coordinates": [True, 37.38]},
        {"type": "Point", "coordinates": [126.95]},
        {"type": "Polygon", "coordinates": []},
        {"type": "Polygon", "coordinates": [[126.95, 37.38]]},
        {"type": "Polygon", "coordinates": [[[126.95, 37.38], [126.96, 37.38], [126.95, 37.38]]]},
        {"type": "LineString", "coordinates": [[126.95, 37.38]]},
        {"type": "LineString", "coordinates": [[126.95, 37.38], [126.95, 37.38]]},
    ],
    ids=[
        "not-a-dict", "no-type", "no-coordinates", "unknown-type", "collection", "string-number",
        "boolean", "one-number", "empty-polygon", "badly-nested", "ring-of-three", "one-point-line",
        "line-without-length",
    ],
)
def test_malformed_geometry_is_invalid(value):
    assert refusal_code(value) == "GEOMETRY_INVALID"


def test_polygon_hole_outside_its_shell_is_invalid():
    hole = [[126.96, 37.40], [126.961, 37.40], [126.961, 37.401], [126.96, 37.40]]
    assert refusal_code({"type": "Polygon", "coordinates": [PLAZA[0], hole]}) == "GEOMETRY_INVALID"


@pytest.mark.parametrize(
    "geometry",
    [
        {"type": "Point", "coordinates": [126.9508, 37.3897, 42.0]},
        {"type": "Polygon", "coordinates": [[[*p, 0] for p in PLAZA[0]]]},
    ],
)
def test_third_coordinate_is_refused(geometry):
    assert refusal_code(geometry) == "GEOMETRY_HAS_Z"


@pytest.mark.parametrize("position", [[181, 37.3], [-180.5, 37.3], [126.9, 90.01], [126.9, -91]])
def test_coordinates_out_of_range(position):
    assert refusal_code({"type": "Point", "coordinates": position}) == "GEOMETRY_COORDINATES_OUT_OF_RANGE"


def test_swapped_latitude_longitude_is_caught_as_out_of_range():
    # A common client mistake: [lat, lon] instead of GeoJSON's [lon, lat] for Seoul.
    assert refusal_code({"type": "Point", "coordinates": [37.5663, 126.9779]}) == "GEOMETRY_COORDINATES_OUT_OF_RANGE"


def test_ring_not_closed_is_refused_rather_than_silently_closed():
    open_ring = [PLAZA[0][:-1]]
    assert refusal_code({"type": "Polygon", "coordinates": open_ring}) == "GEOMETRY_RING_NOT_CLOSED"


def test_bow_tie_polygon_is_a_self_intersection():
    assert refusal_code({"type": "Polygon", "coordinates": BOW_TIE}) == "GEOMETRY_SELF_INTERSECTION"


def test_overlapping_multipolygon_parts_are_a_self_intersection():
    shifted = [[[lon + 0.0005, lat] for lon, lat in PLAZA[0]]]
    assert refusal_code({"type": "MultiPolygon", "coordinates": [PLAZA, shifted]}) == "GEOMETRY_SELF_INTERSECTION"


def test_type_outside_allowed_types_is_a_mismatch():
    point = {"type": "Point", "coordinates": [126.9508, 37.3897]}
    assert refusal_code(point, allowed_types=("Polygon", "MultiPolygon")) == "GEOMETRY_TYPE_MISMATCH"


def test_bbox_parses_four_numbers():
    assert BBox().deserialize("126.945,37.385,126.956,37.395") == (126.945, 37.385, 126.956, 37.395)


@pytest.mark.parametrize(
    "text",
    ["126.945,37.385,126.956", "a,b,c,d", "126.956,37.385,126.945,37.395", "126.9,37.3,181,37.4", "126.9,nan,127,37.4"],
)
def test_bad_bbox_is_refused(text):
    with pytest.raises(ValidationError):
        BBox().deserialize(text)
