from flask_jwt_extended import current_user
from marshmallow import fields, validate

from backend.core.geojson import GeoJSONGeometry
from backend.core.location_input import LocationFixSchema
from backend.errors import ProblemSchema
from backend.reports.schemas import ReportFormatSchema
from backend.core.schemas import InputSchema, Month, OutputSchema, QuerySchema, RowId, Text, UtcDateTime, enum_output
from backend.sos.models import SosKind, SosOutcome, SosStatus
from backend.sos.services import PUSH_EVENTS, SHOWN_POSITIONS
from backend.users.policies import can_see_phone

NOTE = validate.Length(max=500)
# What the app dials from the SOS screen: the police emergency number.
CALL_112 = "tel:112"


class SosRaiseSchema(LocationFixSchema):
    patrol_id = RowId(required=True, metadata={"description": "The patrol the raiser is on"})
    kind = fields.Enum(
        SosKind, by_value=True, required=True,
        metadata={"description": "sos: the button was pressed; man_down: the phone detected a fall or stillness"},
    )
    note = Text(multiline=True, validate=NOTE, load_default=None)


SOS_EXAMPLE = {
    "patrol_id": 7,
    "lat": 37.3897,
    "lon": 126.9508,
    "accuracy_m": 6.5,
    "recorded_at": "2026-12-18T22:41:07+09:00",
    "client_event_id": "0b6f2c1e-8a3d-4f5e-9c7b-2d1e4f6a8b90",
    "kind": "sos",
}


MAX_POSITIONS = 100


class SosPositionsSchema(InputSchema):
    positions = fields.List(
        fields.Nested(LocationFixSchema), required=True, validate=validate.Length(min=1, max=MAX_POSITIONS),
        metadata={"description": "The fixes taken since the last call that got an answer, in any order"},
    )


SOS_POSITIONS_EXAMPLE = {
    "positions": [
        {"lat": 37.3899, "lon": 126.9511, "accuracy_m": 7.0, "recorded_at": "2026-12-18T22:41:12+09:00",
         "client_event_id": "5a1c0f3e-2b4d-4e6f-8a9b-0c1d2e3f4a51"},
        {"lat": 37.3901, "lon": 126.9514, "accuracy_m": 6.0, "recorded_at": "2026-12-18T22:41:17+09:00",
         "client_event_id": "5a1c0f3e-2b4d-4e6f-8a9b-0c1d2e3f4a52"},
    ]
}


class SosResolveSchema(InputSchema):
    outcome = fields.Enum(SosOutcome, by_value=True, required=True)
    note = Text(multiline=True, validate=NOTE, load_default=None)


class SosQuerySchema(QuerySchema):
    status = fields.Enum(SosStatus, by_value=True)
    station_id = fields.Integer(metadata={"description": "The station of the alert's patrol"})


class SosPositionSchema(OutputSchema):
    point = GeoJSONGeometry(allowed_types=("Point",))
    accuracy_m = fields.Float()
    recorded_at = UtcDateTime()


class SosAlertSchema(OutputSchema):
    id = fields.Integer()
    patrol_id = fields.Integer()
    station_id = fields.Integer(attribute="patrol.station_id")
    kind = enum_output(SosKind)
    status = enum_output(SosStatus)
    note = fields.String(allow_none=True)
    raiser_id = fields.Integer()
    raiser_name = fields.String(attribute="raiser.name")
    raiser_phone = fields.Method(
        "visible_phone", allow_none=True, metadata={"type": "string", "description": "To call the raiser back"}
    )
    point = GeoJSONGeometry(allowed_types=("Point",), allow_none=True, metadata={
        "description": "Where the raiser's phone was at the press; null once the incident records' retention is over"
    })
    accuracy_m = fields.Float()
    recorded_at = UtcDateTime()
    raised_at = UtcDateTime()
    last_position = fields.Nested(SosPositionSchema, allow_none=True, dump_default=None, metadata={
        "description": "The latest position the raiser's phone sent while the alert ran (POST /sos/{id}/positions); "
        "null before the first"
    })
    recipients = fields.Method(
        "count_recipients",
        metadata={"type": "integer", "description": "How many people the alert has reached: the first tier "
                  "(officers of the patrol, its station chief, participants nearby), and after an escalation "
                  "the staff of the station family too"},
    )
    acknowledged_by_id = fields.Integer(allow_none=True)
    acknowledged_by_name = fields.String(attribute="acknowledged_by.name", allow_none=True, dump_default=None)
    acknowledged_at = UtcDateTime(allow_none=True)
    resolved_by_id = fields.Integer(allow_none=True)
    resolved_at = UtcDateTime(allow_none=True)
    outcome = enum_output(SosOutcome, allow_none=True)
    resolution_note = fields.String(allow_none=True)
    cancelled_at = UtcDateTime(allow_none=True)

    def count_recipients(self, alert):
        return len(alert.alerted_user_ids)

    def visible_phone(self, alert):
        return alert.raiser.phone if can_see_phone(current_user, alert.raiser) else None


class SosRaisedSchema(SosAlertSchema):
    """The raiser's answer: the alert, and what the SOS screen offers next."""

    call_112 = fields.Constant(CALL_112, metadata={"description": "A one-tap call to the police emergency number"})
    station_phone = fields.String(
        attribute="patrol.station.phone", allow_none=True,
        metadata={"description": "The patrol's station's number, to offer beside 112; null when it has none"},
    )


class RejectedPositionSchema(OutputSchema):
    index = fields.Integer(metadata={"description": "The position's place in `positions`, from 0"})
    client_event_id = fields.UUID()
    code = fields.String(metadata={"enum": ["RECORDED_IN_FUTURE"]})


class SosPositionsResultSchema(OutputSchema):
    accepted = fields.Integer(metadata={"description": "Stored now"})
    duplicates = fields.Integer(metadata={"description": "Stored by an earlier call: fine"})
    rejected = fields.List(fields.Nested(RejectedPositionSchema), metadata={"description": "Never stored; do not resend"})
    status = enum_output(SosStatus, attribute="alert.status", metadata={
        "description": "The alert's status now: keep sending while it is open or acknowledged"
    })
    acknowledged_by_name = fields.String(attribute="alert.acknowledged_by.name", allow_none=True, dump_default=None, metadata={
        "description": "Who is coming, once someone has taken the alert (as the sos.acknowledged push says)"
    })


class SosTimelineEntrySchema(OutputSchema):
    at = UtcDateTime()
    event = fields.String(metadata={"enum": [
        "raised", "pressed_again", "escalated", "repeated", "push", "acknowledged", "resolved", "cancelled",
    ]})
    user_id = fields.Integer(attribute="user.id", allow_none=True, dump_default=None)
    user_name = fields.String(attribute="user.name", allow_none=True, dump_default=None)
    push_type = fields.String(metadata={"enum": list(PUSH_EVENTS), "description": "push: which push"})
    push_status = fields.String(metadata={"description": "push: pending, sent, dead or dropped"})
    repeat = fields.Integer(metadata={"description": "repeated: which repeat (1, 2, ...)"})


class SosAlertDetailSchema(SosAlertSchema):
    timeline = fields.List(fields.Nested(SosTimelineEntrySchema), metadata={"description": "Oldest first"})
    positions = fields.List(fields.Nested(SosPositionSchema), metadata={
        "description": f"Where the raiser's phone was while the alert ran (POST /sos/{{id}}/positions): the latest "
        f"{SHOWN_POSITIONS}, oldest first; empty once the incident records' retention is over"
    })


class TakerSchema(OutputSchema):
    id = fields.Integer()
    name = fields.String(allow_none=True)


class SosAcknowledgedElsewhereSchema(ProblemSchema):
    acknowledged_by = fields.Nested(TakerSchema, metadata={"description": "SOS_ALREADY_ACKNOWLEDGED: who took the alert"})
    acknowledged_at = UtcDateTime(metadata={"description": "SOS_ALREADY_ACKNOWLEDGED: when"})


class SosIncidentsQuerySchema(ReportFormatSchema):
    month = Month(required=True, metadata={"description": "A Korean calendar month (Asia/Seoul)", "example": "2026-12"})
    format = fields.String(load_default="json", validate=validate.OneOf(["json", "csv", "xlsx"]))
