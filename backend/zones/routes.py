from flask.views import MethodView
from flask_jwt_extended import current_user

from backend.core.auth import login_required
from backend.core.pagination import PAGE_SIZES
from backend.core.routing import Blueprint, problems
from backend.core.statement_timeout import long_statements
from backend.zones import services
from backend.zones.policies import ZONE_EDITORS
from backend.zones.schemas import (
    FEATURE_EXAMPLE,
    ZoneCollectionSchema,
    ZoneFeatureSchema,
    ZoneImportResultSchema,
    ZoneImportSchema,
    ZoneOutSchema,
    ZonePatchSchema,
    ZoneQuerySchema,
)

blp = Blueprint(
    "zones",
    __name__,
    url_prefix="/zones",
    description="Patrol zones as GeoJSON: dense areas, women-safe zones, safe-return routes, safe houses",
)
# What a zone written (created, imported, changed) may be refused for.
ZONE_PROBLEMS = (
    "GEOMETRY_INVALID",
    "GEOMETRY_SELF_INTERSECTION",
    "GEOMETRY_RING_NOT_CLOSED",
    "GEOMETRY_COORDINATES_OUT_OF_RANGE",
    "GEOMETRY_HAS_Z",
    "GEOMETRY_TYPE_MISMATCH",
    "ZONE_OUTSIDE_SERVICE_AREA",
    "STATION_OUT_OF_SCOPE",
)


@blp.route("")
class Zones(MethodView):
    @login_required(*ZONE_EDITORS)
    @blp.arguments(ZoneFeatureSchema, example=FEATURE_EXAMPLE)
    @blp.response(201, ZoneOutSchema)
    @problems(*ZONE_PROBLEMS)
    def post(self, feature):
        """Create a zone from a GeoJSON Feature"""
        return services.create_zone(current_user, feature)

    @login_required()
    @blp.arguments(ZoneQuerySchema, location="query")
    @blp.response(200, ZoneCollectionSchema)
    @blp.paginate(**PAGE_SIZES)
    def get(self, filters, pagination_parameters):
        """List the zones of your station as a FeatureCollection"""
        return services.list_zones(current_user, filters, pagination_parameters)


@blp.route("/import")
class ZoneImport(MethodView):
    operation_ids = {"post": "importZones"}

    @login_required(*ZONE_EDITORS)
    @blp.arguments(ZoneImportSchema)
    @blp.response(201, ZoneImportResultSchema)
    @blp.alt_response(422, description="Nothing is stored; errors name the feature by its index")
    @problems(*ZONE_PROBLEMS)
    @long_statements
    def post(self, collection):
        """Import a FeatureCollection of zones, all or nothing"""
        return services.import_zones(current_user, collection["features"])


@blp.route("/<id:zone_id>")
class ZoneById(MethodView):
    @login_required()
    @blp.response(200, ZoneOutSchema)
    def get(self, zone_id):
        """Show one zone as a GeoJSON Feature"""
        return services.get_zone(current_user, zone_id)

    @login_required(*ZONE_EDITORS)
    @blp.arguments(ZonePatchSchema)
    @blp.response(200, ZoneOutSchema)
    @blp.doc(
        description="Send geometry and/or properties. Free properties merge into the stored "
        "ones and a free property set to null is removed; set corridor_m to null when a route "
        "becomes another kind. The merged zone must still fit its kind. id, created_at and "
        "updated_at are set by the server and refused here."
    )
    @problems(*ZONE_PROBLEMS)
    def patch(self, changes, zone_id):
        """Change a zone's geometry or properties"""
        return services.update_zone(current_user, zone_id, changes)

    @login_required(*ZONE_EDITORS)
    @blp.response(204)
    @problems("ZONE_IN_USE")
    def delete(self, zone_id):
        """Delete a zone"""
        services.delete_zone(current_user, zone_id)
