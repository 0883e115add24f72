from flask.views import MethodView
from flask_jwt_extended import current_user

from backend.core.auth import login_required
from backend.core.pagination import PAGE_SIZES
from backend.core.routing import Blueprint
from backend.extensions import limiter, throttled_after
from backend.locations import services
from backend.locations.schemas import BATCH_EXAMPLE, BatchResultSchema, BatchSchema, DwellSchema

blp = Blueprint("locations", __name__, description="Location points during patrols, and the time spent in zones")


@blp.route("/locations:batch")
class LocationBatch(MethodView):
    operation_ids = {"post": "uploadLocationBatch"}

    @login_required()
    @limiter.limit("120 per minute")
    @blp.alt_response(429, description=throttled_after("120 per minute"))
    @blp.arguments(BatchSchema, example=BATCH_EXAMPLE)
    @blp.response(200, BatchResultSchema)
    def post(self, batch):
        """Upload up to 1,000 buffered points, in any order, retrying with the same ids"""
        return services.ingest(current_user, batch["points"])


@blp.route("/patrols/<id:patrol_id>/dwell")
class PatrolDwell(MethodView):
    @login_required()
    @blp.response(200, DwellSchema(many=True))
    @blp.paginate(**PAGE_SIZES)
    def get(self, patrol_id, pagination_parameters):
        """Minutes each person spent in each zone of the patrol (and route coverage)"""
        return services.patrol_dwell(current_user, patrol_id, pagination_parameters)
