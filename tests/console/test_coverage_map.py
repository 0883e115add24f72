"""The zone-coverage report on the map: an officer's phone spent half an hour in one zone on a
daytime patrol; the station chief sees that zone shaded and the others marked as gaps, and the
night switch (22-06) turns it into a gap too."""
import random
import uuid
from datetime import datetime, timedelta, timezone

from playwright.sync_api import expect
from sqlalchemy import func, select

from backend.extensions import db
from backend.patrols.models import Patrol
from backend.users import consent_policy
from backend.users.models import LocationConsent
from backend.zones.models import Zone
from tests.console.api_helpers import SEOUL, Api
from tests.console.conftest import serious_accessibility_violations, screenshot, sign_in, unique

VISITED = "범계역 광장"
UNVISITED = "평촌역 일대"
HATCH = "url(#coverage-gap-hatch)"


def daytime_presence(base_url, console_app):
    """A patrol on a past day, 10:00-12:00 Korean time, whose officer's phone reported a point
    inside VISITED every 30 seconds from 10:05 to 10:35: 30 minutes there, none at night.

    Made through the API like any patrol, then moved into the past (no route makes a patrol
    that has begun) with a consent from before it, as the phone's owner would have given."""
    chief = Api(base_url)
    password = f"야간-순찰-{uuid.uuid4().hex}"
    officer = chief.create_person("officer", "지도경관", password=password)
    zones = chief.call("GET", "/zones", params={"station_id": chief.me["station_id"], "all": True})["features"]
    ids = {zone["properties"]["name"]: zone["id"] for zone in zones}
    patrol = chief.create_published_patrol(unique("구역 지도 순찰"), [], officer["id"], zone_ids=[ids[VISITED]])
    day = datetime.now(SEOUL).date() - timedelta(days=random.randint(400, 3000))
    starts = datetime(day.year, day.month, day.day, 10, 0, tzinfo=SEOUL)
    with console_app.app_context():
        row = db.session.get(Patrol, patrol["id"])
        row.starts_at, row.ends_at = starts, starts + timedelta(hours=2)
        db.session.add(LocationConsent(user_id=officer["id"], policy_version=consent_policy.CURRENT_VERSION,
                                       granted_at=starts - timedelta(days=1)))
        inside = func.ST_PointOnSurface(Zone.geom)
        lon, lat = db.session.execute(select(func.ST_X(inside), func.ST_Y(inside)).where(Zone.id == ids[VISITED])).one()
        db.session.commit()
    first = starts + timedelta(minutes=5)
    points = [{
        "patrol_id": patrol["id"], "lon": lon, "lat": lat, "accuracy_m": 6.0,
        "recorded_at": (first + timedelta(seconds=30 * n)).astimezone(timezone.utc).isoformat(),
        "client_event_id": str(uuid.uuid4()),
    } for n in range(61)]
    result = Api(base_url, officer["phone"], password).call("POST", "/locations:batch", json={"points": points})
    assert result["accepted"] == 61, result
    return day, ids


def test_the_station_chief_sees_zone_coverage_on_the_map_by_all_hours_and_night(page, base_url, console_app):
    day, ids = daytime_presence(base_url, console_app)
    sign_in(page)
    page.goto("/console/reports")
    page.get_by_label("보고서 종류").select_option(label="구역별 순찰 현황")
    page.get_by_label("시작일").fill(day.isoformat())
    page.get_by_label("종료일 (포함)").fill(day.isoformat())
    page.get_by_role("button", name="보기").click()

    coverage = page.get_by_test_id("coverage-map")
    visited = coverage.locator(f'path[data-zone-id="{ids[VISITED]}"]')
    unvisited = coverage.locator(f'path[data-zone-id="{ids[UNVISITED]}"]')
    # All hours: the visited zone is filled with a colour of the scale, the other hatched as a gap.
    expect(visited).not_to_have_attribute("data-bin", "gap")
    assert visited.get_attribute("fill").startswith("#")
    expect(unvisited).to_have_attribute("data-bin", "gap")
    expect(unvisited).to_have_attribute("fill", HATCH)
    expect(unvisited).to_have_attribute("stroke-dasharray", "6 5")
    legend = page.get_by_test_id("coverage-legend")
    expect(legend).to_contain_text("순찰한 시간 — 모든 시간")
    expect(legend).to_contain_text("30분")
    expect(legend.locator('li[data-bin="gap"]')).to_contain_text("공백: 순찰 없음")
    expect(page.get_by_test_id("report-table")).to_be_visible()

    # The zone's figures in words, its last visit in Korean time. Pointed at near its lower left
    # corner: the safe-return route starts across its middle.
    box = visited.bounding_box()
    visited.hover(position={"x": 4, "y": box["height"] - 4})
    tooltip = page.locator(".coverage-tooltip")
    expect(tooltip).to_contain_text(VISITED)
    expect(tooltip).to_contain_text("다중밀집지역")
    expect(tooltip).to_contain_text("순찰 시간: 30분")
    expect(tooltip).to_contain_text("야간 (22–06시): 0분")
    expect(tooltip).to_contain_text(f"마지막 방문: {day.year}년 {day.month}월 {day.day}일")
    expect(tooltip).to_contain_text("10:35")
    assert serious_accessibility_violations(page) == []
    screenshot(page, "coverage-map")

    # At night nobody was there: the visited zone is a gap like the rest.
    page.get_by_role("group", name="표시할 시간대").get_by_label("야간 (22–06시)").check()
    expect(coverage).to_have_attribute("data-hours", "night")
    expect(visited).to_have_attribute("data-bin", "gap")
    expect(visited).to_have_attribute("fill", HATCH)
    expect(legend).to_contain_text("순찰한 시간 — 야간 (22–06시)")
    expect(page.get_by_test_id("coverage-summary")).to_contain_text("야간 (22–06시)")
    screenshot(page, "coverage-map-night")

    # Back to all hours, in English: the legend and the zone's words follow the language.
    page.get_by_label("모든 시간").check()
    expect(visited).not_to_have_attribute("data-bin", "gap")
    page.get_by_label("언어").select_option("en")
    expect(legend).to_contain_text("Time on patrol — All hours")
    expect(legend.locator('li[data-bin="gap"]')).to_contain_text("Gap: no presence")
    visited.hover(position={"x": 4, "y": box["height"] - 4})
    expect(tooltip).to_contain_text("Dense area")
    expect(tooltip).to_contain_text("On patrol: 30 min")
