from flask_jwt_extended import current_user
from marshmallow import ValidationError, fields, validate, validates_schema

from backend.auth.passwords import MAX_LENGTH as MAX_PASSWORD_LENGTH
from backend.core.schemas import InputSchema, KoreanMobile, Name, OutputSchema, Password, QuerySchema, Text, UtcDateTime, enum_output
from backend.users.consent_policy import CURRENT_VERSION
from backend.users.models import Locale, Role
from backend.users.policies import can_see_phone

NAME = validate.Length(min=1, max=100)


class UserCreateSchema(InputSchema):
    name = Name(required=True, validate=NAME)
    phone = KoreanMobile(required=True, metadata={"example": "010-1234-5678"})
    password = Password(required=True)
    role = fields.Enum(Role, by_value=True, required=True)
    station_id = fields.Integer(allow_none=True, load_default=None)
    locale = fields.Enum(Locale, by_value=True, load_default=Locale.KO)


USER_CREATE_EXAMPLE = {
    "name": "김민지",
    "phone": "010-3456-7890",
    "password": "밤길-함께-걸어요",
    "role": "volunteer",
    "station_id": 1,
    "locale": "ko",
}


class UserUpdateSchema(InputSchema):
    name = Name(validate=NAME)
    phone = KoreanMobile()
    password = Password()
    current_password = fields.String(
        load_only=True,
        validate=validate.Length(max=MAX_PASSWORD_LENGTH),
        metadata={"description": "Your present password: required (only) when you change your own password"},
    )
    role = fields.Enum(Role, by_value=True)
    station_id = fields.Integer()
    locale = fields.Enum(Locale, by_value=True)
    is_active = fields.Boolean()

    @validates_schema
    def current_password_with_password(self, data, **kwargs):
        if "current_password" in data and "password" not in data:
            raise ValidationError("Only sent together with password.", field_name="current_password")


class UserQuerySchema(QuerySchema):
    station_id = fields.Integer()
    group_id = fields.Integer()
    role = fields.Enum(Role, by_value=True)
    is_active = fields.Boolean()
    q = Text(validate=validate.Length(min=1, max=100), metadata={"description": "Part of the name"})


class UserSchema(OutputSchema):
    id = fields.Integer()
    name = fields.String()
    phone = fields.Method(
        "visible_phone",
        allow_none=True,
        metadata={"type": "string", "description": "E.164; null unless you are this person or station staff"},
    )
    role = enum_output(Role)
    station_id = fields.Integer(allow_none=True)
    locale = enum_output(Locale)
    is_active = fields.Boolean()
    created_at = UtcDateTime()

    def visible_phone(self, user):
        return user.phone if can_see_phone(current_user, user) else None


class MembershipBriefSchema(OutputSchema):
    group_id = fields.Integer()
    group_name = fields.String(attribute="group.name")
    is_leader = fields.Boolean()


class ConsentSchema(OutputSchema):
    policy_version = fields.String()
    granted_at = UtcDateTime()
    withdrawn_at = UtcDateTime(allow_none=True)
    in_force_since = UtcDateTime(
        metadata={"description": "Since when consent has been in force without a break: renewing to a newer "
                  "policy version carries it on, a withdrawal ends it"}
    )


class MeSchema(UserSchema):
    station_name = fields.Method("name_of_station", allow_none=True, metadata={"type": "string"})
    groups = fields.List(fields.Nested(MembershipBriefSchema), attribute="memberships")
    location_consent = fields.Nested(
        ConsentSchema,
        attribute="active_consent",
        allow_none=True,
        metadata={"description": "The consent in force, or null: location data is refused without it"},
    )

    def name_of_station(self, user):
        return user.station.name if user.station else None  # admins belong to no station


class ConsentRequestSchema(InputSchema):
    policy_version = Text(
        required=True,
        validate=validate.Length(min=1, max=32),
        metadata={"description": "The current version, as GET /consent-policy gives it", "example": CURRENT_VERSION},
    )


CONSENT_REQUEST_EXAMPLE = {"policy_version": CURRENT_VERSION}


class PolicyTextSchema(OutputSchema):
    ko = fields.String()
    en = fields.String()


class ConsentPolicySchema(OutputSchema):
    version = fields.String(metadata={"description": "Send it to POST /me/consents", "example": CURRENT_VERSION})
    retention_days = fields.Integer(metadata={"description": "Raw location records are deleted after this many days"})
    incident_retention_days = fields.Integer(
        metadata={"description": "Where an SOS was raised and the positions sent during it are kept this many days"}
    )
    text = fields.Nested(PolicyTextSchema, metadata={"description": "The policy to show, in Korean and English"})
