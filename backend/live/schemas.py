from geoalchemy2.shape import to_shape
from marshmallow import fields

from backend.core.schemas import OutputSchema, QuerySchema, UtcDateTime, enum_output
from backend.patrols.models import ParticipantKind

STATES = ("not_arrived", "checked_in", "checked_out")


class LastPointSchema(OutputSchema):
    lat = fields.Float()
    lon = fields.Float()
    accuracy_m = fields.Float()
    recorded_at = UtcDateTime()
    age_s = fields.Integer(metadata={"description": "Seconds between recorded_at and generated_at"})


class LiveParticipantSchema(OutputSchema):
    user_id = fields.Integer()
    name = fields.String()
    kind = enum_output(ParticipantKind)
    state = fields.String(metadata={"enum": list(STATES), "description": "From the latest check-in and check-out"})
    checked_in_at = UtcDateTime(allow_none=True, metadata={"description": "The first check-in that counts: the start of the span attendance counts duty from"})
    checked_out_at = UtcDateTime(allow_none=True, metadata={"description": "The last check-out, set only while no check-in came after it"})
    last_point = fields.Nested(
        LastPointSchema, allow_none=True, metadata={"description": "The latest point that counts; null if none"}
    )
    zone_ids = fields.List(fields.Integer(), metadata={"description": "The patrol's zones that hold last_point"})


class LiveBoardSchema(OutputSchema):
    patrol_id = fields.Integer()
    generated_at = UtcDateTime()
    participants = fields.List(fields.Nested(LiveParticipantSchema))


class TrackPointSchema(OutputSchema):
    lat = fields.Function(lambda point: to_shape(point.point).y, metadata={"type": "number"})
    lon = fields.Function(lambda point: to_shape(point.point).x, metadata={"type": "number"})
    accuracy_m = fields.Float()
    recorded_at = UtcDateTime()
    exclusion = fields.String(
        allow_none=True,
        metadata={"description": "Why the point is left out of the board and dwell time "
                  "(low_accuracy, impossible_jump); null when it counts"},
    )


class LocationAccessQuerySchema(QuerySchema):
    subject_id = fields.Integer(metadata={"description": "Whose location was read"})
    viewer_id = fields.Integer(metadata={"description": "Who read it"})
    patrol_id = fields.Integer()
    from_ = fields.AwareDateTime(data_key="from", metadata={"description": "Reads at or after this"})
    to = fields.AwareDateTime(metadata={"description": "Reads before this"})


class LocationAccessSchema(OutputSchema):
    id = fields.Integer()
    viewer_id = fields.Integer(allow_none=True)
    viewer_name = fields.String(allow_none=True)
    subject_id = fields.Integer(allow_none=True)
    subject_name = fields.String(allow_none=True)
    patrol_id = fields.Integer(allow_none=True)
    endpoint = fields.String(metadata={"example": "GET /api/v1/patrols/<patrol_id>/live"})
    accessed_at = UtcDateTime()
