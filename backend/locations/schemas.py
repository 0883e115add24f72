from marshmallow import fields, validate

from backend.core.location_input import LocationFixSchema
from backend.core.schemas import InputSchema, OutputSchema, PerItemList, UtcDateTime

MAX_BATCH_POINTS = 1000
REJECTION_CODES = ["INVALID_POINT", "NOT_A_PARTICIPANT", "OUTSIDE_PATROL_WINDOW", "RECORDED_IN_FUTURE", "CONSENT_REQUIRED"]


class PointSchema(LocationFixSchema):
    patrol_id = fields.Integer(required=True)
    speed_mps = fields.Float(validate=validate.Range(min=0, max=1000), load_default=None)
    battery = fields.Integer(validate=validate.Range(min=0, max=100), load_default=None, metadata={"description": "Percent"})


class BatchSchema(InputSchema):
    # A phone's buffer must not be lost to one bad point: a malformed point is rejected on
    # its own (INVALID_POINT) and the others are stored.
    points = PerItemList(PointSchema, required=True, validate=validate.Length(min=1, max=MAX_BATCH_POINTS))


BATCH_EXAMPLE = {
    "points": [
        {"patrol_id": 7, "lat": 37.3897, "lon": 126.9508, "accuracy_m": 8.0, "recorded_at": "2026-12-18T21:10:00+09:00",
         "client_event_id": "0b6d9a52-7c1e-4f4b-a1e5-3c2d8f9e0a11", "speed_mps": 1.3, "battery": 82},
        {"patrol_id": 7, "lat": 37.3903, "lon": 126.9521, "accuracy_m": 11.0, "recorded_at": "2026-12-18T21:10:30+09:00",
         "client_event_id": "0b6d9a52-7c1e-4f4b-a1e5-3c2d8f9e0a12", "speed_mps": 1.2, "battery": 82},
    ]
}


class RejectedPointSchema(OutputSchema):
    index = fields.Integer(metadata={"description": "The point's position in `points`, from 0"})
    client_event_id = fields.UUID(allow_none=True, metadata={"description": "null when the point sent none that is valid"})
    code = fields.String(metadata={"enum": REJECTION_CODES})
    errors = fields.Dict(
        allow_none=True,
        metadata={"description": "INVALID_POINT: field name -> messages, as in a 422 problem; otherwise null"},
    )


class BatchResultSchema(OutputSchema):
    accepted = fields.Integer(metadata={"description": "Stored now"})
    late = fields.Integer(metadata={
        "description": "Of those accepted, how many arrived late (PATROL_LATE_UPLOAD_MINUTES after being "
        "recorded, or after the patrol ended): kept, but attendance waits for an officer to approve them"
    })
    duplicates = fields.Integer(metadata={"description": "Already stored earlier (or twice in this batch): fine"})
    rejected = fields.List(fields.Nested(RejectedPointSchema), metadata={"description": "Never stored; do not resend"})


class DwellSchema(OutputSchema):
    user_id = fields.Integer()
    zone_id = fields.Integer()
    minutes = fields.Method("whole_minutes", metadata={"type": "number"})
    route_coverage = fields.Float(allow_none=True, metadata={"description": "Safe-return routes: share walked, 0..1"})
    as_of = UtcDateTime(attribute="updated_at", metadata={
        "description": "When these figures were last derived from the data: what arrived after is not in them "
        "yet (the worker derives it within seconds)"
    })

    def whole_minutes(self, dwell):
        return round(dwell.seconds / 60, 1)
