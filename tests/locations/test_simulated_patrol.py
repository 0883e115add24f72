"""A whole patrol as ten phones live it, one of them offline for an hour.

Everything goes through the HTTP API: check-ins, batches every few minutes, the live
board as an officer watches it, the review of a flagged check-in, the offline phone's
double upload at the end, and the minutes per zone that come out of it.
"""
import uuid
from datetime import datetime, timedelta

from sqlalchemy import func, select

from backend.core.time import utcnow
from backend.locations.models import LocationPoint, ZoneDwell
from backend.patrols.models import Patrol
from backend.testing.fixtures.locations import fix, offset
from backend.testing.fixtures.patrols import BEOMGYE, WOMEN_SAFE_INSIDE

OUTSIDE_EVERYTHING = [126.9600, 37.3900]
MINUTES = 120
OFFLINE = range(30, 90)  # minutes during which the last phone has no signal


def position(phone, minute):
    """Phone n spends its first 20 + 5n minutes in the women-safe zone, then walks outside."""
    inside_until = 20 + 5 * phone
    return WOMEN_SAFE_INSIDE if minute < inside_until else OUTSIDE_EVERYTHING


def test_a_simulated_patrol(derive_now, api, chief, officer, patrol_body, make_user, home_station, groups, zones, consent, client, auth_headers, db_session, app, monkeypatch):
    # Two hours replayed in seconds: on the server's clock every upload would come in hours
    # after it was recorded. Late uploads have their own tests (tests/checkins/test_late_uploads.py).
    monkeypatch.setitem(app.config, "LATE_UPLOAD_MINUTES", 24 * 60)
    phones = [make_user("volunteer", home_station, name=f"순찰대원{n:02d}") for n in range(10)]
    for person in phones:
        groups["jayul"].memberships.append(type(groups["jayul"].memberships[0])(user=person))
    db_session.commit()
    patrol = api.published(chief, officer, patrol_body(zone_ids=[zones["women_safe"].id, zones["plaza"].id], max_volunteers=20))
    for person in phones:
        assert api.sign_up(person, patrol["id"]).get_json()["status"] == "confirmed"
        consent(person)
    row = db_session.get(Patrol, patrol["id"])
    start = utcnow() - timedelta(minutes=MINUTES + 5)
    row.starts_at, row.ends_at = start, start + timedelta(minutes=MINUTES)
    db_session.commit()

    def at(minute, second=0):
        return start + timedelta(minutes=minute, seconds=second)

    # Check-ins at the meeting point; the last phone arrives 150 m away and is flagged.
    for n, person in enumerate(phones):
        where = offset(BEOMGYE, 0, 150) if n == 9 else BEOMGYE
        body = {"lon": where[0], "lat": where[1], "accuracy_m": 5, "recorded_at": at(0).isoformat(), "client_event_id": str(uuid.uuid4())}
        client.post(f"/api/v1/patrols/{patrol['id']}/check-in", json=body, headers=auth_headers(person))

    tracks = {n: [fix(patrol["id"], position(n, s // 4), at(0, 15 * s)) for s in range(MINUTES * 4)] for n in range(10)}
    buffered = []
    for minute in range(0, MINUTES, 5):  # every 5 minutes each phone uploads what it has
        for n, person in enumerate(phones):
            fresh = [p for p in tracks[n] if at(minute) <= _when(p) < at(minute + 5)]
            if n == 9 and minute in OFFLINE:
                buffered.extend(fresh)
                continue
            body = client.post("/api/v1/locations:batch", json={"points": buffered + fresh if n == 9 else fresh}, headers=auth_headers(person)).get_json()
            assert body["rejected"] == []
            if n == 9:
                buffered = []
        if minute == 60:
            derive_now()
            board = client.get(f"/api/v1/patrols/{patrol['id']}/live", headers=auth_headers(officer)).get_json()
            by_id = {p["user_id"]: p for p in board["participants"]}
            assert all(by_id[person.id]["state"] == "checked_in" for person in phones)
            # Phone 9 is silent since minute 30: the board shows its last known place and age.
            stale = by_id[phones[9].id]["last_point"]
            assert datetime.fromisoformat(stale["recorded_at"]) == at(29, 45)
            assert stale["age_s"] >= 30 * 60
            assert by_id[phones[0].id]["zone_ids"] == []  # phone 0 left the zone at minute 20
            assert by_id[phones[9].id]["zone_ids"] == [zones["women_safe"].id]  # still inside when it went quiet

    # The offline phone's uploads all arrived, and it sends everything once more.
    again = client.post("/api/v1/locations:batch", json={"points": tracks[9][:1000]}, headers=auth_headers(phones[9])).get_json()
    assert again["accepted"] == 0 and again["duplicates"] == 480

    stored = db_session.scalar(select(func.count()).select_from(LocationPoint).where(LocationPoint.patrol_id == patrol["id"]))
    assert stored == 10 * MINUTES * 4
    derive_now()
    dwell = dict(
        db_session.execute(
            select(ZoneDwell.user_id, ZoneDwell.seconds).where(ZoneDwell.patrol_id == patrol["id"], ZoneDwell.zone_id == zones["women_safe"].id)
        ).all()
    )
    # Inside for 20 + 5n minutes: (20 + 5n) * 4 fixes, one step fewer of 15 s each.
    assert {person.id: dwell[person.id] for person in phones} == {person.id: ((20 + 5 * n) * 4 - 1) * 15 for n, person in enumerate(phones)}

    flagged = client.get(f"/api/v1/checkins?patrol_id={patrol['id']}&review=pending", headers=auth_headers(officer)).get_json()
    assert [c["user_id"] for c in flagged] == [phones[9].id]
    reviewed = client.patch(f"/api/v1/checkins/{flagged[0]['id']}", json={"review": "approved"}, headers=auth_headers(officer))
    assert reviewed.get_json()["review"] == "approved"


def _when(point):
    return datetime.fromisoformat(point["recorded_at"])
