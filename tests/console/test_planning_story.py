"""The whole of planning, as the issue tells it: the demo station chief draws a women-safe zone,
plans a weekly night series over it, sees the pairing rule's gap, assigns an officer, publishes
and finds the nights on their Korean days; the demo group leader then signs up a member."""
import re
from datetime import timedelta

from playwright.sync_api import expect

from tests.console.api_helpers import BEOMGYE_GROUP, Api
from tests.console.conftest import GROUP_LEADER, screenshot, sign_in, unique
from tests.console.test_patrols import NIGHT_RULE, day_column, month_cell, seeded_first_friday
from tests.console.test_zones import POLYGON_TOOL, draw


def test_a_station_chief_plans_a_night_series_over_a_new_zone_and_a_leader_fills_it(page, base_url):
    api = Api(base_url)
    officer = api.create_person("officer", "이야기경관")
    member = api.create_member("이야기대원", api.group_id(BEOMGYE_GROUP))
    zone = unique("범계 뒷골목 여성안심구역")
    title = unique("범계 뒷골목 야간순찰")
    fridays = [seeded_first_friday() + timedelta(weeks=6 + n) for n in range(3)]

    # 1. The zone, drawn on the map.
    sign_in(page)
    page.get_by_role("navigation").get_by_role("link", name="구역 지도").click()
    expect(page.get_by_role("list", name="구역 목록").get_by_role("button", name="범계역 광장")).to_be_visible()
    # An empty corner of the map, clear of the seeded zones and of other tests' drawings.
    draw(page, POLYGON_TOOL, [(0.62, 0.62), (0.74, 0.62), (0.74, 0.74), (0.62, 0.74)], finish_on=0)
    page.get_by_label("구역 이름").fill(zone)
    page.get_by_label("구역 종류").select_option(label="여성안심구역")
    page.get_by_role("button", name="구역 저장").click()
    expect(page.get_by_test_id("zones-status")).to_contain_text(zone)

    # 2. A weekly series over it, from the form: the meeting point and the zone picked on the map.
    page.get_by_role("navigation").get_by_role("link", name="순찰 일정").click()
    page.get_by_role("link", name="새 순찰 만들기").click()
    page.get_by_label("순찰 이름").fill(title)
    page.get_by_label("날짜", exact=True).fill(fridays[0].isoformat())
    page.get_by_label("시작").fill("20:00")
    page.get_by_label("종료").fill("02:00")
    shape = page.locator(f'path[data-zone-name="{zone}"]')
    shape.click()
    expect(page.get_by_test_id("meeting-point")).to_contain_text("위도 37.")
    page.get_by_label("구역을 고르거나 뺍니다").check()
    box = shape.bounding_box()
    shape.click(position={"x": box["width"] * 0.8, "y": box["height"] * 0.25})  # beside the meeting point's flag
    expect(page.get_by_role("checkbox", name=zone)).to_be_checked()
    page.get_by_label("집결 장소 이름").fill("범계역 3번 출구")
    page.get_by_label("집결 인정 반경 (m)").fill("150")
    page.get_by_role("checkbox", name=BEOMGYE_GROUP).check()
    page.get_by_label("최소 경찰관").fill("0")  # the night rule alone asks for an officer
    page.get_by_label("매주 반복").check()
    page.get_by_label("주 수", exact=True).fill("3")
    expect(page.get_by_test_id("recurrence-preview").get_by_role("listitem")).to_have_count(3)
    page.get_by_role("button", name="순찰 만들기").click()
    expect(page).to_have_url(re.compile(r"/console/patrols/\d+$"))

    # 3. The gap stands beside Publish; an officer for every night fills it.
    actions = page.get_by_test_id("patrol-actions")
    expect(actions.get_by_test_id("publish-gaps")).to_contain_text(NIGHT_RULE)
    expect(actions.get_by_role("button", name="공개하기")).to_be_disabled()
    page.get_by_label("배정할 경찰관").select_option(str(officer["id"]))
    page.get_by_role("radio", name="이 회차와 이후 회차 모두").last.check()
    page.get_by_role("button", name="배정", exact=True).click()
    expect(page.get_by_test_id("roster-officers")).to_contain_text(officer["name"])
    expect(actions.get_by_test_id("publish-gaps")).to_have_count(0)
    actions.get_by_label("이 회차와 이후 회차 모두").check()
    actions.get_by_role("button", name="공개하기").click()
    expect(actions).to_contain_text("상태: 공개")
    patrol_url = page.url
    patrol = api.call("GET", f"/patrols/{patrol_url.rsplit('/', 1)[1]}")
    assert (patrol["meeting_place_name"], patrol["meeting_radius_m"]) == ("범계역 3번 출구", 150)
    # The officer went to every night of the series.
    period = {"from": f"{fridays[0]}T00:00:00+09:00", "to": f"{fridays[-1]}T23:59:59+09:00", "page_size": 100}
    nights = [p for p in api.call("GET", "/patrols", params=period) if p["series_id"] == patrol["series_id"]]
    assert len(nights) == 3
    for night in nights:
        officers = api.call("GET", f"/patrols/{night['id']}/roster")["officers"]
        assert [person["user_id"] for person in officers] == [officer["id"]]

    # 4. Each night on its Friday, and past midnight on the Saturday, in Korean time.
    page.goto(f"/console/patrols?date={fridays[0].isoformat()}")
    entry = day_column(page, fridays[0]).get_by_test_id("calendar-entry").filter(has_text=title)
    expect(entry).to_contain_text("20:00–02:00 (+1일)")
    expect(entry).to_contain_text("공개")
    expect(day_column(page, fridays[0] + timedelta(days=1)).get_by_text(title)).to_have_count(1)
    expect(day_column(page, fridays[0] - timedelta(days=1)).get_by_text(title)).to_have_count(0)
    for friday in fridays:
        page.goto(f"/console/patrols?view=month&date={friday.isoformat()}")
        expect(month_cell(page, friday).get_by_text(title)).to_have_count(1)
        expect(month_cell(page, friday - timedelta(days=1)).get_by_text(title)).to_have_count(0)
    screenshot(page, "story-calendar")

    # 5. The group leader signs up a member of their group.
    page.get_by_role("button", name="로그아웃").click()
    sign_in(page, phone=GROUP_LEADER)
    page.goto(patrol_url)
    page.get_by_label("신청할 대원").select_option(str(member["id"]))
    page.get_by_role("button", name="신청", exact=True).click()
    expect(page.get_by_test_id("roster-confirmed")).to_contain_text(member["name"])
    # A leader fills the roster but neither edits, publishes nor cancels, so sees no such buttons.
    expect(page.get_by_test_id("patrol-actions")).to_have_count(0)
    page.goto("/console/patrols")
    expect(page.get_by_role("heading", name="순찰 일정")).to_be_visible()
    expect(page.get_by_role("link", name="새 순찰 만들기")).to_have_count(0)
    page.goto("/console/patrols/new")
    expect(page).to_have_url(re.compile(r"/console/patrols$"))
    screenshot(page, "story-leader-signup")
