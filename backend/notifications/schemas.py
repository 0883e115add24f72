from marshmallow import fields, validate

from backend.core.schemas import InputSchema, Name, OutputSchema, QuerySchema, Text, UtcDateTime, enum_output
from backend.notifications.models import DeliveryStatus, Platform
from backend.users.models import Locale


class DeviceRequestSchema(InputSchema):
    token = Text(required=True, validate=validate.Length(min=20, max=4096), metadata={"description": "FCM registration token"})
    platform = fields.Enum(Platform, by_value=True, required=True)
    app_version = Text(validate=validate.Length(max=32), load_default=None)
    locale = fields.Enum(Locale, by_value=True, load_default=None, metadata={"description": "Language of the pushes; default: the account's"})


DEVICE_REQUEST_EXAMPLE = {
    "token": "fMEP0vJqS0qW3xY7bZ1c2d:APA91bH-example-registration-token",
    "platform": "android",
    "app_version": "1.4.2",
    "locale": "ko",
}


class DeviceSchema(OutputSchema):
    token = fields.String()
    platform = enum_output(Platform)
    app_version = fields.String(allow_none=True)
    locale = enum_output(Locale, allow_none=True)
    created_at = UtcDateTime()
    last_seen_at = UtcDateTime()


class PreferencesSchema(OutputSchema):
    is_reminders_muted = fields.Boolean()
    is_announcements_muted = fields.Boolean()


class PreferencesUpdateSchema(InputSchema):
    is_reminders_muted = fields.Boolean(metadata={"description": "No 24 h / 2 h reminders"})
    is_announcements_muted = fields.Boolean(metadata={"description": "No news of newly published patrols"})


class BroadcastSchema(InputSchema):
    title = Name(required=True, validate=validate.Length(min=1, max=100), metadata={"example": "집결지 변경"})
    body = Text(multiline=True, allow_blank=False, required=True, validate=validate.Length(min=1, max=500), metadata={"example": "범계역 3번 출구로 옮깁니다."})


BROADCAST_EXAMPLE = {"title": "집결지 변경", "body": "범계역 3번 출구 앞으로 옮깁니다.\n20시 50분까지 모여 주세요."}


class BroadcastResultSchema(OutputSchema):
    status = fields.String(metadata={"enum": ["queued"]})


class DeliveryQuerySchema(QuerySchema):
    status = fields.Enum(DeliveryStatus, by_value=True, load_default=DeliveryStatus.DEAD)


class DeliverySchema(OutputSchema):
    id = fields.Integer()
    event_id = fields.Integer()
    event_type = fields.String(attribute="event.event_type")
    patrol_id = fields.Integer(attribute="event.patrol_id", allow_none=True)
    user_id = fields.Integer()
    device_id = fields.Integer(allow_none=True)
    status = enum_output(DeliveryStatus)
    attempts = fields.Integer()
    last_error = fields.String(allow_none=True)
    next_attempt_at = UtcDateTime()
    fcm_message_id = fields.String(allow_none=True)
    created_at = UtcDateTime()
    sent_at = UtcDateTime(allow_none=True)
