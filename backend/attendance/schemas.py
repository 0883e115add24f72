from marshmallow import fields, validate

from backend.attendance.models import CORRECTABLE_STATUSES, AttendanceStatus, LateFact
from backend.core.schemas import InputSchema, Month, OutputSchema, QuerySchema, RowId, Text, UtcDateTime, enum_output


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
    late_facts = fields.List(
        fields.String(metadata={"enum": [fact.value for fact in LateFact]}),
        metadata={"description": "Which facts reached the server late (kept after an officer approved them); "
                  "while one awaits review the status is pending_review"},
    )
    is_corrected = fields.Boolean()
    note = fields.String(allow_none=True)
    confirmed_by_id = fields.Integer(allow_none=True)
    confirmed_at = UtcDateTime(allow_none=True)
    as_of = UtcDateTime(attribute="updated_at", metadata={
        "description": "When these figures were last derived from the data: what arrived after is not in them "
        "yet (the worker derives it within seconds)"
    })


class AttendanceEntrySchema(InputSchema):
    user_id = fields.Integer(required=True)
    status = fields.String(validate=validate.OneOf([status.value for status in CORRECTABLE_STATUSES]))
    duty_minutes = fields.Integer(validate=validate.Range(min=0, max=12 * 60))
    note = Text(multiline=True, validate=validate.Length(max=500), allow_none=True)


class ConfirmSchema(InputSchema):
    entries = fields.List(fields.Nested(AttendanceEntrySchema), required=True, validate=validate.Length(min=1, max=500))


CONFIRM_EXAMPLE = {
    "entries": [
        {"user_id": 42, "status": "present", "duty_minutes": 180},
        {"user_id": 43, "status": "excused", "note": "가족 병원 동행으로 불참 (사전 연락)"},
    ]
}


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


APPROVE_HOURS_EXAMPLE = {"group_id": 1, "month": "2026-11"}


class HoursApprovalSchema(OutputSchema):
    id = fields.Integer()
    group_id = fields.Integer()
    group_name = fields.String(attribute="group.name")
    month = Month()
    approved_by_id = fields.Integer(allow_none=True)
    approved_at = UtcDateTime()
    is_revoked = fields.Boolean()
    revoked_at = UtcDateTime(allow_none=True)
    revoked_by_id = fields.Integer(allow_none=True)
    revocation_reason = fields.String(allow_none=True)


class HoursApprovalQuerySchema(QuerySchema):
    group_id = RowId()
    month = Month(metadata={"example": "2026-11"})
    is_revoked = fields.Boolean(metadata={"description": "true: only revoked approvals; false: only standing ones"})


class RevokeApprovalSchema(InputSchema):
    reason = Text(multiline=True, allow_blank=False, required=True, validate=validate.Length(min=1, max=500),
                    metadata={"description": "Why the approval is withdrawn (1-500 characters); kept in the history"})
