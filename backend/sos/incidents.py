"""A station's SOS incidents of a Korean calendar month, as a report (backend/reports): JSON,
or a CSV or XLSX file with the same columns.

Each row says who called for help, when and on which patrol, so every read of the list is
written to the location-access log, as a read of the alerts themselves is. A station's month
holds few alerts: the files are always made in the request, never as background exports.
"""
from datetime import timedelta

from sqlalchemy import Integer, func, select
from sqlalchemy.orm import aliased

from backend.attendance.services import month_bounds
from backend.core.scopes import station_is_visible
from backend.errors import AppError
from backend.notifications.models import OutboxEvent
from backend.notifications.outbox import dedupe_key
from backend.patrols.models import Patrol
from backend.reports import words
from backend.reports.exporters import Column, Report, Total
from backend.reports.queries import seoul_day
from backend.reports.services import answer, log_export, report_language
from backend.sos.escalation import ESCALATED, went_out
from backend.sos.models import SosAlert, SosStatus
from backend.sos.reads import record_reads
from backend.users.models import User

COLUMNS = [
    Column("id", "번호", "Alert no.", "int"),
    Column("raised_at", "호출 시각", "Raised at", "datetime"),
    Column("patrol", "순찰", "Patrol"),
    Column("patrol_date", "순찰일", "Patrol date", "date"),
    Column("raiser", "호출자", "Raised by"),
    Column("kind", "종류", "Kind", words=words.SOS_KIND),
    Column("status", "상태", "Status", words=words.SOS_STATUS),
    Column("first_tier", "1차 알림(명)", "First tier (people)", "int"),
    Column("recipients", "알림 받은 인원(명)", "Alerted (people)", "int"),
    Column("escalated", "확대 알림", "Escalated", "bool"),
    Column("acknowledged_by", "출동 확인자", "Acknowledged by"),
    Column("seconds_to_acknowledge", "확인까지(초)", "To acknowledge (s)", "int"),
    Column("resolved_by", "종료 처리자", "Resolved by"),
    Column("outcome", "결과", "Outcome", words=words.SOS_OUTCOME),
    Column("resolution_note", "처리 메모", "Note"),
    Column("cancelled", "취소(오경보)", "Cancelled (false alarm)", "bool"),
]


def incident_list(viewer, query, station_id, endpoint):
    """The month's incidents of the station's patrols for a responder of its family (or an
    admin), as `query["format"]` asks; another station's is not found."""
    if not station_is_visible(viewer, station_id):
        raise AppError("NOT_FOUND")
    month = query["month"]
    since, until = month_bounds(month)
    statement = incident_rows(station_id, since, until)
    record_reads(viewer, endpoint, statement.with_only_columns(SosAlert.id).order_by(None))
    log_export(viewer, "sos-incidents", {**query, "station_id": station_id}, query["format"])
    report = Report(
        "SOS 기록", "SOS incidents", COLUMNS, statement,
        period=(month, until.date() - timedelta(days=1)),
        totals=[
            Total("escalated", "확대 알림 건수", "Escalated", "escalated"),
            Total("seconds_to_acknowledge", "평균 확인 시간(초)", "Mean time to acknowledge (s)",
                  "seconds_to_acknowledge", how="mean"),
        ],
        counted=("status", words.SOS_STATUS),
    )
    stem = f"sos-incidents_{month:%Y-%m}_station-{station_id}"
    return answer(report, query["format"], report_language(viewer, query), stem)


def incident_rows(station_id, since, until):
    """The alerts of the station's patrols raised in [since, until), oldest first."""
    raiser, taker, closer = aliased(User), aliased(User), aliased(User)
    return (
        select(
            SosAlert.id,
            SosAlert.raised_at,
            Patrol.title.label("patrol"),
            seoul_day(Patrol.starts_at).label("patrol_date"),
            raiser.name.label("raiser"),
            SosAlert.kind,
            SosAlert.status,
            _first_tier().label("first_tier"),
            func.cardinality(SosAlert.alerted_user_ids).label("recipients"),
            select(OutboxEvent.id).where(_event_of_alert(ESCALATED), went_out()).exists().label("escalated"),
            taker.name.label("acknowledged_by"),
            func.round(func.extract("epoch", SosAlert.acknowledged_at - SosAlert.raised_at))
            .cast(Integer).label("seconds_to_acknowledge"),
            closer.name.label("resolved_by"),
            SosAlert.outcome,
            SosAlert.resolution_note,
            (SosAlert.status == SosStatus.CANCELLED.value).label("cancelled"),
        )
        .join(Patrol, Patrol.id == SosAlert.patrol_id)
        .join(raiser, raiser.id == SosAlert.raiser_id)
        .outerjoin(taker, taker.id == SosAlert.acknowledged_by_id)
        .outerjoin(closer, closer.id == SosAlert.resolved_by_id)
        .where(Patrol.station_id == station_id, SosAlert.raised_at >= since, SosAlert.raised_at < until)
        .order_by(SosAlert.raised_at, SosAlert.id)
    )


def _event_of_alert(event_type):
    """A condition on an outbox event: the row's alert's event of this type (its dedupe key)."""
    return OutboxEvent.dedupe_key == func.concat(dedupe_key(event_type, ""), SosAlert.id)


def _first_tier():
    """How many the alert reached at once: the people its raising told (a correlated subquery)."""
    return (
        select(func.jsonb_array_length(OutboxEvent.payload["user_ids"]))
        .where(_event_of_alert("sos.raised"))
        .scalar_subquery()
    )
