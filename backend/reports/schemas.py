from marshmallow import ValidationError, fields, validate, validates_schema

from backend.core.schemas import Month, OutputSchema, QuerySchema, RowId, UtcDateTime
from backend.zones.models import ZoneKind

MAX_REPORT_DAYS = 366


class ReportFormatSchema(QuerySchema):
    lang = fields.String(validate=validate.OneOf(["ko", "en"]), metadata={"description": "Headers' language; default: yours"})


class PeriodSchema(ReportFormatSchema):
    from_ = fields.Date(data_key="from", required=True, metadata={"description": "First day (Korean calendar)", "example": "2026-11-01"})
    to = fields.Date(required=True, metadata={"description": "Last day, included", "example": "2026-11-30"})

    @validates_schema
    def period_is_sane(self, data, **kwargs):
        if "from_" in data and "to" in data:
            if data["to"] < data["from_"]:
                raise ValidationError("Must not be before from.", field_name="to")
            if (data["to"] - data["from_"]).days >= MAX_REPORT_DAYS:
                raise ValidationError(f"At most {MAX_REPORT_DAYS} days.", field_name="to")


class AttendanceQuerySchema(PeriodSchema):
    format = fields.String(load_default="json", validate=validate.OneOf(["json", "csv", "xlsx", "pdf"]))
    station_id = RowId()
    group_id = RowId()
    user_id = RowId()


class VolunteerHoursQuerySchema(ReportFormatSchema):
    month = Month(required=True, metadata={"example": "2026-11"})
    format = fields.String(load_default="json", validate=validate.OneOf(["json", "csv", "xlsx", "pdf"]))
    group_id = RowId(metadata={"description": "With format=pdf: the group whose approval to certify, "
                                              "needed only when the person's hours were approved in several"})
    user_id = RowId(metadata={"description": "With format=pdf: the volunteer whose certificate to issue (volunteers: "
                                             "default and only themself; everyone else must name one)"})


class ZoneCoverageQuerySchema(PeriodSchema):
    format = fields.String(load_default="json", validate=validate.OneOf(["json", "csv", "xlsx"]))
    kind = fields.Enum(ZoneKind, by_value=True)


class ReportSchema(OutputSchema):
    columns = fields.List(fields.Dict(), metadata={"description": "key, label and kind of each column"})
    rows = fields.List(fields.Dict())
    summary = fields.List(fields.Dict())
    truncated = fields.Boolean(metadata={"description": "More rows exist: download csv or xlsx for all of them"})


class CertificateCheckSchema(OutputSchema):
    number = fields.String(metadata={"example": "7K3M-9QXD-2HF4-Z"})
    status = fields.String(metadata={"enum": ["current", "revoked"],
                                     "description": "revoked: the approval it printed has been withdrawn"})
    holder = fields.String(metadata={"description": "The holder's name with all but its first and last letters masked",
                                     "example": "한*우"})
    station = fields.String(metadata={"description": "The issuing police station"})
    month = Month()
    approved_minutes = fields.Integer(metadata={"description": "The approved figure printed"})
    adjustment_minutes = fields.Integer(metadata={"description": "Changes after the approval, printed apart (+/-)"})
    issued_at = UtcDateTime()
    revoked_at = UtcDateTime(allow_none=True)
