from marshmallow import fields, validate

from backend.checkins.models import FLAG_REASONS, CheckInKind, CheckInStatus, Review
from backend.core.geojson import GeoJSONGeometry
from backend.core.location_input import LocationFixSchema
from backend.core.schemas import InputSchema, OutputSchema, QuerySchema, Text, UtcDateTime, enum_output


class CheckInRequestSchema(LocationFixSchema):
    pass


CHECK_IN_EXAMPLE = {
    "lat": 37.3897,
    "lon": 126.9508,
    "accuracy_m": 6.5,
    "recorded_at": "2026-12-18T20:58:12+09:00",
    "client_event_id": "5f0c6b7e-2a31-4c1e-9d3b-8e2f4a6c1d90",
}


class CheckInSchema(OutputSchema):
    id = fields.Integer()
    patrol_id = fields.Integer()
    user_id = fields.Integer()
    kind = enum_output(CheckInKind)
    status = enum_output(CheckInStatus)
    reasons = fields.List(
        fields.String(metadata={"enum": list(FLAG_REASONS)}),
        metadata={"description": "Why a check-in is flagged for review; late_upload: received more than "
                  "PATROL_LATE_UPLOAD_MINUTES after it was recorded or after the patrol ended"},
    )
    distance_m = fields.Method("rounded_distance", metadata={"type": "number", "description": "From the meeting point, metres"})
    zone_ids = fields.List(fields.Integer(), metadata={"description": "Patrol zones the fix lies in (within its accuracy)"})
    recorded_at = UtcDateTime()
    received_at = UtcDateTime()
    review = enum_output(Review, allow_none=True)
    review_note = fields.String(allow_none=True)
    reviewed_by_id = fields.Integer(allow_none=True)
    reviewed_at = UtcDateTime(allow_none=True)

    def rounded_distance(self, checkin):
        return round(checkin.distance_m, 1)


class CheckInForReviewSchema(CheckInSchema):
    """A check-in as a reviewer reads it: who, and where on the map. Not in the phone's answer,
    which is read straight from the inserted row."""

    user_name = fields.String(attribute="user.name")
    point = GeoJSONGeometry(
        allowed_types=("Point",), allow_none=True,
        metadata={"description": "Where the phone was, for the reviewer's map; null once the raw location is erased"},
    )
    accuracy_m = fields.Float()


class CheckInReviewSchema(OutputSchema):
    id = fields.Integer()
    review = enum_output(Review)
    note = fields.String(allow_none=True)
    reviewed_by_id = fields.Integer(allow_none=True)
    reviewed_at = UtcDateTime()


class ReviewRequestSchema(InputSchema):
    review = fields.String(required=True, validate=validate.OneOf([Review.APPROVED.value, Review.REJECTED.value]))
    note = Text(multiline=True, validate=validate.Length(max=500), load_default=None)


class CheckInQuerySchema(QuerySchema):
    patrol_id = fields.Integer()
    review = fields.String(validate=validate.OneOf([r.value for r in Review]))
