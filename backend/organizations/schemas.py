from flask_jwt_extended import current_user
from marshmallow import fields, validate

from backend.core.geojson import GeoJSONGeometry
from backend.core.schemas import InputSchema, Name, OutputSchema, QuerySchema, UtcDateTime, enum_output
from backend.organizations.models import GeofencePolicy, GroupKind
from backend.users.policies import can_see_phone

NAME = validate.Length(min=1, max=100)


def station_phone(**kwargs):
    """The station's number as people dial it: digits, dashes and a leading +."""
    return fields.String(
        allow_none=True,
        validate=validate.Regexp(r"^\+?[0-9][0-9-]{1,18}[0-9]$"),
        metadata={"example": "031-8086-1234", "description": "Offered on the SOS screen besides 112; null for none"},
        **kwargs,
    )


class StationCreateSchema(InputSchema):
    name = Name(required=True, validate=NAME, metadata={"example": "안양동안경찰서"})
    code = fields.String(
        required=True,
        validate=validate.Regexp(r"^[A-Z0-9][A-Z0-9-]{1,31}$"),
        metadata={"example": "DONGAN", "description": "Upper-case letters, digits and dashes"},
    )
    parent_id = fields.Integer(
        allow_none=True, load_default=None, metadata={"description": "The 경찰서 a 지구대/파출소 belongs to"}
    )
    location = GeoJSONGeometry(allowed_types=("Point",), allow_none=True, load_default=None)
    phone = station_phone(load_default=None)


class StationRulesSchema(InputSchema):
    withdrawal_cutoff_minutes = fields.Integer(
        validate=validate.Range(min=0, max=7 * 24 * 60),
        metadata={"description": "Withdrawing later than this before a patrol counts as a late cancellation"},
    )
    is_officer_required_at_night_in_women_safe_zones = fields.Boolean(
        metadata={"description": "A patrol covering a women-safe zone between 22:00 and 06:00 needs an officer"}
    )
    checkin_opens_minutes = fields.Integer(
        validate=validate.Range(min=0, max=180), metadata={"description": "Check-in opens this long before the start"}
    )
    geofence_policy = fields.Enum(
        GeofencePolicy,
        by_value=True,
        metadata={"description": "flag: accept a check-in outside the geofence for review; block: refuse it"},
    )
    phone = station_phone()


class StationSchema(OutputSchema):
    id = fields.Integer()
    name = fields.String()
    code = fields.String()
    parent_id = fields.Integer(allow_none=True)
    location = GeoJSONGeometry(allowed_types=("Point",), allow_none=True)
    withdrawal_cutoff_minutes = fields.Integer()
    is_officer_required_at_night_in_women_safe_zones = fields.Boolean()
    checkin_opens_minutes = fields.Integer()
    geofence_policy = enum_output(GeofencePolicy)
    phone = fields.String(allow_none=True)
    created_at = UtcDateTime()


class GroupCreateSchema(InputSchema):
    name = Name(required=True, validate=NAME, metadata={"example": "범계동 자율방범대"})
    kind = fields.Enum(GroupKind, by_value=True, required=True)
    station_id = fields.Integer(required=True)


class GroupQuerySchema(QuerySchema):
    station_id = fields.Integer()
    kind = fields.Enum(GroupKind, by_value=True)


class GroupSchema(OutputSchema):
    id = fields.Integer()
    name = fields.String()
    kind = enum_output(GroupKind)
    station_id = fields.Integer()
    created_at = UtcDateTime()


class MemberAddSchema(InputSchema):
    user_id = fields.Integer(required=True)
    is_leader = fields.Boolean(load_default=False)


MEMBER_ADD_EXAMPLE = {"user_id": 42, "is_leader": False}


class MemberUpdateSchema(InputSchema):
    is_leader = fields.Boolean(required=True)


class MemberSchema(OutputSchema):
    user_id = fields.Integer()
    name = fields.String(attribute="user.name")
    role = fields.String(attribute="user.role")
    phone = fields.Method("visible_phone", allow_none=True, metadata={"type": "string", "description": "Null unless you may see it"})
    is_leader = fields.Boolean()
    joined_at = UtcDateTime()

    def visible_phone(self, membership):
        return membership.user.phone if can_see_phone(current_user, membership.user) else None
