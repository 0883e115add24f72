from marshmallow import ValidationError, fields, validate, validates_schema

from backend.core.geojson import GeoJSONGeometry, within_service_area
from backend.core.schemas import InputSchema, Name, OutputSchema, QuerySchema, Text, UtcDateTime, enum_output
from backend.errors import CodedMessage, ProblemSchema
from backend.patrols import rules
from backend.patrols.models import ParticipantKind, ParticipantStatus
from backend.patrols.timing import timing_problem
from backend.zones.models import ZoneKind

STATUSES = ("draft", "published", "in_progress", "completed", "cancelled")
SCOPES = ("this", "following")
SCOPE_DESCRIPTION = "For an occurrence of a series: this one only, or this and the later ones"


def scope_field():
    return fields.String(load_default="this", validate=validate.OneOf(SCOPES), metadata={"description": SCOPE_DESCRIPTION})
MEETING_PLACE_NAME = {
    "validate": validate.Length(min=1, max=200),
    "metadata": {"description": "Where people meet, in words (null: none given)", "example": "범계역 2번 출구"},
}


class PatrolFieldsSchema(InputSchema):
    title = Name(validate=validate.Length(min=1, max=200), metadata={"example": "범계역 합동 야간순찰"})
    starts_at = fields.AwareDateTime(metadata={"example": "2026-11-27T20:00:00+09:00"})
    ends_at = fields.AwareDateTime(metadata={"example": "2026-11-27T23:00:00+09:00"})
    meeting_point = GeoJSONGeometry(allowed_types=("Point",))
    meeting_radius_m = fields.Integer(validate=validate.Range(min=10, max=2000))
    meeting_place_name = Name(allow_none=True, **MEETING_PLACE_NAME)
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
    meeting_place_name = Name(allow_none=True, load_default=None, **MEETING_PLACE_NAME)
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
    scope = scope_field()


class ScopeSchema(InputSchema):
    scope = scope_field()


class ScopeQuerySchema(QuerySchema):
    scope = scope_field()


class CancelSchema(ScopeSchema):
    reason = Text(allow_blank=False, required=True, validate=validate.Length(min=1, max=500), metadata={"example": "기상 악화"})


class PatrolQuerySchema(QuerySchema):
    from_ = fields.AwareDateTime(data_key="from", metadata={"description": "Patrols ending after this"})
    to = fields.AwareDateTime(metadata={"description": "Patrols starting before this"})
    station_id = fields.Integer()
    group_id = fields.Integer()
    zone_id = fields.Integer()
    status = fields.String(validate=validate.OneOf(STATUSES))
    has_gaps = fields.Boolean(
        metadata={"description": "true: only patrols the pairing rules still find short (see gaps); false: only fully staffed (or cancelled) ones"}
    )


class MyPatrolQuerySchema(QuerySchema):
    include_withdrawn = fields.Boolean(metadata={"description": "true: also the patrols you withdrew from"})


class OccurrenceSchema(OutputSchema):
    id = fields.Integer()
    starts_at = UtcDateTime()
    ends_at = UtcDateTime()


# The OpenAPI type of a method field giving a list of ids.
IDS = {"type": "array", "items": {"type": "integer"}}


class ZoneRefSchema(OutputSchema):
    id = fields.Integer(required=True)
    name = fields.String(required=True)
    kind = enum_output(ZoneKind, required=True)


class GapSchema(OutputSchema):
    rule = fields.String(required=True, metadata={"enum": list(rules.GAP_RULES)})
    code = fields.String(required=True, metadata={"enum": rules.GAP_CODES, "description": "Stable code to branch on"})
    needed = fields.Integer(required=True)
    have = fields.Integer(required=True)
    blocks_publishing = fields.Boolean(required=True)
    message = fields.String(
        required=True, metadata={"description": "In the reader's language (Accept-Language, else the account's locale)"}
    )


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
    meeting_place_name = fields.String(allow_none=True, metadata={"example": "범계역 2번 출구"})
    zone_ids = fields.Method("ids_of_zones", metadata=IDS)
    zones = fields.List(fields.Nested(ZoneRefSchema), metadata={"description": "The zones of zone_ids, named"})
    group_ids = fields.Method("ids_of_groups", metadata=IDS)
    min_officers = fields.Integer()
    min_volunteers = fields.Integer()
    max_volunteers = fields.Integer()
    confirmed_count = fields.Method("count_confirmed", metadata={"type": "integer", "description": "Confirmed volunteers"})
    waitlisted_count = fields.Method("count_waitlisted", metadata={"type": "integer"})
    # Set by the routes (backend.patrols.rules.note_gaps), for a whole page in one query.
    gaps = fields.List(fields.Nested(GapSchema), metadata={"description": "What the pairing rules still miss (empty when fully staffed)"})
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


class MySignupSchema(OutputSchema):
    kind = enum_output(ParticipantKind, required=True)
    status = enum_output(ParticipantStatus, required=True)
    waitlist_position = fields.Integer(
        required=True, allow_none=True, metadata={"description": "Place on the waitlist, from 1; null unless waitlisted"}
    )


class MyPatrolSchema(PatrolSchema):
    my_signup = fields.Nested(MySignupSchema, metadata={"description": "Where you stand on this patrol"})


class ConflictingPatrolSchema(OutputSchema):
    """The patrol someone already holds at that time; its id and title only for callers who may see it."""

    id = fields.Integer()
    title = fields.String()
    starts_at = UtcDateTime(required=True)
    ends_at = UtcDateTime(required=True)


class ScheduleConflictSchema(ProblemSchema):
    conflicting_patrol = fields.Nested(
        ConflictingPatrolSchema,
        metadata={"description": "SCHEDULE_CONFLICT: the patrol the person already holds at that time (left out when a concurrent sign-up won the race)"},
    )


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


class RosterSchema(OutputSchema):
    confirmed = fields.List(fields.Nested(RosterPersonSchema))
    waitlisted = fields.List(fields.Nested(RosterPersonSchema))
    officers = fields.List(fields.Nested(RosterPersonSchema))
    gaps = fields.List(fields.Nested(GapSchema))
