"""The patrol calendar, the patrol form (with a weekly series) and the patrol actions, as the
demo station chief, in a browser far from Korea (America/Los_Angeles): every day shown must
still be the Korean one."""
import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from playwright.sync_api import expect

from tests.console.conftest import SCREENSHOTS, screenshot, serious_accessibility_violations, sign_in, unique

SEOUL = ZoneInfo("Asia/Seoul")
SEEDED_TITLE = "범계역 합동 야간순찰"  # Fridays 20:00-23:00 for 8 weeks from the next Friday (seed/demo.json)
WOMEN_SAFE_ZONE = "호계동 주택가 여성안심구역"
NIGHT_RULE = "야간(22:00~06:00) 여성안심구역 순찰에는 경찰관 1명이 필요하지만 0명입니다."
OFFICER = "조성호"  # an officer of the station's 범계지구대, on no seeded patrol


def seeded_first_friday() -> date:
    """The seed's first Friday: the next one after today in Korea, never today."""
    today = datetime.now(SEOUL).date()
    return today + timedelta(days=(4 - today.weekday() - 1) % 7 + 1)


def day_column(page, day: date):
    return page.locator(f'[data-testid="calendar-week"] [data-day="{day.isoformat()}"]')


def month_cell(page, day: date):
    return page.locator(f'[data-testid="calendar-month"] td[data-day="{day.isoformat()}"]')


def start_new_patrol(page, title, day: date, start: str, end: str):
    """The form filled with a name, Korean date and times, and the meeting point at the map's centre."""
    page.goto("/console/patrols/new")
    page.get_by_label("순찰 이름").fill(title)
    page.get_by_label("날짜", exact=True).fill(day.isoformat())
    page.get_by_label("시작").fill(start)
    page.get_by_label("종료").fill(end)
    page.get_by_role("button", name="지도 가운데에 집결지 놓기").click()


def test_the_calendar_shows_the_seeded_patrols_on_their_korean_days(page):
    friday = seeded_first_friday()
    sign_in(page)
    page.goto(f"/console/patrols?date={friday.isoformat()}")
    expect(page.get_by_role("heading", name="순찰 일정")).to_be_visible()
    expect(page.get_by_role("button", name="주", exact=True)).to_have_attribute("aria-pressed", "true")
    entry = day_column(page, friday).get_by_test_id("calendar-entry").filter(has_text=SEEDED_TITLE)
    expect(entry).to_have_count(1)
    expect(entry).to_contain_text("20:00–23:00")
    expect(entry).to_contain_text("공개")  # the status in words
    # 20:00 in Seoul is 03:00 the same Friday in Los Angeles, 11:00 UTC: Thursday and Saturday stay empty.
    for other in (friday - timedelta(days=1), friday + timedelta(days=1)):
        expect(day_column(page, other).get_by_text(SEEDED_TITLE)).to_have_count(0)
    expect(page.get_by_test_id("period")).to_contain_text(f"{friday.month}월")
    assert not serious_accessibility_violations(page)

    page.get_by_role("button", name="월", exact=True).click()
    expect(page.get_by_test_id("calendar-month")).to_be_visible()
    expect(page.get_by_test_id("period")).to_have_text(f"{friday.year}년 {friday.month}월")
    expect(month_cell(page, friday).get_by_test_id("calendar-entry").filter(has_text=SEEDED_TITLE)).to_have_count(1)
    expect(month_cell(page, friday - timedelta(days=1)).get_by_text(SEEDED_TITLE)).to_have_count(0)
    assert not serious_accessibility_violations(page)

    # Next and previous month, and back to today.
    page.get_by_role("button", name="다음 달").click()
    next_month = (friday.replace(day=1) + timedelta(days=32)).replace(day=1)
    expect(page.get_by_test_id("period")).to_have_text(f"{next_month.year}년 {next_month.month}월")
    page.get_by_role("button", name="이전 달").click()
    expect(page.get_by_test_id("period")).to_have_text(f"{friday.year}년 {friday.month}월")
    page.get_by_role("button", name="오늘").click()
    today = datetime.now(SEOUL).date()
    expect(page.get_by_test_id("period")).to_have_text(f"{today.year}년 {today.month}월")

    # In English, the same Korean days.
    page.goto(f"/console/patrols?date={friday.isoformat()}")
    page.get_by_label("언어").select_option("en")
    expect(page.get_by_role("heading", name="Patrols")).to_be_visible()
    entry = day_column(page, friday).get_by_test_id("calendar-entry").filter(has_text=SEEDED_TITLE)
    expect(entry).to_contain_text("Published")
    expect(entry).to_have_attribute("title", re.compile(r"Short-staffed: needs 5 volunteers, has \d"))  # the API's words, again
    page.get_by_role("button", name="Month", exact=True).click()
    expect(page.get_by_test_id("period")).to_have_text(friday.strftime("%B %Y"))
    page.get_by_label("Language").select_option("ko")

    # A tablet gets the same week.
    page.set_viewport_size({"width": 1024, "height": 768})
    page.get_by_role("button", name="주", exact=True).click()
    expect(day_column(page, friday).get_by_text(SEEDED_TITLE)).to_have_count(1)
    screenshot(page, "patrols-week-tablet")

    day_column(page, friday).get_by_test_id("calendar-entry").filter(has_text=SEEDED_TITLE).click()
    expect(page).to_have_url(re.compile(r"/console/patrols/\d+$"))


def test_a_weekly_night_series_is_planned_staffed_published_edited_and_cancelled(page):
    title = unique("호계동 야간")
    first = seeded_first_friday() + timedelta(days=14)
    fridays = [first + timedelta(weeks=n) for n in range(4)]
    sign_in(page)
    page.goto("/console/patrols")
    page.get_by_role("link", name="새 순찰 만들기").click()
    expect(page.get_by_role("heading", name="새 순찰")).to_be_visible()

    page.get_by_label("순찰 이름").fill(title)
    page.get_by_label("날짜", exact=True).fill(first.isoformat())
    page.get_by_label("시작").fill("20:00")
    page.get_by_label("종료").fill("02:00")
    expect(page.get_by_test_id("ends-next-day")).to_contain_text("다음 날")
    # The map: the meeting point by a click near 범계역, the women-safe zone by a click on its shape.
    plaza = page.locator('path[data-zone-name="범계역 광장"]')
    box = plaza.bounding_box()
    plaza.click(position={"x": box["width"] * 0.85, "y": box["height"] * 0.5})  # clear of the safe-return route
    expect(page.get_by_test_id("meeting-point")).to_contain_text("위도 37.3")
    page.get_by_label("구역을 고르거나 뺍니다").check()
    shape = page.locator(f'path[data-zone-name="{WOMEN_SAFE_ZONE}"]')
    box = shape.bounding_box()
    shape.click(position={"x": box["width"] * 0.8, "y": box["height"] * 0.4})  # clear of the safe-return route
    expect(page.get_by_role("checkbox", name=WOMEN_SAFE_ZONE)).to_be_checked()
    page.get_by_label("집결 장소 이름").fill("범계역 2번 출구")
    page.get_by_role("checkbox", name="범계동 자율방범대").check()
    page.get_by_label("최소 경찰관").fill("0")  # only the night rule then asks for an officer
    page.get_by_label("최소 자원봉사자").fill("0")

    page.get_by_label("매주 반복").check()
    expect(page.get_by_role("checkbox", name="금", exact=True)).to_be_checked()  # the start date's weekday
    page.get_by_label("주 수", exact=True).fill("4")
    preview = page.get_by_test_id("recurrence-preview")
    expect(preview.get_by_role("heading")).to_have_text("만들어질 순찰 4회")
    items = preview.get_by_role("listitem")
    expect(items).to_have_count(4)
    for item, friday in zip(items.all(), fridays):
        expect(item).to_have_text(f"{friday.year}년 {friday.month}월 {friday.day}일 (금) 20:00–02:00 (+1일)")
    assert not serious_accessibility_violations(page)
    screenshot(page, "patrol-form")

    page.get_by_role("button", name="순찰 만들기").click()
    expect(page).to_have_url(re.compile(r"/console/patrols/\d+$"))
    series_first_url = page.url
    actions = page.get_by_test_id("patrol-actions")
    expect(actions).to_contain_text("상태: 초안")
    # The pairing rule stands beside Publish before anyone presses it, and Publish waits for it.
    expect(actions.get_by_test_id("publish-gaps")).to_contain_text(NIGHT_RULE)
    expect(actions.get_by_role("button", name="공개하기")).to_be_disabled()
    assert not serious_accessibility_violations(page)
    screenshot(page, "patrol-actions")

    # An officer for this and every following night, by the edit form.
    actions.get_by_role("link", name="수정").click()
    expect(page.get_by_role("heading", name="순찰 수정")).to_be_visible()
    expect(page.get_by_label("순찰 이름")).to_have_value(title)
    expect(page.get_by_label("종료")).to_have_value("02:00")
    page.get_by_label("이 회차와 이후 회차 모두").check()
    page.get_by_role("checkbox", name=OFFICER).check()
    assert not serious_accessibility_violations(page)
    page.get_by_role("button", name="변경 저장").click()
    expect(page).to_have_url(series_first_url)
    actions = page.get_by_test_id("patrol-actions")
    expect(actions.get_by_test_id("publish-gaps")).to_have_count(0)
    actions.get_by_label("이 회차와 이후 회차 모두").check()
    actions.get_by_role("button", name="공개하기").click()
    expect(actions).to_contain_text("상태: 공개")

    # Every night on its Friday, and past midnight on the Saturday too, in Korean time.
    page.goto(f"/console/patrols?date={fridays[0].isoformat()}")
    friday_entry = day_column(page, fridays[0]).get_by_test_id("calendar-entry").filter(has_text=title)
    expect(friday_entry).to_contain_text("20:00–02:00 (+1일)")
    expect(friday_entry).to_contain_text("공개")
    saturday_entry = day_column(page, fridays[0] + timedelta(days=1)).get_by_test_id("calendar-entry").filter(has_text=title)
    expect(saturday_entry).to_contain_text("~02:00")
    expect(day_column(page, fridays[0] - timedelta(days=1)).get_by_text(title)).to_have_count(0)
    page.goto(f"/console/patrols?view=month&date={fridays[-1].isoformat()}")
    for friday in fridays:
        if friday.month == fridays[-1].month:
            expect(month_cell(page, friday).get_by_text(title)).to_have_count(1)
            expect(month_cell(page, friday + timedelta(days=1)).get_by_text(title)).to_have_count(1)

    # The second night only gets a new name.
    page.goto(f"/console/patrols?date={fridays[1].isoformat()}")
    day_column(page, fridays[1]).get_by_test_id("calendar-entry").filter(has_text=title).click()
    page.get_by_test_id("patrol-actions").get_by_role("link", name="수정").click()
    expect(page.get_by_test_id("scope")).to_be_visible()
    page.get_by_label("이 회차만").check()
    page.get_by_label("순찰 이름").fill(f"{title} (특별)")
    page.get_by_role("button", name="변경 저장").click()
    expect(page).to_have_url(re.compile(r"/console/patrols/\d+$"))

    # The third night is cancelled, with a reason.
    page.goto(f"/console/patrols?date={fridays[2].isoformat()}")
    day_column(page, fridays[2]).get_by_test_id("calendar-entry").filter(has_text=title).click()
    actions = page.get_by_test_id("patrol-actions")
    actions.get_by_role("button", name="순찰 취소").click()
    dialog = page.get_by_role("dialog", name="순찰 취소")
    expect(dialog.get_by_role("button", name="취소 확정")).to_be_disabled()  # a reason is required
    dialog.get_by_label("취소 사유").fill("기상 악화")
    dialog.get_by_role("button", name="취소 확정").click()
    expect(actions).to_contain_text("상태: 취소됨")
    expect(actions).to_contain_text("기상 악화")

    page.goto(f"/console/patrols?view=month&date={fridays[1].isoformat()}")
    expect(month_cell(page, fridays[1]).get_by_text(f"{title} (특별)")).to_have_count(1)
    if fridays[0].month == fridays[1].month:
        expect(month_cell(page, fridays[0]).get_by_test_id("calendar-entry").filter(has_text=title)).not_to_contain_text("(특별)")

    # Filters: status, zone, group and staffing gaps.
    page.goto(f"/console/patrols?date={fridays[2].isoformat()}")
    column = day_column(page, fridays[2])
    expect(column.get_by_text(title)).to_have_count(1)
    page.get_by_label("상태").select_option("cancelled")
    expect(column.get_by_test_id("calendar-entry").filter(has_text=title)).to_contain_text("취소됨")
    expect(column.get_by_text(SEEDED_TITLE)).to_have_count(0)
    page.get_by_label("상태").select_option("published")
    expect(column.get_by_text(title)).to_have_count(0)
    expect(column.get_by_text(SEEDED_TITLE)).to_have_count(1)
    page.get_by_label("상태").select_option("")
    page.get_by_label("구역").select_option(label="평촌역 일대")
    expect(column.get_by_test_id("calendar-entry")).to_have_count(0)
    page.get_by_label("구역").select_option(label=WOMEN_SAFE_ZONE)
    expect(column.get_by_text(title)).to_have_count(1)
    page.get_by_label("구역").select_option("")
    page.get_by_label("참여 단체").select_option(label="범계동 자율방범대")
    expect(column.get_by_text(title)).to_have_count(1)
    page.get_by_role("button", name="다음 주").click()  # the filters stay
    column = day_column(page, fridays[3])
    expect(column.get_by_text(title)).to_have_count(1)
    expect(column.get_by_text(SEEDED_TITLE)).to_have_count(1)
    page.get_by_label("인원이 모자란 순찰만").check()
    # The seeded night still lacks volunteers; this series asks for none and has its officer.
    expect(column.get_by_text(SEEDED_TITLE)).to_have_count(1)
    expect(column.get_by_text(title)).to_have_count(0)
    expect(page).to_have_url(re.compile(r"gaps=1"))

    # The README's picture: the month and week of this series beside the demo data.
    page.goto(f"/console/patrols?date={fridays[0].isoformat()}")
    expect(day_column(page, fridays[0]).get_by_text(title)).to_have_count(1)
    screenshot(page, "patrols-week")
    page.goto(f"/console/patrols?view=month&date={fridays[1].isoformat()}")
    expect(month_cell(page, fridays[1]).get_by_text(title)).to_have_count(1)
    screenshot(page, "patrols-month")
    # The README's picture is this 1366x768 window (console/docs/ keeps a copy).
    page.screenshot(path=SCREENSHOTS / "patrols-calendar.png")


def test_the_form_explains_what_it_needs_before_and_after_asking_the_api(page):
    sign_in(page)
    page.goto("/console/patrols/new")
    page.get_by_label("순찰 이름").fill(unique("지난 순찰"))
    page.get_by_role("button", name="순찰 만들기").click()
    expect(page.get_by_test_id("meeting-point-error")).to_have_text("집결지를 지도에서 골라 주세요.")
    page.get_by_role("button", name="지도 가운데에 집결지 놓기").click()
    page.get_by_label("날짜", exact=True).fill("2020-01-03")
    page.get_by_role("button", name="순찰 만들기").click()
    expect(page.get_by_role("alert")).to_contain_text("PATROL_STARTS_IN_PAST")
    expect(page.get_by_test_id("time-errors")).not_to_be_empty()  # beside the times
    expect(page).to_have_url(re.compile(r"/console/patrols/new$"))
    page.get_by_label("날짜", exact=True).fill("")
    page.get_by_role("button", name="순찰 만들기").click()
    expect(page.get_by_test_id("time-errors")).to_have_text("날짜와 시작·종료 시각을 모두 넣어 주세요.")
    page.set_viewport_size({"width": 1024, "height": 768})
    screenshot(page, "patrol-form-tablet")


def test_an_officer_busy_elsewhere_is_refused_and_the_created_patrol_named(page):
    friday = seeded_first_friday()
    sign_in(page)
    start_new_patrol(page, unique("겹치는 순찰"), friday, "21:00", "23:30")
    expect(page.get_by_test_id("ends-next-day")).to_have_count(0)
    page.get_by_role("checkbox", name="최민준").check()  # on the seeded Friday night 20:00-23:00
    page.get_by_role("button", name="순찰 만들기").click()
    expect(page.get_by_role("alert")).to_contain_text("SCHEDULE_CONFLICT")
    expect(page.get_by_text("순찰은 만들어졌지만 경찰관 배정에 실패했습니다.")).to_be_visible()
    expect(page.get_by_role("button", name="순찰 만들기")).to_be_disabled()  # not a second time
    page.get_by_role("link", name="만든 순찰 보기").click()
    expect(page.get_by_test_id("patrol-actions")).to_contain_text("상태: 초안")


def test_publishing_a_series_names_a_later_occurrence_still_short_of_officers(page):
    tuesday = seeded_first_friday() + timedelta(days=4)
    second = tuesday + timedelta(weeks=1)
    sign_in(page)
    start_new_patrol(page, unique("학원가 낮 순찰"), tuesday, "10:00", "12:00")
    page.get_by_label("매주 반복").check()
    page.get_by_label("주 수", exact=True).fill("2")
    expect(page.get_by_test_id("recurrence-preview").get_by_role("listitem")).to_have_count(2)
    page.get_by_role("button", name="순찰 만들기").click()
    actions = page.get_by_test_id("patrol-actions")
    expect(actions.get_by_test_id("publish-gaps")).to_contain_text("경찰관 1명이 필요하지만 0명입니다.")

    # An officer for the first occurrence only.
    actions.get_by_role("link", name="수정").click()
    expect(page.get_by_role("heading", name="순찰 수정")).to_be_visible()
    page.get_by_label("이 회차만").check()
    page.get_by_role("checkbox", name="임재원").check()
    page.get_by_role("button", name="변경 저장").click()
    actions = page.get_by_test_id("patrol-actions")
    expect(actions.get_by_role("button", name="공개하기")).to_be_enabled()

    actions.get_by_label("이 회차와 이후 회차 모두").check()
    actions.get_by_role("button", name="공개하기").click()
    expect(actions.get_by_role("alert")).to_contain_text("PAIRING_RULE")
    expect(actions).to_contain_text(f"다른 회차({second.year}년 {second.month}월 {second.day}일")
    expect(actions).to_contain_text("경찰관 1명이 필요하지만 0명입니다.")
    expect(actions).to_contain_text("상태: 초안")  # nothing of the series went out
    screenshot(page, "patrol-actions-series-refused")
    actions.get_by_label("이 회차만").check()
    actions.get_by_role("button", name="공개하기").click()
    expect(actions).to_contain_text("상태: 공개")
