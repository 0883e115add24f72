"""The cost floors of a check-in and of a batch upload: Flask parses the same JSON and
stores the same points, with nothing else.

No token, no participant or consent check, no geofence or zone judgement, no derived
figures, no ORM. A check-in is one psycopg INSERT into `checkins` and a commit;
bench/run_locations.py serves it beside the real app. A batch is one COPY into
`bench_floor_points` (CREATE_FLOOR_POINTS: no index, no key, no constraint) and a commit;
bench/run_night.py replays the night's batches to it. What the real endpoints cost above
this is what their checks and derivations cost. Both benches serve it with the same gunicorn
settings as the real app (`gunicorn --workers 2 baseline_app:app`).

    POST /checkin?patrol_id=<id>&user_id=<id>
    {"lat": .., "lon": .., "accuracy_m": .., "recorded_at": "..+00:00", "client_event_id": "<uuid>"}

    POST /batch?user_id=<id>
    the body of POST /api/v1/locations:batch: {"points": [{"patrol_id": .., "lat": .., ...}, ...]}
"""
import hashlib
import json
import os
import uuid
from datetime import datetime

import psycopg
from flask import Flask, request

DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/patrol_bench")

# The columns the real check-in writes; distance and zones are left at their neutral values
# because computing them is exactly the work the floor leaves out.
INSERT_CHECKIN = """
INSERT INTO checkins (patrol_id, user_id, kind, client_event_id, request_fingerprint, point,
                      accuracy_m, recorded_at, status, reasons, distance_m, zone_ids)
VALUES (%(patrol_id)s, %(user_id)s, 'check_in', %(client_event_id)s, %(fingerprint)s,
        ST_SetSRID(ST_MakePoint(%(lon)s, %(lat)s), 4326), %(accuracy_m)s, %(recorded_at)s,
        'accepted', '{}', 0, '{}')
RETURNING id, received_at
"""

# Where the batch floor writes: the columns of location_points that a phone sends, without
# the key, the indexes, the foreign keys or NOT NULL, so that storing is all it does.
CREATE_FLOOR_POINTS = """
CREATE TABLE bench_floor_points (
    patrol_id integer, user_id integer, client_event_id uuid, point geometry(Point, 4326),
    accuracy_m float8, recorded_at timestamptz, received_at timestamptz DEFAULT now(),
    speed_mps float8, battery smallint
)
"""
COPY_FLOOR_POINTS = """
COPY bench_floor_points (patrol_id, user_id, client_event_id, point, accuracy_m, recorded_at, speed_mps, battery)
FROM STDIN
"""

app = Flask(__name__)
_connection = None


def connection():
    # One connection per worker process, opened after gunicorn has forked it.
    global _connection
    if _connection is None or _connection.closed:
        _connection = psycopg.connect(DATABASE_URL, options="-c timezone=UTC", connect_timeout=5)
    return _connection


@app.post("/checkin")
def checkin():
    fix = request.get_json()
    row = {
        "patrol_id": int(request.args["patrol_id"]),
        "user_id": int(request.args["user_id"]),
        "lat": float(fix["lat"]),
        "lon": float(fix["lon"]),
        "accuracy_m": float(fix["accuracy_m"]),
        "recorded_at": datetime.fromisoformat(fix["recorded_at"]),
        "client_event_id": uuid.UUID(fix["client_event_id"]),
    }
    # The same fingerprint the real service stores, so the row is the same row.
    canonical = {
        "patrol_id": row["patrol_id"],
        "kind": "check_in",
        "lat": row["lat"],
        "lon": row["lon"],
        "accuracy_m": row["accuracy_m"],
        "recorded_at": row["recorded_at"].timestamp(),
        "client_event_id": str(row["client_event_id"]),
    }
    row["fingerprint"] = hashlib.sha256(json.dumps(canonical, sort_keys=True).encode()).hexdigest()
    db = connection()
    try:
        checkin_id, received_at = db.execute(INSERT_CHECKIN, row).fetchone()
        db.commit()
    except Exception:
        db.rollback()
        raise
    return {
        "id": checkin_id,
        "patrol_id": row["patrol_id"],
        "user_id": row["user_id"],
        "kind": "check_in",
        "status": "accepted",
        "recorded_at": row["recorded_at"].isoformat(),
        "received_at": received_at.isoformat(),
    }, 201


@app.post("/batch")
def batch():
    points = request.get_json()["points"]
    user_id = int(request.args["user_id"])
    db = connection()
    try:
        # Values go to PostgreSQL as the phone sent them: it parses the uuid, the timestamp
        # and the point (as EWKT), which the real endpoint also has done, one way or another.
        with db.cursor() as cursor, cursor.copy(COPY_FLOOR_POINTS) as copy:
            for point in points:
                copy.write_row((point["patrol_id"], user_id, point["client_event_id"],
                                f"SRID=4326;POINT({point['lon']} {point['lat']})", point["accuracy_m"],
                                point["recorded_at"], point.get("speed_mps"), point.get("battery")))
        db.commit()
    except Exception:
        db.rollback()
        raise
    return {"accepted": len(points), "late": 0, "duplicates": 0, "rejected": []}
