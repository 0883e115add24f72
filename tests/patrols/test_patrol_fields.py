"""What the app shows with each patrol and a chief needs in each list: where I stand on my
patrols, the meeting place and zones by name, staffing gaps (filterable) in the reader's
language, and which patrol a schedule conflict is about."""
from datetime import datetime

import pytest

from tests.helpers import assert_problem, selects
from backend.testing.fixtures.patrols import seoul

PATROLS = "/api/v1/patrols"


@pytest.fixture
def get(client, auth_headers):
    def get(actor, url, **headers):
        return client.get(url, headers={**auth_headers(actor), **headers})

    return get


def by_id(patrols):
    return {patrol["id"]: patrol for patrol in patrols}


def test_my_patrols_say_where_i_stand_and_my_place_in_line(api, chief, officer, patrol_body, volunteers, get):
    patrol = api.published(chief, officer, patrol_body(max_volunteers=1))
    first, second, third = volunteers[1], volunteers[2], volunteers[4]
    for volunteer in (first, second, third):
        api.sign_up(volunteer, patrol["id"])

    def my_signup(actor):
        (mine,) = get(actor, "/api/v1/me/patrols").get_json()
        assert mine["id"] == patrol["id"]
        return mine["my_signup"]

    assert my_signup(first) == {"kind": "volunteer", "status": "confirmed", "waitlist_position": None}
    assert my_signup(second) == {"kind": "volunteer", "status": "waitlisted", "waitlist_position": 1}
    assert my_signup(third) == {"kind": "volunteer", "status": "waitlisted", "waitlist_position": 2}
    assert my_signup(officer) == {"kind": "officer", "status": "confirmed", "waitlist_position": None}

    api.withdraw(first, patrol["id"])  # the second is promoted; the third moves up the line
    assert my_signup(second)["status"] == "confirmed"
    assert my_signup(third) == {"kind": "volunteer", "status": "waitlisted", "waitlist_position": 1}


def test_my_cancelled_patrols_say_so(api, chief, officer, patrol_body, volunteers, get, client, auth_headers):
    patrol = api.published(chief, officer, patrol_body())
    api.sign_up(volunteers[1], patrol["id"])
    client.post(f"{PATROLS}/{patrol['id']}/cancel", json={"reason": "기상 악화"}, headers=auth_headers(chief))
    (mine,) = get(volunteers[1], "/api/v1/me/patrols").get_json()
    assert mine["my_signup"]["status"] == "patrol_cancelled"


def test_patrols_i_withdrew_from_are_listed_when_asked(api, chief, officer, patrol_body, volunteers, get):
    patrol = api.published(chief, officer, patrol_body())
    api.sign_up(volunteers[1], patrol["id"])
    api.withdraw(volunteers[1], patrol["id"])
    assert get(volunteers[1], "/api/v1/me/patrols").get_json() == []
    (mine,) = get(volunteers[1], "/api/v1/me/patrols?include_withdrawn=true").get_json()
    assert mine["my_signup"] == {"kind": "volunteer", "status": "withdrawn", "waitlist_position": None}
    assert_problem(get(volunteers[1], "/api/v1/me/patrols?include_withdrawn=sometimes"), 422, "VALIDATION_ERROR")


def test_a_patrol_names_its_meeting_place_and_zones(api, chief, patrol_body, zones, client, auth_headers, get):
    body = patrol_body(meeting_place_name="  범계역 2번 출구 ", zone_ids=[zones["plaza"].id, zones["women_safe"].id])
    created = api.create(chief, body).get_json()
    assert created["meeting_place_name"] == "범계역 2번 출구"  # trimmed
    assert created["zone_ids"] == [zones["plaza"].id, zones["women_safe"].id]
    assert created["zones"] == [
        {"id": zones["plaza"].id, "name": "범계역 광장", "kind": "dense_area"},
        {"id": zones["women_safe"].id, "name": "호계동 여성안심구역", "kind": "women_safe_zone"},
    ]
    listed = by_id(get(chief, PATROLS).get_json())[created["id"]]
    assert listed["meeting_place_name"] == "범계역 2번 출구" and listed["zones"] == created["zones"]

    changed = client.patch(f"{PATROLS}/{created['id']}", json={"meeting_place_name": "범계역 3번 출구"}, headers=auth_headers(chief))
    assert changed.get_json()["meeting_place_name"] == "범계역 3번 출구"
    assert changed.get_json()["revision"] == created["revision"] + 1  # a new meeting place is a change of place
    cleared = client.patch(f"{PATROLS}/{created['id']}", json={"meeting_place_name": None}, headers=auth_headers(chief))
    assert cleared.get_json()["meeting_place_name"] is None
    assert api.create(chief, patrol_body()).get_json()["meeting_place_name"] is None


@pytest.mark.parametrize(
    ("name", "code"),
    [("범계역\n2번 출구", "TEXT_CONTROL_CHARACTER"), ("\u3164 ", "TEXT_BLANK"), ("가" * 201, "VALIDATION_ERROR"), (7, "VALIDATION_ERROR")],
)
def test_a_bad_meeting_place_name_is_refused(api, chief, patrol_body, name, code):
    body = assert_problem(api.create(chief, patrol_body(meeting_place_name=name)), 422, code)
    assert "meeting_place_name" in body["errors"]


def test_lists_carry_the_gaps_and_filter_by_them(api, chief, officer, patrol_body, zones, volunteers, get):
    staffed = api.published(chief, officer, patrol_body())
    no_officer = api.create(chief, patrol_body(starts_at=seoul(4, 20).isoformat(), ends_at=seoul(4, 23).isoformat())).get_json()
    night = api.create(
        chief,
        patrol_body(min_officers=0, zone_ids=[zones["women_safe"].id], starts_at=seoul(5, 21).isoformat(), ends_at=seoul(5, 23).isoformat()),
    ).get_json()
    short_of_volunteers = api.published(chief, officer, patrol_body(min_volunteers=2, starts_at=seoul(6, 20).isoformat(), ends_at=seoul(6, 23).isoformat()))
    api.sign_up(volunteers[1], short_of_volunteers["id"])

    listed = by_id(get(chief, PATROLS).get_json())
    assert listed[staffed["id"]]["gaps"] == []
    assert [(g["code"], g["needed"], g["have"], g["blocks_publishing"]) for g in listed[no_officer["id"]]["gaps"]] == [
        ("OFFICERS_BELOW_MINIMUM", 1, 0, True)
    ]
    assert [g["code"] for g in listed[night["id"]]["gaps"]] == ["NIGHT_WOMEN_SAFE_ZONE_WITHOUT_OFFICER"]
    assert [(g["code"], g["have"], g["blocks_publishing"]) for g in listed[short_of_volunteers["id"]]["gaps"]] == [
        ("VOLUNTEERS_BELOW_MINIMUM", 1, False)
    ]

    with_gaps = [p["id"] for p in get(chief, f"{PATROLS}?has_gaps=true").get_json()]
    assert with_gaps == [no_officer["id"], night["id"], short_of_volunteers["id"]]  # soonest first
    assert [p["id"] for p in get(chief, f"{PATROLS}?has_gaps=false").get_json()] == [staffed["id"]]
    response = get(chief, f"{PATROLS}?has_gaps=true&page_size=1")
    assert response.get_json()[0]["id"] == no_officer["id"]
    assert '"total": 3' in response.headers["X-Pagination"]  # the filter runs in the query, before paging

    # A single patrol and my own list answer the same gaps.
    assert get(chief, f"{PATROLS}/{night['id']}").get_json()["gaps"] == listed[night["id"]]["gaps"]
    (mine,) = get(volunteers[1], "/api/v1/me/patrols").get_json()
    assert mine["gaps"] == listed[short_of_volunteers["id"]]["gaps"]


def test_a_cancelled_patrol_lacks_nobody(api, chief, officer, patrol_body, get, client, auth_headers):
    short = api.create(chief, patrol_body()).get_json()
    assert [g["code"] for g in short["gaps"]] == ["OFFICERS_BELOW_MINIMUM"]
    response = client.post(f"{PATROLS}/{short['id']}/cancel", json={"reason": "기상 악화"}, headers=auth_headers(chief))
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["gaps"] == []
    assert short["id"] not in [p["id"] for p in get(chief, f"{PATROLS}?has_gaps=true").get_json()]
    assert short["id"] in [p["id"] for p in get(chief, f"{PATROLS}?has_gaps=false").get_json()]


@pytest.mark.parametrize("query", ["has_gaps=maybe", "has_gaps=", "has_gaps=2"])
def test_bad_gap_filters_are_refused(chief, get, query):
    assert_problem(get(chief, f"{PATROLS}?{query}"), 422, "VALIDATION_ERROR")


def test_gap_messages_are_in_the_readers_language(api, chief, patrol_body, make_user, home_station, get, client, auth_headers):
    patrol = api.create(chief, patrol_body(min_volunteers=2)).get_json()
    english_chief = make_user("station_chief", home_station, locale="en")

    def messages(actor, **headers):
        gaps = get(actor, f"{PATROLS}/{patrol['id']}", **headers).get_json()["gaps"]
        return [gap["message"] for gap in gaps]

    korean = ["경찰관 1명이 필요하지만 0명입니다.", "자원봉사자 2명이 필요하지만 0명입니다."]
    english = ["needs 1 officers, has 0", "needs 2 volunteers, has 0"]
    assert messages(chief) == korean  # the account's locale
    assert messages(english_chief) == english
    assert messages(chief, **{"Accept-Language": "en-US,en;q=0.9"}) == english  # the request's language wins
    assert messages(english_chief, **{"Accept-Language": "ko-KR"}) == korean
    assert messages(english_chief, **{"Accept-Language": "en, ko"}) == korean  # Korean first when both will do
    roster = get(english_chief, f"{PATROLS}/{patrol['id']}/roster").get_json()
    assert [gap["message"] for gap in roster["gaps"]] == english

    refused = client.post(f"{PATROLS}/{patrol['id']}/publish", json={}, headers={**auth_headers(chief), "Accept-Language": "en"})
    body = assert_problem(refused, 409, "PAIRING_RULE")
    assert [(gap["code"], gap["message"]) for gap in body["errors"]["gaps"]] == [("OFFICERS_BELOW_MINIMUM", "needs 1 officers, has 0")]


def test_a_schedule_conflict_names_the_patrol_held(api, chief, officer, patrol_body, volunteers, make_user, home_station, client, auth_headers):
    evening = api.published(chief, officer, patrol_body(title="범계역 저녁 순찰"))
    late = api.published(
        chief, make_user("officer", home_station), patrol_body(starts_at=seoul(3, 22).isoformat(), ends_at=seoul(4, 1).isoformat())
    )
    api.sign_up(volunteers[1], evening["id"])
    body = assert_problem(api.sign_up(volunteers[1], late["id"]), 409, "SCHEDULE_CONFLICT")
    held = body["conflicting_patrol"]
    assert (held["id"], held["title"]) == (evening["id"], "범계역 저녁 순찰")
    assert datetime.fromisoformat(held["starts_at"]) == seoul(3, 20)
    assert datetime.fromisoformat(held["ends_at"]) == seoul(3, 23)

    # An officer already on the evening patrol cannot be put on an overlapping one either.
    overlapping = api.create(chief, patrol_body(starts_at=seoul(3, 21).isoformat(), ends_at=seoul(3, 22).isoformat())).get_json()
    assigned = client.post(f"{PATROLS}/{overlapping['id']}/officers", json={"user_id": officer.id}, headers=auth_headers(chief))
    assert assert_problem(assigned, 409, "SCHEDULE_CONFLICT")["conflicting_patrol"]["id"] == evening["id"]


def test_a_conflict_on_a_patrol_the_caller_may_not_see_gives_only_its_time(api, chief, officer, patrol_body, groups, volunteers, make_group, make_user, home_station):
    leader, member = volunteers[0], volunteers[1]
    other_group = make_group(home_station, name="평촌 시민경찰", kind="citizen_police", members=[member])
    elsewhere = api.published(chief, officer, patrol_body(title="평촌역 순찰", group_ids=[other_group.id]))
    api.sign_up(member, elsewhere["id"])
    ours = api.published(chief, make_user("officer", home_station), patrol_body(group_ids=[groups["jayul"].id]))
    body = assert_problem(api.sign_up(leader, ours["id"], user_id=member.id), 409, "SCHEDULE_CONFLICT")
    assert body["conflicting_patrol"] == {"starts_at": elsewhere["starts_at"], "ends_at": elsewhere["ends_at"]}
    assert "평촌역" not in str(body)


def test_a_longer_page_costs_no_more_queries(api, chief, officer, patrol_body, volunteers, get, count_queries):
    """Gaps, zones and where I stand come for the whole page at once, not patrol by patrol."""

    def selects_for(actor, url):
        with count_queries() as sent:
            assert get(actor, url).status_code == 200
        return len(selects(sent))

    def add_patrol(day):
        patrol = api.published(chief, officer, patrol_body(starts_at=seoul(day, 20).isoformat(), ends_at=seoul(day, 23).isoformat()))
        assert api.sign_up(volunteers[1], patrol["id"]).status_code == 201

    add_patrol(3)
    one = {url: selects_for(volunteers[1], url) for url in ("/api/v1/me/patrols", PATROLS, f"{PATROLS}?has_gaps=false")}
    for day in (4, 5, 6):
        add_patrol(day)
    assert {url: selects_for(volunteers[1], url) for url in one} == one
