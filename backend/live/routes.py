from flask import request
from flask.views import MethodView
from flask_jwt_extended import current_user

from backend.core.auth import login_required
from backend.core.pagination import PAGE_SIZES
from backend.core.request_log import route_name
from backend.core.routing import Blueprint
from backend.live import services
from backend.live.schemas import LiveBoardSchema, LocationAccessQuerySchema, LocationAccessSchema, TrackPointSchema
from backend.users.models import Role

blp = Blueprint("live", __name__, description="Where people on a patrol are, and who read it")

def read_endpoint():
    """The route read, as the access log names it: "GET /api/v1/patrols/<patrol_id>/live"."""
    return f"{request.method} {route_name()}"


@blp.route("/patrols/<id:patrol_id>/live")
class LiveBoard(MethodView):
    @login_required()
    @blp.response(200, LiveBoardSchema)
    @blp.doc(description="Staff of the patrol's station family see everyone; a volunteer on the patrol "
             "sees only their own row. Every other person's location shown is logged.")
    def get(self, patrol_id):
        """Who is on the patrol: check-in state, last position and zones"""
        return services.live_board(current_user, patrol_id, read_endpoint())


@blp.route("/patrols/<id:patrol_id>/participants/<id:user_id>/track")
class ParticipantTrack(MethodView):
    @login_required()
    @blp.response(200, TrackPointSchema(many=True))
    @blp.paginate(**PAGE_SIZES)
    @blp.doc(description="Staff read anyone on the patrol, a volunteer only themself. "
             "Reading another person's track is logged.")
    def get(self, patrol_id, user_id, pagination_parameters):
        """A participant's points on the patrol, oldest first"""
        return services.track(current_user, patrol_id, user_id, read_endpoint(), pagination_parameters)


@blp.route("/admin/location-access")
class LocationAccessLog(MethodView):
    @login_required(Role.ADMIN)
    @blp.arguments(LocationAccessQuerySchema, location="query")
    @blp.response(200, LocationAccessSchema(many=True))
    @blp.paginate(**PAGE_SIZES)
    def get(self, filters, pagination_parameters):
        """Who read whose location, newest first"""
        return services.list_location_access(filters, pagination_parameters)
