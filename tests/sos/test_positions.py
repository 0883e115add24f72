"""The raiser's phone follows them while the alert runs: positions kept with the alert, as an
incident record that outlives the raw track points and goes when its own retention is over."""
import uuid
from datetime import timedelta

from sqlalchemy import func, select, update

from backend.core.time import utcnow
from backend.locations.models import LocationAccess, LocationPoint
from backend.sos.models import SosAlert, SosPosition
from backend.testing.fixtures.locations import offset
from backend.testing.fixtures.patrols import BEOMGYE
from backend.testing.fixtures.sos import SOS
from tests.helpers import assert_problem


def position(where, recorded_at, event_id=None):
    return {"lon": where[0], "lat": where[1], "accuracy_m": 6.0, "recorded_at": recorded_at.isoformat(),
            "client_event_id": str(event_id or uuid.uuid4())}


def walk(seconds_apart=5, steps=3):
    """A few positions, moving north from the meeting point, the latest now."""
    now = utcnow()
    return [position(offset(BEOMGYE, 0, 20 * n), now - timedelta(seconds=seconds_apart * (steps - n))) for n in range(steps)]


def send(client, auth_headers, user, alert_id, positions):
    return client.post(f"{SOS}/{alert_id}/positions", json={"positions": positions}, headers=auth_headers(user))


def count(db_session, model, *where):
    return db_session.scalar(select(func.count()).select_from(model).where(*where))


def test_the_positions_follow_the_raiser_and_a_resend_stores_nothing_twice(
    press, act, volunteers, officer, client, auth_headers, db_session,
):
    raiser = volunteers[1]
    alert = press(raiser).get_json()
    sent = walk()

    first = send(client, auth_headers, raiser, alert["id"], sent)
    assert first.status_code == 200, first.get_json()
    assert first.get_json() | {"rejected": None} == {
        "accepted": 3, "duplicates": 0, "rejected": None, "status": "open", "acknowledged_by_name": None,
    }
    again = send(client, auth_headers, raiser, alert["id"], [*sent, *walk(steps=1)]).get_json()
    assert (again["accepted"], again["duplicates"]) == (1, 3)
    assert count(db_session, SosPosition) == 4
    # They are the raiser's track too, so the live board follows them (stored once as well).
    assert count(db_session, LocationPoint, LocationPoint.user_id == raiser.id) == 4

    act(officer, alert["id"], "acknowledge")
    answer = send(client, auth_headers, raiser, alert["id"], walk(steps=1)).get_json()
    assert (answer["status"], answer["acknowledged_by_name"]) == ("acknowledged", officer.name)

    detail = client.get(f"{SOS}/{alert['id']}", headers=auth_headers(officer)).get_json()
    times = [p["recorded_at"] for p in detail["positions"]]
    assert len(times) == 5 and times == sorted(times)
    assert detail["positions"][0]["point"]["type"] == "Point"
    # Lists show where the raiser is now (the console's banner puts it on its map).
    [listed] = client.get(SOS, headers=auth_headers(officer)).get_json()
    assert listed["last_position"] == detail["last_position"] == detail["positions"][-1]


def test_an_alert_without_positions_yet_has_no_last_position(press, volunteers, officer, client, auth_headers):
    press(volunteers[1])
    [listed] = client.get(SOS, headers=auth_headers(officer)).get_json()
    assert listed["last_position"] is None


def test_only_the_raiser_sends_positions_and_only_while_it_runs(
    press, act, volunteers, officer, make_user, other_station, client, auth_headers,
):
    raiser = volunteers[1]
    alert = press(raiser).get_json()

    assert_problem(send(client, auth_headers, officer, alert["id"], walk()), 403, "SOS_NOT_RAISER")
    assert_problem(send(client, auth_headers, volunteers[2], alert["id"], walk()), 404, "NOT_FOUND")
    elsewhere = make_user("station_chief", other_station)
    assert_problem(send(client, auth_headers, elsewhere, alert["id"], walk()), 404, "NOT_FOUND")
    assert_problem(send(client, auth_headers, raiser, alert["id"], []), 422, "VALIDATION_ERROR")
    assert_problem(send(client, auth_headers, raiser, alert["id"], [{"lat": 37.39}]), 422, "VALIDATION_ERROR")

    act(raiser, alert["id"], "cancel")
    assert_problem(send(client, auth_headers, raiser, alert["id"], walk()), 409, "SOS_CLOSED")


def test_a_position_from_the_future_is_refused_on_its_own(press, volunteers, client, auth_headers, db_session):
    alert = press(volunteers[1]).get_json()
    future = position(BEOMGYE, utcnow() + timedelta(minutes=10))

    answer = send(client, auth_headers, volunteers[1], alert["id"], [*walk(steps=2), future]).get_json()

    assert answer["accepted"] == 2
    assert answer["rejected"] == [{"index": 2, "client_event_id": future["client_event_id"], "code": "RECORDED_IN_FUTURE"}]
    assert count(db_session, SosPosition) == 2


def test_reading_the_positions_is_written_to_the_access_log(press, volunteers, chief, running_patrol, client, auth_headers, db_session):
    alert = press(volunteers[1]).get_json()
    send(client, auth_headers, volunteers[1], alert["id"], walk())

    assert len(client.get(f"{SOS}/{alert['id']}", headers=auth_headers(chief)).get_json()["positions"]) == 3

    assert db_session.execute(select(LocationAccess.viewer_id, LocationAccess.subject_id, LocationAccess.endpoint)).all() == [
        (chief.id, volunteers[1].id, "GET /api/v1/sos/<alert_id>"),
    ]


def test_positions_outlive_the_raw_points_and_go_when_the_incident_records_do(
    press, act, volunteers, officer, app, client, auth_headers, db_session,
):
    raiser = volunteers[1]
    alert = press(raiser).get_json()
    send(client, auth_headers, raiser, alert["id"], walk())
    act(officer, alert["id"], "resolve", {"outcome": "safe"})

    def age(days):
        then = utcnow() - timedelta(days=days)
        db_session.execute(update(SosAlert).values(raised_at=then))
        db_session.execute(update(SosPosition).values(recorded_at=then))
        db_session.execute(update(LocationPoint).values(recorded_at=then))
        db_session.commit()

    def purge():
        result = app.test_cli_runner().invoke(args=["locations", "purge"])
        assert result.exit_code == 0, result.output
        return result.output

    age(days=100)  # past the raw points' 90 days, within the incident records' year
    assert "erased where 0 SOS alerts were raised and 0 positions" in purge()
    assert count(db_session, LocationPoint) == 0
    detail = client.get(f"{SOS}/{alert['id']}", headers=auth_headers(officer)).get_json()
    assert len(detail["positions"]) == 3 and detail["point"] is not None

    age(days=366)
    assert "erased where 1 SOS alerts were raised and 3 positions" in purge()
    detail = client.get(f"{SOS}/{alert['id']}", headers=auth_headers(officer)).get_json()
    assert (detail["positions"], detail["point"], detail["outcome"]) == ([], None, "safe")


def test_withdrawing_consent_keeps_the_incident_record(press, volunteers, chief, client, auth_headers, db_session):
    raiser = volunteers[1]
    alert = press(raiser).get_json()
    send(client, auth_headers, raiser, alert["id"], walk())

    assert client.delete("/api/v1/me/consents", headers=auth_headers(raiser)).status_code == 204

    assert count(db_session, LocationPoint, LocationPoint.user_id == raiser.id) == 0
    assert len(client.get(f"{SOS}/{alert['id']}", headers=auth_headers(chief)).get_json()["positions"]) == 3
