"""`flask --app wsgi seed load`: the demo stations, groups, people and zones in seed/.

Loading is idempotent: rows are matched on their natural keys (station code, group name
within its station, phone, zone name within its station) and updated in place.
"""
import json
import math
import time as clock
import uuid
from datetime import datetime, time, timedelta
from pathlib import Path

import click
from flask.cli import AppGroup
from sqlalchemy import select

from backend.auth.passwords import hash_password
from backend.checkins import services as checkin_services
from backend.checkins.models import CheckIn, CheckInKind
from backend.core.geojson import GeoJSONGeometry
from backend.core.phones import normalize_korean_mobile
from backend.core.time import SEOUL, utcnow
from backend.errors import AppError
from backend.extensions import db
from backend.locations import services as location_services
from backend.organizations.models import GroupMembership, Station, VolunteerGroup
from backend.users import consent_policy
from backend.users import services as user_services
from backend.users.models import Role, User
from backend.patrols import services as patrol_services
from backend.patrols import signups
from backend.patrols.models import ParticipantStatus, Patrol, PatrolState
from backend.zones.models import Zone

WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]

SEED_DIR = Path(__file__).resolve().parents[2] / "seed"
ZONE_KEYS = {"name", "kind", "station_code", "corridor_m"}

seed_cli = AppGroup("seed", help="Demo data.")


@seed_cli.command("load")
@click.option("--dir", "seed_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=SEED_DIR)
def load(seed_dir):
    """Load (or refresh) the demo data."""
    demo = json.loads((seed_dir / "demo.json").read_text(encoding="utf-8"))
    zones = json.loads((seed_dir / "zones.geojson").read_text(encoding="utf-8"))
    stations = load_stations(demo["stations"])
    groups = load_groups(demo["groups"], stations)
    users = load_users(demo["users"], demo["demo_password"], stations, groups)
    zone_count = load_zones(zones["features"], stations)
    series_count = load_patrols(demo["patrols"], stations, groups)
    db.session.commit()
    click.echo(
        f"seed loaded: {len(stations)} stations, {len(groups)} groups, "
        f"{users} people, {zone_count} zones, {series_count} new patrol series"
    )


def load_stations(rows):
    point = GeoJSONGeometry(allowed_types=("Point",))
    stations = {}
    # Parents first, so units can point at them.
    for row in sorted(rows, key=lambda r: r["parent_code"] is not None):
        station = db.session.scalar(select(Station).where(Station.code == row["code"]))
        if station is None:
            station = Station(code=row["code"])
            db.session.add(station)
        station.name = row["name"]
        station.parent = stations.get(row["parent_code"])
        station.location = point.deserialize({"type": "Point", "coordinates": row["location"]})
        stations[row["code"]] = station
    db.session.flush()
    return stations


def load_groups(rows, stations):
    groups = {}
    for row in rows:
        station = stations[row["station_code"]]
        group = db.session.scalar(
            select(VolunteerGroup).where(
                VolunteerGroup.station_id == station.id, VolunteerGroup.name == row["name"]
            )
        )
        if group is None:
            group = VolunteerGroup(name=row["name"], station=station)
            db.session.add(group)
        group.kind = row["kind"]
        groups[row["key"]] = group
    db.session.flush()
    return groups


def load_users(rows, password, stations, groups):
    password_hash = hash_password(password)  # one hash for every demo account: argon2 is slow
    for row in rows:
        phone = normalize_korean_mobile(row["phone"])
        if phone is None:
            raise click.ClickException(f"seed: {row['phone']} is not a Korean mobile number")
        user = db.session.scalar(select(User).where(User.phone == phone))
        if user is None:
            user = User(phone=phone)
            db.session.add(user)
        user.name = row["name"]
        user.role = Role(row["role"])
        user.station = stations.get(row["station_code"])
        user.locale = row["locale"]
        user.password_hash = password_hash
        user.is_active = True
        db.session.flush()
        for entry in row["groups"]:
            _ensure_membership(groups[entry["key"]], user, entry["is_leader"])
    db.session.flush()
    return len(rows)


def _ensure_membership(group, user, is_leader):
    membership = db.session.get(GroupMembership, (group.id, user.id))
    if membership is None:
        membership = GroupMembership(group=group, user=user)
        db.session.add(membership)
    membership.is_leader = is_leader


def load_patrols(rows, stations, groups):
    """A published weekly series per row, unless one with that title is still upcoming.

    Built through the same services the API uses, so the demo obeys every rule.
    """
    created = 0
    for row in rows:
        station = stations[row["station_code"]]
        upcoming = select(Patrol.id).where(
            Patrol.station_id == station.id, Patrol.title == row["title"], Patrol.starts_at > utcnow()
        )
        if db.session.scalar(upcoming.limit(1)) is not None:
            continue
        chief = _user_by_phone(row["chief_phone"])
        first = patrol_services.create_patrol(chief, _series_fields(row, station, groups))
        for phone in row["officer_phones"]:
            signups.assign_officer(chief, first.id, _user_by_phone(phone).id, "following")
        patrol_services.publish_patrol(chief, first.id, "following")
        for phone in row["first_signup_phones"]:
            signups.sign_up(_user_by_phone(phone), first.id)
        created += 1
    return created


def _series_fields(row, station, groups):
    hour, minute = map(int, row["local_start"].split(":"))
    weekday = WEEKDAYS.index(row["weekday"])
    today = datetime.now(SEOUL).date()
    days_ahead = (weekday - today.weekday() - 1) % 7 + 1  # the next such day, never today
    starts_at = datetime.combine(today + timedelta(days=days_ahead), time(hour, minute), SEOUL)
    zone_ids = db.session.scalars(
        select(Zone.id).where(Zone.station_id == station.id, Zone.name.in_(row["zone_names"]))
    ).all()
    return {
        "title": row["title"],
        "station_id": station.id,
        "starts_at": starts_at,
        "ends_at": starts_at + timedelta(hours=row["hours"]),
        "meeting_point": GeoJSONGeometry().deserialize({"type": "Point", "coordinates": row["meeting_point"]}),
        "meeting_radius_m": 100,
        "zone_ids": zone_ids,
        "group_ids": [groups[key].id for key in row["group_keys"]],
        "min_officers": 1,
        "min_volunteers": row["min_volunteers"],
        "max_volunteers": row["max_volunteers"],
        "notes": row["notes"],
        "recurrence": f"FREQ=WEEKLY;BYDAY={row['weekday']};COUNT={row['weeks']}",
    }


def _user_by_phone(phone):
    return db.session.scalar(select(User).where(User.phone == normalize_korean_mobile(phone)))


def load_zones(features, stations):
    geometry = GeoJSONGeometry()
    for feature in features:
        properties = feature["properties"]
        station = stations[properties["station_code"]]
        zone = db.session.scalar(
            select(Zone).where(Zone.station_id == station.id, Zone.name == properties["name"])
        )
        if zone is None:
            zone = Zone(station=station, name=properties["name"])
            db.session.add(zone)
        zone.kind = properties["kind"]
        zone.corridor_m = properties.get("corridor_m")
        zone.geom = geometry.deserialize(feature["geometry"])
        zone.properties = {k: v for k, v in properties.items() if k not in ZONE_KEYS}
    db.session.flush()
    return len(features)


# `seed live-patrol`: a joint patrol running now around 범계역, with phones walking it.
LIVE_TITLE = "범계역 실시간 순찰 (시연)"
BEOMGYE_EXIT_2 = (126.9508, 37.3897)  # [lon, lat] of the meeting point, as in demo.json
LIVE_CHIEF = "010-0000-0002"
LIVE_OFFICER = "010-0000-0004"
# Volunteers of 범계동 자율방범대; the last one has signed up but not arrived, so the board shows that too.
LIVE_VOLUNTEERS = ["010-0000-0005", "010-0000-0006", "010-5225-1593", "010-5371-5561", "010-5626-3263", "010-5280-9960"]
M_PER_DEG_LAT = 110_990.0
M_PER_DEG_LON = 88_390.0  # near 37.39° N


@seed_cli.command("live-patrol")
@click.option("--once", is_flag=True, help="Upload one round of positions and exit.")
@click.option("--every", default=5.0, show_default=True, help="Seconds between rounds.")
def live_patrol(once, every):
    """A demo patrol running now around 범계역, with phones walking it until Ctrl-C."""
    patrol, walkers = prepare_live_patrol()
    db.session.commit()
    click.echo(f"live patrol {patrol.id}: {len(walkers)} phones walking around 범계역 (Ctrl-C stops)")
    try:
        while True:
            accepted = walk_round(patrol.id, walkers)
            db.session.commit()
            click.echo(f"{datetime.now(SEOUL):%H:%M:%S} {accepted} points uploaded")
            if once:
                return
            clock.sleep(every)
    except KeyboardInterrupt:
        click.echo("stopped")


def prepare_live_patrol():
    """The running demo patrol (made if there is none now) and who walks it, checked in.

    Made like any patrol, a little ahead, and then moved to have begun: no API route
    lets a patrol start in the past, and this one must be running the moment it is made.
    """
    station = db.session.scalar(select(Station).where(Station.code == "DONGAN"))
    if station is None:
        raise click.ClickException("run `seed load` first")
    now = utcnow()
    patrol = db.session.scalar(
        select(Patrol).where(
            Patrol.station_id == station.id, Patrol.title == LIVE_TITLE, Patrol.state == PatrolState.PUBLISHED,
            Patrol.starts_at <= now, Patrol.ends_at > now,
        ).limit(1)
    )
    volunteers = [_user_by_phone(phone) for phone in LIVE_VOLUNTEERS]
    officer = _user_by_phone(LIVE_OFFICER)
    if patrol is None:
        patrol = _new_live_patrol(station, officer, volunteers, now)
    # A demo left walking for hours keeps its patrol running rather than making one that clashes.
    patrol.ends_at = max(patrol.ends_at, now + timedelta(hours=1))
    walkers = [officer, *volunteers[:-1]]
    for user in walkers:
        user_services.give_location_consent(user, consent_policy.CURRENT_VERSION)
        _check_in(user, patrol)
    return patrol, [user for user in walkers if _is_confirmed(patrol, user)]


def _new_live_patrol(station, officer, volunteers, now):
    chief = _user_by_phone(LIVE_CHIEF)
    group = db.session.scalar(
        select(VolunteerGroup).where(VolunteerGroup.station_id == station.id, VolunteerGroup.name == "범계동 자율방범대")
    )
    zone_ids = db.session.scalars(
        select(Zone.id).where(Zone.station_id == station.id, Zone.name.in_(["범계역 광장", "범계 로데오거리"]))
    ).all()
    patrol = patrol_services.create_patrol(chief, {
        "title": LIVE_TITLE,
        "station_id": station.id,
        "starts_at": now + timedelta(minutes=5),
        "ends_at": now + timedelta(hours=3),
        "meeting_point": GeoJSONGeometry().deserialize({"type": "Point", "coordinates": list(BEOMGYE_EXIT_2)}),
        "meeting_place_name": "범계역 2번 출구",
        "meeting_radius_m": 100,
        "zone_ids": zone_ids,
        "group_ids": [group.id],
        "min_officers": 1,
        "min_volunteers": 1,
        "max_volunteers": 20,
        "notes": "시연용 순찰: `flask seed live-patrol`이 휴대폰 위치를 흉내 냅니다.",
    })
    signups.assign_officer(chief, patrol.id, officer.id, "this")
    patrol_services.publish_patrol(chief, patrol.id, "this")
    for volunteer in volunteers:
        try:
            signups.sign_up(volunteer, patrol.id)
        except AppError as error:  # e.g. already on another patrol at this time: they sit this one out
            click.echo(f"{volunteer.name} not signed up: {error.code}")
    patrol.starts_at = now - timedelta(minutes=20)
    db.session.flush()
    return patrol


def _is_confirmed(patrol, user):
    return any(p.user_id == user.id and p.status == ParticipantStatus.CONFIRMED for p in patrol.participants)


def _check_in(user, patrol):
    """At the meeting point, once: a second run finds them checked in."""
    checked_in = select(CheckIn.id).where(CheckIn.patrol_id == patrol.id, CheckIn.user_id == user.id)
    if not _is_confirmed(patrol, user) or db.session.scalar(checked_in.limit(1)) is not None:
        return
    lon, lat = BEOMGYE_EXIT_2
    checkin_services.record(user, patrol.id, CheckInKind.CHECK_IN, {
        "lon": lon, "lat": lat, "accuracy_m": 6.0, "recorded_at": utcnow(),
        "client_event_id": uuid.uuid4(),
    })


def walk_round(patrol_id, walkers):
    """One point per phone, on a loop around the station, through the upload service itself."""
    now = utcnow()
    accepted = 0
    for index, user in enumerate(walkers):
        lon, lat = walking_position(index, now.timestamp())
        result = location_services.ingest(user, [{
            "patrol_id": patrol_id, "client_event_id": uuid.uuid4(), "lon": lon, "lat": lat,
            "accuracy_m": 8.0, "recorded_at": now, "speed_mps": 1.2, "battery": 80 - index * 7,
        }])
        accepted += result["accepted"]
    return accepted


def walking_position(index, seconds):
    """Where phone `index` is at `seconds` (Unix time): each on its own circle around the
    meeting point, at walking pace, so that a second run carries on where the first was."""
    radius_m = 60 + 35 * index
    angle = index * 1.3 + (seconds * 1.2 / radius_m) * (1 if index % 2 else -1)
    east, north = radius_m * math.cos(angle), radius_m * math.sin(angle)
    return BEOMGYE_EXIT_2[0] + east / M_PER_DEG_LON, BEOMGYE_EXIT_2[1] + north / M_PER_DEG_LAT
