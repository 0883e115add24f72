"""Derivation workers killed mid-way or racing each other: every person's figures are derived
in the end, none lost. These commit for real (no surrounding rollback) and clean up."""
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from backend.attendance.models import AttendanceRecord
from backend.derivation.models import DerivationRequest
from backend.core.time import utcnow
from backend.derivation.services import drain, request
from backend.extensions import db
from backend.locations.models import ZoneDwell
from backend.testing.database import TEST_DATABASE_URL

PEOPLE = 200
FIXES = 80  # each 15 s apart, all inside the zone: (FIXES - 1) * 15 seconds of dwell each
TABLES = ("derivation_queue, zone_dwell, attendance_records, location_points, patrol_participants, patrol_zones, "
          "zones, patrols, users, stations")
REPO = Path(__file__).resolve().parents[2]

# A running patrol whose people's points are stored and whose derivation waits, as the
# uploads would have left them.
SETUP = text(f"""
WITH station AS (INSERT INTO stations (code, name) VALUES ('DERIVE', '도출 시험 경찰서') RETURNING id),
chief AS (
    INSERT INTO users (name, phone, password_hash, role, station_id)
    SELECT '서장', '+821078000000', 'x', 'station_chief', id FROM station RETURNING id, station_id
),
zone AS (
    INSERT INTO zones (station_id, name, kind, geom)
    SELECT id, '여성안심구역', 'women_safe_zone',
           ST_GeomFromText('POLYGON((126.953 37.386, 126.957 37.386, 126.957 37.389, 126.953 37.389, 126.953 37.386))', 4326)
    FROM station RETURNING id
),
patrol AS (
    INSERT INTO patrols (station_id, title, starts_at, ends_at, meeting_point, max_volunteers, state, created_by_id)
    SELECT station_id, '도출 시험 순찰', now() - interval '1 hour', now() + interval '1 hour',
           ST_SetSRID(ST_MakePoint(126.95, 37.39), 4326), {PEOPLE}, 'published', id FROM chief
    RETURNING id, starts_at, ends_at
),
covered AS (INSERT INTO patrol_zones (patrol_id, zone_id) SELECT patrol.id, zone.id FROM patrol, zone),
people AS (
    INSERT INTO users (name, phone, password_hash, role, station_id)
    SELECT '대원' || n, '+82107801' || lpad(n::text, 4, '0'), 'x', 'volunteer', (SELECT id FROM station)
    FROM generate_series(1, {PEOPLE}) n RETURNING id
),
confirmed AS (
    INSERT INTO patrol_participants (patrol_id, user_id, kind, status, period)
    SELECT patrol.id, people.id, 'volunteer', 'confirmed', tstzrange(patrol.starts_at, patrol.ends_at) FROM patrol, people
),
points AS (
    INSERT INTO location_points (patrol_id, user_id, client_event_id, point, accuracy_m, recorded_at)
    SELECT patrol.id, people.id, gen_random_uuid(), ST_SetSRID(ST_MakePoint(126.956, 37.3865), 4326), 5,
           patrol.starts_at + n * interval '15 seconds'
    FROM patrol, people, generate_series(0, {FIXES - 1}) n
)
INSERT INTO derivation_queue (patrol_id, user_id, points_from)
SELECT patrol.id, people.id, patrol.starts_at FROM patrol, people
""")


@pytest.fixture
def waiting_derivations(app):
    with app.app_context():
        db.session.execute(SETUP)
        db.session.commit()
        yield
        db.session.remove()
        with db.engine.begin() as connection:
            connection.execute(text(f"TRUNCATE {TABLES} CASCADE"))


def figures(app):
    """(requests waiting, people with a record, dwell seconds of each person)."""
    with app.app_context():
        waiting = db.session.scalar(select(func.count()).select_from(DerivationRequest))
        records = db.session.scalar(select(func.count()).select_from(AttendanceRecord))
        seconds = db.session.scalars(select(ZoneDwell.seconds)).all()
        db.session.remove()
        return waiting, records, seconds


def assert_all_derived(app):
    waiting, records, seconds = figures(app)
    assert (waiting, records) == (0, PEOPLE)
    assert seconds == [(FIXES - 1) * 15] * PEOPLE


def test_a_worker_killed_mid_way_loses_nothing(app, waiting_derivations):
    process = subprocess.Popen(
        [sys.executable, "-m", "flask", "--app", "wsgi", "derive", "work"],
        cwd=REPO, env={**os.environ, "DATABASE_URL": TEST_DATABASE_URL, "PATROL_ENV": "testing"},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while figures(app)[0] > PEOPLE - 20 and time.monotonic() < deadline:
            time.sleep(0.02)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    waiting, records, _ = figures(app)
    assert 0 < waiting <= PEOPLE - 20, "the worker never got going, or finished before the kill"
    assert records == PEOPLE - waiting  # what it committed is whole; what it held went back

    # The killed worker's database session lets go of its rows once its statement ends;
    # the next worker polls until then, as its loop does.
    deadline = time.monotonic() + 60
    while figures(app)[0] and time.monotonic() < deadline:
        with app.app_context():
            drain()
            db.session.remove()
        time.sleep(0.1)
    assert_all_derived(app)


def test_two_workers_racing_derive_each_person(app, waiting_derivations):
    start_together = threading.Barrier(2)
    errors = []

    def worker():
        try:
            with app.app_context():
                start_together.wait()
                drain()
                db.session.remove()
        except Exception as error:  # surfaced below: a thread's exception would be lost
            errors.append(error)

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert errors == []
    assert_all_derived(app)


def test_a_request_made_while_the_worker_holds_it_is_kept(app, waiting_derivations):
    """A batch that arrives while a worker derives the same person waits for the worker's
    commit, then asks again: its points are derived on the next pass."""
    batch_recorded_at = utcnow()

    def upload_arrives():
        with app.app_context():
            request([patrol_id], user_id, {patrol_id: batch_recorded_at})
            db.session.commit()
            db.session.remove()

    with app.app_context():
        # What derive_next holds while it derives: the request's row, locked.
        claim = db.session.scalars(select(DerivationRequest).limit(1).with_for_update()).one()
        patrol_id, user_id = claim.patrol_id, claim.user_id
        arriving = threading.Thread(target=upload_arrives)
        arriving.start()
        arriving.join(timeout=1)
        assert arriving.is_alive()  # waiting for the worker's commit
        db.session.delete(claim)
        db.session.commit()
        arriving.join(timeout=30)
        again = db.session.get(DerivationRequest, (patrol_id, user_id))
        assert again is not None and again.points_from == batch_recorded_at
        db.session.remove()
