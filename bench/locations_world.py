"""The world the location bench runs in, and the requests it sends.

A station family with zones near 범계역, a published patrol moved so that it is running
now, 40 confirmed volunteers who gave location consent hours ago, and a token for each:
built with the models and services, the way backend/testing/fixtures/locations.py builds its
running patrol.
"""
import json
import tempfile
import math
import os
import random
import re
import secrets
import time
import uuid
from datetime import datetime, timedelta
from datetime import time as clock_time

import psycopg
from flask_jwt_extended import create_access_token
from geoalchemy2.shape import from_shape
from shapely.geometry import LineString, Point, Polygon
from sqlalchemy import event, update

from backend.auth.models import AuthSession
from backend.auth.passwords import hash_password
from backend.config import sqlalchemy_url
from backend.core.time import SEOUL, utcnow
from backend.extensions import db
from backend.organizations.models import GroupMembership, Station, VolunteerGroup
from backend.patrols import services as patrol_services
from backend.patrols import signups
from backend.patrols.models import Patrol
from backend.testing import database as testing_database
from backend.users.models import LocationConsent, Role, User
from backend.zones.models import Zone

VOLUNTEERS = 40
BEOMGYE = (126.9508, 37.3897)  # 범계역, lon/lat
M_PER_DEG_LAT = 110_990.0
M_PER_DEG_LON = 88_390.0  # at 37.39 N
POINT_INTERVAL_S = 5
WALKING_SPEED_MPS = 1.4
PATROL_STARTED_AGO = timedelta(hours=4)
PATROL_ENDS_IN = timedelta(hours=2)
CONSENT_GIVEN_AGO = timedelta(hours=8)  # before the patrol's location window opens
# Production insists on Firebase credentials, but web requests only write the outbox; the
# separate dispatcher sends pushes. The server gets a placeholder file, and FCM is pointed
# at a closed local port so that nothing could leave the machine even if it tried.
NO_FCM_URL = "http://127.0.0.1:9"


def offset(lon_lat, east_m, north_m):
    """(lon, lat) the given metres east and north of `lon_lat`."""
    return lon_lat[0] + east_m / M_PER_DEG_LON, lon_lat[1] + north_m / M_PER_DEG_LAT


def plain_url(url):
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def recreate_database(url):
    """Drop and create the bench database (only one whose name says it is a bench's)."""
    dbname = psycopg.conninfo.conninfo_to_dict(url)["dbname"]
    if "bench" not in dbname:
        raise SystemExit(f"refusing to drop {dbname!r}: the bench database's name must contain 'bench'")
    testing_database.recreate_database(url)


def app_settings(database_url, secret, firebase_placeholder):
    """The same settings the gunicorn server gets from its environment (see server_env)."""
    return {
        "PATROL_ENV": "production",
        "SECRET_KEY": secret,
        "SQLALCHEMY_DATABASE_URI": sqlalchemy_url(database_url),
        "RATELIMIT_ENABLED": False,
        "FIREBASE_CREDENTIALS": firebase_placeholder,
        "FCM_URL": NO_FCM_URL,
    }


def server_env(database_url, secret, firebase_credentials, *, fcm_url=NO_FCM_URL, rate_limits=False, extra=None):
    """The environment of a bench's gunicorn server or dispatcher, as in production (plus
    `extra` variables): nothing of the caller's PATROL_* settings leaks in."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith("PATROL_") and key not in ("GOOGLE_APPLICATION_CREDENTIALS", "GUNICORN_CMD_ARGS")}
    env.update({
        "DATABASE_URL": plain_url(database_url),
        "PATROL_ENV": "production",
        "PATROL_SECRET_KEY": secret,
        "PATROL_RATELIMIT_ENABLED": "true" if rate_limits else "false",
        "PATROL_FIREBASE_CREDENTIALS": str(firebase_credentials),
        "PATROL_FCM_URL": fcm_url,
        "PYTHONDONTWRITEBYTECODE": "1",
        **(extra or {}),
    })
    return env


def build_world():
    """Everything the load needs; call inside an app context of the migrated database."""
    now = utcnow()
    password_hash = hash_password(secrets.token_urlsafe(16))  # nobody signs in with it
    station = Station(code="BENCH", name="안양동안경찰서", location=from_shape(Point(126.9568, 37.3925), srid=4326))
    unit = Station(code="BENCH-UNIT", name="범계지구대", parent=station)

    def person(n, role, home, name):
        return User(name=name, phone=f"+8210{90000000 + n}", password_hash=password_hash, role=role, station=home)

    chief = person(1, Role.STATION_CHIEF, station, "박정훈")
    officer = person(2, Role.OFFICER, unit, "최민준")
    volunteers = [person(100 + n, Role.VOLUNTEER, station, f"자원봉사자{n}") for n in range(1, VOLUNTEERS + 1)]
    group = VolunteerGroup(name="범계동 자율방범대", kind="patrol_association", station=station)
    group.memberships = [GroupMembership(user=v, is_leader=(n == 0)) for n, v in enumerate(volunteers)]

    def zone(name, kind, shape, **extra):
        return Zone(name=name, kind=kind, station=station, geom=from_shape(shape, srid=4326), **extra)

    plaza = Polygon([(126.9497, 37.3888), (126.9520, 37.3889), (126.9520, 37.3905), (126.9497, 37.3888)])
    women_safe = Polygon([(126.9530, 37.3860), (126.9570, 37.3860), (126.9570, 37.3890), (126.9530, 37.3890),
                          (126.9530, 37.3860)])
    zones = [
        zone("범계역 광장", "dense_area", plaza),
        zone("호계동 여성안심구역", "women_safe_zone", women_safe),
        zone("안심귀갓길", "safe_return_route", LineString([(126.9508, 37.3897), (126.9540, 37.3870)]), corridor_m=30),
        zone("GS25 범계중앙점", "safe_house", Point(126.9512, 37.3893)),
    ]
    db.session.add_all([station, unit, chief, officer, *volunteers, group, *zones])
    db.session.flush()

    # Published in the future through the services, as the API would, then moved so that
    # now falls inside it: publishing refuses a patrol that has started.
    starts_at = datetime.combine(datetime.now(SEOUL).date() + timedelta(days=2), clock_time(20, 0), SEOUL)
    patrol = patrol_services.create_patrol(chief, {
        "title": "범계역 합동 야간순찰",
        "station_id": station.id,
        "starts_at": starts_at,
        "ends_at": starts_at + timedelta(hours=3),
        "meeting_point": from_shape(Point(*BEOMGYE), srid=4326),
        "meeting_radius_m": 100,
        "zone_ids": [z.id for z in zones],
        "group_ids": [group.id],
        "min_officers": 1,
        "min_volunteers": 2,
        "max_volunteers": VOLUNTEERS + 10,
        "notes": "",
    })
    # The baseline's rows go to a patrol of their own (a draft nobody is on), so that they
    # never count among the running patrol's check-ins, whose attendance each check-in derives.
    baseline_sink = patrol_services.create_patrol(chief, {
        "title": "기준선 (bench baseline rows)",
        "station_id": station.id,
        "starts_at": starts_at + timedelta(days=1),
        "ends_at": starts_at + timedelta(days=1, hours=1),
        "meeting_point": from_shape(Point(*BEOMGYE), srid=4326),
        "zone_ids": [],
        "group_ids": [],
        "max_volunteers": 1,
    })
    signups.assign_officer(chief, patrol.id, officer.id, "this")
    patrol_services.publish_patrol(chief, patrol.id, "this")
    for volunteer in volunteers:
        assert signups.sign_up(volunteer, patrol.id)["status"] == "confirmed"
        db.session.add(LocationConsent(user=volunteer, policy_version="2026-11", granted_at=now - CONSENT_GIVEN_AGO))
    patrol_starts = now - PATROL_STARTED_AGO
    db.session.execute(
        update(Patrol).where(Patrol.id == patrol.id).values(starts_at=patrol_starts, ends_at=now + PATROL_ENDS_IN)
    )
    sessions = [AuthSession(id=uuid.uuid4(), user_id=v.id, refresh_jti="bench") for v in volunteers]
    db.session.add_all(sessions)
    db.session.commit()
    tokens = [
        create_access_token(str(v.id), additional_claims={"sid": str(s.id), "role": Role.VOLUNTEER.value},
                            expires_delta=timedelta(hours=3))
        for v, s in zip(volunteers, sessions)
    ]
    return {
        "station_id": station.id,
        "patrol_id": patrol.id,
        "baseline_patrol_id": baseline_sink.id,
        "patrol_starts": patrol_starts,
        "volunteer_ids": [v.id for v in volunteers],
        "tokens": tokens,
        "zone_count": len(zones),
    }


# ---------------------------------------------------------------- requests


def checkin_body():
    """A fix within 40 m of the meeting point, taken a second ago, with a new id."""
    lon, lat = offset(BEOMGYE, random.uniform(-40, 40), random.uniform(-40, 40))
    return {
        "lat": round(lat, 7),
        "lon": round(lon, 7),
        "accuracy_m": round(random.uniform(5, 25), 1),
        "recorded_at": (utcnow() - timedelta(seconds=1)).isoformat(),
        "client_event_id": str(uuid.uuid4()),
    }


def checkin_requests(world, count, *, baseline):
    """Check-ins from the volunteers in turn, to the real endpoint or the baseline's."""
    requests = []
    for n in range(count):
        who = n % VOLUNTEERS
        body = json.dumps(checkin_body()).encode()
        if baseline:
            path = f"/checkin?patrol_id={world['baseline_patrol_id']}&user_id={world['volunteer_ids'][who]}"
            headers = {"Content-Type": "application/json"}
        else:
            path = f"/api/v1/patrols/{world['patrol_id']}/check-in"
            headers = {"Content-Type": "application/json", "Authorization": f"Bearer {world['tokens'][who]}"}
        requests.append(("POST", path, body, headers))
    return requests


def walk(patrol_id, first_at, count, rng, start=None, *, centre=BEOMGYE, interval_s=POINT_INTERVAL_S):
    """A volunteer's points: a walk within ~300 m of `centre` (범계역) at ~1.4 m/s, one fix
    every `interval_s` seconds, with GPS noise and the odd poor fix (kept, but left out of
    dwell). Returns points and end position (metres east and north of `centre`)."""
    east, north = start or (rng.uniform(-150, 150), rng.uniform(-150, 150))
    heading = rng.uniform(0, 2 * math.pi)
    points = []
    for n in range(count):
        heading += rng.gauss(0, 0.4)
        if math.hypot(east, north) > 300:  # turn back towards the station
            heading = math.atan2(-north, -east) + rng.gauss(0, 0.3)
        east += WALKING_SPEED_MPS * interval_s * math.cos(heading)
        north += WALKING_SPEED_MPS * interval_s * math.sin(heading)
        lon, lat = offset(centre, east + rng.gauss(0, 4), north + rng.gauss(0, 4))
        poor = rng.random() < 0.02
        points.append({
            "patrol_id": patrol_id,
            "lat": round(lat, 7),
            "lon": round(lon, 7),
            "accuracy_m": round(rng.uniform(120, 300) if poor else rng.uniform(4, 20), 1),
            "recorded_at": (first_at + timedelta(seconds=n * interval_s)).isoformat(),
            "client_event_id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "speed_mps": round(rng.uniform(0.8, 2.0), 2),
            "battery": max(5, 90 - n // 60),
        })
    return points, (east, north)


def batch_requests(world, rng, *, points_per_batch, batches, uploaders, warmups):
    """Warm-up batches (one each from the volunteers after the uploaders), then `batches`
    batches round-robin over the first `uploaders` volunteers, each continuing that
    volunteer's walk where their previous batch stopped, as a phone sending its buffer."""
    first_at = world["patrol_starts"] + timedelta(minutes=1)
    path = "/api/v1/locations:batch"

    def request(who, points):
        headers = {"Content-Type": "application/json", "Authorization": f"Bearer {world['tokens'][who]}"}
        return ("POST", path, json.dumps({"points": points}).encode(), headers)

    warmup = [request(uploaders + n, walk(world["patrol_id"], first_at, points_per_batch, rng)[0])
              for n in range(warmups)]
    positions, measured = {}, []
    for n in range(batches):
        who, round_no = n % uploaders, n // uploaders
        at = first_at + timedelta(seconds=round_no * points_per_batch * POINT_INTERVAL_S)
        points, positions[who] = walk(world["patrol_id"], at, points_per_batch, rng, positions.get(who))
        measured.append(request(who, points))
    last_at = first_at + timedelta(seconds=((batches - 1) // uploaders + 1) * points_per_batch * POINT_INTERVAL_S)
    assert last_at < utcnow(), "batch points must not lie in the future: fewer rounds or a longer patrol"
    return warmup, measured


# ---------------------------------------------------------------- statements per request


def statement_label(statement):
    """`SELECT users`, `INSERT checkins`, `WITH..UPDATE location_points`: verb and main table."""
    text = " ".join(statement.split())
    if text.upper().startswith("WITH"):
        # The statement after the CTEs: a write if there is one, else the final SELECT.
        tail = (re.findall(r"\)\s*(UPDATE|INSERT INTO|DELETE FROM)\s+(\w+)", text, re.I)
                or re.findall(r"\)\s*(SELECT) .*? FROM\s+(\w+)", text, re.I))
        return f"WITH..{tail[-1][0].split()[0].upper()} {tail[-1][1]}" if tail else "WITH.."
    verb = text.split()[0].upper()
    pattern = {"SELECT": r"\bFROM\s+(\w+)", "INSERT": r"\bINTO\s+(\w+)", "UPDATE": r"^UPDATE\s+(\w+)",
               "DELETE": r"\bFROM\s+(\w+)"}.get(verb)
    found = re.search(pattern, outside_parentheses(text), re.I) if pattern else None
    return f"{verb} {found.group(1)}" if found else verb


def outside_parentheses(text):
    """The statement without its parenthesised parts (subqueries), to find its own FROM."""
    while True:
        shorter = re.sub(r"\([^()]*\)", "", text)
        if shorter == text:
            return text
        text = shorter


class StatementClock:
    """Times every SQL statement the app sends (SQLAlchemy cursor events): label and ms.

    A statement's time runs from handing it to the driver to the driver's return, so it
    holds adapting the parameters, the round trip and the server's work, not the fetch.
    """

    def __init__(self, engine):
        self.engine = engine
        self.statements = []

    def _before(self, conn, _cursor, statement, *_args):
        conn.info["bench_started"] = time.perf_counter()

    def _after(self, conn, _cursor, statement, *_args):
        self.statements.append((statement_label(statement), (time.perf_counter() - conn.info["bench_started"]) * 1000))

    def __enter__(self):
        event.listen(self.engine, "before_cursor_execute", self._before)
        event.listen(self.engine, "after_cursor_execute", self._after)
        return self

    def __exit__(self, *exc):
        event.remove(self.engine, "before_cursor_execute", self._before)
        event.remove(self.engine, "after_cursor_execute", self._after)


def timed_request(client, clock, url, body, token):
    """One request through the test client: (status, wall ms, CPU ms, [(statement, ms)])."""
    clock.statements = []
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    wall, cpu = time.perf_counter(), time.process_time()
    response = client.post(url, data=body, headers=headers)
    cpu, wall = (time.process_time() - cpu) * 1000, (time.perf_counter() - wall) * 1000
    return response, wall, cpu, list(clock.statements)


def time_checkins(app, world, count):
    """The median of `count` check-ins by the last volunteer (whom the load leaves alone),
    in-process through the Flask test client (no HTTP, no gunicorn), one at a time, each
    statement timed: (wall ms, CPU ms, [(statement, ms)])."""
    with app.app_context():
        engine = db.engine
    client = app.test_client()
    url = f"/api/v1/patrols/{world['patrol_id']}/check-in"
    token = world["tokens"][-1]
    client.post(url, data=json.dumps(checkin_body()), headers={"Authorization": f"Bearer {token}",
                                                                "Content-Type": "application/json"})
    samples = []
    with StatementClock(engine) as clock:
        for _ in range(count):
            response, wall, cpu, statements = timed_request(client, clock, url, json.dumps(checkin_body()), token)
            assert response.status_code == 201, response.get_json()
            samples.append((wall, cpu, statements))
    return sorted(samples, key=lambda sample: sample[0])[len(samples) // 2]


def time_batches(app, world, rng, *, batch_points, batches):
    """One person's (the last but one volunteer's) consecutive batches, in-process as above,
    so the last one's dwell is recomputed over all the points before it, as on a real patrol.
    Each: (wall ms, CPU ms, ms the batch schema alone takes to parse it, [(statement, ms)],
    earlier points)."""
    from backend.locations.schemas import BatchSchema

    with app.app_context():
        engine = db.engine
    client = app.test_client()
    first_at = world["patrol_starts"] + timedelta(minutes=1)
    position, samples = None, []
    with StatementClock(engine) as clock:
        for n in range(batches):
            at = first_at + timedelta(seconds=n * batch_points * POINT_INTERVAL_S)
            points, position = walk(world["patrol_id"], at, batch_points, rng, position)
            body = json.dumps({"points": points})
            parse_ms = parse_cpu_ms(BatchSchema(), body)
            response, wall, cpu, statements = timed_request(client, clock, "/api/v1/locations:batch", body,
                                                            world["tokens"][-2])
            assert response.status_code == 200 and response.get_json()["accepted"] == batch_points, response.get_json()
            samples.append((wall, cpu, parse_ms, statements, n * batch_points))
    return samples


def parse_cpu_ms(schema, body, repeats=5):
    """The median CPU time of `schema` loading the JSON `body`, in ms."""
    data = json.loads(body)
    timings = []
    for _ in range(repeats):
        started = time.process_time()
        schema.load(data)
        timings.append((time.process_time() - started) * 1000)
    return sorted(timings)[repeats // 2]


def describe_statements(statements):
    return ", ".join(f"{label} {ms:.2f}" for label, ms in statements)


def firebase_placeholder_file():
    """A service-account file that names no real project (see NO_FCM_URL)."""
    placeholder = tempfile.NamedTemporaryFile("w", prefix="patrol-bench-", suffix=".json")
    json.dump({"type": "service_account", "project_id": "patrol-bench-placeholder"}, placeholder)
    placeholder.flush()
    return placeholder
