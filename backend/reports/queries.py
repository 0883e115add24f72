"""The report rows, as streams: a year of a city never sits in memory."""
from contextlib import contextmanager
from contextvars import ContextVar

from sqlalchemy import Float, Integer, Numeric, case, cast, distinct, func, select

from backend.attendance.models import ApprovedHours, AttendanceRecord, HoursAdjustment, HoursApproval
from backend.extensions import db
from backend.locations.models import ZoneDwell
from backend.organizations.models import GroupMembership, Station, VolunteerGroup
from backend.patrols.models import Patrol, PatrolState
from backend.reports.scope import person_condition, zone_condition
from backend.users.models import User
from backend.zones.models import Zone, ZoneKind

STREAM_BATCH = 2000


class RowCounter:
    """Calls `report(rows)` each time another `every` rows have been read."""

    def __init__(self, report, every):
        self.report = report
        self.every = every
        self.rows = 0
        self._next = every

    def add(self, rows):
        self.rows += rows
        if self.rows >= self._next:
            self.report(self.rows)
            self._next = self.rows + self.every


_row_counter = ContextVar("report_row_counter", default=None)


@contextmanager
def counting_rows(report, every):
    """Within the block, every row `stream` reads is counted, whatever file is being written
    from them: how a background export tells how far it is."""
    counter = RowCounter(report, every)
    token = _row_counter.set(counter)
    try:
        yield counter
    finally:
        _row_counter.reset(token)


def count_rows(statement, at_most=None):
    """How many rows the statement gives; with `at_most`, stops counting past it."""
    rows = statement.order_by(None)
    if at_most is not None:
        rows = rows.limit(at_most + 1)
    return db.session.scalar(select(func.count()).select_from(rows.subquery()))


def stream(statement):
    """Rows as tuples in the statement's column order, fetched in batches through a server-side
    cursor. Core rows, not ORM results turned into dicts: half the cost per row."""
    counter = _row_counter.get()
    result = db.session.connection().execute(statement.execution_options(yield_per=STREAM_BATCH))
    for batch in result.partitions():
        for row in batch:
            yield row
            if counter:
                counter.add(1)


def seoul_day(timestamp):
    """The Korean calendar day of a timestamptz column, in SQL."""
    return func.date(func.timezone("Asia/Seoul", timestamp))


def _where(statement, *conditions):
    return statement.where(*[c for c in conditions if c is not None])


def attendance_rows(viewer, filters):
    statement = (
        select(
            seoul_day(Patrol.starts_at).label("date"),
            Patrol.id.label("patrol_id"),
            Patrol.title.label("patrol"),
            Station.name.label("station"),
            User.id.label("user_id"),
            User.name.label("name"),
            AttendanceRecord.status.label("status"),
            # Which facts came late (check_in, points, …), so hours are not approved unseen.
            AttendanceRecord.late_facts.label("late_uploads"),
            AttendanceRecord.checked_in_at,
            AttendanceRecord.checked_out_at,
            AttendanceRecord.duty_minutes,
            AttendanceRecord.is_duty_end_estimated.label("estimated"),
            AttendanceRecord.dense_area_minutes,
            AttendanceRecord.women_safe_minutes,
            AttendanceRecord.confirmed_at.is_not(None).label("confirmed"),
            AttendanceRecord.updated_at.label("as_of"),  # when the worker last derived it
        )
        .join(Patrol, Patrol.id == AttendanceRecord.patrol_id)
        .join(Station, Station.id == Patrol.station_id)
        .join(User, User.id == AttendanceRecord.user_id)
    )
    conditions = [
        Patrol.starts_at >= filters["since"],
        Patrol.starts_at < filters["until"],
        Patrol.state != PatrolState.CANCELLED.value,
        person_condition(viewer, AttendanceRecord.user_id, Patrol.station_id),
    ]
    if "station_id" in filters:
        conditions.append(Patrol.station_id == filters["station_id"])
    if "user_id" in filters:
        conditions.append(AttendanceRecord.user_id == filters["user_id"])
    if "group_id" in filters:
        members = select(GroupMembership.user_id).where(GroupMembership.group_id == filters["group_id"])
        conditions.append(AttendanceRecord.user_id.in_(members))
    return _where(statement, *conditions).order_by(Patrol.starts_at, Patrol.id, User.name, User.id)


def volunteer_hours_rows(viewer, month_start, month_end, month, group_id=None):
    """Per person and group: confirmed minutes and patrols in the month, and what was certified."""
    confirmed = (
        select(
            AttendanceRecord.user_id,
            func.sum(AttendanceRecord.duty_minutes).label("minutes"),
            func.count().label("patrols"),
        )
        .join(Patrol, Patrol.id == AttendanceRecord.patrol_id)
        .where(
            AttendanceRecord.confirmed_at.is_not(None),
            Patrol.starts_at >= month_start,
            Patrol.starts_at < month_end,
            Patrol.state != PatrolState.CANCELLED.value,
        )
        .group_by(AttendanceRecord.user_id)
        .subquery()
    )
    # What the month's standing approvals certified, and what changed after (revoked ones count no more).
    certified = (
        select(HoursApproval.group_id, ApprovedHours.user_id, ApprovedHours.minutes)
        .join(ApprovedHours, ApprovedHours.approval_id == HoursApproval.id)
        .where(HoursApproval.month == month, HoursApproval.is_standing)
        .subquery()
    )
    adjustments = (
        select(HoursApproval.group_id, HoursAdjustment.user_id, func.sum(HoursAdjustment.minutes).label("minutes"))
        .join(HoursAdjustment, HoursAdjustment.approval_id == HoursApproval.id)
        .where(HoursApproval.month == month, HoursApproval.is_standing)
        .group_by(HoursApproval.group_id, HoursAdjustment.user_id)
        .subquery()
    )
    statement = (
        select(
            VolunteerGroup.name.label("group"),
            User.id.label("user_id"),
            User.name.label("name"),
            func.coalesce(confirmed.c.patrols, 0).label("patrols"),
            func.coalesce(confirmed.c.minutes, 0).cast(Integer).label("minutes"),
            certified.c.minutes.label("approved_minutes"),
            func.coalesce(adjustments.c.minutes, 0).cast(Integer).label("adjustment_minutes"),
            case((certified.c.minutes.is_not(None), "approved"), else_="not_approved").label("approval"),
        )
        .select_from(GroupMembership)
        .join(VolunteerGroup, VolunteerGroup.id == GroupMembership.group_id)
        .join(User, User.id == GroupMembership.user_id)
        .outerjoin(confirmed, confirmed.c.user_id == User.id)
        .outerjoin(certified, (certified.c.group_id == GroupMembership.group_id) & (certified.c.user_id == User.id))
        .outerjoin(adjustments, (adjustments.c.group_id == GroupMembership.group_id) & (adjustments.c.user_id == User.id))
    )
    conditions = [person_condition(viewer, User.id, VolunteerGroup.station_id)]
    if group_id is not None:
        conditions.append(GroupMembership.group_id == group_id)
    return _where(statement, *conditions).order_by(VolunteerGroup.name, User.name, User.id)


def zone_coverage_rows(viewer, since, until, kind=None):
    """Per zone: minutes of presence, patrols, night minutes and the last visit; zones nobody
    visited in the period come first, then those nobody visited at night: the gaps to fill."""
    presence = (
        select(
            ZoneDwell.zone_id,
            func.sum(ZoneDwell.seconds).label("seconds"),
            func.sum(ZoneDwell.night_seconds).label("night_seconds"),
            func.count(distinct(ZoneDwell.patrol_id)).label("patrols"),
            func.max(ZoneDwell.last_seen_at).label("last_visit_at"),
            func.max(ZoneDwell.route_coverage).label("route_coverage"),
            func.max(ZoneDwell.updated_at).label("as_of"),
        )
        .join(Patrol, Patrol.id == ZoneDwell.patrol_id)
        .where(Patrol.starts_at >= since, Patrol.starts_at < until)
        .group_by(ZoneDwell.zone_id)
        .subquery()
    )
    minutes = func.coalesce(presence.c.seconds, 0) / 60
    statement = (
        select(
            Zone.id.label("zone_id"),
            Zone.name.label("zone"),
            Zone.kind.label("kind"),
            Station.name.label("station"),
            func.round(minutes).cast(Integer).label("minutes"),
            func.round(func.coalesce(presence.c.night_seconds, 0) / 60).cast(Integer).label("night_minutes"),
            func.coalesce(presence.c.patrols, 0).label("patrols"),
            presence.c.last_visit_at,
            # Safe-return routes only: the largest share of the route one person walked within
            # its corridor on one patrol of the period, in percent.
            case((Zone.kind == ZoneKind.SAFE_RETURN_ROUTE,
                  func.round(cast(func.coalesce(presence.c.route_coverage, 0) * 100, Numeric), 1).cast(Float)))
            .label("route_covered_percent"),
            (presence.c.zone_id.is_(None)).label("is_gap"),
            (func.coalesce(presence.c.night_seconds, 0) == 0).label("is_night_gap"),
            presence.c.as_of,  # when the worker last derived the latest of the figures summed
        )
        .join(Station, Station.id == Zone.station_id)
        .outerjoin(presence, presence.c.zone_id == Zone.id)
    )
    conditions = [zone_condition(viewer, Zone.station_id)]
    if kind is not None:
        conditions.append(Zone.kind == kind)
    gaps_first = case((presence.c.zone_id.is_(None), 0), (func.coalesce(presence.c.night_seconds, 0) == 0, 1), else_=2)
    return _where(statement, *conditions).order_by(gaps_first, Zone.kind, Zone.name)


