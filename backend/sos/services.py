"""Raising an SOS, telling the first tier, and a responder taking and closing it.

Functions flush, never commit. Pushes go through the outbox in the same transaction, so an
alert that is answered is an alert whose pushes will be sent.
"""
from flask import current_app
from sqlalchemy import func, or_, select, union
from sqlalchemy.dialects.postgresql import distinct_on
from sqlalchemy.dialects.postgresql import insert as upsert

from backend.checkins.models import CheckIn, CheckInKind, Review
from backend.core.pagination import paginate
from backend.core.scopes import one_or_404
from backend.core.time import utcnow
from backend.errors import AppError, Bilingual
from backend.extensions import db
from backend.locations import services as track
from backend.locations.models import LocationPoint
from backend.locations.partitions import recorded_around
from backend.notifications.models import Delivery, OutboxEvent
from backend.notifications.outbox import dedupe_key, record_event
from backend.notifications.recipients import assigned_officers, station_chiefs
from backend.organizations.models import Station
from backend.patrols.models import ParticipantStatus, Patrol, PatrolParticipant
from backend.patrols.policies import is_on_duty, visible_patrols
from backend.patrols.timing import is_recorded_in_future, sos_window
from backend.sos.escalation import FOLLOW_UPS, repeat_key_prefix, schedule_escalation, went_out
from backend.sos.models import ACTIVE_STATUSES, IS_ACTIVE, SosAlert, SosPosition, SosPress, SosStatus
from backend.sos.policies import visible_alerts
from backend.sos.reads import record_reads
from backend.users.models import User, consent_granted_at

# How many of the raiser's latest positions an alert's detail shows.
SHOWN_POSITIONS = 500

# The pushes an alert can cause, each recorded once per alert.
PUSH_EVENTS = ("sos.raised", "sos.acknowledged", "sos.taken", "sos.cancelled", *FOLLOW_UPS)


def raise_alert(actor, data):
    """Raise an SOS, or join the raiser's running one. Returns (alert, is_new): a retry of
    the same press, and a new press while an alert runs, get the running alert."""
    situation = _situation(actor, data)
    if situation is None:
        raise AppError("NOT_FOUND")
    if not situation.is_on_duty:
        raise AppError("NOT_A_PARTICIPANT")
    if situation.earlier_alert_id is not None:
        return db.session.get(SosAlert, situation.earlier_alert_id), False
    if situation.consent_granted_at is None:
        raise AppError("CONSENT_REQUIRED")
    opens, closes = sos_window(situation.starts_at, situation.ends_at, situation.checkin_opens_minutes)
    if not opens <= utcnow() <= closes:
        raise AppError("SOS_OUTSIDE_WINDOW")
    alert_id = _insert_alert(actor, data)
    is_new = alert_id is not None
    if not is_new:
        # A running alert (or one a simultaneous press has just made): this press joins it.
        alert_id = db.session.scalar(_active_alert_id(actor.id))
    if not _insert_press(actor, alert_id, data):
        # A simultaneous retry of this very press got there first.
        return db.session.get(SosAlert, _press_alert_id(actor.id, data["client_event_id"])), False
    alert = db.session.get(SosAlert, alert_id)
    if is_new:
        _alert_first_tier(alert, situation, actor, data)
    return alert, is_new


def _situation(actor, data):
    """The patrol as the actor may see it (None: not visible), whether they are on duty and
    consented, and the alert an earlier request under this client_event_id got."""
    earlier = select(SosPress.alert_id).where(
        SosPress.user_id == actor.id, SosPress.client_event_id == data["client_event_id"]
    )
    statement = (
        visible_patrols(actor)
        .where(Patrol.id == data["patrol_id"])
        .join(Station, Station.id == Patrol.station_id)
        .with_only_columns(
            Patrol.id,
            Patrol.station_id,
            Patrol.starts_at,
            Patrol.ends_at,
            Station.checkin_opens_minutes,
            is_on_duty(actor.id, Patrol.id).label("is_on_duty"),
            consent_granted_at(actor.id).label("consent_granted_at"),
            earlier.scalar_subquery().label("earlier_alert_id"),
        )
    )
    return db.session.execute(statement).first()


def _point(data):
    return func.ST_SetSRID(func.ST_MakePoint(data["lon"], data["lat"]), 4326)


def _insert_alert(actor, data):
    """The new alert's id, or None when the raiser already has one running."""
    statement = (
        upsert(SosAlert)
        .values(
            patrol_id=data["patrol_id"],
            raiser_id=actor.id,
            kind=data["kind"],
            note=data.get("note"),
            point=_point(data),
            accuracy_m=data["accuracy_m"],
            recorded_at=data["recorded_at"],
        )
        .on_conflict_do_nothing(index_elements=["raiser_id"], index_where=IS_ACTIVE)
        .returning(SosAlert.id)
    )
    return db.session.scalar(statement)


def _active_alert_id(user_id):
    return select(SosAlert.id).where(
        SosAlert.raiser_id == user_id, SosAlert.status.in_([s.value for s in ACTIVE_STATUSES])
    )


def _insert_press(actor, alert_id, data):
    """Record the press; False when this client_event_id was already recorded."""
    statement = (
        upsert(SosPress)
        .values(alert_id=alert_id, user_id=actor.id, client_event_id=data["client_event_id"], recorded_at=data["recorded_at"])
        .on_conflict_do_nothing(index_elements=["user_id", "client_event_id"])
        .returning(SosPress.id)
    )
    return db.session.scalar(statement) is not None


def _press_alert_id(user_id, client_event_id):
    return db.session.scalar(
        select(SosPress.alert_id).where(SosPress.user_id == user_id, SosPress.client_event_id == client_event_id)
    )


def _alert_first_tier(alert, situation, actor, data):
    """Choose who hears of the alert at once, keep the list with it, and tell them; and
    schedule the escalation, should nobody take it."""
    alert.alerted_user_ids = first_tier(situation, actor.id, data)
    facts = _push_facts(alert, actor.name, data["lat"], data["lon"])
    told = {**facts, "user_ids": alert.alerted_user_ids}
    record_event("sos.raised", alert.id, patrol_id=alert.patrol_id, payload=told)
    schedule_escalation(alert, facts)
    db.session.flush()


def first_tier(patrol, raiser_id, data):
    """The ids of the people an SOS reaches at once: the patrol's assigned officers, its
    station's chiefs, and the other confirmed participants whose last trusted position lies
    within PATROL_SOS_NEARBY_M of the raiser. Withdrawn people are not on duty, and nobody
    of another station is assigned to the patrol or chief of its station."""
    confirmed = PatrolParticipant.status == ParticipantStatus.CONFIRMED.value
    on_patrol = PatrolParticipant.patrol_id == patrol.id
    officers = assigned_officers(patrol.id)
    chiefs = station_chiefs(patrol.station_id)
    nearby = select(PatrolParticipant.user_id).where(
        on_patrol,
        confirmed,
        func.ST_DWithin(
            func.Geography(func.coalesce(_last_point(patrol), _checkin_point(patrol.id))),
            func.Geography(_point(data)),
            current_app.config["SOS_NEARBY_M"],
        ),
    )
    everyone = union(officers, chiefs, nearby).subquery()
    told = select(User.id).where(User.id.in_(select(everyone)), User.id != raiser_id, User.is_active).order_by(User.id)
    return list(db.session.scalars(told))


def _last_point(patrol):
    """A participant's latest kept point on the patrol (a correlated subquery)."""
    return (
        select(LocationPoint.point)
        .where(
            LocationPoint.patrol_id == patrol.id,
            LocationPoint.user_id == PatrolParticipant.user_id,
            LocationPoint.exclusion.is_(None),
            recorded_around(patrol),
        )
        .order_by(LocationPoint.recorded_at.desc())
        .limit(1)
        .scalar_subquery()
    )


def _checkin_point(patrol_id):
    """Where a participant checked in, unless an officer rejected it (a correlated subquery)."""
    return (
        select(CheckIn.point)
        .where(
            CheckIn.patrol_id == patrol_id,
            CheckIn.user_id == PatrolParticipant.user_id,
            CheckIn.kind == CheckInKind.CHECK_IN.value,
            CheckIn.review.is_distinct_from(Review.REJECTED.value),
        )
        .order_by(CheckIn.recorded_at.desc())
        .limit(1)
        .scalar_subquery()
    )


def _push_facts(alert, raiser_name, lat, lon):
    """What every push about an alert carries (mobile_api_spec/notifications.md)."""
    return {"alert_id": alert.id, "kind": str(alert.kind), "raiser_name": raiser_name, "lat": lat, "lon": lon}


def _taken_for_update(actor, alert_id):
    """The alert, locked until the commit, so that two responders cannot both take it."""
    return one_or_404(visible_alerts(actor).where(SosAlert.id == alert_id).with_for_update(of=SosAlert))


def _position(alert):
    lon, lat = db.session.execute(select(func.ST_X(alert.point), func.ST_Y(alert.point))).one()
    return lat, lon


def cancel(actor, alert_id):
    """The raiser calls it a false alarm; everyone already alerted is told."""
    alert = _taken_for_update(actor, alert_id)
    if alert.raiser_id != actor.id:
        raise AppError("SOS_NOT_RAISER")
    if alert.status == SosStatus.CANCELLED:
        return alert
    if alert.status == SosStatus.RESOLVED:
        raise AppError("SOS_CLOSED")
    alert.status = SosStatus.CANCELLED
    alert.cancelled_at = utcnow()
    told = sorted({*alert.alerted_user_ids, *([alert.acknowledged_by_id] if alert.acknowledged_by_id else [])})
    record_event(
        "sos.cancelled",
        alert.id,
        patrol_id=alert.patrol_id,
        payload={**_push_facts(alert, actor.name, *_position(alert)), "user_ids": told},
    )
    db.session.flush()
    return alert


def acknowledge(actor, alert_id):
    """The first responder takes the alert: the raiser's phone is told who is coming, and
    everyone else alerted who took it. A retry by them changes nothing, and anyone later is
    refused with the name of who took it."""
    alert = _taken_for_update(actor, alert_id)
    if alert.raiser_id == actor.id:
        raise AppError("SOS_OWN_ALERT")
    if alert.status == SosStatus.ACKNOWLEDGED:
        if alert.acknowledged_by_id == actor.id:
            return alert
        taker = alert.acknowledged_by
        raise AppError(
            "SOS_ALREADY_ACKNOWLEDGED",
            name=Bilingual(taker.name, taker.name) if taker else Bilingual("Someone", "다른 사람"),
            members={"acknowledged_by": {"id": alert.acknowledged_by_id, "name": taker.name if taker else None},
                     "acknowledged_at": alert.acknowledged_at.isoformat()},
        )
    if alert.status != SosStatus.OPEN:
        raise AppError("SOS_CLOSED")
    alert.status = SosStatus.ACKNOWLEDGED
    alert.acknowledged_by_id = actor.id
    alert.acknowledged_at = utcnow()
    facts = {**_push_facts(alert, alert.raiser.name, *_position(alert)), "responder_name": actor.name}
    record_event("sos.acknowledged", alert.id, patrol_id=alert.patrol_id, payload={**facts, "user_ids": [alert.raiser_id]})
    others = [user_id for user_id in alert.alerted_user_ids if user_id != actor.id]
    record_event("sos.taken", alert.id, patrol_id=alert.patrol_id, payload={**facts, "user_ids": others})
    db.session.flush()
    return alert


def resolve(actor, alert_id, outcome, note):
    """Close the alert with what it turned out to be."""
    alert = _taken_for_update(actor, alert_id)
    if alert.raiser_id == actor.id:
        raise AppError("SOS_OWN_ALERT")
    if alert.status not in ACTIVE_STATUSES:
        raise AppError("SOS_CLOSED")
    alert.status = SosStatus.RESOLVED
    alert.outcome = outcome
    alert.resolution_note = note
    alert.resolved_by_id = actor.id
    alert.resolved_at = utcnow()
    db.session.flush()
    return alert


def add_positions(actor, alert_id, positions):
    """Keep the positions the raiser's phone sends while their alert runs, with the alert;
    they also count as the raiser's track on the patrol, as a location batch would. A
    position resent (same client_event_id) is stored once."""
    alert = one_or_404(visible_alerts(actor).where(SosAlert.id == alert_id))
    if alert.raiser_id != actor.id:
        raise AppError("SOS_NOT_RAISER")
    if alert.status not in ACTIVE_STATUSES:
        raise AppError("SOS_CLOSED")
    kept, rejected = [], []
    for index, position in enumerate(positions):
        if is_recorded_in_future(position["recorded_at"]):
            rejected.append({"index": index, "client_event_id": position["client_event_id"], "code": "RECORDED_IN_FUTURE"})
        else:
            kept.append(position)
    accepted = _insert_positions(alert.id, kept) if kept else 0
    if kept:
        # Points outside the patrol's location window (the walk home) stay with the alert only.
        track.ingest(actor, [{**position, "patrol_id": alert.patrol_id, "speed_mps": None, "battery": None}
                             for position in kept])
    return {"accepted": accepted, "duplicates": len(kept) - accepted, "rejected": rejected, "alert": alert}


def _insert_positions(alert_id, positions):
    """Store the positions not stored before; how many were new."""
    rows = [
        {"alert_id": alert_id, "client_event_id": position["client_event_id"], "point": _point(position),
         "accuracy_m": position["accuracy_m"], "recorded_at": position["recorded_at"]}
        for position in positions
    ]
    statement = (
        upsert(SosPosition).values(rows)
        .on_conflict_do_nothing(index_elements=["alert_id", "client_event_id"])
        .returning(SosPosition.id)
    )
    return len(db.session.scalars(statement).all())


def list_alerts(viewer, filters, pagination, endpoint):
    """One page of the alerts the viewer may read, newest first. Each shows where its
    raiser was, so the reads of others' alerts are logged."""
    statement = visible_alerts(viewer).order_by(SosAlert.raised_at.desc(), SosAlert.id.desc())
    if "status" in filters:
        statement = statement.where(SosAlert.status == filters["status"])
    if "station_id" in filters:
        statement = statement.where(Patrol.station_id == filters["station_id"])
    alerts = paginate(statement, pagination)
    record_reads(viewer, endpoint, [alert.id for alert in alerts])
    _attach_last_positions(alerts)
    return alerts


def get_alert(viewer, alert_id, endpoint):
    """An alert with its timeline and the raiser's positions; a read of someone else's alert
    is logged."""
    alert = one_or_404(visible_alerts(viewer).where(SosAlert.id == alert_id))
    record_reads(viewer, endpoint, [alert.id])
    alert.timeline = _timeline(alert)
    alert.positions = _latest_positions(alert.id)
    alert.last_position = alert.positions[-1] if alert.positions else None
    return alert


def _attach_last_positions(alerts):
    """Give each alert the latest position its raiser's phone sent (None: none yet), in one query."""
    if not alerts:
        return  # the banner's frequent empty polls cost no statement
    latest = db.session.scalars(
        select(SosPosition)
        .where(SosPosition.alert_id.in_([alert.id for alert in alerts]))
        .ext(distinct_on(SosPosition.alert_id))
        .order_by(SosPosition.alert_id, SosPosition.recorded_at.desc(), SosPosition.id.desc())
    )
    by_alert = {position.alert_id: position for position in latest}
    for alert in alerts:
        alert.last_position = by_alert.get(alert.id)


def _latest_positions(alert_id):
    """The raiser's latest positions, oldest first."""
    latest = (
        select(SosPosition)
        .where(SosPosition.alert_id == alert_id)
        .order_by(SosPosition.recorded_at.desc(), SosPosition.id.desc())
        .limit(SHOWN_POSITIONS)
    )
    return list(reversed(db.session.scalars(latest).all()))


def _timeline(alert):
    """What happened to the alert, oldest first: the presses, its escalation and repeats,
    each push to a phone, the acknowledgement, and how it ended."""
    entries = [
        {"at": press.received_at, "event": "raised" if n == 0 else "pressed_again", "user": alert.raiser}
        for n, press in enumerate(alert.presses)
    ]
    for event in _follow_ups_sent(alert.id):
        entries.append({
            "at": event.processed_at,
            "event": "escalated" if event.event_type == "sos.escalated" else "repeated",
            "user": None,
            "repeat": event.payload.get("repeat"),
        })
    for delivery, event_type, recipient in _deliveries(alert.id):
        entries.append({
            "at": delivery.sent_at or delivery.created_at,
            "event": "push",
            "user": recipient,
            "push_type": event_type,
            "push_status": delivery.status,
        })
    if alert.acknowledged_at:
        entries.append({"at": alert.acknowledged_at, "event": "acknowledged", "user": alert.acknowledged_by})
    if alert.resolved_at:
        entries.append({"at": alert.resolved_at, "event": "resolved", "user": alert.resolved_by})
    if alert.cancelled_at:
        entries.append({"at": alert.cancelled_at, "event": "cancelled", "user": alert.raiser})
    return sorted(entries, key=lambda entry: entry["at"])


def _of_alert(alert_id):
    """The outbox events of the alert's pushes."""
    keys = [dedupe_key(event_type, alert_id) for event_type in PUSH_EVENTS]
    return or_(OutboxEvent.dedupe_key.in_(keys), OutboxEvent.dedupe_key.startswith(repeat_key_prefix(alert_id)))


def _follow_ups_sent(alert_id):
    """The alert's escalation and repeats that went out (not those stopped by its closing)."""
    return db.session.scalars(
        select(OutboxEvent)
        .where(
            _of_alert(alert_id),
            OutboxEvent.event_type.in_(FOLLOW_UPS),
            went_out(),
        )
        .order_by(OutboxEvent.processed_at, OutboxEvent.id)
    ).all()


def _deliveries(alert_id):
    """The deliveries of the alert's pushes, with who each was for."""
    return db.session.execute(
        select(Delivery, OutboxEvent.event_type, User)
        .join(OutboxEvent, OutboxEvent.id == Delivery.event_id)
        .join(User, User.id == Delivery.user_id)
        .where(_of_alert(alert_id))
        .order_by(Delivery.id)
    ).all()
