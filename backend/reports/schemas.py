from marshmallow import ValidationError, fields, post_load, validate, validates_schema

from backend.core.schemas import InputSchema, Month, OutputSchema, QuerySchema, RowId, UtcDateTime
from backend.errors import detail_for
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
    format = fields.String(load_default="json", validate=validate.OneOf(["json", "csv", "xlsx", "pdf"]))
    kind = fields.Enum(ZoneKind, by_value=True)


# Each report by its name, with the query string it reads and the files it is made as (the
# volunteer-hours PDF is one person's certificate, not the report).
REPORT_QUERIES = {
    "attendance": AttendanceQuerySchema,
    "volunteer-hours": VolunteerHoursQuerySchema,
    "zone-coverage": ZoneCoverageQuerySchema,
}
FILE_FORMATS = {"attendance": ("csv", "xlsx", "pdf"), "volunteer-hours": ("csv", "xlsx"), "zone-coverage": ("csv", "xlsx", "pdf")}


class ExportJobRequestSchema(InputSchema):
    report = fields.String(required=True, validate=validate.OneOf(REPORT_QUERIES))
    format = fields.String(required=True, validate=validate.OneOf(["csv", "xlsx", "pdf"]),
                           metadata={"description": "attendance and zone-coverage: csv, xlsx or pdf; volunteer-hours: csv or xlsx"})
    filters = fields.Dict(
        required=True,
        metadata={"description": "The report's query parameters, as its download takes them (from, to, month, "
                                 "group_id, kind, lang …), checked the same way",
                  "example": {"from": "2026-11-01", "to": "2026-11-30", "lang": "ko"}},
    )

    @post_load
    def load_report_filters(self, data, **kwargs):
        report = data["report"]
        if data["format"] not in FILE_FORMATS[report]:
            raise ValidationError(f"{report} is made as {', '.join(FILE_FORMATS[report])}.", field_name="format")
        try:
            data["filters"] = REPORT_QUERIES[report](exclude=("format",)).load(data["filters"])
        except ValidationError as error:
            raise ValidationError({"filters": error.messages}) from error
        return data


class ExportErrorSchema(OutputSchema):
    """Why a background export failed, dumped from its error code."""

    code = fields.Function(lambda code: code, metadata={"type": "string", "example": "EXPORT_FAILED"})
    detail = fields.Function(detail_for, metadata={"type": "string", "description": "In the reader's language"})


class ExportJobSchema(OutputSchema):
    id = fields.Integer()
    report = fields.String(metadata={"enum": list(REPORT_QUERIES)})
    format = fields.String(metadata={"enum": ["csv", "xlsx", "pdf"]})
    filters = fields.Dict()
    status = fields.String(metadata={
        "enum": ["queued", "running", "done", "failed", "expired"],
        "description": "queued: waiting for a worker; running: rows_done of rows_total written; done: the file "
                       "is at file_url until expires_at; failed: see error; expired: the file was deleted",
    })
    rows_total = fields.Integer(allow_none=True, metadata={"description": "Known once a worker has started the job"})
    rows_done = fields.Integer()
    percent = fields.Method("percent_done", metadata={"type": "integer", "nullable": True,
                                                      "description": "0–99 while running, 100 when done; null while queued or failed"})
    file_name = fields.String(allow_none=True)
    size_bytes = fields.Integer(allow_none=True)
    file_url = fields.Method("file_address", metadata={"type": "string", "nullable": True,
                                                       "description": "Where to download the file, once done"})
    error = fields.Nested(ExportErrorSchema, attribute="error_code", allow_none=True,
                          metadata={"description": "Why it failed (null unless failed)"})
    created_at = UtcDateTime()
    started_at = UtcDateTime(allow_none=True)
    finished_at = UtcDateTime(allow_none=True)
    expires_at = UtcDateTime(allow_none=True, metadata={"description": "When the file is deleted"})

    def percent_done(self, job):
        if job.status in ("done", "expired"):
            return 100
        if job.status != "running" or job.rows_total is None:
            return None
        # 100 only once the file is kept, not when its last row is read.
        return min(99, job.rows_done * 100 // max(job.rows_total, 1))

    def file_address(self, job):
        return f"/api/v1/export-jobs/{job.id}/file" if job.status == "done" else None


class ReportSchema(OutputSchema):
    columns = fields.List(fields.Dict(), metadata={
        "description": "key, label (ko, en) and kind of each column; a column of codes (an attendance status, a "
                       "zone kind, late facts) also has words: each code's words to show people, {code: {ko, en}}"})
    rows = fields.List(fields.Dict(), metadata={"description": "The values by column key; codes stay codes (no_show)"})
    summary = fields.List(fields.Dict(), metadata={
        "description": "key, label (ko, en) and value of each line: the period, the rows per status (status.<code>, "
                       "approval.<code> or kind.<code>) and the totals, over the whole report even when truncated"})
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
