from tests.helpers import assert_problem
from backend.testing.fixtures.patrols import seoul


def test_fill_waitlist_withdraw_and_promote_in_order(api, chief, officer, patrol_body, volunteers, outbox):
    patrol = api.published(chief, officer, patrol_body(max_volunteers=2))
    first, second, third, fourth = volunteers[1], volunteers[2], volunteers[4], volunteers[5]
    assert api.sign_up(first, patrol["id"]).get_json() == {"status": "confirmed", "position": None}
    assert api.sign_up(second, patrol["id"]).get_json() == {"status": "confirmed", "position": None}
    assert api.sign_up(third, patrol["id"]).get_json() == {"status": "waitlisted", "position": 1}
    assert api.sign_up(fourth, patrol["id"]).get_json() == {"status": "waitlisted", "position": 2}

    assert api.withdraw(first, patrol["id"]).status_code == 204
    roster = api.roster(chief, patrol["id"])
    assert [p["user_id"] for p in roster["confirmed"]] == [second.id, third.id]
    assert [(p["user_id"], p["position"]) for p in roster["waitlisted"]] == [(fourth.id, 1)]
    promoted = outbox("signup.promoted")
    assert [e.payload["user_id"] for e in promoted] == [third.id]


def test_roster_shows_names_officers_and_gaps(api, chief, officer, patrol_body, volunteers):
    patrol = api.published(chief, officer, patrol_body(min_volunteers=2))
    api.sign_up(volunteers[1], patrol["id"])
    roster = api.roster(volunteers[1], patrol["id"])
    assert roster["confirmed"] == [{"user_id": volunteers[1].id, "name": "자원봉사자2", "position": None}]
    assert roster["officers"] == [{"user_id": officer.id, "name": "최민준", "position": None}]
    assert roster["gaps"] == [
        {
            "rule": "min_volunteers",
            "code": "VOLUNTEERS_BELOW_MINIMUM",
            "needed": 2,
            "have": 1,
            "blocks_publishing": False,
            "message": "자원봉사자 2명이 필요하지만 1명입니다.",
        }
    ]


def test_signing_up_to_a_draft_is_refused(api, chief, patrol_body, volunteers, client, auth_headers):
    draft = api.create(chief, patrol_body()).get_json()
    # A draft is invisible to volunteers, so it answers like a patrol that does not exist.
    assert_problem(api.sign_up(volunteers[1], draft["id"]), 404, "NOT_FOUND")
    assert_problem(api.sign_up(chief, draft["id"], user_id=volunteers[1].id), 409, "PATROL_NOT_OPEN")


def test_only_invited_volunteers_may_join(api, chief, officer, patrol_body, groups, volunteers, make_user, make_group, home_station):
    patrol = api.published(chief, officer, patrol_body(group_ids=[groups["jayul"].id]))
    merchant = volunteers[4]
    make_group(home_station, members=[merchant, volunteers[1]])  # shares a group with an invited member
    assert_problem(api.sign_up(merchant, patrol["id"]), 404, "NOT_FOUND")  # cannot even see it
    assert_problem(api.sign_up(chief, patrol["id"], user_id=merchant.id), 403, "NOT_INVITED")
    assert_problem(api.sign_up(chief, patrol["id"], user_id=officer.id), 403, "NOT_INVITED")


def test_signing_up_twice_is_a_conflict(api, chief, officer, patrol_body, volunteers):
    patrol = api.published(chief, officer, patrol_body())
    api.sign_up(volunteers[1], patrol["id"])
    assert_problem(api.sign_up(volunteers[1], patrol["id"]), 409, "ALREADY_SIGNED_UP")


def test_overlapping_patrols_cannot_both_be_held(api, chief, officer, patrol_body, volunteers, make_user, home_station):
    evening = api.published(chief, officer, patrol_body())
    late = api.published(chief, make_user("officer", home_station), patrol_body(starts_at=seoul(3, 22).isoformat(), ends_at=seoul(4, 1).isoformat()))
    after = api.published(chief, make_user("officer", home_station), patrol_body(starts_at=seoul(3, 23).isoformat(), ends_at=seoul(4, 1).isoformat()))
    volunteer = volunteers[1]
    assert api.sign_up(volunteer, evening["id"]).status_code == 201
    assert_problem(api.sign_up(volunteer, late["id"]), 409, "SCHEDULE_CONFLICT")
    # 23:00 is when the first one ends: back to back is fine.
    assert api.sign_up(volunteer, after["id"]).status_code == 201


def test_officers_cannot_be_double_booked(api, chief, officer, patrol_body, client, auth_headers):
    api.publishable(chief, officer, patrol_body())
    other = api.create(chief, patrol_body(starts_at=seoul(3, 21).isoformat())).get_json()
    response = client.post(f"/api/v1/patrols/{other['id']}/officers", json={"user_id": officer.id}, headers=auth_headers(chief))
    assert_problem(response, 409, "SCHEDULE_CONFLICT")


def test_withdrawing_frees_the_time_for_another_patrol(api, chief, officer, patrol_body, volunteers, make_user, home_station):
    first = api.published(chief, officer, patrol_body())
    overlapping = api.published(chief, make_user("officer", home_station), patrol_body(starts_at=seoul(3, 21).isoformat()))
    api.sign_up(volunteers[1], first["id"])
    api.withdraw(volunteers[1], first["id"])
    assert api.sign_up(volunteers[1], overlapping["id"]).status_code == 201
    # And signing up again to the first reuses the old sign-up: conflict now, since the second holds the time.
    assert_problem(api.sign_up(volunteers[1], first["id"]), 409, "SCHEDULE_CONFLICT")


def test_group_leader_signs_up_and_withdraws_a_member(api, chief, officer, patrol_body, volunteers):
    patrol = api.published(chief, officer, patrol_body())
    leader, member = volunteers[0], volunteers[2]
    assert api.sign_up(leader, patrol["id"], user_id=member.id).get_json()["status"] == "confirmed"
    assert api.withdraw(leader, patrol["id"], member.id).status_code == 204


def test_plain_members_cannot_sign_up_others(api, chief, officer, patrol_body, volunteers):
    patrol = api.published(chief, officer, patrol_body())
    assert_problem(api.sign_up(volunteers[1], patrol["id"], user_id=volunteers[2].id), 403, "FORBIDDEN")
    api.sign_up(volunteers[2], patrol["id"])
    assert_problem(api.withdraw(volunteers[1], patrol["id"], volunteers[2].id), 403, "FORBIDDEN")


def test_withdrawing_after_the_cutoff_is_a_late_cancellation(api, chief, officer, patrol_body, volunteers, db_session):
    from datetime import timedelta

    from backend.core.time import utcnow
    from backend.patrols.models import PatrolParticipant

    soon = utcnow() + timedelta(hours=2)
    early = api.published(chief, officer, patrol_body())
    late = api.published(chief, officer, patrol_body(starts_at=soon.isoformat(), ends_at=(soon + timedelta(hours=1)).isoformat()))
    for patrol in (early, late):
        api.sign_up(volunteers[1], patrol["id"])
        api.withdraw(volunteers[1], patrol["id"])
    flags = {
        p.patrol_id: p.is_late_cancellation
        for p in db_session.query(PatrolParticipant).filter_by(user_id=volunteers[1].id)
    }
    assert flags == {early["id"]: False, late["id"]: True}


def test_withdrawing_someone_not_on_the_patrol_is_404(api, chief, officer, patrol_body, volunteers):
    patrol = api.published(chief, officer, patrol_body())
    assert_problem(api.withdraw(volunteers[1], patrol["id"]), 404, "NOT_FOUND")


def test_officers_come_from_the_station_family(api, chief, patrol_body, make_user, other_station, home_unit, volunteers, client, auth_headers):
    patrol = api.create(chief, patrol_body()).get_json()
    url = f"/api/v1/patrols/{patrol['id']}/officers"
    headers = auth_headers(chief)
    assert_problem(client.post(url, json={"user_id": make_user("officer", other_station).id}, headers=headers), 422, "OFFICER_OUTSIDE_STATION")
    assert_problem(client.post(url, json={"user_id": volunteers[1].id}, headers=headers), 422, "OFFICER_OUTSIDE_STATION")
    unit_officer = make_user("officer", home_unit)
    roster = client.post(url, json={"user_id": unit_officer.id}, headers=headers).get_json()
    assert [o["user_id"] for o in roster["officers"]] == [unit_officer.id]
    assert client.delete(f"{url}/{unit_officer.id}", headers=headers).status_code == 204
    assert api.roster(chief, patrol["id"])["officers"] == []


def test_officers_assigned_to_a_whole_series(api, chief, officer, patrol_body, client, auth_headers):
    created = api.create(chief, patrol_body(recurrence="FREQ=WEEKLY;COUNT=3")).get_json()
    first = created["occurrences"][0]["id"]
    client.post(f"/api/v1/patrols/{first}/officers", json={"user_id": officer.id, "scope": "following"}, headers=auth_headers(chief))
    response = client.post(f"/api/v1/patrols/{first}/publish", json={"scope": "following"}, headers=auth_headers(chief))
    assert response.status_code == 200
    statuses = [client.get(f"/api/v1/patrols/{o['id']}", headers=auth_headers(chief)).get_json()["status"] for o in created["occurrences"]]
    assert statuses == ["published"] * 3


def test_an_officer_taken_off_a_night_or_off_the_rest_of_the_series(api, chief, officer, patrol_body, client, auth_headers):
    created = api.create(chief, patrol_body(recurrence="FREQ=WEEKLY;COUNT=4")).get_json()
    nights = [o["id"] for o in created["occurrences"]]
    headers = auth_headers(chief)
    assigned = client.post(f"/api/v1/patrols/{nights[0]}/officers", json={"user_id": officer.id, "scope": "following"}, headers=headers)
    assert assigned.status_code == 201

    def officers_by_night():
        return [[o["user_id"] for o in api.roster(chief, night)["officers"]] for night in nights]

    assert client.delete(f"/api/v1/patrols/{nights[1]}/officers/{officer.id}", headers=headers).status_code == 204
    assert officers_by_night() == [[officer.id], [], [officer.id], [officer.id]]
    # From the first night on: the nights the officer still holds, the second not refused.
    assert client.delete(f"/api/v1/patrols/{nights[0]}/officers/{officer.id}?scope=following", headers=headers).status_code == 204
    assert officers_by_night() == [[], [], [], []]
    # Off a night they do not hold: 404; an unknown scope: 422.
    assert_problem(client.delete(f"/api/v1/patrols/{nights[2]}/officers/{officer.id}?scope=following", headers=headers), 404, "NOT_FOUND")
    assert_problem(client.delete(f"/api/v1/patrols/{nights[2]}/officers/{officer.id}?scope=all", headers=headers), 422, "VALIDATION_ERROR")


def test_raising_capacity_promotes_the_waitlist_and_lowering_below_confirmed_is_refused(api, chief, officer, patrol_body, volunteers, client, auth_headers):
    patrol = api.published(chief, officer, patrol_body(max_volunteers=1))
    api.sign_up(volunteers[1], patrol["id"])
    api.sign_up(volunteers[2], patrol["id"])
    url = f"/api/v1/patrols/{patrol['id']}"
    raised = client.patch(url, json={"max_volunteers": 2}, headers=auth_headers(chief)).get_json()
    assert (raised["confirmed_count"], raised["waitlisted_count"]) == (2, 0)
    assert_problem(client.patch(url, json={"max_volunteers": 1}, headers=auth_headers(chief)), 409, "CAPACITY_BELOW_CONFIRMED")


def test_my_patrols_upcoming_first_and_open_ones_to_join(api, chief, officer, patrol_body, volunteers, make_user, home_station, client, auth_headers):
    later = api.published(chief, officer, patrol_body(starts_at=seoul(6, 20).isoformat(), ends_at=seoul(6, 22).isoformat()))
    sooner = api.published(chief, make_user("officer", home_station), patrol_body(starts_at=seoul(2, 20).isoformat(), ends_at=seoul(2, 22).isoformat()))
    unjoined = api.published(chief, make_user("officer", home_station), patrol_body(starts_at=seoul(4, 20).isoformat(), ends_at=seoul(4, 22).isoformat()))
    me = volunteers[1]
    api.sign_up(me, later["id"])
    api.sign_up(me, sooner["id"])
    headers = auth_headers(me)
    assert [p["id"] for p in client.get("/api/v1/me/patrols", headers=headers).get_json()] == [sooner["id"], later["id"]]
    assert [p["id"] for p in client.get("/api/v1/me/patrols/open", headers=headers).get_json()] == [unjoined["id"]]


def test_the_clock_moves_a_patrol_to_in_progress_and_completed(api, chief, officer, patrol_body, volunteers, db_session, client, auth_headers):
    from datetime import timedelta

    from backend.core.time import utcnow
    from backend.patrols.models import Patrol

    patrol = api.published(chief, officer, patrol_body())
    row = db_session.get(Patrol, patrol["id"])

    def travel(starts_in, ends_in):
        # Rather than wait, move the patrol: what counts is where "now" falls.
        row.starts_at, row.ends_at = utcnow() + starts_in, utcnow() + ends_in
        db_session.commit()
        return client.get(f"/api/v1/patrols/{patrol['id']}", headers=auth_headers(chief)).get_json()["status"]

    assert travel(timedelta(hours=-1), timedelta(hours=1)) == "in_progress"
    assert_problem(api.sign_up(volunteers[1], patrol["id"]), 409, "PATROL_NOT_OPEN")
    assert_problem(client.patch(f"/api/v1/patrols/{patrol['id']}", json={"title": "x"}, headers=auth_headers(chief)), 409, "PATROL_NOT_EDITABLE")
    assert travel(timedelta(hours=-3), timedelta(hours=-1)) == "completed"
    assert_problem(api.sign_up(volunteers[1], patrol["id"]), 409, "PATROL_NOT_OPEN")
    completed = client.get("/api/v1/patrols?status=completed", headers=auth_headers(chief)).get_json()
    assert [p["id"] for p in completed] == [patrol["id"]]
