from marshmallow import fields, validate

from backend.attendance.models import AttendanceStatus
from backend.core.schemas import InputSchema, Month, OutputSchema, Text, UtcDateTime, enum_output


class AttendanceSchema(OutputSchema):
    patrol_id = fields.Integer()
    user_id = fields.Integer()
    name = fields.String(attribute="user.name")
    status = enum_output(AttendanceStatus)
    checked_in_at = UtcDateTime(allow_none=True)
    checked_out_at = UtcDateTime(allow_none=True)
    duty_minutes = fields.Integer()
    is_duty_end_estimated = fields.Boolean(metadata={"description": "No check-out: counted to the last point"})
    dense_area_minutes = fields.Integer()
    women_safe_minutes = fields.Integer()
    is_corrected = fields.Boolean()
    note = fields.String(allow_none=True)
    confirmed_by_id = fields.Integer(allow_none=True)
    confirmed_at = UtcDateTime(allow_none=True)


class AttendanceEntrySchema(InputSchema):
    user_id = fields.Integer(required=True)
    status = fields.Enum(AttendanceStatus, by_value=True)
    duty_minutes = fields.Integer(validate=validate.Range(min=0, max=12 * 60))
    note = Text(multiline=True, validate=validate.Length(max=500), allow_none=True)


class ConfirmSchema(InputSchema):
    entries = fields.List(fields.Nested(AttendanceEntrySchema), required=True, validate=validate.Length(min=1, max=500))


class AttendanceChangeSchema(OutputSchema):
    id = fields.Integer()
    user_id = fields.Integer()
    changed_by_id = fields.Integer(allow_none=True)
    changed_at = UtcDateTime()
    before = fields.Dict()
    after = fields.Dict()


class ApproveHoursSchema(InputSchema):
    group_id = fields.Integer(required=True)
    month = Month(required=True, metadata={"example": "2026-11"})


class HoursApprovalSchema(OutputSchema):
    group_id = fields.Integer()
    month = Month()
    approved_by_id = fields.Integer()
    approved_at = UtcDateTime()
