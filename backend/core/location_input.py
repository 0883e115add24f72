"""The fields every location fix from a phone carries (check-ins and batch points)."""
from marshmallow import fields, validate

from backend.core.schemas import InputSchema

# Worse than this (metres) a fix is suspect: flagged at check-in, left out of dwell.
SUSPECT_ACCURACY_M = 100


class LocationFixSchema(InputSchema):
    lat = fields.Float(required=True, validate=validate.Range(min=-90, max=90), metadata={"example": 37.3897})
    lon = fields.Float(required=True, validate=validate.Range(min=-180, max=180), metadata={"example": 126.9508})
    accuracy_m = fields.Float(
        required=True,
        validate=validate.Range(min=0, max=10_000),
        metadata={"description": f"Horizontal accuracy radius; above {SUSPECT_ACCURACY_M} m the fix is suspect"},
    )
    recorded_at = fields.AwareDateTime(required=True, metadata={"description": "When the phone took the fix"})
    client_event_id = fields.UUID(
        required=True, metadata={"description": "Made once by the phone; resend the same id when retrying"}
    )
