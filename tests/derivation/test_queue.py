"""Figures derived off the request path: an upload or a check-in asks for them, a read never
derives them, the worker does, and the answers say as of when."""
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from backend.core.time import utcnow
from backend.derivation import services
from backend.derivation.models import DerivationRequest
from backend.derivation.services import derive_next
from backend.locations.models import ZoneDwell
from backend.testing.fixtures.attendance import attendance_rows
from backend.testing.fixtures.locations import check_in_or_out, fix
from backend.testing.fixtures.patrols import WOMEN_SAFE_INSIDE


def walk(patrol_id, start, count):
    return [fix(patrol_id, WOMEN_SAFE_INSIDE, start + timedelta(seconds=15 * n)) for n in range(count)]


def dwell_rows(client, auth_headers, viewer, patrol_id):
    response = client.get(f"/api/v1/patrols/{patrol_id}/dwell", headers=auth_headers(viewer))
    assert response.status_code == 200
    return response.get_json()


def test_uploads_are_derived_by_the_worker_never_by_a_read(running_patrol, volunteers, officer, upload, client, auth_headers, derive_now):
    person = volunteers[1]
    derive_now()  # everyone on the patrol has a record: no-shows so far
    before = attendance_rows(client, auth_headers, officer, running_patrol.id)[person.id]
    assert before["status"] == "no_show"

    sent_at = utcnow()
    assert check_in_or_out(client, auth_headers, person, running_patrol.id, "check-in", utcnow() - timedelta(minutes=10)).status_code == 201
    assert upload(person, walk(running_patrol.id, utcnow() - timedelta(minutes=9), 21)).get_json()["accepted"] == 21
    # Reading is not deriving: the figures stay as they were until the worker has run.
    assert attendance_rows(client, auth_headers, officer, running_patrol.id)[person.id] == before
    assert dwell_rows(client, auth_headers, officer, running_patrol.id) == []

    assert derive_now() == 1  # one request for the person, however many uploads
    after = attendance_rows(client, auth_headers, officer, running_patrol.id)[person.id]
    assert (after["status"], after["women_safe_minutes"]) == ("late", 5)  # the patrol began two hours ago
    assert datetime.fromisoformat(after["as_of"]) >= sent_at > datetime.fromisoformat(before["as_of"])
    [dwell] = dwell_rows(client, auth_headers, officer, running_patrol.id)
    assert (dwell["user_id"], dwell["minutes"]) == (person.id, 5.0)
    assert datetime.fromisoformat(dwell["as_of"]) >= sent_at


def test_requests_fold_into_one_that_starts_from_the_earliest_new_point(running_patrol, volunteers, upload, client, auth_headers, db_session):
    person = volunteers[1]
    later, earlier = utcnow() - timedelta(minutes=5), utcnow() - timedelta(minutes=12)
    upload(person, walk(running_patrol.id, later, 4))
    upload(person, walk(running_patrol.id, earlier, 4))  # a phone's backlog, recorded before
    check_in_or_out(client, auth_headers, person, running_patrol.id, "check-in", utcnow() - timedelta(minutes=1))

    [waiting] = db_session.scalars(select(DerivationRequest)).all()
    assert (waiting.patrol_id, waiting.user_id, waiting.points_from) == (running_patrol.id, person.id, earlier)


def test_the_clock_and_the_roster_reach_attendance_through_the_worker(api, chief, officer, patrol_body, volunteers, client, auth_headers, db_session, derive_now):
    patrol = api.published(chief, officer, patrol_body())
    api.sign_up(volunteers[1], patrol["id"])
    derive_now()
    assert set(attendance_rows(client, auth_headers, officer, patrol["id"])) == {volunteers[1].id, officer.id}

    assert api.withdraw(volunteers[1], patrol["id"]).status_code == 204
    derive_now()
    assert set(attendance_rows(client, auth_headers, officer, patrol["id"])) == {officer.id}


@pytest.mark.parametrize("people", [1, 3])
def test_one_pass_derives_many_people_with_the_same_statements(running_patrol, volunteers, upload, db_session, count_queries, people):
    walkers = volunteers[1:1 + people]
    for person in walkers:
        upload(person, walk(running_patrol.id, utcnow() - timedelta(minutes=9), 5))
    with count_queries(as_a_new_request=True) as sent:
        derived = derive_next()
    assert sorted(derived) == sorted((running_patrol.id, person.id) for person in walkers)
    # The claim, exclusions, the steps (forgotten from where the points were judged again, then
    # added), dwell (forgotten, then summed), walking alone, the plan setting, attendance (two),
    # the requests deleted.
    assert len(sent) == 11, sent
    assert db_session.scalars(select(DerivationRequest)).all() == []
    dwell = db_session.scalars(select(ZoneDwell).where(ZoneDwell.patrol_id == running_patrol.id)).all()
    assert sorted((row.user_id, row.seconds) for row in dwell) == sorted((person.id, 60) for person in walkers)


def test_a_request_that_fails_waits_alone_and_the_others_are_derived(running_patrol, volunteers, upload, db_session, monkeypatch, caplog):
    failing, fine = volunteers[1], volunteers[2]
    for person in (failing, fine):
        upload(person, walk(running_patrol.id, utcnow() - timedelta(minutes=9), 5))
    refresh = services.attendance.refresh

    def refresh_failing_for_one(patrol_id, user_ids, **options):
        if failing.id in user_ids:
            raise RuntimeError("deadlock detected")  # as an officer's confirmation might cause
        refresh(patrol_id, user_ids, **options)

    monkeypatch.setattr(services.attendance, "refresh", refresh_failing_for_one)
    assert derive_next() == [(running_patrol.id, fine.id)]
    [waiting] = db_session.scalars(select(DerivationRequest)).all()
    assert (waiting.patrol_id, waiting.user_id) == (running_patrol.id, failing.id)
    assert f"patrol {running_patrol.id}, person {failing.id} failed" in caplog.text

    monkeypatch.setattr(services.attendance, "refresh", refresh)
    assert derive_next() == [(running_patrol.id, failing.id)]
