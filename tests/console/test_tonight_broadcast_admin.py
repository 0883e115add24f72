"""The staff's landing page (tonight), telling everyone on a patrol something (broadcast), and the
administrator's page of location reads and undelivered notifications."""
from datetime import datetime, timedelta

from playwright.sync_api import expect

from tests.console.api_helpers import SEOUL, Api
from tests.console.conftest import screenshot, serious_accessibility_violations, sign_in, unique


def soon_patrol(api, title, *, publish=True):
    """A patrol starting within the hour (so on today's or, near midnight, tomorrow's Korean day),
    short of volunteers: a staffing gap."""
    officer = api.create_person("officer", "오늘밤경관")
    starts = (datetime.now(SEOUL) + timedelta(hours=1)).replace(second=0, microsecond=0)
    patrol = api.call("POST", "/patrols", json={
        "title": title,
        "station_id": api.me["station_id"],
        "starts_at": starts.isoformat(),
        "ends_at": (starts + timedelta(hours=2)).isoformat(),
        "meeting_point": {"type": "Point", "coordinates": [126.9508, 37.3897]},
        "meeting_place_name": "범계역 2번 출구",
        "group_ids": [api.group_id()],
        "min_officers": 1,
        "min_volunteers": 3,
        "max_volunteers": 8,
    })
    api.call("POST", f"/patrols/{patrol['id']}/officers", json={"user_id": officer["id"]})
    if publish:
        api.call("POST", f"/patrols/{patrol['id']}/publish", json={})
    return patrol, starts.date().isoformat()


def test_staff_land_on_tonight_with_todays_patrols_their_gaps_and_what_awaits_review(page, base_url):
    api = Api(base_url)
    title = unique("오늘밤 범계 순찰")
    patrol, day = soon_patrol(api, title)

    sign_in(page)
    expect(page).to_have_url(f"{base_url}/console/tonight")
    nav = page.get_by_role("navigation")
    expect(nav.get_by_role("link").first).to_have_text("오늘 밤")
    entry = page.get_by_test_id(f"day-{day}").get_by_test_id("tonight-patrol").filter(has_text=title)
    expect(entry).to_contain_text("공개")
    expect(entry.get_by_test_id("tonight-gap")).to_contain_text("3")
    expect(page.get_by_test_id("pending-review")).to_have_attribute("href", "/console/review")
    # The dead-letter count is the administrator's alone.
    expect(page.get_by_test_id("dead-letters")).to_have_count(0)
    assert not serious_accessibility_violations(page)
    screenshot(page, "tonight")

    entry.get_by_role("link", name=title).click()
    expect(page).to_have_url(f"{base_url}/console/patrols/{patrol['id']}")


def test_a_broadcast_is_counted_refused_over_the_limit_previewed_in_both_languages_and_sent(page, base_url):
    api = Api(base_url)
    patrol, _ = soon_patrol(api, unique("알림 순찰"))
    sign_in(page)
    page.goto(f"/console/patrols/{patrol['id']}")
    page.get_by_role("button", name="전체 알림 보내기").click()
    composer = page.get_by_test_id("broadcast")

    composer.get_by_label("제목").fill("집결지 변경")
    expect(composer.get_by_test_id("title-count")).to_contain_text("6/100자")
    composer.get_by_label("내용").fill("가" * 501)
    expect(composer.get_by_test_id("body-count")).to_contain_text("501/500자")
    expect(composer.get_by_test_id("body-count")).to_contain_text("1자 초과")
    broadcasts = []
    page.on("request", lambda request: broadcasts.append(request.url) if "/broadcast" in request.url else None)
    composer.get_by_role("button", name="보내기").click()
    expect(composer.get_by_role("alert")).to_contain_text("500자까지")
    assert broadcasts == []  # refused in the browser, before sending

    composer.get_by_label("내용").fill("범계역 3번 출구 앞으로 옮깁니다.\n20시 50분까지 모여 주세요.")
    for lang in ("ko", "en"):
        phone = composer.get_by_test_id(f"preview-{lang}")
        expect(phone).to_contain_text("집결지 변경")
        expect(phone).to_contain_text("범계역 3번 출구 앞으로 옮깁니다.")
    expect(composer.get_by_test_id("preview-ko")).to_contain_text("합동순찰")
    expect(composer.get_by_test_id("preview-en")).to_contain_text("Joint Patrol")
    assert not serious_accessibility_violations(page)
    screenshot(page, "broadcast")

    with page.expect_response(lambda response: "/broadcast" in response.url) as sent:
        composer.get_by_role("button", name="보내기").click()
    assert sent.value.status == 202
    expect(composer.get_by_role("status")).to_contain_text("알림을 보냈습니다")
    expect(composer.get_by_label("제목")).to_have_value("")


def test_a_broadcast_to_a_draft_shows_the_apis_refusal(page, base_url):
    api = Api(base_url)
    patrol, _ = soon_patrol(api, unique("초안 순찰"), publish=False)
    sign_in(page)
    page.goto(f"/console/patrols/{patrol['id']}")
    page.get_by_role("button", name="전체 알림 보내기").click()
    composer = page.get_by_test_id("broadcast")
    composer.get_by_label("제목").fill("알림")
    composer.get_by_label("내용").fill("내용")
    composer.get_by_role("button", name="보내기").click()
    expect(composer.locator(".problem")).to_contain_text("PATROL_NOT_BROADCASTABLE")
