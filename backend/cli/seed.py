"""`flask --app wsgi seed load`: the demo stations, groups, people and zones in seed/.

Loading is idempotent: rows are matched on their natural keys (station code, group name
within its station, phone, zone name within its station) and updated in place.
"""
import json
from datetime import datetime, time, timedelta
from pathlib import Path

import click
from flask.cli import AppGroup
from sqlalchemy import select

from backend.auth.passwords import hash_password
from backend.core.geojson import GeoJSONGeometry
from backend.core.phones import normalize_korean_mobile
from backend.core.time import SEOUL, utcnow
from backend.extensions import db
from backend.organizations.models import GroupMembership, Station, VolunteerGroup
from backend.users.models import Role, User
from backend.patrols import services as patrol_services
from backend.patrols import signups
from backend.patrols.models import Patrol
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
