"""Phones sending check-ins and location batches to a live server, each request with
ids of its own, and what became of every request: for fault scenarios and their bench.
"""
import dataclasses
import http.client
import json
import threading
import time
import uuid
from datetime import datetime, timedelta
from datetime import time as clock_time

import psycopg
from flask_jwt_extended import create_access_token
from geoalchemy2.shape import from_shape
from shapely.geometry import Point
from sqlalchemy import update

from backend.auth.models import AuthSession
from backend.core.time import SEOUL, utcnow
from backend.extensions import db
from backend.organizations.models import GroupMembership, Station, VolunteerGroup
from backend.patrols import services as patrol_services
from backend.patrols import signups
from backend.patrols.models import Patrol
from backend.users.models import LocationConsent, Role, User
from backend.testing.servers import HOST

POINTS_PER_BATCH = 5
BEOMGYE = (126.9508, 37.3897)  # the meeting point, lon/lat
CLIENT_TIMEOUT_S = 60  # far beyond any sane answer: a hung request shows as a failure
# A phone told 503 waits before its next request (the app honours Retry-After; cut short
# here so that a scenario does not wait seconds between requests).
REFUSAL_PAUSE_S = 0.5


def build_world(app, phones):
    """A patrol running now with `phones` consenting volunteers; its id and their API tokens."""
    with app.app_context():
        station = Station(code="FAULTS", name="안양동안경찰서")
        people = [
            User(name=name, phone=f"+8210{80000000 + n}", password_hash="unused", role=role, station=station)
            for n, (name, role) in enumerate(
                [("박정훈", Role.STATION_CHIEF), ("최민준", Role.OFFICER)]
                + [(f"대원{n}", Role.VOLUNTEER) for n in range(phones)]
            )
        ]
        chief, officer, volunteers = people[0], people[1], people[2:]
        group = VolunteerGroup(name="범계동 자율방범대", kind="patrol_association", station=station)
        group.memberships = [GroupMembership(user=volunteer) for volunteer in volunteers]
        db.session.add_all([station, *people, group])
        db.session.flush()
        patrol_id = _running_patrol(chief, officer, station, group, volunteers).id
        sessions = [AuthSession(id=uuid.uuid4(), user_id=v.id, refresh_jti="unused") for v in volunteers]
        db.session.add_all(sessions)
        db.session.commit()
        tokens = [
            create_access_token(str(v.id), additional_claims={"sid": str(s.id), "role": "volunteer"})
            for v, s in zip(volunteers, sessions)
        ]
        db.session.remove()
        return patrol_id, tokens


def _running_patrol(chief, officer, station, group, volunteers):
    # Published in the future, as the API insists, then moved so that it runs now.
    starts_at = datetime.combine(datetime.now(SEOUL).date() + timedelta(days=2), clock_time(20, 0), SEOUL)
    patrol = patrol_services.create_patrol(chief, {
        "title": "범계역 합동 야간순찰", "station_id": station.id, "notes": "",
        "starts_at": starts_at, "ends_at": starts_at + timedelta(hours=3),
        "meeting_point": from_shape(Point(*BEOMGYE), srid=4326), "meeting_radius_m": 100,
        "zone_ids": [], "group_ids": [group.id], "min_officers": 1, "min_volunteers": 1, "max_volunteers": len(volunteers),
    })
    signups.assign_officer(chief, patrol.id, officer.id, "this")
    patrol_services.publish_patrol(chief, patrol.id, "this")
    now = utcnow()
    for volunteer in volunteers:
        signups.sign_up(volunteer, patrol.id)
        db.session.add(LocationConsent(user=volunteer, policy_version="2026-11", granted_at=now - timedelta(hours=8)))
    db.session.execute(
        update(Patrol).where(Patrol.id == patrol.id).values(starts_at=now - timedelta(hours=1), ends_at=now + timedelta(hours=2))
    )
    return patrol


@dataclasses.dataclass
class Exchange:
    """One request a phone sent, and what became of it."""

    path: str
    body: bytes
    token: str
    event_ids: list
    started: float = 0.0
    finished: float = 0.0
    status: object = None  # the HTTP status, or the name of the exception that replaced it
    headers: dict = None
    answer: bytes = b""

    @property
    def acknowledged(self):
        return isinstance(self.status, int) and 200 <= self.status < 300

    def send(self, port):
        connection = http.client.HTTPConnection(HOST, port, timeout=CLIENT_TIMEOUT_S)
        headers = {"Content-Type": "application/json", "Authorization": f"Bearer {self.token}"}
        self.started = time.monotonic()
        try:
            connection.request("POST", self.path, self.body, headers)
            response = connection.getresponse()
            self.status, self.headers, self.answer = response.status, dict(response.getheaders()), response.read()
        except (OSError, http.client.HTTPException) as error:
            self.status = type(error).__name__
        finally:
            connection.close()
            self.finished = time.monotonic()
        return self


def check_in(patrol_id, token):
    event_id = str(uuid.uuid4())
    fix = {"lon": BEOMGYE[0], "lat": BEOMGYE[1], "accuracy_m": 10.0,
           "recorded_at": (utcnow() - timedelta(seconds=1)).isoformat(), "client_event_id": event_id}
    return Exchange(f"/api/v1/patrols/{patrol_id}/check-in", json.dumps(fix).encode(), token, [event_id])


def location_batch(patrol_id, token):
    now = utcnow()
    points = [
        {"patrol_id": patrol_id, "lon": BEOMGYE[0] + n * 1e-5, "lat": BEOMGYE[1], "accuracy_m": 8.0,
         "recorded_at": (now - timedelta(seconds=POINTS_PER_BATCH - n)).isoformat(), "client_event_id": str(uuid.uuid4())}
        for n in range(POINTS_PER_BATCH)
    ]
    body = json.dumps({"points": points}).encode()
    return Exchange("/api/v1/locations:batch", body, token, [p["client_event_id"] for p in points])


class Phones:
    """One thread per phone, each sending check-ins and batches in turn until stopped."""

    def __init__(self, port, patrol_id, tokens):
        self.port = port
        self.exchanges = {token: [] for token in tokens}
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._run, args=(patrol_id, token)) for token in tokens]

    def _run(self, patrol_id, token):
        kinds = (check_in, location_batch)
        while not self._stop.is_set():
            exchange = kinds[len(self.exchanges[token]) % 2](patrol_id, token).send(self.port)
            self.exchanges[token].append(exchange)
            if not exchange.acknowledged:
                time.sleep(REFUSAL_PAUSE_S)

    def resend_refused(self):
        """Each phone sends again, with the same ids, whatever was refused; all phones at
        once. Returns the new exchanges."""
        resent = []

        def resend(exchanges):
            for exchange in [x for x in exchanges if not x.acknowledged]:
                resent.append(dataclasses.replace(exchange).send(self.port))

        threads = [threading.Thread(target=resend, args=(e,)) for e in self.exchanges.values()]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return resent

    def __enter__(self):
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc_info):
        self._stop.set()
        for thread in self._threads:
            thread.join()

    def all(self):
        return [exchange for exchanges in self.exchanges.values() for exchange in exchanges]

    def wait_until_each(self, at_least, description, counts, timeout_s=CLIENT_TIMEOUT_S):
        """Until every phone has `at_least` exchanges for which counts(exchange) is true."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if all(sum(map(counts, list(e))) >= at_least for e in self.exchanges.values()):
                return
            time.sleep(0.05)
        raise AssertionError(f"not every phone had {at_least} exchanges {description}: "
                             f"{[[x.status for x in e] for e in self.exchanges.values()]}")


def stored_event_ids(database_url):
    with psycopg.connect(database_url) as connection:
        rows = connection.execute(
            "SELECT client_event_id::text FROM checkins UNION ALL SELECT client_event_id::text FROM location_points"
        ).fetchall()
    return [event_id for (event_id,) in rows]
