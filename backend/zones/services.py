"""Zone reads and writes. Functions flush, never commit: the request commits once."""
from geoalchemy2.shape import to_shape
from sqlalchemy import func, select

from backend.core.filters import where_equal
from backend.core.pagination import paginate
from backend.core.scopes import one_or_404
from backend.errors import AppError, first_coded_message
from backend.extensions import db
from backend.patrols.models import patrol_zones
from backend.zones import policies
from backend.zones.models import Zone
from backend.zones.schemas import MAX_MAP_ZONES, ZONE_FIELDS, zone_errors

OUT_OF_SCOPE_MESSAGE = "No station with this id is within your scope."


def list_zones(user, filters, pagination):
    """A FeatureCollection: one page of the zones, or with all=true the first MAX_MAP_ZONES."""
    statement = policies.visible_zones(user).order_by(Zone.id)
    statement = where_equal(statement, Zone, filters, "kind", "station_id")
    if "bbox" in filters:
        # Plain geometry against an envelope in the column's SRID, so the GIST index is used.
        envelope = func.ST_MakeEnvelope(*filters["bbox"], 4326)
        statement = statement.where(func.ST_Intersects(Zone.geom, envelope))
    if filters.get("all"):
        # One page as large as the cap: X-Pagination still gives the true total.
        pagination.page, pagination.page_size = 1, MAX_MAP_ZONES
        zones = paginate(statement, pagination)
        return {"features": zones, "truncated": pagination.item_count > len(zones)}
    return {"features": paginate(statement, pagination), "truncated": False}


def get_zone(user, zone_id):
    return one_or_404(policies.visible_zones(user).where(Zone.id == zone_id))


def create_zone(user, feature):
    _require_station_in_scope(user, feature["properties"]["station_id"])
    zone = _new_zone(feature)
    db.session.flush()
    return zone


def import_zones(user, features):
    """Store every feature or none: the first out-of-scope station refuses the whole lot."""
    checked = set()
    for index, feature in enumerate(features):
        station_id = feature["properties"]["station_id"]
        if station_id not in checked:  # one query per station, not per feature
            _require_station_in_scope(user, station_id, feature_index=index)
            checked.add(station_id)
    zones = [_new_zone(feature) for feature in features]
    db.session.flush()
    return {"created": len(zones), "ids": [zone.id for zone in zones]}


def update_zone(user, zone_id, changes):
    """Apply a partial Feature, then check the merged zone as a whole."""
    zone = get_zone(user, zone_id)
    properties = changes.get("properties", {})
    if "station_id" in properties and properties["station_id"] != zone.station_id:
        _require_station_in_scope(user, properties["station_id"])

    geometry = changes.get("geometry", zone.geom)
    merged = {field: properties.get(field, getattr(zone, field)) for field in ZONE_FIELDS}
    free = dict(zone.properties or {})
    for key, value in properties.get("free_properties", {}).items():
        # As in JSON Merge Patch (RFC 7396), at the top level: null removes the property.
        if value is None:
            free.pop(key, None)
        else:
            free[key] = value

    errors = zone_errors(merged["kind"], to_shape(geometry).geom_type, merged["corridor_m"], free)
    if errors:
        coded = first_coded_message(errors)
        raise AppError(coded.code if coded else "VALIDATION_ERROR", errors=errors)

    for field, value in merged.items():
        setattr(zone, field, value)
    if "geometry" in changes:
        zone.geom = geometry
    zone.properties = free
    db.session.flush()
    return zone


def delete_zone(user, zone_id):
    zone = get_zone(user, zone_id)
    # Patrols keep their zones (the database refuses too); say why rather than a bare conflict.
    if db.session.scalar(select(patrol_zones.c.patrol_id).where(patrol_zones.c.zone_id == zone.id).limit(1)):
        raise AppError("ZONE_IN_USE")
    db.session.delete(zone)
    db.session.flush()


def _new_zone(feature):
    properties = feature["properties"]
    zone = Zone(
        name=properties["name"],
        kind=properties["kind"],
        station_id=properties["station_id"],
        corridor_m=properties.get("corridor_m"),
        geom=feature["geometry"],
        properties=properties["free_properties"],
    )
    db.session.add(zone)
    return zone


def _require_station_in_scope(user, station_id, feature_index=None):
    if policies.can_place_zone_in(user, station_id):
        return
    errors = {"properties": {"station_id": [OUT_OF_SCOPE_MESSAGE]}}
    if feature_index is not None:
        # Name the feature the way the schema names its errors in an import.
        errors = {"features": {str(feature_index): errors}}
    raise AppError("STATION_OUT_OF_SCOPE", errors=errors)
