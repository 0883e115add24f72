"""GeoJSON in and out of the API: the one place geometry is checked (CONVENTIONS rule 3).

Incoming geometries are checked on their raw coordinates first, because shapely quietly
repairs some mistakes (it closes an open ring) that the caller should hear about; only
then is the shape built and its validity asked of GEOS. Everything is stored in SRID 4326.
"""
import math
import re

import shapely
from flask import current_app
from geoalchemy2.elements import WKBElement, WKTElement
from geoalchemy2.shape import from_shape, to_shape
from marshmallow import ValidationError, fields
from shapely.geometry import box, mapping, shape
from shapely.geometry.base import BaseGeometry

from backend.errors import CodedMessage

SRID = 4326

# How deeply positions are nested in `coordinates` for each supported type.
POSITION_DEPTH = {
    "Point": 0,
    "MultiPoint": 1,
    "LineString": 1,
    "MultiLineString": 2,
    "Polygon": 2,
    "MultiPolygon": 3,
}
SUPPORTED_TYPES = tuple(POSITION_DEPTH)


# GEOS ends its reason with where the fault is: "Self-intersection[126.95 37.389]".
REASON_LOCATION = re.compile(r"\[(\S+) (\S+)\]$")


def _refuse(code, text=None, locations=None):
    raise ValidationError(CodedMessage(code, text, locations=locations))


def _is_number(value):
    # JSON true/false arrive as bool, which Python counts as int.
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _check_position(position):
    if not isinstance(position, (list, tuple)) or len(position) < 2:
        _refuse("GEOMETRY_INVALID", "A position is a list of two numbers: [longitude, latitude].")
    if not all(_is_number(n) and math.isfinite(n) for n in position):
        _refuse("GEOMETRY_INVALID", "Coordinates must be finite numbers.")
    if len(position) > 2:
        _refuse("GEOMETRY_HAS_Z")
    lon, lat = position
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        _refuse("GEOMETRY_COORDINATES_OUT_OF_RANGE")


def _check_nesting(coordinates, depth):
    """Check every position, and that each level below the positions is a non-empty list."""
    if depth == 0:
        _check_position(coordinates)
        return
    if not isinstance(coordinates, (list, tuple)) or not coordinates:
        _refuse("GEOMETRY_INVALID", "The geometry is empty or its coordinates are nested wrongly.")
    for child in coordinates:
        _check_nesting(child, depth - 1)


def _check_ring(ring):
    if list(ring[0]) != list(ring[-1]):
        _refuse("GEOMETRY_RING_NOT_CLOSED", locations=[list(ring[0]), list(ring[-1])])
    if len(ring) < 4:
        _refuse("GEOMETRY_INVALID", "A polygon ring needs at least four positions.")


def _check_line(line):
    if len({tuple(position) for position in line}) < 2:
        _refuse("GEOMETRY_INVALID", "A line needs at least two distinct positions.")


def _check_parts(geometry_type, coordinates):
    if geometry_type == "LineString":
        _check_line(coordinates)
    elif geometry_type == "MultiLineString":
        for line in coordinates:
            _check_line(line)
    elif geometry_type == "Polygon":
        for ring in coordinates:
            _check_ring(ring)
    elif geometry_type == "MultiPolygon":
        for polygon in coordinates:
            for ring in polygon:
                _check_ring(ring)


def _check_validity(geometry):
    reason = shapely.is_valid_reason(geometry)
    if reason == "Valid Geometry":
        return
    found = REASON_LOCATION.search(reason)
    locations = [[float(found[1]), float(found[2])]] if found else None
    if reason.startswith(("Self-intersection", "Ring Self-intersection")):
        _refuse("GEOMETRY_SELF_INTERSECTION", locations=locations)
    _refuse("GEOMETRY_INVALID", f"The geometry is not valid: {reason}.", locations=locations)


def _as_lists(value):
    # shapely's mapping() gives tuples; the API answers with plain JSON arrays.
    if isinstance(value, (list, tuple)):
        return [_as_lists(item) for item in value]
    return value


class GeoJSONGeometry(fields.Field):
    """A GeoJSON geometry (RFC 7946, WGS84 longitude/latitude) loaded as a 4326 WKBElement."""

    def __init__(self, allowed_types=SUPPORTED_TYPES, **kwargs):
        unknown = set(allowed_types) - set(SUPPORTED_TYPES)
        if unknown:
            raise ValueError(f"unsupported geometry types: {sorted(unknown)}")
        self.allowed_types = tuple(allowed_types)
        metadata = {
            "type": "object",
            "description": "GeoJSON geometry (RFC 7946), WGS84 [longitude, latitude], two "
            f"dimensions only. Accepted types: {', '.join(self.allowed_types)}.",
            "example": {"type": "Point", "coordinates": [126.9508, 37.3897]},
            **kwargs.pop("metadata", {}),
        }
        super().__init__(metadata=metadata, **kwargs)

    def _serialize(self, value, attr, obj, **kwargs):
        if value is None:
            return None
        geometry = to_shape(value) if isinstance(value, (WKBElement, WKTElement)) else value
        if not isinstance(geometry, BaseGeometry):
            raise TypeError(f"cannot serialise {type(value).__name__} as GeoJSON")
        geojson = mapping(geometry)
        return {"type": geojson["type"], "coordinates": _as_lists(geojson["coordinates"])}

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, dict) or "type" not in value or "coordinates" not in value:
            _refuse("GEOMETRY_INVALID", "Send a GeoJSON geometry object with type and coordinates.")
        geometry_type = value["type"]
        if geometry_type not in SUPPORTED_TYPES:
            _refuse("GEOMETRY_INVALID", f"Geometry type must be one of {', '.join(SUPPORTED_TYPES)}.")
        if geometry_type not in self.allowed_types:
            _refuse(
                "GEOMETRY_TYPE_MISMATCH",
                f"Expected {' or '.join(self.allowed_types)}, not {geometry_type}.",
            )
        coordinates = value["coordinates"]
        _check_nesting(coordinates, POSITION_DEPTH[geometry_type])
        _check_parts(geometry_type, coordinates)
        geometry = shape({"type": geometry_type, "coordinates": coordinates})
        _check_validity(geometry)
        return from_shape(geometry, srid=SRID)


class BBox(fields.Field):
    """A bounding box in a query string: `minLon,minLat,maxLon,maxLat` (WGS84)."""

    def __init__(self, **kwargs):
        metadata = {
            "type": "string",
            "description": "minLon,minLat,maxLon,maxLat in WGS84 degrees",
            "example": "126.945,37.385,126.956,37.395",
            **kwargs.pop("metadata", {}),
        }
        super().__init__(metadata=metadata, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        parts = value.split(",") if isinstance(value, str) else []
        try:
            numbers = [float(part) for part in parts]
        except ValueError:
            numbers = []
        if len(numbers) != 4 or not all(math.isfinite(n) for n in numbers):
            raise ValidationError("Give four numbers: minLon,minLat,maxLon,maxLat.")
        min_lon, min_lat, max_lon, max_lat = numbers
        if not (-180 <= min_lon < max_lon <= 180 and -90 <= min_lat < max_lat <= 90):
            raise ValidationError(
                "Longitudes must be within -180..180 and latitudes within -90..90, each minimum below its maximum."
            )
        return min_lon, min_lat, max_lon, max_lat


def within_service_area(geometry):
    """Does `geometry` (as GeoJSONGeometry loads it) lie wholly within PATROL_SERVICE_AREA?"""
    return box(*current_app.config["SERVICE_AREA"]).covers(to_shape(geometry))
