"""`flask --app wsgi seed load`: the demo stations, groups, people and zones in seed/.

Loading is idempotent: rows are matched on their natural keys (station code, group name
within its station, phone, zone name within its station) and updated in place.
"""
import json
from pathlib import Path

import click
from flask.cli import AppGroup
from sqlalchemy import select

from backend.auth.passwords import hash_password
from backend.core.geojson import GeoJSONGeometry
from backend.core.phones import normalize_korean_mobile
from backend.extensions import db
from backend.organizations.models import GroupMembership, Station, VolunteerGroup
from backend.users.models import Role, User
from backend.zones.models import Zone

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
    db.session.commit()
    click.echo(
        f"seed loaded: {len(stations)} stations, {len(groups)} groups, "
        f"{users} people, {zone_count} zones"
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
