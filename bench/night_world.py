"""The simulated night's world, and the requests its phones send.

The world: the demo stations and zones of seed/ (안양동안경찰서 with 범계지구대 and
평촌지구대, zones around 범계역 and 평촌역), a station chief, 20 volunteer groups of 40,
40 officers of the two 지구대, and 20 published joint patrols of two hours, one per group,
each with its 40 volunteers confirmed and two officers assigned. A quarter of the groups
also have tomorrow's patrol published, whom the chief moves during the night (so changes
and 2-hour reminders go out). Everyone consented to location hours ago and has a token.
Built with the models and the services, as the API would build it.

The night: every phone checks in at the start, takes a fix every 15 s for two hours and
uploads what it holds every few minutes; one phone in ten is offline for 30 minutes and
then uploads its backlog at once; officers read the live board and broadcast; everyone
checks out at the end. `recorded_at` values span the two hours of patrol, which ended when
the night is replayed; the requests go out in the order of patrol time, as fast as the
server answers.
"""
import json
import secrets
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

from flask_jwt_extended import create_access_token
from geoalchemy2.shape import from_shape
from psycopg.types.range import Range
from shapely.geometry import Point
from sqlalchemy import select, update

from backend.auth.models import AuthSession
from backend.auth.passwords import hash_password
from backend.cli.seed import load_stations, load_zones
from backend.core.time import SEOUL, utcnow
from backend.extensions import db
from backend.notifications.models import OutboxEvent
from backend.organizations.models import GroupMembership, VolunteerGroup
from backend.patrols import services as patrol_services
from backend.patrols import signups
from backend.patrols.models import Patrol, PatrolParticipant
from backend.users.models import LocationConsent, Role, User
from backend.zones.models import Zone
from locations_world import offset, walk

SEED = Path(__file__).resolve().parents[1] / "seed"
FULL_PATROLS = 20
VOLUNTEERS_PER_PATROL = 40
OFFICERS_PER_PATROL = 2
PATROL_LENGTH = timedelta(hours=2)
FIX_EVERY_S = 15
OFFLINE_SHARE = 0.10
OFFLINE_FOR_S = 30 * 60
LIVE_READ_EVERY_S = 10 * 60  # each officer; with two per patrol, the board is read every 5 minutes
MOVED_PATROL_EVERY = 4  # one group in four has tomorrow's patrol, moved during the night
# A moved patrol starts this long after the move: its 2-hour reminder falls due 30 s later.
MOVED_STARTS_IN = timedelta(hours=2, seconds=30)
TOKEN_LENGTH = 163  # about the length of a real FCM registration token
GROUP_KINDS = ("patrol_association", "citizen_police", "safety_council", "merchant_association", "community")
# Meeting points by the seed's zones (lon, lat).
MEETING_POINTS = (
    ("범계역 2번 출구", (126.9508, 37.3897)),
    ("범계 로데오거리 입구", (126.9495, 37.3912)),
    ("평촌역 광장", (126.9637, 37.3943)),
    ("평촌 학원가 사거리", (126.9585, 37.3962)),
    ("호계동 주민센터", (126.9519, 37.3830)),
)
BROADCASTS = (
    ("순찰 시작", "2인 1조로 담당 구역을 순찰하세요. 이상 상황은 112로 즉시 신고 바랍니다."),
    ("집결지 변경", "종료 후 집결지는 범계역 3번 출구입니다."),
)


def patrol_count(scale):
    return max(1, round(FULL_PATROLS * scale))


# ---------------------------------------------------------------- the world


def build_world(scale, rng, volunteers_per_patrol=VOLUNTEERS_PER_PATROL):
    """Everything the night needs; call inside an app context of the migrated database
    (its SECRET_KEY signs the tokens). Answers a dict of ids, tokens and who is on what."""
    now = utcnow()
    demo = json.loads((SEED / "demo.json").read_text(encoding="utf-8"))
    stations = load_stations(demo["stations"])
    load_zones(json.loads((SEED / "zones.geojson").read_text(encoding="utf-8"))["features"], stations)
    station = stations["DONGAN"]
    units = [stations["DONGAN-BEOMGYE"], stations["DONGAN-PYEONGCHON"]]
    zone_ids = db.session.scalars(select(Zone.id).where(Zone.station_id == station.id).order_by(Zone.id)).all()

    password_hash = hash_password(secrets.token_urlsafe(16))  # nobody signs in with it
    serial = iter(range(1, 1_000_000))

    def person(role, home, name):
        # One in ten reads English, as in the push fan-out bench.
        n = next(serial)
        return User(name=name, phone=f"+8210{70000000 + n}", password_hash=password_hash, role=role,
                    station=home, locale="en" if n % 10 == 0 else "ko")

    chief = person(Role.STATION_CHIEF, station, "박정훈")
    count = patrol_count(scale)
    officers = [person(Role.OFFICER, units[n % 2], f"경찰관{n + 1}") for n in range(count * OFFICERS_PER_PATROL)]
    groups, volunteers = [], []
    for g in range(count):
        group = VolunteerGroup(name=f"안양동안 {g + 1}대", kind=GROUP_KINDS[g % len(GROUP_KINDS)], station=station)
        members = [person(Role.VOLUNTEER, station, f"대원{g + 1}-{n + 1}") for n in range(volunteers_per_patrol)]
        group.memberships = [GroupMembership(user=v, is_leader=(n == 0)) for n, v in enumerate(members)]
        groups.append(group)
        volunteers.append(members)
    everyone = [*officers, *(v for members in volunteers for v in members)]
    db.session.add_all([chief, *everyone, *groups])
    # Consent given well before the patrols' location windows open.
    db.session.add_all([LocationConsent(user=u, policy_version="2026-11", granted_at=now - timedelta(hours=8))
                        for u in everyone])
    db.session.flush()

    tonight = datetime.combine(datetime.now(SEOUL).date() + timedelta(days=2), clock_time(20, 0), SEOUL)
    patrols, moved = [], []
    for g, group in enumerate(groups):
        crew = officers[g * OFFICERS_PER_PATROL:(g + 1) * OFFICERS_PER_PATROL]
        place = MEETING_POINTS[g % len(MEETING_POINTS)]
        patrols.append(_published_patrol(chief, station, group, crew, volunteers[g], place, zone_ids, tonight))
        if g % MOVED_PATROL_EVERY == 0:
            moved.append(_published_patrol(chief, station, group, crew, volunteers[g], place, zone_ids,
                                           tonight + timedelta(days=1)))
    # The announcements of these patrols went out when they were published, days before:
    # the night's notifications are only those the night causes.
    db.session.execute(update(OutboxEvent).values(processed_at=now))

    sessions = {u.id: AuthSession(id=uuid.uuid4(), user_id=u.id, refresh_jti="bench") for u in [chief, *everyone]}
    db.session.add_all(sessions.values())
    db.session.commit()

    def token(user):
        claims = {"sid": str(sessions[user.id].id), "role": user.role.value}
        return create_access_token(str(user.id), additional_claims=claims, expires_delta=timedelta(hours=12))

    phones = []
    for g, patrol in enumerate(patrols):
        crew = officers[g * OFFICERS_PER_PATROL:(g + 1) * OFFICERS_PER_PATROL]
        centre = MEETING_POINTS[g % len(MEETING_POINTS)][1]
        phones += [Phone(u.id, token(u), patrol.id, centre, is_officer=u in crew) for u in [*crew, *volunteers[g]]]
    return {
        "patrol_ids": [p.id for p in patrols],
        "moved_patrol_ids": [p.id for p in moved],
        "chief_token": token(chief),
        "phones": phones,
        "zone_count": len(zone_ids),
        "group_count": len(groups),
    }


def _published_patrol(chief, station, group, crew, volunteers, place, zone_ids, starts_at):
    """Created, officers assigned, published and filled through the services, as the API would."""
    name, (lon, lat) = place
    patrol = patrol_services.create_patrol(chief, {
        "title": f"{name} 합동 야간순찰 ({group.name})",
        "station_id": station.id,
        "starts_at": starts_at,
        "ends_at": starts_at + PATROL_LENGTH,
        "meeting_point": from_shape(Point(lon, lat), srid=4326),
        "meeting_radius_m": 100,
        "zone_ids": list(zone_ids),
        "group_ids": [group.id],
        "min_officers": OFFICERS_PER_PATROL,
        "min_volunteers": 10,
        "max_volunteers": len(volunteers) + 10,
        "notes": "형광 조끼 지참. 2인 1조.",
    })
    for officer in crew:
        signups.assign_officer(chief, patrol.id, officer.id, "this")
    patrol_services.publish_patrol(chief, patrol.id, "this")
    for volunteer in volunteers:
        assert signups.sign_up(volunteer, patrol.id)["status"] == "confirmed"
    return patrol


def run_patrols_until(patrol_ids, ends_at):
    """Move the night's patrols so that their two hours end at `ends_at` (publishing refuses
    a patrol that has started); call inside an app context."""
    starts_at = ends_at - PATROL_LENGTH
    db.session.execute(update(Patrol).where(Patrol.id.in_(patrol_ids)).values(starts_at=starts_at, ends_at=ends_at))
    db.session.execute(update(PatrolParticipant).where(PatrolParticipant.patrol_id.in_(patrol_ids))
                       .values(period=Range(starts_at, ends_at, bounds="[)")))
    db.session.commit()
    return starts_at


# ---------------------------------------------------------------- the requests


@dataclass
class Phone:
    user_id: int
    token: str
    patrol_id: int
    centre: tuple
    is_officer: bool

    def headers(self):
        return {"Content-Type": "application/json", "Authorization": f"Bearer {self.token}"}


@dataclass
class Night:
    """The night's requests in patrol-time order, and what the bench expects of them."""

    requests: list = field(default_factory=list)  # (method, path, body, headers)
    points: int = 0
    checkins: int = 0
    checkouts: int = 0
    broadcasts: int = 0
    moves: int = 0
    offline_phones: int = 0
    largest_batch: int = 0
    batches: int = 0


def device_requests(world):
    """Every phone opens the app and registers its FCM token (two Android phones in three)."""
    requests = []
    for phone in world["phones"]:
        body = {"token": f"night-{phone.user_id}:".ljust(TOKEN_LENGTH, "x"),
                "platform": "ios" if phone.user_id % 3 == 0 else "android", "app_version": "1.4.2"}
        requests.append(("POST", "/api/v1/devices", json.dumps(body).encode(), phone.headers()))
    return requests


def night_requests(world, starts_at, rng, upload_every_s):
    """The night, as (patrol seconds, tie-break, request) sorted into one list."""
    night = Night()
    timeline = []
    end_s = PATROL_LENGTH.total_seconds()

    def at(seconds, request):
        timeline.append((seconds, rng.random(), request))

    def fix_near(centre, seconds):
        lon, lat = offset(centre, rng.uniform(-40, 40), rng.uniform(-40, 40))
        return {"lat": round(lat, 7), "lon": round(lon, 7), "accuracy_m": round(rng.uniform(5, 25), 1),
                "recorded_at": (starts_at + timedelta(seconds=seconds)).isoformat(),
                "client_event_id": str(uuid.UUID(int=rng.getrandbits(128), version=4))}

    offline = set(rng.sample(range(len(world["phones"])), round(OFFLINE_SHARE * len(world["phones"]))))
    night.offline_phones = len(offline)
    for n, phone in enumerate(world["phones"]):
        checked_in = rng.uniform(0, 180)  # everyone arrives in the first three minutes
        at(checked_in, ("POST", f"/api/v1/patrols/{phone.patrol_id}/check-in",
                        json.dumps(fix_near(phone.centre, checked_in)).encode(), phone.headers()))
        night.checkins += 1
        gone = _offline_window(rng) if n in offline else None
        for seconds, points in _uploads(phone, starts_at, checked_in, end_s, upload_every_s, gone, rng):
            at(seconds, ("POST", "/api/v1/locations:batch", json.dumps({"points": points}).encode(), phone.headers()))
            night.points += len(points)
            night.batches += 1
            night.largest_batch = max(night.largest_batch, len(points))
        checked_out = end_s + rng.uniform(0, 60)
        at(checked_out, ("POST", f"/api/v1/patrols/{phone.patrol_id}/check-out",
                         json.dumps(fix_near(phone.centre, checked_out)).encode(), phone.headers()))
        night.checkouts += 1
        if phone.is_officer:
            first_read = rng.uniform(0, LIVE_READ_EVERY_S)
            for k in range(int((end_s - first_read) // LIVE_READ_EVERY_S) + 1):
                at(first_read + k * LIVE_READ_EVERY_S,
                   ("GET", f"/api/v1/patrols/{phone.patrol_id}/live", None, phone.headers()))

    for patrol_id in world["patrol_ids"]:
        crew = [p for p in world["phones"] if p.patrol_id == patrol_id and p.is_officer]
        for officer, (title, text), seconds in zip(crew, BROADCASTS, (60, rng.uniform(1800, 5400))):
            at(seconds, ("POST", f"/api/v1/patrols/{patrol_id}/broadcast",
                         json.dumps({"title": title, "body": text}).encode(), officer.headers()))
            night.broadcasts += 1
    chief = {"Content-Type": "application/json", "Authorization": f"Bearer {world['chief_token']}"}
    for patrol_id in world["moved_patrol_ids"]:
        at(rng.uniform(1800, 3600), ("PATCH", f"/api/v1/patrols/{patrol_id}", _move_to_tonight, chief))
        night.moves += 1

    night.requests = [request for _, _, request in sorted(timeline, key=lambda entry: entry[:2])]
    return night


def _move_to_tonight():
    """A PATCH body made when it is sent: tomorrow's patrol now starts in two hours."""
    starts_at = utcnow() + MOVED_STARTS_IN
    return json.dumps({"starts_at": starts_at.isoformat(),
                       "ends_at": (starts_at + PATROL_LENGTH).isoformat()}).encode()


def _offline_window(rng):
    """30 minutes without a connection, somewhere after the first and before the last quarter hour."""
    gone = rng.uniform(15 * 60, PATROL_LENGTH.total_seconds() - OFFLINE_FOR_S - 15 * 60)
    return gone, gone + OFFLINE_FOR_S


def _uploads(phone, starts_at, first_fix_s, end_s, upload_every_s, offline, rng):
    """(patrol seconds, points) of each upload: a fix every 15 s from check-in to the end,
    sent every `upload_every_s` (and at the end); while offline nothing is sent, and the
    backlog goes with the first upload once back."""
    fixes = int((end_s - first_fix_s) // FIX_EVERY_S) + 1
    first_upload = rng.uniform(0, upload_every_s)
    moments = [first_upload + k * upload_every_s for k in range(int((end_s - first_upload) // upload_every_s) + 1)]
    if offline:
        gone, back = offline
        moments = [m for m in moments if not gone <= m < back] + [back]
    moments = sorted(m for m in {*moments, end_s} if m >= first_fix_s)
    sent, position = 0, None
    for moment in moments:
        due = min(fixes, int((moment - first_fix_s) // FIX_EVERY_S) + 1)
        if due > sent:
            first_at = starts_at + timedelta(seconds=first_fix_s + sent * FIX_EVERY_S)
            points, position = walk(phone.patrol_id, first_at, due - sent, rng, position,
                                    centre=phone.centre, interval_s=FIX_EVERY_S)
            yield moment, points
            sent = due
