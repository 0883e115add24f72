import sqlalchemy as sa
from geoalchemy2 import Geometry
from sqlalchemy.dialects.postgresql import JSONB

from backend.core.models import StrEnum, created_at_column, enum_column, updated_at_column
from backend.extensions import db


class ZoneKind(StrEnum):
    DENSE_AREA = "dense_area"  # 다중밀집지역: station plazas, shopping and nightlife streets
    WOMEN_SAFE_ZONE = "women_safe_zone"  # 여성안심구역
    SAFE_RETURN_ROUTE = "safe_return_route"  # 안심귀갓길: a street line patrolled as a corridor
    SAFE_HOUSE = "safe_house"  # 여성 안심 지킴이집: a shop that shelters people
    OTHER = "other"


# A safe house (or any point or line zone but a route) counts this far around it.
POINT_ZONE_RADIUS_M = 25

# Which geometry types each kind takes; "other" takes any.
GEOMETRY_TYPES_BY_KIND = {
    ZoneKind.DENSE_AREA: ("Polygon", "MultiPolygon"),
    ZoneKind.WOMEN_SAFE_ZONE: ("Polygon", "MultiPolygon"),
    ZoneKind.SAFE_RETURN_ROUTE: ("LineString",),
    ZoneKind.SAFE_HOUSE: ("Point",),
    ZoneKind.OTHER: ("Point", "LineString", "Polygon", "MultiPolygon"),
}


class Zone(db.Model):
    __tablename__ = "zones"
    __table_args__ = (
        # The schema checks all this first; the database keeps it true for every writer.
        sa.CheckConstraint("ST_IsValid(geom)", name="geom_valid"),
        sa.CheckConstraint(
            "(kind <> 'safe_return_route') = (corridor_m IS NULL)", name="corridor_for_routes"
        ),
        sa.CheckConstraint("corridor_m IS NULL OR corridor_m BETWEEN 1 AND 500", name="corridor_range"),
        sa.CheckConstraint(
            "kind = 'other'"
            " OR (kind IN ('dense_area', 'women_safe_zone')"
            "     AND ST_GeometryType(geom) IN ('ST_Polygon', 'ST_MultiPolygon'))"
            " OR (kind = 'safe_return_route' AND ST_GeometryType(geom) = 'ST_LineString')"
            " OR (kind = 'safe_house' AND ST_GeometryType(geom) = 'ST_Point')",
            name="geometry_fits_kind",
        ),
    )

    id = sa.Column(sa.Integer, primary_key=True)
    station_id = sa.Column(
        sa.Integer, sa.ForeignKey("stations.id", ondelete="RESTRICT"), nullable=False, index=True
    )
    name = sa.Column(sa.String(100), nullable=False)
    kind = enum_column(ZoneKind, "zone_kind", nullable=False)
    geom = sa.Column(Geometry(geometry_type="GEOMETRY", srid=4326), nullable=False)
    # Where someone counts as "in" the zone: a route's corridor, a few metres around a point,
    # the polygon itself. Kept by the database, indexed, so "which zones hold this point"
    # is one index lookup.
    area = sa.Column(
        Geometry(geometry_type="GEOMETRY", srid=4326),
        sa.Computed(
            "CASE WHEN kind = 'safe_return_route' THEN ST_Buffer(geom::geography, corridor_m)::geometry"
            f" WHEN ST_Dimension(geom) < 2 THEN ST_Buffer(geom::geography, {POINT_ZONE_RADIUS_M})::geometry"
            " ELSE geom END",
            persisted=True,
        ),
    )
    # Width either side of a safe-return route's centre line, in metres.
    corridor_m = sa.Column(sa.Integer)
    properties = sa.Column(JSONB, nullable=False, server_default=sa.text("'{}'::jsonb"))
    created_at = created_at_column()
    updated_at = updated_at_column()

    station = db.relationship("Station")
