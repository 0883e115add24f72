from flask.views import MethodView
from flask_jwt_extended import current_user

from backend.checkins import services
from backend.checkins.models import CheckInKind
from backend.checkins.policies import REVIEWERS
from backend.checkins.schemas import (
    CHECK_IN_EXAMPLE,
    CheckInQuerySchema,
    CheckInRequestSchema,
    CheckInForReviewSchema,
    CheckInReviewSchema,
    CheckInSchema,
    ReviewRequestSchema,
)
from backend.core.auth import login_required
from backend.core.pagination import PAGE_SIZES
from backend.core.routing import Blueprint, problems
from backend.extensions import limiter, throttled_after

blp = Blueprint("checkins", __name__, description="Check-in and check-out at a patrol, and their review")

RETRY_DESCRIPTION = "A retry with the same client_event_id answers 200 with the first result and stores nothing."


def _answer(checkin, is_new):
    return checkin, 201 if is_new else 200


@blp.route("/patrols/<id:patrol_id>/check-in")
class CheckInView(MethodView):
    operation_ids = {"post": "checkIn"}

    @login_required()
    @limiter.limit("30 per minute")
    @blp.alt_response(429, description=throttled_after("30 per minute"))
    @blp.arguments(CheckInRequestSchema, example=CHECK_IN_EXAMPLE)
    @blp.response(201, CheckInSchema, description="Recorded: accepted, or flagged for review with reasons")
    @blp.alt_response(200, schema=CheckInSchema, description=RETRY_DESCRIPTION)
    @problems("NOT_A_PARTICIPANT", "CONSENT_REQUIRED", "OUTSIDE_PATROL_WINDOW", "RECORDED_AFTER_PATROL_END", "RECORDED_IN_FUTURE", "OUTSIDE_GEOFENCE", "IDEMPOTENCY_MISMATCH")
    def post(self, fix, patrol_id):
        """Check in at a patrol from the phone"""
        return _answer(*services.record(current_user, patrol_id, CheckInKind.CHECK_IN, fix))


@blp.route("/patrols/<id:patrol_id>/check-out")
class CheckOutView(MethodView):
    operation_ids = {"post": "checkOut"}

    @login_required()
    @limiter.limit("30 per minute")
    @blp.alt_response(429, description=throttled_after("30 per minute"))
    @blp.arguments(CheckInRequestSchema, example=CHECK_IN_EXAMPLE)
    @blp.response(201, CheckInSchema)
    @blp.alt_response(200, schema=CheckInSchema, description=RETRY_DESCRIPTION)
    @problems("NOT_A_PARTICIPANT", "CONSENT_REQUIRED", "OUTSIDE_PATROL_WINDOW", "RECORDED_AFTER_PATROL_END", "RECORDED_IN_FUTURE", "OUTSIDE_GEOFENCE", "IDEMPOTENCY_MISMATCH", "NOT_CHECKED_IN")
    def post(self, fix, patrol_id):
        """Check out of a patrol from the phone"""
        return _answer(*services.record(current_user, patrol_id, CheckInKind.CHECK_OUT, fix))


@blp.route("/checkins")
class CheckIns(MethodView):
    @login_required(*REVIEWERS)
    @blp.arguments(CheckInQuerySchema, location="query")
    @blp.response(200, CheckInForReviewSchema(many=True))
    @blp.paginate(**PAGE_SIZES)
    def get(self, filters, pagination_parameters):
        """List check-ins of your station's patrols; `review=pending` is what awaits review"""
        return services.list_checkins(current_user, filters, pagination_parameters)


@blp.route("/checkins/<id:checkin_id>")
class CheckInReview(MethodView):
    operation_ids = {"patch": "reviewCheckIn"}

    @login_required(*REVIEWERS)
    @blp.arguments(ReviewRequestSchema)
    @blp.response(200, CheckInSchema)
    @problems("NOT_FLAGGED")
    def patch(self, data, checkin_id):
        """Approve or reject a flagged check-in (a later decision may reverse an earlier one; both are kept)"""
        return services.review_checkin(current_user, checkin_id, data["review"], data["note"])


@blp.route("/checkins/<id:checkin_id>/reviews")
class CheckInReviewHistory(MethodView):
    @login_required(*REVIEWERS)
    @blp.response(200, CheckInReviewSchema(many=True))
    def get(self, checkin_id):
        """Every decision taken on a check-in, oldest first, with who took it and their note"""
        return services.review_history(current_user, checkin_id)
