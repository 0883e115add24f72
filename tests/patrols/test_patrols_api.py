from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from backend.core.time import SEOUL
from backend.patrols.models import Patrol
from tests.helpers import assert_problem, selects
from backend.testing.fixtures.patrols import seoul


def patrol_count(db_session):
    return db_session.scalar(select(func.count()).select_from(Patrol))


def test_chief_creates_a_draft_patrol(api, chief, patrol_body, zones, groups):
    response = api.create(chief, patrol_body())
    assert response.status_code == 201
    patrol = response.get_json()
    assert patrol["status"] == "draft"
    assert patrol["zone_ids"] == [zones["plaza"].id]
    assert sorted(patrol["group_ids"]) == sorted([groups["jayul"].id, groups["merchants"].id])
    assert patrol["meeting_point"] == {"type": "Point", "coordinates": [126.9508, 37.3897]}
    assert patrol["meeting_radius_m"] == 100 and patrol["min_officers"] == 1
    assert patrol["series_id"] is None and patrol["occurrences"] == []


def test_a_patrol_may_run_past_midnight(api, chief, patrol_body):
    starts, ends = seoul(3, 22), seoul(4, 2)
    response = api.create(chief, patrol_body(starts_at=starts.isoformat(), ends_at=ends.isoformat()))
    assert response.status_code == 201
    patrol = response.get_json()
    assert datetime.fromisoformat(patrol["starts_at"]) == starts
    assert datetime.fromisoformat(patrol["ends_at"]) == ends
    assert patrol["ends_at"].endswith("+00:00")  # answered in UTC


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"starts_at": seoul(3, 23).isoformat(), "ends_at": seoul(3, 20).isoformat()}, "PATROL_ENDS_BEFORE_START"),
        ({"starts_at": seoul(3, 18).isoformat(), "ends_at": seoul(4, 7).isoformat()}, "PATROL_TOO_LONG"),
        ({"starts_at": seoul(-1, 20).isoformat(), "ends_at": seoul(-1, 22).isoformat()}, "PATROL_STARTS_IN_PAST"),
        ({"meeting_point": {"type": "Point", "coordinates": [139.767, 35.681]}}, "MEETING_POINT_OUTSIDE_KOREA"),
        ({"recurrence": "FREQ=WEEKLY;BYDAY=FR"}, "RECURRENCE_UNBOUNDED"),
        ({"recurrence": "not a rule"}, "RECURRENCE_INVALID"),
        ({"starts_at": "2026-12-01T20:00:00"}, "VALIDATION_ERROR"),  # no offset: ambiguous
    ],
)
def test_bad_patrols_are_refused_and_nothing_is_stored(api, chief, patrol_body, db_session, overrides, code):
    body = assert_problem(api.create(chief, patrol_body(**overrides)), 422, code)
    assert body["errors"]
    assert patrol_count(db_session) == 0


def test_the_meeting_point_follows_the_configured_service_area(app, api, chief, patrol_body, monkeypatch):
    # The same setting as zones: a deployment for Seoul alone refuses a meeting point at 범계역.
    monkeypatch.setitem(app.config, "SERVICE_AREA", (126.76, 37.42, 127.19, 37.71))
    assert_problem(api.create(chief, patrol_body()), 422, "MEETING_POINT_OUTSIDE_KOREA")


def test_zones_and_groups_must_be_the_stations_own(api, chief, patrol_body, make_group, other_station, db_session):
    foreign_group = make_group(other_station)
    assert_problem(api.create(chief, patrol_body(group_ids=[foreign_group.id])), 422, "GROUP_OUTSIDE_STATION")
    assert_problem(api.create(chief, patrol_body(zone_ids=[999999])), 422, "ZONE_OUTSIDE_STATION")
    assert patrol_count(db_session) == 0


def test_only_chiefs_and_admins_create_patrols(api, make_user, home_station, patrol_body):
    for role in ("officer", "coordinator", "volunteer"):
        assert_problem(api.create(make_user(role, home_station), patrol_body()), 403, "FORBIDDEN")


def test_weekly_series_stays_at_local_time(api, chief, patrol_body):
    first_friday = next(seoul(d, 20) for d in range(1, 8) if seoul(d, 20).weekday() == 4)
    body = patrol_body(
        starts_at=first_friday.isoformat(),
        ends_at=(first_friday + timedelta(hours=3)).isoformat(),
        recurrence="FREQ=WEEKLY;BYDAY=FR;COUNT=8",
    )
    response = api.create(chief, body)
    assert response.status_code == 201
    created = response.get_json()
    assert created["series_id"] is not None
    occurrences = created["occurrences"]
    assert len(occurrences) == 8
    local_starts = [datetime.fromisoformat(o["starts_at"]).astimezone(SEOUL) for o in occurrences]
    assert all(start.weekday() == 4 and (start.hour, start.minute) == (20, 0) for start in local_starts)
    assert [b - a for a, b in zip(local_starts, local_starts[1:])] == [timedelta(days=7)] * 7


def test_publishing_needs_an_officer(api, chief, patrol_body, client, auth_headers, outbox):
    patrol = api.create(chief, patrol_body()).get_json()
    response = client.post(f"/api/v1/patrols/{patrol['id']}/publish", json={}, headers=auth_headers(chief))
    body = assert_problem(response, 409, "PAIRING_RULE")
    assert [gap["rule"] for gap in body["errors"]["gaps"]] == ["min_officers"]
    assert outbox() == []
    assert client.get(f"/api/v1/patrols/{patrol['id']}", headers=auth_headers(chief)).get_json()["status"] == "draft"


def test_women_safe_zone_at_night_needs_an_officer_even_when_the_minimum_is_zero(api, chief, patrol_body, zones, client, auth_headers):
    night = api.create(chief, patrol_body(min_officers=0, zone_ids=[zones["women_safe"].id], starts_at=seoul(3, 21).isoformat(), ends_at=seoul(3, 23).isoformat())).get_json()
    body = assert_problem(client.post(f"/api/v1/patrols/{night['id']}/publish", json={}, headers=auth_headers(chief)), 409, "PAIRING_RULE")
    assert [gap["rule"] for gap in body["errors"]["gaps"]] == ["night_women_safe_zone_officer"]

    evening = api.create(chief, patrol_body(min_officers=0, zone_ids=[zones["women_safe"].id], starts_at=seoul(3, 18).isoformat(), ends_at=seoul(3, 21, 30).isoformat())).get_json()
    assert client.post(f"/api/v1/patrols/{evening['id']}/publish", json={}, headers=auth_headers(chief)).status_code == 200


def test_the_night_rule_is_the_stations_choice(api, chief, patrol_body, zones, client, auth_headers, home_station, db_session):
    home_station.is_officer_required_at_night_in_women_safe_zones = False
    db_session.commit()
    night = api.create(chief, patrol_body(min_officers=0, zone_ids=[zones["women_safe"].id], starts_at=seoul(3, 22).isoformat(), ends_at=seoul(4, 1).isoformat())).get_json()
    assert client.post(f"/api/v1/patrols/{night['id']}/publish", json={}, headers=auth_headers(chief)).status_code == 200


def test_publishing_records_the_announcement_reminders_and_early_warnings_once(api, chief, officer, patrol_body, client, auth_headers, outbox):
    patrol = api.published(chief, officer, patrol_body())
    assert patrol["status"] == "published"
    assert [(e.event_type, e.patrol_id, e.available_at) for e in outbox()][1:] == [
        ("patrol.reminder_24h", patrol["id"], seoul(2, 20)),
        ("patrol.reminder_2h", patrol["id"], seoul(3, 18)),
        ("patrol.unfilled", patrol["id"], seoul(2, 20)),
        ("patrol.no_show", patrol["id"], seoul(3, 20, 15)),
    ]
    assert outbox()[0].event_type == "patrol.published"
    again = client.post(f"/api/v1/patrols/{patrol['id']}/publish", json={}, headers=auth_headers(chief))
    assert_problem(again, 409, "PATROL_NOT_DRAFT")
    assert len(outbox()) == 5


def test_moving_a_published_patrol_announces_it_once_and_moves_reminders(api, chief, officer, patrol_body, client, auth_headers, outbox):
    patrol = api.published(chief, officer, patrol_body())
    new_times = {"starts_at": seoul(3, 21).isoformat(), "ends_at": seoul(3, 23, 30).isoformat()}
    response = client.patch(f"/api/v1/patrols/{patrol['id']}", json=new_times, headers=auth_headers(chief))
    assert response.status_code == 200
    assert response.get_json()["revision"] == 2
    assert len(outbox("patrol.changed")) == 1
    assert [e.available_at for e in outbox("patrol.reminder_2h")] == [seoul(3, 19)]
    # Notes are not time or place: no announcement.
    client.patch(f"/api/v1/patrols/{patrol['id']}", json={"notes": "3번 출구"}, headers=auth_headers(chief))
    assert len(outbox("patrol.changed")) == 1


def test_patch_rechecks_merged_times(api, chief, patrol_body, client, auth_headers):
    patrol = api.create(chief, patrol_body()).get_json()
    response = client.patch(f"/api/v1/patrols/{patrol['id']}", json={"ends_at": seoul(4, 9).isoformat()}, headers=auth_headers(chief))
    assert_problem(response, 422, "PATROL_TOO_LONG")


def test_cancelling_tells_everyone_and_drops_reminders(api, chief, officer, patrol_body, client, auth_headers, outbox, volunteers):
    patrol = api.published(chief, officer, patrol_body())
    api.sign_up(volunteers[1], patrol["id"])
    response = client.post(f"/api/v1/patrols/{patrol['id']}/cancel", json={"reason": "기상 악화"}, headers=auth_headers(chief))
    assert response.get_json()["status"] == "cancelled"
    assert response.get_json()["cancel_reason"] == "기상 악화"
    assert [e.event_type for e in outbox()] == ["patrol.published", "patrol.cancelled"]
    assert api.roster(chief, patrol["id"])["confirmed"] == []
    assert_problem(api.sign_up(volunteers[2], patrol["id"]), 409, "PATROL_NOT_OPEN")
    # The volunteer still sees it among their patrols, as cancelled.
    mine = client.get("/api/v1/me/patrols", headers=auth_headers(volunteers[1])).get_json()
    assert [(p["id"], p["status"]) for p in mine] == [(patrol["id"], "cancelled")]


def test_only_drafts_can_be_deleted(api, chief, officer, patrol_body, client, auth_headers):
    draft = api.create(chief, patrol_body()).get_json()
    assert client.delete(f"/api/v1/patrols/{draft['id']}", headers=auth_headers(chief)).status_code == 204
    staffed_draft = api.publishable(chief, officer, patrol_body())  # its assigned officer goes with it
    assert client.delete(f"/api/v1/patrols/{staffed_draft['id']}", headers=auth_headers(chief)).status_code == 204
    assert_problem(client.get(f"/api/v1/patrols/{staffed_draft['id']}", headers=auth_headers(chief)), 404, "NOT_FOUND")
    published = api.published(chief, officer, patrol_body())
    assert_problem(client.delete(f"/api/v1/patrols/{published['id']}", headers=auth_headers(chief)), 409, "PATROL_NOT_DRAFT")


def test_series_cancel_this_and_following(api, chief, patrol_body, client, auth_headers):
    created = api.create(chief, patrol_body(recurrence="FREQ=DAILY;COUNT=4")).get_json()
    third = created["occurrences"][2]["id"]
    client.post(f"/api/v1/patrols/{third}/cancel", json={"reason": "행사", "scope": "following"}, headers=auth_headers(chief))
    statuses = [client.get(f"/api/v1/patrols/{o['id']}", headers=auth_headers(chief)).get_json()["status"] for o in created["occurrences"]]
    assert statuses == ["draft", "draft", "cancelled", "cancelled"]


def test_series_edit_one_occurrence_only(api, chief, patrol_body, client, auth_headers):
    created = api.create(chief, patrol_body(recurrence="FREQ=DAILY;COUNT=3")).get_json()
    second = created["occurrences"][1]["id"]
    client.patch(f"/api/v1/patrols/{second}", json={"title": "특별 순찰"}, headers=auth_headers(chief))
    titles = [client.get(f"/api/v1/patrols/{o['id']}", headers=auth_headers(chief)).get_json()["title"] for o in created["occurrences"]]
    assert titles == ["범계역 합동 야간순찰", "특별 순찰", "범계역 합동 야간순찰"]


def test_another_stations_patrols_answer_404(api, chief, patrol_body, make_user, other_station, client, auth_headers):
    patrol = api.create(chief, patrol_body()).get_json()
    outsider = make_user("station_chief", other_station)
    headers = auth_headers(outsider)
    assert_problem(client.get(f"/api/v1/patrols/{patrol['id']}", headers=headers), 404, "NOT_FOUND")
    assert_problem(client.patch(f"/api/v1/patrols/{patrol['id']}", json={"title": "x"}, headers=headers), 404, "NOT_FOUND")
    assert_problem(client.get(f"/api/v1/patrols/{patrol['id']}/roster", headers=headers), 404, "NOT_FOUND")
    assert client.get("/api/v1/patrols", headers=headers).get_json() == []


def test_volunteers_see_published_patrols_of_their_groups_only(api, chief, officer, patrol_body, volunteers, make_user, home_station, client, auth_headers, groups):
    draft = api.create(chief, patrol_body()).get_json()
    published = api.published(chief, officer, patrol_body(group_ids=[groups["jayul"].id]))
    member, merchant, loner = volunteers[1], volunteers[4], make_user("volunteer", home_station)
    assert [p["id"] for p in client.get("/api/v1/patrols", headers=auth_headers(member)).get_json()] == [published["id"]]
    assert client.get("/api/v1/patrols", headers=auth_headers(merchant)).get_json() == []
    assert client.get("/api/v1/patrols", headers=auth_headers(loner)).get_json() == []
    assert_problem(client.get(f"/api/v1/patrols/{draft['id']}", headers=auth_headers(member)), 404, "NOT_FOUND")


def test_list_filters(api, chief, patrol_body, zones, groups, client, auth_headers):
    plaza = api.create(chief, patrol_body()).get_json()
    women = api.create(chief, patrol_body(zone_ids=[zones["women_safe"].id], group_ids=[groups["merchants"].id], starts_at=seoul(5, 19).isoformat(), ends_at=seoul(5, 21).isoformat())).get_json()
    headers = auth_headers(chief)

    def ids(query):
        return [p["id"] for p in client.get(f"/api/v1/patrols?{query}", headers=headers).get_json()]

    assert ids("") == [plaza["id"], women["id"]]
    assert ids(f"zone_id={zones['women_safe'].id}") == [women["id"]]
    assert ids(f"group_id={groups['jayul'].id}") == [plaza["id"]]
    assert ids("status=draft") == [plaza["id"], women["id"]]
    assert ids("status=published") == []
    to = seoul(4, 0).isoformat().replace("+", "%2B")
    assert ids(f"to={to}") == [plaza["id"]]
    assert_problem(client.get("/api/v1/patrols?status=finished", headers=headers), 422, "VALIDATION_ERROR")


def test_series_move_this_and_following_keeps_each_date(api, chief, patrol_body, client, auth_headers):
    created = api.create(chief, patrol_body(recurrence="FREQ=DAILY;COUNT=3")).get_json()
    second = created["occurrences"][1]
    later_end = datetime.fromisoformat(second["ends_at"]) + timedelta(minutes=30)
    response = client.patch(f"/api/v1/patrols/{second['id']}", json={"ends_at": later_end.isoformat(), "scope": "following"}, headers=auth_headers(chief))
    assert response.status_code == 200
    local = [
        (datetime.fromisoformat(p["starts_at"]).astimezone(SEOUL), datetime.fromisoformat(p["ends_at"]).astimezone(SEOUL))
        for p in (client.get(f"/api/v1/patrols/{o['id']}", headers=auth_headers(chief)).get_json() for o in created["occurrences"])
    ]
    assert [(s.strftime("%H:%M"), e.strftime("%H:%M")) for s, e in local] == [("20:00", "23:00"), ("20:00", "23:30"), ("20:00", "23:30")]
    assert [s.date() for s, _ in local] == [local[0][0].date() + timedelta(days=n) for n in range(3)]


def test_publishing_a_longer_series_checks_its_rules_in_no_more_queries(api, chief, officer, patrol_body, client, auth_headers, count_queries):
    def selects_to_publish(count):
        created = api.create(chief, patrol_body(recurrence=f"FREQ=DAILY;COUNT={count}", starts_at=seoul(3 + 10 * count, 20).isoformat(), ends_at=seoul(3 + 10 * count, 23).isoformat())).get_json()
        assigned = client.post(f"/api/v1/patrols/{created['id']}/officers", json={"user_id": officer.id, "scope": "following"}, headers=auth_headers(chief))
        assert assigned.status_code == 201, assigned.get_json()
        with count_queries() as sent:
            published = client.post(f"/api/v1/patrols/{created['id']}/publish", json={"scope": "following"}, headers=auth_headers(chief))
        assert published.status_code == 200, published.get_json()
        states = [client.get(f"/api/v1/patrols/{o['id']}", headers=auth_headers(chief)).get_json()["status"] for o in created["occurrences"]]
        assert states == ["published"] * count
        return len(selects(sent))

    assert selects_to_publish(5) == selects_to_publish(2)
