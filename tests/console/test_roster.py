"""A patrol's page: its facts, its roster and gaps; officers assigned and removed by the
station chief, members signed up and withdrawn by their group leader."""
import re
from datetime import datetime, timedelta

from playwright.sync_api import expect

from tests.console.api_helpers import SEOUL, Api
from tests.console.conftest import GROUP_LEADER, screenshot, serious_accessibility_violations, sign_in, unique

def korean_date(day):
    return f"{day.year}년 {day.month}월 {day.day}일 ({'월화수목금토일'[day.weekday()]})"


OFFICER_GAP = "경찰관 1명이 필요하지만 0명입니다."


def test_the_chief_sees_the_roster_and_fills_the_officer_gap(page, base_url):
    api = Api(base_url)
    group = api.group_id()
    first_officer = api.create_person("officer", "경관가")
    confirmed, waiting = api.create_member("확정이", group), api.create_member("대기이", group)
    title = unique("명단 점검 순찰")
    patrol = api.create_published_patrol(title, [group], first_officer["id"], max_volunteers=1, min_volunteers=1)
    for person in (confirmed, waiting):
        api.call("POST", f"/patrols/{patrol['id']}/signups", json={"user_id": person["id"]})
    # Taken off again after publishing: the patrol now lacks its officer.
    api.call("DELETE", f"/patrols/{patrol['id']}/officers/{first_officer['id']}")
    officer = api.create_person("officer", "경관나")

    sign_in(page)
    page.goto(f"/console/patrols/{patrol['id']}")
    expect(page.get_by_role("heading", name=title)).to_be_visible()
    expect(page.get_by_test_id("patrol-status")).to_have_text(re.compile("공개"))
    # Korean time, whatever the browser's zone (this one is in Los Angeles).
    expect(page.get_by_test_id("patrol-when")).to_contain_text("10:00 – 12:00")
    expect(page.get_by_test_id("patrol-facts")).to_contain_text("범계역 2번 출구")
    expect(page.get_by_test_id("patrol-facts")).to_contain_text("범계동 자율방범대")

    expect(page.get_by_test_id("roster-confirmed")).to_contain_text(confirmed["name"])
    waitlist = page.get_by_test_id("roster-waitlisted")
    expect(waitlist).to_contain_text(waiting["name"])
    expect(waitlist).to_contain_text("대기 1번")
    expect(page.get_by_test_id("roster-officers")).to_contain_text("없음")
    gaps = page.get_by_test_id("roster-gaps")
    expect(gaps).to_contain_text(OFFICER_GAP)
    assert not serious_accessibility_violations(page)
    screenshot(page, "patrol-roster")

    page.get_by_label("배정할 경찰관").select_option(str(officer["id"]))
    page.get_by_role("button", name="배정", exact=True).click()
    expect(page.get_by_test_id("roster-officers")).to_contain_text(officer["name"])
    expect(gaps).not_to_contain_text(OFFICER_GAP)
    expect(page.get_by_role("status")).to_contain_text(officer["name"])
    assert not serious_accessibility_violations(page)

    page.get_by_role("button", name=f"배정 해제: {officer['name']}").click()
    expect(gaps).to_contain_text(OFFICER_GAP)
    expect(page.get_by_test_id("roster-officers")).not_to_contain_text(officer["name"])


def test_a_night_past_midnight_shows_the_day_it_ends_on(page, base_url):
    api = Api(base_url)
    patrol = api.create_draft_patrol(unique("자정 넘는 순찰"), [api.group_id()], starts_hour=22, hours=4)

    sign_in(page)
    page.goto(f"/console/patrols/{patrol['id']}")
    start = datetime.fromisoformat(patrol["starts_at"]).astimezone(SEOUL).date()
    expect(page.get_by_test_id("patrol-when")).to_have_text(
        f"{korean_date(start)} 22:00 – {korean_date(start + timedelta(days=1))} 02:00"
    )
    expect(page.get_by_test_id("patrol-status")).to_have_text(re.compile("초안"))
    # On a draft the officer gap is what keeps it from being published.
    expect(page.get_by_test_id("roster-gaps")).to_contain_text("공개 불가 사유")
    # Nobody signs up to a draft, so no sign-up form is offered either.
    expect(page.get_by_label("신청할 대원")).to_have_count(0)


def test_the_chief_withdraws_someone_with_the_rule_explained_and_the_waitlist_moves_up(page, base_url):
    api = Api(base_url)
    group = api.group_id()
    confirmed, waiting = api.create_member("빠질이", group), api.create_member("오를이", group)
    patrol = api.create_published_patrol(unique("신청 취소 순찰"), [group], api.create_person("officer", "경관다")["id"], max_volunteers=1)
    for person in (confirmed, waiting):
        api.call("POST", f"/patrols/{patrol['id']}/signups", json={"user_id": person["id"]})

    sign_in(page)
    page.goto(f"/console/patrols/{patrol['id']}")
    page.get_by_role("button", name=f"신청 취소: {confirmed['name']}").click()
    rule = page.get_by_test_id("withdraw-confirm")
    expect(rule).to_contain_text("순찰이 시작되기 전까지만")
    expect(rule).to_contain_text("늦은 취소")  # the station's cut-off, from its rules
    expect(rule).to_contain_text("180분 전")
    assert not serious_accessibility_violations(page)
    rule.get_by_role("button", name="신청 취소 확정").click()

    expect(page.get_by_role("status")).to_contain_text(f"{confirmed['name']} 님의 신청을 취소했습니다")
    expect(page.get_by_test_id("roster-confirmed")).to_contain_text(waiting["name"])
    expect(page.get_by_test_id("roster-confirmed")).not_to_contain_text(confirmed["name"])
    expect(page.get_by_test_id("roster-waitlisted")).to_contain_text("없음")


def test_a_group_leader_signs_up_a_member_and_withdraws_them(page, base_url):
    api = Api(base_url)
    group = api.group_id()
    member = api.create_member("대원이", group)
    patrol = api.create_published_patrol(unique("대장 신청 순찰"), [group], api.create_person("officer", "경관라")["id"])

    sign_in(page, phone=GROUP_LEADER)
    page.goto(f"/console/patrols/{patrol['id']}")
    # A leader neither assigns officers nor sees the form for it.
    expect(page.get_by_label("배정할 경찰관")).to_have_count(0)
    page.get_by_label("신청할 대원").select_option(str(member["id"]))
    page.get_by_role("button", name="신청", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text(f"{member['name']} 님이 확정되었습니다")
    expect(page.get_by_test_id("roster-confirmed")).to_contain_text(member["name"])
    assert not serious_accessibility_violations(page)

    page.get_by_role("button", name=f"신청 취소: {member['name']}").click()
    expect(page.get_by_test_id("withdraw-confirm")).to_contain_text("대기자는 언제든 뺄 수 있습니다")
    page.get_by_role("button", name="신청 취소 확정").click()
    expect(page.get_by_test_id("roster-confirmed")).not_to_contain_text(member["name"])


def test_a_refused_withdrawal_shows_the_apis_reason(page, base_url):
    api = Api(base_url)
    group = api.group_id()
    member = api.create_member("거절이", group)
    patrol = api.create_published_patrol(unique("거절 순찰"), [group], api.create_person("officer", "경관마")["id"])
    api.call("POST", f"/patrols/{patrol['id']}/signups", json={"user_id": member["id"]})

    sign_in(page)
    page.goto(f"/console/patrols/{patrol['id']}")
    page.get_by_role("button", name=f"신청 취소: {member['name']}").click()
    # Someone else withdrew them meanwhile: the API says so, and the page shows its words.
    api.call("DELETE", f"/patrols/{patrol['id']}/signups/{member['id']}")
    page.get_by_role("button", name="신청 취소 확정").click()
    expect(page.get_by_test_id("withdraw-confirm").get_by_role("alert")).to_contain_text("NOT_FOUND")
