"""The live map: a patrol running now (made by `seed live-patrol`), watched by the station
chief as a volunteer's phone reports a new position, one person's track on demand, and the
reads found in the location-access log."""
import uuid
from datetime import datetime, timezone

from playwright.sync_api import expect
from sqlalchemy import select

from backend.cli.seed import LIVE_TITLE
from backend.extensions import db
from backend.patrols.models import Patrol
from tests.console.api_helpers import Api
from tests.console.conftest import GROUP_LEADER, serious_accessibility_violations, screenshot, sign_in

ADMIN = "010-0000-0001"
# Polling is every 10 seconds; a generous wait for the next one.
NEXT_POLL_MS = 25_000


def running_live_patrol(console_app):
    result = console_app.test_cli_runner().invoke(args=["seed", "live-patrol", "--once"])
    assert result.exit_code == 0, result.output
    with console_app.app_context():
        return db.session.scalar(select(Patrol.id).where(Patrol.title == LIVE_TITLE).order_by(Patrol.id.desc()))


def test_the_station_chief_follows_a_running_patrol_on_the_live_map(page, base_url, console_app):
    patrol_id = running_live_patrol(console_app)
    volunteer = Api(base_url, GROUP_LEADER)  # 정미숙, walking the patrol
    me = volunteer.me

    sign_in(page)
    page.goto(f"/console/patrols/{patrol_id}")
    page.get_by_role("link", name="실시간 지도").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(LIVE_TITLE)
    expect(page.get_by_test_id("live-logged")).to_contain_text("위치정보 열람 기록")
    people = page.get_by_test_id("live-list").get_by_role("listitem")
    expect(people).to_have_count(7)
    expect(page.locator('.live-person[data-status="not_arrived"]')).to_have_count(1)
    row = page.locator(f'.live-person[data-user-id="{me["id"]}"]')
    expect(row).to_contain_text("순찰 중")
    marker = page.locator(f'.leaflet-marker-icon[data-user-id="{me["id"]}"]')
    expect(marker).to_contain_text(me["name"])

    # The phone reports a spot 20 m further north (farther, this soon, would be a GPS jump,
    # left off the board); the map and list follow without a reload.
    page.evaluate("window.liveMapNotReloaded = true")
    moved = (float(marker.get_attribute("data-lon")), float(marker.get_attribute("data-lat")) + 0.00018)
    result = volunteer.call("POST", "/locations:batch", json={"points": [{
        "patrol_id": patrol_id, "lon": moved[0], "lat": moved[1], "accuracy_m": 6.0,
        "recorded_at": datetime.now(timezone.utc).isoformat(), "client_event_id": str(uuid.uuid4()),
    }]})
    assert result["accepted"] == 1, result
    expect(marker).to_have_attribute("data-lat", f"{moved[1]:.6f}", timeout=NEXT_POLL_MS)
    expect(marker).to_have_attribute("data-lon", f"{moved[0]:.6f}")
    assert page.evaluate("window.liveMapNotReloaded") is True

    # Found by name in the list; the track drawn on demand.
    page.get_by_label("이름으로 찾기").fill(me["name"])
    expect(people).to_have_count(1)
    row.get_by_role("button", name="동선 보기").click()
    expect(page.get_by_test_id("live-track")).to_contain_text(f"{me['name']}의 오늘 순찰 동선")
    expect(page.locator("path.live-track")).to_have_count(1)
    assert serious_accessibility_violations(page) == []
    page.get_by_label("이름으로 찾기").fill("")
    screenshot(page, "live-map", full_page=False)

    # Both reads are in the location-access log under the chief's name.
    chief = Api(base_url)
    log = Api(base_url, ADMIN).call("GET", "/admin/location-access", params={
        "patrol_id": patrol_id, "subject_id": me["id"], "viewer_id": chief.me["id"], "page_size": 100,
    })
    endpoints = {entry["endpoint"] for entry in log}
    assert "GET /api/v1/patrols/<patrol_id>/live" in endpoints
    assert "GET /api/v1/patrols/<patrol_id>/participants/<user_id>/track" in endpoints


def test_the_live_map_reads_in_english_and_fits_a_tablet(page, base_url, console_app):
    patrol_id = running_live_patrol(console_app)
    page.set_viewport_size({"width": 1024, "height": 768})
    sign_in(page)
    page.goto(f"/console/patrols/{patrol_id}/live")
    expect(page.get_by_test_id("live-list").get_by_role("listitem")).to_have_count(7)
    page.get_by_label("언어").select_option("en")
    expect(page.get_by_test_id("live-logged")).to_contain_text("location-access log")
    expect(page.get_by_test_id("live-list").get_by_role("listitem")).to_have_count(7)
    expect(page.get_by_text("Not arrived yet").first).to_be_visible()
    expect(page.locator(".live-meeting")).to_have_text("★ Meeting point")
    assert serious_accessibility_violations(page) == []
    screenshot(page, "live-map-tablet-en")
