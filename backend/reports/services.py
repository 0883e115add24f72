"""Attendance, volunteer-hour and zone-coverage reports, as JSON or as files people open.

Every export is logged (who, which report and filters, in which format). Files stream from a
server-side cursor, so their size does not decide the server's memory.
"""
from datetime import datetime, time, timedelta

from flask import Response, current_app
from geoalchemy2.shape import to_shape
from sqlalchemy import select

from backend.attendance.models import AttendanceRecord, ExportRecord
from backend.attendance.services import month_bounds
from backend.core.time import SEOUL
from backend.errors import AppError
from backend.extensions import db
from backend.patrols.models import ParticipantKind
from backend.patrols.services import get_patrol
from backend.reports import certificates, queries, words
from backend.reports.cells import json_value
from backend.reports.exporters import Column, Report, ReportRows, Total, as_attachment, export
from backend.reports.pdf import sign_in_sheet_pdf

JSON_ROW_LIMIT = 5000

ATTENDANCE_COLUMNS = [
    Column("date", "날짜", "Date", "date"),
    Column("patrol", "순찰", "Patrol"),
    Column("station", "경찰서", "Station"),
    Column("name", "성명", "Name"),
    Column("status", "출석", "Status", words=words.ATTENDANCE_STATUS),
    Column("late_uploads", "늦은 업로드", "Late uploads", words=words.LATE_FACT),
    Column("checked_in_at", "체크인", "Checked in", "datetime"),
    Column("checked_out_at", "체크아웃", "Checked out", "datetime"),
    Column("duty_minutes", "근무(분)", "Duty (min)", "minutes"),
    Column("estimated", "종료 추정", "End estimated", "bool"),
    Column("dense_area_minutes", "다중밀집(분)", "Dense areas (min)", "minutes"),
    Column("women_safe_minutes", "여성안심(분)", "Women-safe (min)", "minutes"),
    Column("confirmed", "확정", "Confirmed", "bool"),
]
HOURS_COLUMNS = [
    Column("group", "단체", "Group"),
    Column("name", "성명", "Name"),
    Column("patrols", "순찰 수", "Patrols", "int"),
    Column("minutes", "확정 봉사(분)", "Confirmed (min)", "minutes"),
    Column("approved_minutes", "승인(분)", "Approved (min)", "minutes"),
    Column("adjustment_minutes", "승인 후 조정(분)", "Adjusted after approval (min)", "minutes"),
]
COVERAGE_COLUMNS = [
    Column("zone", "구역", "Zone"),
    Column("kind", "종류", "Kind", words=words.ZONE_KIND),
    Column("station", "경찰서", "Station"),
    Column("minutes", "순찰(분)", "Presence (min)", "minutes"),
    Column("night_minutes", "야간 22-06시(분)", "Night 22-06 (min)", "minutes"),
    Column("patrols", "순찰 횟수", "Patrols", "int"),
    Column("last_visit_at", "마지막 방문", "Last visit", "datetime"),
    Column("route_covered_percent", "귀갓길 순찰 비율(%)", "Route covered (%)", "number"),
    Column("is_gap", "공백", "No presence", "bool"),
    Column("is_night_gap", "야간 공백", "No night presence", "bool"),
]


def attendance_report(viewer, query):
    return _deliver(viewer, "attendance", query, *attendance(viewer, query))


def volunteer_hours_report(viewer, query):
    if query["format"] == "pdf":
        return _certificate(viewer, query)
    return _deliver(viewer, "volunteer-hours", query, *volunteer_hours(viewer, query))


def zone_coverage_report(viewer, query):
    return _deliver(viewer, "zone-coverage", query, *zone_coverage(viewer, query))


def attendance(viewer, query):
    """The attendance report over a period, and its file name's stem."""
    since, until = _days(query["from_"], query["to"])
    filters = {"since": since, "until": until, **{k: query[k] for k in ("station_id", "group_id", "user_id") if k in query}}
    report = Report(
        "출석 현황", "Attendance", ATTENDANCE_COLUMNS, queries.attendance_rows(viewer, filters),
        period=(query["from_"], query["to"]),
        totals=[Total("duty_minutes", "근무 합계(분)", "Total duty (min)", "duty_minutes")],
        counted=("status", words.ATTENDANCE_STATUS),
    )
    return report, f"attendance_{query['from_']}_{query['to']}_{_scope_label(viewer, query)}"


def volunteer_hours(viewer, query):
    """The volunteer-hours report of a month, and its file name's stem."""
    month = query["month"]
    since, until = month_bounds(month)
    report = Report(
        "봉사시간", "Volunteer hours", HOURS_COLUMNS,
        queries.volunteer_hours_rows(viewer, since, until, month, query.get("group_id")),
        period=(month, until.date() - timedelta(days=1)),
        totals=[Total("minutes", "확정 봉사 합계(분)", "Total confirmed (min)", "minutes")],
        counted=("approval", words.APPROVAL),
    )
    return report, f"volunteer-hours_{month:%Y-%m}_{_scope_label(viewer, query)}"


def zone_coverage(viewer, query):
    """The zone-coverage report over a period, and its file name's stem."""
    since, until = _days(query["from_"], query["to"])
    report = Report(
        "구역별 순찰 현황", "Zone coverage", COVERAGE_COLUMNS,
        queries.zone_coverage_rows(viewer, since, until, query.get("kind")),
        period=(query["from_"], query["to"]),
        totals=[
            Total("is_gap", "순찰이 없던 구역", "Zones without presence", "is_gap"),
            Total("is_night_gap", "야간 순찰이 없던 구역", "Zones without night presence", "is_night_gap"),
            Total("route_covered_percent", "귀갓길 평균 순찰 비율(%)", "Routes covered, mean (%)",
                  "route_covered_percent", how="mean"),
        ],
        counted=("kind", words.ZONE_KIND),
    )
    return report, f"zone-coverage_{query['from_']}_{query['to']}_{_scope_label(viewer, query)}"


# Each report by the name the export log and background exports know it by.
REPORTS = {"attendance": attendance, "volunteer-hours": volunteer_hours, "zone-coverage": zone_coverage}


def sign_in_sheet(viewer, patrol_id, query):
    """A patrol's printable sign-in sheet: officers with their unit, then volunteers with their
    groups, each by name, with the time they checked in once they have."""
    patrol = get_patrol(viewer, patrol_id)
    lang = report_language(viewer, query)
    arrived = dict(db.session.execute(
        select(AttendanceRecord.user_id, AttendanceRecord.checked_in_at)
        .where(AttendanceRecord.patrol_id == patrol.id, AttendanceRecord.checked_in_at.is_not(None))
    ).all())
    people = [
        {
            "name": p.user.name,
            "unit": p.user.station.name if p.kind == ParticipantKind.OFFICER
            else ", ".join(m.group.name for m in p.user.memberships if m.group in patrol.groups),
            "role": words.word(words.PARTICIPANT_KIND, p.kind, lang),
            "arrived": f"{arrived[p.user_id].astimezone(SEOUL):%H:%M}" if p.user_id in arrived else "",
        }
        for holders in (patrol.officers, patrol.confirmed_volunteers)
        for p in sorted(holders, key=lambda p: (p.user.name, p.user_id))
    ]
    local = patrol.starts_at.astimezone(SEOUL)
    point = to_shape(patrol.meeting_point)
    data = sign_in_sheet_pdf(
        lang, patrol_title=patrol.title, when=f"{local:%Y-%m-%d %H:%M}–{patrol.ends_at.astimezone(SEOUL):%H:%M}",
        # Without a name, the coordinates (latitude, longitude) still find the spot on a map.
        meeting_place=patrol.meeting_place_name or f"{point.y:.5f}, {point.x:.5f}",
        zones=", ".join(zone.name for zone in patrol.zones) or "-", people=people,
    )
    log_export(viewer, "sign-in-sheet", {"patrol_id": patrol.id}, "pdf")
    return as_attachment(Response(data, mimetype="application/pdf"), f"sign-in_{local:%Y-%m-%d}_patrol-{patrol.id}.pdf")


def _certificate(viewer, query):
    """A volunteer's certificate of the month's approved hours (staff print their volunteers')."""
    pdf, person = certificates.issue(viewer, query, report_language(viewer, query))
    log_export(viewer, "volunteer-hours", query, "pdf")
    return as_attachment(Response(pdf, mimetype="application/pdf"), f"certificate_{query['month']:%Y-%m}_{person.name}.pdf")


def _deliver(viewer, name, query, report, stem):
    fmt = query["format"]
    log_export(viewer, name, query, fmt)
    if fmt != "json":
        refuse_when_too_large(report)
    return answer(report, fmt, report_language(viewer, query), stem)


def answer(report, fmt, lang, stem):
    """The report as JSON (at most JSON_ROW_LIMIT rows, with the summary of them all), or as
    a CSV, XLSX or PDF download named after `stem`."""
    if fmt != "json":
        return export(report, fmt, lang, stem)
    reading = ReportRows(report)
    rows = []
    # Every row is read, the ones past the limit only counted, so the summary is the whole report's.
    for row in reading:
        if len(rows) <= JSON_ROW_LIMIT:
            rows.append({key: json_value(value) for key, value in zip(reading.keys, row)})
    return {
        "columns": [column.as_json() for column in report.columns],
        "rows": rows[:JSON_ROW_LIMIT],
        "summary": [{"key": key, "ko": ko, "en": en, "value": json_value(value)} for key, ko, en, value in reading.summary()],
        "truncated": len(rows) > JSON_ROW_LIMIT,
    }


def _days(first, last):
    """[first day 00:00, the day after the last 00:00) in Korean time."""
    return datetime.combine(first, time(), SEOUL), datetime.combine(last + timedelta(days=1), time(), SEOUL)


def refuse_when_too_large(report):
    """A file of more rows than EXPORT_JOB_ROWS is a background export's work: made in the
    request, it could outlast the browser's or a proxy's patience."""
    limit = current_app.config["EXPORT_JOB_ROWS"]
    if queries.count_rows(report.query, at_most=limit) > limit:
        raise AppError("EXPORT_TOO_LARGE", members={"row_limit": limit}, limit=limit)


def report_language(viewer, query):
    return query.get("lang") or str(viewer.locale)


def _scope_label(viewer, query):
    if "group_id" in query:
        return f"group-{query['group_id']}"
    if "user_id" in query:
        return f"person-{query['user_id']}"
    if "station_id" in query:
        return f"station-{query['station_id']}"
    return viewer.station.code if viewer.station else "all"


def log_export(viewer, report, query, fmt):
    filters = {key: str(value) for key, value in query.items() if key not in ("format", "lang")}
    db.session.add(ExportRecord(user_id=viewer.id, report=report, filters=filters, format=fmt))
    db.session.flush()
