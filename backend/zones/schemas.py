"""Zones travel as GeoJSON Features: geometry, plus properties (the zone's own fields and
any free properties the caller keeps with it, such as an English name or a note)."""
import json

from marshmallow import INCLUDE, ValidationError, fields, post_dump, post_load, pre_dump, validate, validates_schema

from backend.core.geojson import BBox, GeoJSONGeometry, within_service_area
from backend.core.schemas import InputSchema, Name, OutputSchema, QuerySchema, UtcDateTime, enum_output
from backend.errors import CodedMessage
from backend.zones.models import GEOMETRY_TYPES_BY_KIND, ZoneKind

ZONE_FIELDS = ("name", "kind", "station_id", "corridor_m")
READ_ONLY_PROPERTIES = ("id", "created_at", "updated_at")
MAX_FREE_PROPERTIES_BYTES = 8 * 1024
MAX_IMPORT_FEATURES = 1000
# The most zones one map request answers (all=true); a station's zones rarely come near it.
MAX_MAP_ZONES = 2000
ANY_ZONE_GEOMETRY = ("Point", "LineString", "Polygon", "MultiPolygon")

FEATURE_EXAMPLE = {
    "type": "Feature",
    "geometry": {
        "type": "Polygon",
        "coordinates": [[[126.9497, 37.38885], [126.95195, 37.3889], [126.952, 37.3905],
                         [126.9497, 37.38885]]],
    },
    "properties": {"name": "범계역 광장", "kind": "dense_area", "station_id": 1, "note": "심야 귀가 인파"},
}


def zone_errors(kind, geometry_type, corridor_m, free_properties):
    """Field messages for a zone whose parts do not fit together ({} when they do).

    Used on a new Feature and again on the merged result of a PATCH, so both obey one rule.
    """
    errors = {}
    allowed = GEOMETRY_TYPES_BY_KIND[ZoneKind(kind)]
    if geometry_type not in allowed:
        errors["geometry"] = [
            CodedMessage("GEOMETRY_TYPE_MISMATCH", f"A {kind} zone takes {' or '.join(allowed)}, not {geometry_type}.")
        ]
    property_errors = {}
    if kind == ZoneKind.SAFE_RETURN_ROUTE and corridor_m is None:
        property_errors["corridor_m"] = ["A safe-return route needs corridor_m: metres either side, 1 to 500."]
    elif kind != ZoneKind.SAFE_RETURN_ROUTE and corridor_m is not None:
        property_errors["corridor_m"] = ["Only a safe-return route takes corridor_m."]
    problem = _free_properties_problem(free_properties)
    if problem:
        property_errors["_schema"] = [problem]
    if property_errors:
        errors["properties"] = property_errors
    return errors


def _free_properties_problem(free_properties):
    """Why the free properties cannot be stored as jsonb, or None."""
    try:
        # Python's JSON parser lets NaN and Infinity in; jsonb holds neither.
        encoded = json.dumps(free_properties, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    except ValueError:
        return "Free properties must be plain JSON: NaN and Infinity are not numbers there."
    if len(encoded.encode("utf-8")) > MAX_FREE_PROPERTIES_BYTES:
        return f"Free properties may take at most {MAX_FREE_PROPERTIES_BYTES} bytes as JSON."
    return None


NAME_RULES = validate.Length(min=1, max=100)
CORRIDOR_RULES = validate.Range(min=1, max=500)


class _ZonePropertiesBase(InputSchema):
    """Zone fields plus free properties; loads to {"free_properties": {...}, <zone fields>}."""

    class Meta:
        unknown = INCLUDE  # free properties are welcome; the Feature around them stays strict

    corridor_m = fields.Integer(
        allow_none=True,
        validate=CORRIDOR_RULES,
        metadata={"description": "Safe-return routes only: corridor width either side of the line, metres"},
    )

    @validates_schema(pass_original=True)
    def refuse_read_only(self, data, original, **kwargs):
        taken = [key for key in READ_ONLY_PROPERTIES if isinstance(original, dict) and key in original]
        if taken:
            raise ValidationError({key: ["Set by the server; leave it out."] for key in taken})

    @post_load
    def split_free_properties(self, data, **kwargs):
        zone_fields = {key: value for key, value in data.items() if key in ZONE_FIELDS}
        free = {key: value for key, value in data.items() if key not in ZONE_FIELDS}
        return {**zone_fields, "free_properties": free}


class ZonePropertiesSchema(_ZonePropertiesBase):
    name = Name(required=True, validate=NAME_RULES, metadata={"example": "범계역 광장"})
    kind = fields.Enum(ZoneKind, by_value=True, required=True)
    station_id = fields.Integer(required=True, metadata={"description": "Station (or sub-unit) in charge"})


class ZonePropertiesPatchSchema(_ZonePropertiesBase):
    name = Name(validate=NAME_RULES)
    kind = fields.Enum(ZoneKind, by_value=True)
    station_id = fields.Integer()


class ZoneFeatureSchema(InputSchema):
    """A new zone as a GeoJSON Feature."""

    type = fields.String(required=True, validate=validate.Equal("Feature"))
    geometry = GeoJSONGeometry(allowed_types=ANY_ZONE_GEOMETRY, required=True)
    properties = fields.Nested(ZonePropertiesSchema, required=True)

    @validates_schema(pass_original=True)
    def parts_fit_kind(self, data, original, **kwargs):
        properties = data["properties"]
        errors = zone_errors(
            properties["kind"],
            original["geometry"]["type"],  # the field has checked it is a supported type
            properties.get("corridor_m"),
            properties["free_properties"],
        )
        if not within_service_area(data["geometry"]):
            errors.setdefault("geometry", []).append(CodedMessage("ZONE_OUTSIDE_SERVICE_AREA"))
        if errors:
            raise ValidationError(errors)


class ZonePatchSchema(InputSchema):
    """Any of geometry and properties. Free properties merge into the stored ones; a free
    property set to null is removed, and corridor_m: null clears the corridor."""

    type = fields.String(validate=validate.Equal("Feature"))
    geometry = GeoJSONGeometry(allowed_types=ANY_ZONE_GEOMETRY)
    properties = fields.Nested(ZonePropertiesPatchSchema)

    @validates_schema
    def in_service_area(self, data, **kwargs):
        if "geometry" in data and not within_service_area(data["geometry"]):
            raise ValidationError(CodedMessage("ZONE_OUTSIDE_SERVICE_AREA"), field_name="geometry")


class ZoneImportSchema(InputSchema):
    type = fields.String(required=True, validate=validate.Equal("FeatureCollection"))
    features = fields.List(
        fields.Nested(ZoneFeatureSchema),
        required=True,
        validate=validate.Length(min=1, max=MAX_IMPORT_FEATURES),
    )


class ZoneQuerySchema(QuerySchema):
    kind = fields.Enum(ZoneKind, by_value=True)
    station_id = fields.Integer()
    bbox = BBox(metadata={"description": "Only zones intersecting minLon,minLat,maxLon,maxLat"})
    all = fields.Boolean(
        metadata={
            "description": f"true (with station_id): every zone of the station in one FeatureCollection, for a map, "
            f"page and page_size aside; at most {MAX_MAP_ZONES}, with truncated: true when there are more"
        }
    )

    @validates_schema
    def all_of_one_station(self, data, **kwargs):
        if data.get("all") and "station_id" not in data:
            raise ValidationError("all=true needs station_id.", field_name="station_id")


class ZoneOutPropertiesSchema(OutputSchema):
    id = fields.Integer()
    name = fields.String()
    kind = enum_output(ZoneKind)
    station_id = fields.Integer()
    corridor_m = fields.Integer(allow_none=True)
    created_at = UtcDateTime()
    updated_at = UtcDateTime()

    class Meta:
        # Only affects the OpenAPI document (additionalProperties: true): the zone's free
        # properties are returned alongside these.
        unknown = INCLUDE

    @post_dump(pass_original=True)
    def add_free_properties(self, data, zone, **kwargs):
        return {**(zone.properties or {}), **data}


class ZoneOutSchema(OutputSchema):
    type = fields.Constant("Feature")
    id = fields.Integer()
    geometry = GeoJSONGeometry()
    properties = fields.Nested(ZoneOutPropertiesSchema)

    @pre_dump
    def as_feature(self, zone, **kwargs):
        return {"id": zone.id, "geometry": zone.geom, "properties": zone}


class ZoneCollectionSchema(OutputSchema):
    type = fields.Constant("FeatureCollection")
    features = fields.List(fields.Nested(ZoneOutSchema))
    truncated = fields.Boolean(
        required=True,
        metadata={"description": f"all=true only: true when the station has more than {MAX_MAP_ZONES} zones and the rest were left out"}
    )


class ZoneImportResultSchema(OutputSchema):
    created = fields.Integer(metadata={"description": "How many zones were stored"})
    ids = fields.List(fields.Integer(), metadata={"description": "Their ids, in the order sent"})
