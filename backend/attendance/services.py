"""Reading and confirming attendance, and approving a group's monthly volunteer hours."""
from datetime import date, datetime, time

from flask import current_app
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from backend.attendance import derive
from backend.attendance.models import (
    ApprovedHours,
    AttendanceChange,
    AttendanceRecord,
    AttendanceStatus,
    HoursAdjustment,
    HoursApproval,
)
from backend.checkins.services import approve_late_checkins
from backend.core.pagination import paginate
from backend.core.scopes import one_or_404, restrict_to_visible_stations, station_is_visible
from backend.core.time import SEOUL, utcnow
from backend.derivation import services as derivation
from backend.errors import AppError
from backend.extensions import db
from backend.locations.services import approve_late_points
from backend.organizations.models import GroupMembership, VolunteerGroup
from backend.patrols.models import Patrol
from backend.patrols.services import get_patrol
from backend.users.models import Role, User, is_staff_or_admin

CONFIRMERS = (Role.ADMIN, Role.STATION_CHIEF, Role.OFFICER)
HOURS_APPROVERS = (Role.ADMIN, Role.STATION_CHIEF, Role.COORDINATOR)
TRACKED = ("status", "duty_minutes", "note")


def patrol_attendance(viewer, patrol_id, pagination):
    patrol = get_patrol(viewer, patrol_id)
    statement = (
        select(AttendanceRecord)
        .join(User, User.id == AttendanceRecord.user_id)
        .where(AttendanceRecord.patrol_id == patrol.id)
        .order_by(User.name, User.id)
    )
    if not is_staff_or_admin(viewer):
        statement = statement.where(AttendanceRecord.user_id == viewer.id)
    return paginate(statement, pagination)


def pending_review(viewer, pagination):
    """The review queue of attendance: records of the viewer's station family resting on late
    uploads nobody has approved yet, oldest patrol first."""
    statement = (
        select(AttendanceRecord)
        .join(Patrol, Patrol.id == AttendanceRecord.patrol_id)
        .where(AttendanceRecord.status == AttendanceStatus.PENDING_REVIEW.value)
        .order_by(Patrol.starts_at, AttendanceRecord.patrol_id, AttendanceRecord.user_id)
    )
    return paginate(restrict_to_visible_stations(statement, Patrol.station_id, viewer), pagination)


def confirm(actor, patrol_id, entries):
    """Confirm the listed records, correcting what an entry changes; each change is kept."""
    patrol = get_patrol(actor, patrol_id)
    if patrol.status != "completed":
        raise AppError("PATROL_NOT_FINISHED")
    _check_duty_fits(patrol, entries)
    # What an approval of the month already counts of each record: its confirmed figure,
    # read before this confirmation brings the record up to date.
    counted = dict(db.session.execute(
        select(AttendanceRecord.user_id, AttendanceRecord.duty_minutes)
        .where(AttendanceRecord.patrol_id == patrol.id, AttendanceRecord.confirmed_at.is_not(None))
    ).all())
    # Confirming someone's attendance approves what they uploaded late: the officer saw it
    # listed (late_facts, pending_review) and vouches for it now.
    user_ids = [entry["user_id"] for entry in entries]
    # First, as the worker does, the people's waiting requests, then their points: taken in
    # the other order, this and a worker deriving the same person could wait on each other.
    derivation.settle(patrol.id, user_ids)
    _approve_late_uploads(actor, patrol.id, user_ids)
    derive.refresh(patrol.id, user_ids, reconfirm=True)
    records = {
        r.user_id: r for r in db.session.scalars(select(AttendanceRecord).where(AttendanceRecord.patrol_id == patrol.id))
    }
    unknown = [entry["user_id"] for entry in entries if entry["user_id"] not in records]
    if unknown:
        raise AppError("NOT_ON_PATROL", errors={"user_id": [f"Not on this patrol: {unknown}"]})
    now = utcnow()
    confirmed = []
    for entry in entries:
        record = records[entry["user_id"]]
        _apply(actor, record, {k: v for k, v in entry.items() if k in TRACKED})
        before = counted.get(record.user_id, 0)  # nothing is counted until confirmed
        if record.duty_minutes != before:
            reason = "corrected" if record.user_id in counted else "confirmed"
            _adjust_locked_months(actor, patrol, record.user_id, record.duty_minutes - before, reason)
        record.confirmed_by_id, record.confirmed_at = actor.id, now
        confirmed.append(record)
    db.session.flush()
    return confirmed


def _check_duty_fits(patrol, entries):
    """Nobody is credited more duty than the patrol lasted, give or take the configured margin."""
    length = int((patrol.ends_at - patrol.starts_at).total_seconds() // 60)
    limit = length + current_app.config["DUTY_MARGIN_MINUTES"]
    too_long = [entry["user_id"] for entry in entries if entry.get("duty_minutes", 0) > limit]
    if too_long:
        raise AppError("DUTY_EXCEEDS_PATROL", errors={"duty_minutes": [f"At most {limit} minutes on this patrol: {too_long}"]})


def _approve_late_uploads(actor, patrol_id, user_ids):
    approve_late_checkins(actor, patrol_id, user_ids, note="출석 확정과 함께 승인 / approved with the attendance")
    approve_late_points(patrol_id, user_ids)


def _apply(actor, record, changes):
    before = {field: _plain(getattr(record, field)) for field in TRACKED}
    changed = {field: value for field, value in changes.items() if _plain(value) != before[field]}
    if not changed:
        return
    for field, value in changed.items():
        setattr(record, field, value)
    record.is_corrected = True
    db.session.add(
        AttendanceChange(
            patrol_id=record.patrol_id,
            user_id=record.user_id,
            changed_by_id=actor.id,
            before=before,
            after={field: _plain(getattr(record, field)) for field in TRACKED},
        )
    )


def _plain(value):
    return value.value if hasattr(value, "value") else value


def _adjust_locked_months(actor, patrol, user_id, delta, how):
    """A change in an approved month shows as an adjustment beside the certified figure."""
    month = month_of(patrol.starts_at)
    approvals = db.session.scalars(
        select(HoursApproval.id)
        .join(GroupMembership, GroupMembership.group_id == HoursApproval.group_id)
        .where(HoursApproval.month == month, HoursApproval.is_standing, GroupMembership.user_id == user_id)
    ).all()
    for approval_id in approvals:
        db.session.add(
            HoursAdjustment(
                approval_id=approval_id, user_id=user_id, patrol_id=patrol.id, minutes=delta,
                reason=f"attendance {how} after approval (patrol {patrol.id})", created_by_id=actor.id,
            )
        )


def changes_of(viewer, patrol_id, pagination):
    patrol = get_patrol(viewer, patrol_id)
    statement = select(AttendanceChange).where(AttendanceChange.patrol_id == patrol.id).order_by(AttendanceChange.id)
    if not is_staff_or_admin(viewer):
        statement = statement.where(AttendanceChange.user_id == viewer.id)
    return paginate(statement, pagination)


def month_of(moment):
    local = moment.astimezone(SEOUL)
    return date(local.year, local.month, 1)


def month_bounds(month):
    """[first instant, first instant of the next month) of a Korean calendar month."""
    following = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return datetime.combine(month, time(), SEOUL), datetime.combine(following, time(), SEOUL)


def member_minutes(group_id, month):
    """(user_id, confirmed minutes) of every member of the group in the month."""
    since, until = month_bounds(month)
    minutes = func.coalesce(func.sum(AttendanceRecord.duty_minutes), 0)
    return db.session.execute(
        select(GroupMembership.user_id, minutes)
        .outerjoin(
            AttendanceRecord,
            (AttendanceRecord.user_id == GroupMembership.user_id)
            & AttendanceRecord.confirmed_at.is_not(None)
            & AttendanceRecord.patrol_id.in_(select(Patrol.id).where(Patrol.starts_at >= since, Patrol.starts_at < until)),
        )
        .where(GroupMembership.group_id == group_id)
        .group_by(GroupMembership.user_id)
    ).all()


def month_has_ended(month):
    return month_bounds(month)[1] <= utcnow()


def approve_hours(actor, group_id, month):
    group = db.session.get(VolunteerGroup, group_id)
    if group is None or not station_is_visible(actor, group.station_id):
        raise AppError("NOT_FOUND")
    # Hours are certified for a month that is over: a running month would be locked half-counted.
    if not month_has_ended(month):
        raise AppError("MONTH_NOT_ENDED")
    if standing_approval(group_id, month) is not None:
        raise AppError("HOURS_ALREADY_APPROVED")
    approval = HoursApproval(group_id=group_id, month=month, approved_by_id=actor.id)
    db.session.add(approval)
    db.session.flush()
    for user_id, minutes in member_minutes(group_id, month):
        db.session.add(ApprovedHours(approval_id=approval.id, user_id=user_id, minutes=minutes))
    db.session.flush()
    return approval


def standing_approval(group_id, month):
    return db.session.scalar(
        select(HoursApproval).where(
            HoursApproval.group_id == group_id, HoursApproval.month == month, HoursApproval.is_standing
        )
    )


def _visible_approvals(viewer):
    statement = select(HoursApproval).join(VolunteerGroup, VolunteerGroup.id == HoursApproval.group_id)
    return restrict_to_visible_stations(statement, VolunteerGroup.station_id, viewer)


def list_approvals(viewer, filters, pagination):
    """Approvals of the caller's station family, newest month first, revoked ones included
    unless filtered out."""
    statement = (
        _visible_approvals(viewer)
        .options(selectinload(HoursApproval.group))
        .order_by(HoursApproval.month.desc(), HoursApproval.id.desc())
    )
    if "group_id" in filters:
        statement = statement.where(HoursApproval.group_id == filters["group_id"])
    if "month" in filters:
        statement = statement.where(HoursApproval.month == filters["month"])
    if "is_revoked" in filters:
        statement = statement.where(HoursApproval.is_standing != filters["is_revoked"])
    return paginate(statement, pagination)


def revoke_approval(actor, approval_id, reason):
    """Unlock the month: it may be approved again; this approval stays, marked revoked."""
    approval = one_or_404(_visible_approvals(actor).where(HoursApproval.id == approval_id).with_for_update(of=HoursApproval))
    if approval.is_revoked:
        raise AppError("APPROVAL_ALREADY_REVOKED")
    approval.revoked_at, approval.revoked_by_id, approval.revocation_reason = utcnow(), actor.id, reason
    db.session.flush()
    return approval
