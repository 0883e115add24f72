"""The derivation queue: what asks for figures to be derived, and the worker's steps.

A request for (patrol, person) is a row of derivation_queue, upserted in the transaction
that stored the data. The worker claims the oldest rows, up to CLAIM_LIMIT, with FOR UPDATE
SKIP LOCKED (any number of workers may run), derives those people's exclusions and dwell
from their earliest new point on (and tells officers of a volunteer walking alone), then
their attendance, deletes the rows and commits: each
statement runs once for all of them. A request made while the worker holds its row waits for
that commit and then makes a new row; a worker that dies rolls back and leaves the rows for
the next one: nothing is lost.

Attendance also changes with the clock (expected until the start, then no-show) and with the
roster (who signed up or withdrew): the sweep asks for those people now and then.
"""
import itertools
import logging
from datetime import timedelta

from sqlalchemy import exists, func, select, union
from sqlalchemy.dialects.postgresql import insert

from backend.attendance import derive as attendance
from backend.attendance.models import AttendanceRecord, AttendanceStatus
from backend.derivation.models import DerivationRequest
from backend.extensions import db
from backend.locations import alone, dwell
from backend.patrols.models import ParticipantStatus, Patrol, PatrolParticipant, PatrolState

log = logging.getLogger(__name__)

# After the first sweep of a worker, which looks at every patrol, later sweeps look at the
# patrols that ended within this long: older ones have nothing left that the clock changes.
SWEEP_HORIZON = timedelta(days=1)
# How many requests one transaction derives: enough that a busy night's statements run once
# for many people, few enough that a transaction stays short.
CLAIM_LIMIT = 100

# The oldest requests, locked; requests a worker already holds are skipped.
CLAIM = (
    select(DerivationRequest)
    .order_by(DerivationRequest.requested_at, DerivationRequest.patrol_id, DerivationRequest.user_id)
    .with_for_update(skip_locked=True)
)


def _request_statement():
    """Built once: every check-in and upload runs it."""
    queue = DerivationRequest.__table__
    statement = insert(queue)
    return statement.on_conflict_do_update(
        index_elements=[queue.c.patrol_id, queue.c.user_id],
        # LEAST ignores NULL: a check-in never makes the worker forget points still to judge.
        # requested_at stays that of the oldest request: a phone uploading often keeps its place.
        set_={"points_from": func.least(queue.c.points_from, statement.excluded.points_from)},
    )


REQUEST = _request_statement()


def request(patrol_ids, user_id, points_from=None):
    """Ask for this person's figures on these patrols to be derived after the commit.
    `points_from`: {patrol_id: the earliest recorded_at of the points just stored}."""
    points_from = points_from or {}
    rows = [{"patrol_id": patrol_id, "user_id": user_id, "points_from": points_from.get(patrol_id)}
            for patrol_id in sorted(set(patrol_ids))]
    if rows:
        db.session.execute(REQUEST, rows)


def derive_next(limit=CLAIM_LIMIT):
    """Claim up to `limit` requests and derive their figures, in one transaction. Returns
    the (patrol_id, user_id) of those derived; empty when nothing waits."""
    claims = db.session.scalars(CLAIM.limit(limit)).all()
    if not claims:
        db.session.rollback()
        return []
    keys = [(claim.patrol_id, claim.user_id) for claim in claims]
    try:
        _derive(claims)
        db.session.commit()
        return keys
    except Exception:
        db.session.rollback()
        if len(keys) == 1:
            _send_to_the_back(keys[0])
            return []
        log.warning("deriving %d requests together failed: deriving each alone", len(keys), exc_info=True)
    # One of them fails (a deadlock with an officer's confirmation, say): each alone, so that
    # only the failing one waits.
    return [key for key in keys if _derive_alone(key)]


def _derive(claims):
    """Derive the claimed requests' figures and delete the requests."""
    _recompute_dwell(claims)
    _plan_attendance_once()
    by_patrol = itertools.groupby(sorted((claim.patrol_id, claim.user_id) for claim in claims), key=lambda key: key[0])
    for patrol_id, keys in by_patrol:
        attendance.refresh(patrol_id, [user_id for _, user_id in keys])
    for claim in claims:
        db.session.delete(claim)
    db.session.flush()


def _plan_attendance_once():
    """For the rest of the pass's transaction: PostgreSQL plans the attendance statement once
    per session instead of on every pass, where planning it cost more than running it. Dwell
    keeps a plan made for each pass: how it is best read depends on how many people it takes."""
    db.session.execute(select(func.set_config("plan_cache_mode", "force_generic_plan", True)))


def _recompute_dwell(claims):
    """Exclusions and dwell of the claimed requests that brought new points, and whether
    their volunteers walked alone (judged on the exclusions just made)."""
    with_points = [(claim.patrol_id, claim.user_id, claim.points_from) for claim in claims
                   if claim.points_from is not None]
    if with_points:
        dwell.recompute(with_points)
        alone.warn(with_points)


def _derive_alone(key):
    """Derive one request, if no other worker holds it. Returns whether it was derived."""
    claim = db.session.scalars(
        CLAIM.where(DerivationRequest.patrol_id == key[0], DerivationRequest.user_id == key[1])
    ).first()
    if claim is None:
        db.session.rollback()
        return False
    try:
        _derive([claim])
        db.session.commit()
        return True
    except Exception:
        db.session.rollback()
        _send_to_the_back(key)
        return False


def _send_to_the_back(key):
    """A request whose derivation failed is logged and waits behind the others."""
    log.exception("deriving the figures of patrol %s, person %s failed", *key)
    db.session.execute(
        DerivationRequest.__table__.update()
        .where(DerivationRequest.patrol_id == key[0], DerivationRequest.user_id == key[1])
        .values(requested_at=func.now())
    )
    db.session.commit()


def settle(patrol_id, user_ids):
    """Derive at once the dwell that waits for these people on this patrol, for an officer
    about to vouch for their attendance (which the caller then refreshes)."""
    waiting = db.session.scalars(
        select(DerivationRequest)
        .where(DerivationRequest.patrol_id == patrol_id, DerivationRequest.user_id.in_(user_ids))
        .order_by(DerivationRequest.user_id)
        .with_for_update()
    ).all()
    _recompute_dwell(waiting)
    for claim in waiting:
        db.session.delete(claim)
    db.session.flush()


def drain():
    """Derive until nothing waits. Returns how many requests were handled."""
    handled = 0
    while derived := derive_next():
        handled += len(derived)
    return handled


def sweep(since=None):
    """Ask for the records that the clock or the roster changed, of the patrols ending after
    `since` (all of them: None): the confirmed people without a record, those still expected
    once their patrol has started, and records of people no longer confirmed (withdrawn
    before the start), which the derivation forgets. Returns how many were asked for."""
    patrols = select(Patrol.id).where(Patrol.state == PatrolState.PUBLISHED)
    if since is not None:
        patrols = patrols.where(Patrol.ends_at > since)
    confirmed = (PatrolParticipant.status == ParticipantStatus.CONFIRMED)
    has_record = exists().where(
        AttendanceRecord.patrol_id == PatrolParticipant.patrol_id, AttendanceRecord.user_id == PatrolParticipant.user_id
    )
    unrecorded = select(PatrolParticipant.patrol_id, PatrolParticipant.user_id).where(
        confirmed, PatrolParticipant.patrol_id.in_(patrols), ~has_record
    )
    still_expected = (
        select(AttendanceRecord.patrol_id, AttendanceRecord.user_id)
        .join(Patrol, Patrol.id == AttendanceRecord.patrol_id)
        .where(AttendanceRecord.status == AttendanceStatus.EXPECTED, Patrol.starts_at <= func.now(),
               AttendanceRecord.patrol_id.in_(patrols))
    )
    is_confirmed = exists().where(
        PatrolParticipant.patrol_id == AttendanceRecord.patrol_id, PatrolParticipant.user_id == AttendanceRecord.user_id,
        confirmed,
    )
    withdrawn = select(AttendanceRecord.patrol_id, AttendanceRecord.user_id).where(
        ~AttendanceRecord.is_corrected, ~is_confirmed, AttendanceRecord.patrol_id.in_(patrols)
    )
    people = union(unrecorded, still_expected, withdrawn).subquery()
    statement = (
        insert(DerivationRequest)
        .from_select(["patrol_id", "user_id"], select(people).order_by(people.c.patrol_id, people.c.user_id))
        .on_conflict_do_nothing()
    )
    return db.session.execute(statement).rowcount
