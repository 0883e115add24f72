"""Open, close and read a person's calendar feed, and render it as iCalendar (RFC 5545)."""
import hashlib
import secrets
from datetime import timedelta, timezone

from icalendar import Calendar, Event
from sqlalchemy import delete, func, select
from sqlalchemy.dialects.postgresql import insert

from backend.calendar_feeds.models import CalendarFeed
from backend.core.time import utcnow
from backend.errors import AppError
from backend.extensions import db
from backend.patrols.models import HOLDING_STATUSES, ParticipantStatus, Patrol, PatrolParticipant
from backend.users.models import User

PRODID = "-//Joint Patrol//patrol-feed//KO"
CALENDAR_NAME = "합동순찰 일정"
# A feed is a schedule, not an archive: recent past patrols stay so they do not vanish mid-week.
FEED_HISTORY = timedelta(days=90)
SHOWN_STATUSES = [status.value for status in (*HOLDING_STATUSES, ParticipantStatus.PATROL_CANCELLED)]
EVENT_STATUS = {
    ParticipantStatus.CONFIRMED: "CONFIRMED",
    ParticipantStatus.WAITLISTED: "TENTATIVE",
    ParticipantStatus.PATROL_CANCELLED: "CANCELLED",
}


def token_hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


def open_feed(user):
    """Give `user` a feed with a new secret token, replacing (and so ending) any older one.

    Returns {"token", "created_at"}; the token is not kept anywhere and cannot be shown again.
    """
    token = secrets.token_urlsafe(32)
    digest = token_hash(token)
    # One statement, so two requests at once cannot both insert a feed for the same person.
    statement = (
        insert(CalendarFeed)
        .values(user_id=user.id, token_hash=digest)
        .on_conflict_do_update(
            index_elements=[CalendarFeed.user_id],
            set_={"token_hash": digest, "created_at": func.now()},
        )
        .returning(CalendarFeed.created_at)
    )
    created_at = db.session.execute(statement).scalar_one()
    return {"token": token, "created_at": created_at}


def close_feed(user):
    """End `user`'s feed; closing a feed that is not open is not an error."""
    db.session.execute(delete(CalendarFeed).where(CalendarFeed.user_id == user.id))


def feed_owner(token):
    """The active person whose feed `token` opens, or None.

    The lookup is by the token's hash through the unique index, so its timing says
    nothing about how close a guessed token came.
    """
    return db.session.scalar(
        select(User)
        .join(CalendarFeed, CalendarFeed.user_id == User.id)
        .where(CalendarFeed.token_hash == token_hash(token), User.is_active)
    )


def calendar_for_token(token):
    """The iCalendar file a feed URL serves; an unknown or closed feed is NOT_FOUND."""
    owner = feed_owner(token)
    if owner is None:
        raise AppError("NOT_FOUND")
    return render_calendar(owner)


def render_calendar(user):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", CALENDAR_NAME)
    stamp = utcnow()
    for patrol, status, lat, lon in _feed_rows(user, stamp):
        calendar.add_component(_event(patrol, ParticipantStatus(status), lat, lon, stamp))
    return calendar.to_ical()


def _feed_rows(user, now):
    """(patrol, the user's participant status, latitude, longitude), in one query."""
    statement = (
        select(Patrol, PatrolParticipant.status, func.ST_Y(Patrol.meeting_point), func.ST_X(Patrol.meeting_point))
        .join(PatrolParticipant, PatrolParticipant.patrol_id == Patrol.id)
        .where(
            PatrolParticipant.user_id == user.id,
            PatrolParticipant.status.in_(SHOWN_STATUSES),
            # Drafts (officers may be assigned to them) are not plans yet, nor are drafts cancelled.
            Patrol.published_at.is_not(None),
            Patrol.ends_at >= now - FEED_HISTORY,
        )
        .order_by(Patrol.starts_at, Patrol.id)
    )
    return db.session.execute(statement).all()


def _event(patrol, status, lat, lon, stamp):
    is_cancelled = status == ParticipantStatus.PATROL_CANCELLED
    summary = f"[대기] {patrol.title}" if status == ParticipantStatus.WAITLISTED else patrol.title
    notes = [f"취소 사유: {patrol.cancel_reason}" if is_cancelled and patrol.cancel_reason else "", patrol.notes]
    event = Event.new(
        uid=f"patrol-{patrol.id}@joint-patrol",
        start=patrol.starts_at.astimezone(timezone.utc),
        end=patrol.ends_at.astimezone(timezone.utc),
        summary=summary,
        location=f"{lat:.6f}, {lon:.6f}",
        description="\n\n".join(note for note in notes if note) or None,
        status=EVENT_STATUS[status],
        # A cancellation changes no time or place, so it does not bump the revision; it still
        # must outrank the last version calendars saw (RFC 5546 2.1.4).
        sequence=patrol.revision + 1 if is_cancelled else patrol.revision,
        stamp=stamp,
        last_modified=patrol.updated_at.astimezone(timezone.utc),
    )
    event.add("geo", (lat, lon))
    return event
