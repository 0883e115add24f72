"""The SOS banner: an alert raised on the demo's running patrol shows above every console page
of the station's staff until someone acknowledges it; nobody else sees it."""
import uuid
from datetime import datetime, timedelta, timezone

import pytest
from playwright.sync_api import expect

from backend.cli.seed import LIVE_TITLE
from tests.console.api_helpers import Api
from tests.console.conftest import GROUP_LEADER, VOLUNTEER, screenshot, serious_accessibility_violations, sign_in
from tests.console.test_live_map import running_live_patrol

OFFICER = "010-0000-0004"  # 최민준, the live patrol's officer
OTHER_STATION_CHIEF = "010-0000-0007"  # 오영철, 만안경찰서
WALKER = "010-5225-1593"  # 송기철, a volunteer walking the live patrol
# The banner asks every 5 seconds: a generous wait for the next one.
NEXT_POLL_MS = 15_000


@pytest.fixture
def raise_sos(base_url):
    """Raises alerts as a participant's phone would; any left open is taken at the end, so the
    other browser tests' pages show no banner."""
    raised = []

    def raise_one(patrol_id, phone, kind="sos"):
        raiser = Api(base_url, phone)
        alert = raiser.call("POST", "/sos", json={
            "patrol_id": patrol_id, "lat": 37.3897, "lon": 126.9508, "accuracy_m": 6.5,
            "recorded_at": datetime.now(timezone.utc).isoformat(), "client_event_id": str(uuid.uuid4()), "kind": kind,
        })
        raised.append(alert["id"])
        return raiser, alert

    yield raise_one
    chief = Api(base_url)
    for alert_id in raised:
        chief.call("POST", f"/sos/{alert_id}/acknowledge", expected=(200, 409))


def banner_alert(page, alert):
    return page.locator(f'.sos-alert[data-alert-id="{alert["id"]}"]')


def test_the_station_chief_sees_an_open_sos_on_every_page_until_acknowledged(page, base_url, console_app, raise_sos):
    patrol_id = running_live_patrol(console_app)
    raiser, alert = raise_sos(patrol_id, GROUP_LEADER)
    sign_in(page)
    page.goto("/console/reports")

    shown = banner_alert(page, alert)
    expect(shown.get_by_role("alert")).to_contain_text("SOS")
    expect(shown.get_by_role("alert")).to_contain_text(f"{raiser.me['name']} 님")
    expect(shown.get_by_role("alert")).to_contain_text(LIVE_TITLE)
    expect(shown).to_contain_text("전 호출")
    expect(shown.get_by_role("link", name="실시간 지도에서 위치 보기")).to_have_attribute(
        "href", f"/console/patrols/{patrol_id}/live?person={raiser.me['id']}")
    # A glance map: where they pressed, until their phone sends where they are now.
    glance = shown.get_by_role("img", name=f"{raiser.me['name']} 님의 현재 위치 지도")
    expect(glance).to_be_visible()
    expect(glance.locator("path.leaflet-interactive")).to_have_count(1)
    raiser.call("POST", f"/sos/{alert['id']}/positions", json={"positions": [{
        "lat": 37.3903, "lon": 126.9516, "accuracy_m": 6.0, "recorded_at": datetime.now(timezone.utc).isoformat(),
        "client_event_id": str(uuid.uuid4()),
    }]})
    # The next poll moves it on, the press point and the way from it left behind.
    expect(glance.locator("path.leaflet-interactive")).to_have_count(3, timeout=NEXT_POLL_MS)
    # The headless browser has had no gesture yet: sound waits for one, and says so.
    expect(shown.get_by_role("button", name="소리 켜기")).to_be_visible()
    # Under the header, not over it.
    header = page.locator(".app-header").bounding_box()
    banner = page.get_by_test_id("sos-banner").bounding_box()
    assert banner["y"] >= header["y"] + header["height"]
    assert serious_accessibility_violations(page) == []
    screenshot(page, "sos-banner", full_page=False)

    # Another page keeps it; muting this alert is a toggle.
    page.get_by_role("link", name="순찰 일정").click()
    mute = shown.get_by_role("button", name="이 호출 소리 끄기")
    mute.click()
    expect(shown.get_by_role("button", name="소리 꺼짐")).to_have_attribute("aria-pressed", "true")

    page.get_by_label("언어").select_option("en")
    expect(shown.get_by_role("alert")).to_contain_text(f"SOS{raiser.me['name']}")
    expect(shown.get_by_role("alert")).to_contain_text(f"Patrol: {LIVE_TITLE}")
    expect(shown).to_contain_text("ago")
    assert serious_accessibility_violations(page) == []
    screenshot(page, "sos-banner-en", full_page=False)

    # The live map opens on the person who called.
    shown.get_by_role("link", name="Show the position on the live map").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(LIVE_TITLE)
    raiser_id = raiser.me["id"]
    expect(page.locator(f'.leaflet-marker-icon[data-user-id="{raiser_id}"]')).to_be_in_viewport()
    expect(shown).to_be_visible()
    screenshot(page, "sos-banner-live-map", full_page=False)

    shown.get_by_role("button", name="Acknowledge").click()
    expect(shown).to_have_count(0)
    expect(page.locator("#main")).to_be_focused()
    taken = Api(base_url).call("GET", f"/sos/{alert['id']}")
    assert taken["status"] == "acknowledged"
    assert taken["acknowledged_by_name"] == Api(base_url).me["name"]


def test_an_alert_someone_else_took_says_who(page, base_url, console_app, raise_sos):
    patrol_id = running_live_patrol(console_app)
    _, alert = raise_sos(patrol_id, VOLUNTEER, kind="man_down")
    # A paused clock holds the banner's polling, so the alert is still shown when it is taken.
    page.clock.install()
    sign_in(page)
    shown = banner_alert(page, alert)
    expect(shown.get_by_role("alert")).to_contain_text("쓰러짐")
    page.clock.pause_at(datetime.now(timezone.utc) + timedelta(seconds=1))
    officer = Api(base_url, OFFICER)
    officer.call("POST", f"/sos/{alert['id']}/acknowledge")

    shown.get_by_role("button", name="확인하고 출동").click()
    expect(page.get_by_test_id("sos-notice")).to_contain_text(f"{officer.me['name']} 님이 이미 출동을 맡았습니다.")
    expect(shown).to_have_count(0)
    screenshot(page, "sos-banner-taken", full_page=False)
    # The notice leads to the alert's record: who took it, and when.
    page.get_by_test_id("sos-notice").get_by_role("link", name="호출 기록 보기").click()
    page.clock.resume()
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"긴급 호출 #{alert['id']}")
    expect(page.get_by_role("heading", level=1).get_by_test_id("status")).to_have_text("→ 출동 중")
    expect(page.get_by_test_id("facts")).to_contain_text(officer.me["name"])
    expect(page.get_by_test_id("sos-notice")).to_have_count(0)


def test_another_station_and_a_group_leader_see_no_banner(page, base_url, console_app, raise_sos):
    patrol_id = running_live_patrol(console_app)
    raiser, alert = raise_sos(patrol_id, WALKER)
    # Another station's chief asks and gets nothing.
    with page.expect_response(lambda response: "/api/v1/sos?" in response.url) as answer:
        sign_in(page, OTHER_STATION_CHIEF)
    assert answer.value.json() == []
    expect(page.get_by_test_id("who")).to_contain_text("오영철")
    expect(page.get_by_test_id("sos-banner")).to_have_count(0)

    # A volunteer may read their own alert through the API, but the banner is for staff: a
    # group leader's console does not even ask.
    assert [mine["id"] for mine in raiser.call("GET", "/sos", params={"status": "open"})] == [alert["id"]]
    leader = page.context.browser.new_context(base_url=base_url, locale="ko-KR")
    leader_page = leader.new_page()
    asked = []
    leader_page.on("request", lambda request: asked.append(request.url) if "/api/v1/sos" in request.url else None)
    sign_in(leader_page, GROUP_LEADER)
    leader_page.wait_for_timeout(NEXT_POLL_MS // 2)
    expect(leader_page.get_by_test_id("sos-banner")).to_have_count(0)
    assert asked == []
    leader.close()
