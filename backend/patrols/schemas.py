from marshmallow import ValidationError, fields, validate, validates_schema

from backend.core.geojson import GeoJSONGeometry, within_service_area
from backend.core.schemas import InputSchema, Name, OutputSchema, QuerySchema, Text, UtcDateTime
from backend.errors import CodedMessage
from backend.patrols.timing import timing_problem

STATUSES = ("draft", "published", "in_progress", "completed", "cancelled")
SCOPES = ("this", "following")
SCOPE_DESCRIPTION = "For an occurrence of a series: this one only, or this and the later ones"


class PatrolFieldsSchema(InputSchema):
    title = Name(validate=validate.Length(min=1, max=200), metadata={"example": "범계역 합동 야간순찰"})
    starts_at = fields.AwareDateTime(metadata={"example": "2026-11-27T20:00:00+09:00"})
    ends_at = fields.AwareDateTime(metadata={"example": "2026-11-27T23:00:00+09:00"})
    meeting_point = GeoJSONGeometry(allowed_types=("Point",))
    meeting_radius_m = fields.Integer(validate=validate.Range(min=10, max=2000))
    zone_ids = fields.List(fields.Integer(), validate=validate.Length(max=50))
    group_ids = fields.List(fields.Integer(), validate=validate.Length(max=50))
    min_officers = fields.Integer(validate=validate.Range(min=0, max=100))
    min_volunteers = fields.Integer(validate=validate.Range(min=0, max=500))
    max_volunteers = fields.Integer(validate=validate.Range(min=1, max=500), metadata={"description": "Capacity"})
    notes = Text(multiline=True, validate=validate.Length(max=2000))

    @validates_schema
    def times_and_place(self, data, **kwargs):
        check_times(data.get("starts_at"), data.get("ends_at"))
        if "meeting_point" in data:
            check_in_service_area(data["meeting_point"])
        if data.get("min_volunteers", 0) > data.get("max_volunteers", 500):
            raise ValidationError("Cannot exceed max_volunteers.", field_name="min_volunteers")


def check_times(starts_at, ends_at):
    problem = timing_problem(starts_at, ends_at)
    if problem:
        code, field = problem
        raise ValidationError(CodedMessage(code), field_name=field)


def check_in_service_area(point):
    if not within_service_area(point):
        raise ValidationError(CodedMessage("MEETING_POINT_OUTSIDE_KOREA"), field_name="meeting_point")


class PatrolCreateSchema(PatrolFieldsSchema):
    title = Name(required=True, validate=validate.Length(min=1, max=200))
    station_id = fields.Integer(required=True)
    starts_at = fields.AwareDateTime(required=True)
    ends_at = fields.AwareDateTime(required=True)
    meeting_point = GeoJSONGeometry(allowed_types=("Point",), required=True)
    meeting_radius_m = fields.Integer(load_default=100, validate=validate.Range(min=10, max=2000))
    zone_ids = fields.List(fields.Integer(), load_default=list, validate=validate.Length(max=50))
    group_ids = fields.List(fields.Integer(), load_default=list, validate=validate.Length(max=50))
    min_officers = fields.Integer(load_default=1, validate=validate.Range(min=0, max=100))
    min_volunteers = fields.Integer(load_default=0, validate=validate.Range(min=0, max=500))
    max_volunteers = fields.Integer(required=True, validate=validate.Range(min=1, max=500))
    notes = Text(multiline=True, load_default="", validate=validate.Length(max=2000))
    recurrence = fields.String(
        validate=validate.Length(min=1, max=500),
        metadata={
            "description": "RFC 5545 RRULE evaluated in Asia/Seoul time from starts_at, "
            "e.g. FREQ=WEEKLY;BYDAY=FR;COUNT=8. Must end (COUNT or UNTIL) within a year.",
            "example": "FREQ=WEEKLY;BYDAY=FR;COUNT=8",
        },
    )


PATROL_CREATE_EXAMPLE = {
    "title": "범계역 합동 야간순찰",
    "station_id": 1,
    "starts_at": "2026-12-18T20:00:00+09:00",
    "ends_at": "2026-12-18T23:00:00+09:00",
    "meeting_point": {"type": "Point", "coordinates": [126.9508, 37.3897]},
    "meeting_radius_m": 100,
    "zone_ids": [3, 4],
    "group_ids": [1, 2],
    "min_officers": 1,
    "min_volunteers": 4,
    "max_volunteers": 12,
    "notes": "범계역 2번 출구 앞 집결, 조끼와 경광봉 지참",
    "recurrence": "FREQ=WEEKLY;BYDAY=FR;COUNT=8",
}


class PatrolUpdateSchema(PatrolFieldsSchema):
    scope = fields.String(load_default="this", validate=validate.OneOf(SCOPES), metadata={"description": SCOPE_DESCRIPTION})


class ScopeSchema(InputSchema):
    scope = fields.String(load_default="this", validate=validate.OneOf(SCOPES), metadata={"description": SCOPE_DESCRIPTION})


class CancelSchema(ScopeSchema):
    reason = Text(allow_blank=False, required=True, validate=validate.Length(min=1, max=500), metadata={"example": "기상 악화"})


class PatrolQuerySchema(QuerySchema):
    from_ = fields.AwareDateTime(data_key="from", metadata={"description": "Patrols ending after this"})
    to = fields.AwareDateTime(metadata={"description": "Patrols starting before this"})
    station_id = fields.Integer()
    group_id = fields.Integer()
    zone_id = fields.Integer()
    status = fields.String(validate=validate.OneOf(STATUSES))


class OccurrenceSchema(OutputSchema):
    id = fields.Integer()
    starts_at = UtcDateTime()
    ends_at = UtcDateTime()


# The OpenAPI type of a method field giving a list of ids.
IDS = {"type": "array", "items": {"type": "integer"}}


class PatrolSchema(OutputSchema):
    id = fields.Integer()
    title = fields.String()
    station_id = fields.Integer()
    series_id = fields.Integer(allow_none=True)
    status = fields.String(metadata={"enum": list(STATUSES), "description": "in_progress and completed follow from the clock"})
    starts_at = UtcDateTime()
    ends_at = UtcDateTime()
    meeting_point = GeoJSONGeometry(allowed_types=("Point",))
    meeting_radius_m = fields.Integer()
    zone_ids = fields.Method("ids_of_zones", metadata=IDS)
    group_ids = fields.Method("ids_of_groups", metadata=IDS)
    min_officers = fields.Integer()
    min_volunteers = fields.Integer()
    max_volunteers = fields.Integer()
    confirmed_count = fields.Method("count_confirmed", metadata={"type": "integer", "description": "Confirmed volunteers"})
    waitlisted_count = fields.Method("count_waitlisted", metadata={"type": "integer"})
    notes = fields.String()
    revision = fields.Integer(metadata={"description": "Grows when time or place changes"})
    published_at = UtcDateTime(allow_none=True)
    cancelled_at = UtcDateTime(allow_none=True)
    cancel_reason = fields.String(allow_none=True)
    created_by_id = fields.Integer()
    created_at = UtcDateTime()
    updated_at = UtcDateTime()

    def ids_of_zones(self, patrol):
        return [zone.id for zone in patrol.zones]

    def ids_of_groups(self, patrol):
        return [group.id for group in patrol.groups]

    def count_confirmed(self, patrol):
        return len(patrol.confirmed_volunteers)

    def count_waitlisted(self, patrol):
        return len(patrol.waitlist)


class PatrolCreatedSchema(PatrolSchema):
    occurrences = fields.List(
        fields.Nested(OccurrenceSchema),
        metadata={"description": "Every occurrence of the series (empty for a single patrol)"},
    )


class SignupRequestSchema(InputSchema):
    user_id = fields.Integer(metadata={"description": "Whom to sign up (group leaders); yourself when left out"})


SIGNUP_REQUEST_EXAMPLE = {}  # signing yourself up; a group leader names "user_id"


class SignupResultSchema(OutputSchema):
    status = fields.String(metadata={"enum": ["confirmed", "waitlisted"]})
    position = fields.Integer(allow_none=True, metadata={"description": "Place on the waitlist, from 1"})


class OfficerRequestSchema(ScopeSchema):
    user_id = fields.Integer(required=True)


class RosterPersonSchema(OutputSchema):
    user_id = fields.Integer()
    name = fields.String()
    position = fields.Integer(allow_none=True, metadata={"description": "Place on the waitlist, from 1; null for the others"})


class GapSchema(OutputSchema):
    rule = fields.String(metadata={"enum": ["min_officers", "min_volunteers", "night_women_safe_zone_officer"]})
    needed = fields.Integer()
    have = fields.Integer()
    blocks_publishing = fields.Boolean()
    message = fields.String()


class RosterSchema(OutputSchema):
    confirmed = fields.List(fields.Nested(RosterPersonSchema))
    waitlisted = fields.List(fields.Nested(RosterPersonSchema))
    officers = fields.List(fields.Nested(RosterPersonSchema))
    gaps = fields.List(fields.Nested(GapSchema))
