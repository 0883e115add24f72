"""The cost floor of a check-in: Flask parses the same JSON and inserts the same row.

No token, no participant or consent check, no geofence or zone judgement, no ORM: one
psycopg INSERT into `checkins` per request and a commit. What the real endpoint costs
above this is what its checks cost. bench/run_locations.py serves it with the same
gunicorn settings as the real app (`gunicorn --workers 2 baseline_app:app`).

    POST /checkin?patrol_id=<id>&user_id=<id>
    {"lat": .., "lon": .., "accuracy_m": .., "recorded_at": "..+00:00", "client_event_id": "<uuid>"}
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
