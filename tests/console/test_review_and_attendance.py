"""The review queue and a patrol's attendance: volunteers check in at a patrol about to start,
from where the service flags them; the station chief sees why on a map, approves one and
rejects another in bulk, then confirms the attendance that follows and corrects one person."""
import uuid
from datetime import datetime, timedelta

from playwright.sync_api import expect

from backend.core.time import utcnow
from backend.extensions import db
from backend.patrols.models import Patrol
from tests.console.api_helpers import SEOUL, Api
from tests.console.conftest import screenshot, serious_accessibility_violations, sign_in, unique

MEETING = [126.9508, 37.3897]  # 범계역, create_draft_patrol's meeting point
# Metres to degrees near 37.39 N.
M_PER_DEG_LAT = 110_990.0
M_PER_DEG_LON = 88_390.0
# Seed zones beside the meeting point: the square it lies in, the street north-west, the route south.
PATROL_ZONES = ("범계역 광장", "범계 로데오거리", "범계역 → 호계동 안심귀갓길")


def from_meeting(east_m, north_m):
    return [MEETING[0] + east_m / M_PER_DEG_LON, MEETING[1] + north_m / M_PER_DEG_LAT]


def patrol_starting_soon(api, title, group_id, officer_id):
    """Published, starting in ten minutes: check-ins open half an hour before the start."""
    starts = datetime.now(SEOUL).replace(second=0, microsecond=0) + timedelta(minutes=10)
    zones = api.call("GET", "/zones", params={"station_id": api.me["station_id"], "all": "true"})["features"]
    patrol = api.call("POST", "/patrols", json={
        "title": title,
        "station_id": api.me["station_id"],
        "starts_at": starts.isoformat(),
        "ends_at": (starts + timedelta(hours=2)).isoformat(),
        "meeting_point": {"type": "Point", "coordinates": MEETING},
        "meeting_place_name": "범계역 2번 출구",
        "group_ids": [group_id],
        "zone_ids": [zone["id"] for zone in zones if zone["properties"]["name"] in PATROL_ZONES],
        "min_officers": 1,
        "max_volunteers": 10,
    })
    api.call("POST", f"/patrols/{patrol['id']}/officers", json={"user_id": officer_id})
    api.call("POST", f"/patrols/{patrol['id']}/publish", json={})
    return patrol


def volunteer_checks_in(base_url, api, patrol, group_id, prefix, where, accuracy_m):
    """A fresh member who signs up, consents and checks in from `where`; the check-in as stored."""
    password = f"야간-순찰-{uuid.uuid4().hex}"
    person = api.create_person("volunteer", prefix, password=password)
    api.call("POST", f"/groups/{group_id}/members", json={"user_id": person["id"]})
    api.call("POST", f"/patrols/{patrol['id']}/signups", json={"user_id": person["id"]})
    phone = Api(base_url, person["phone"], password)
    policy = phone.call("GET", "/consent-policy")
    phone.call("POST", "/me/consents", json={"policy_version": policy["version"]})
    checkin = phone.call("POST", f"/patrols/{patrol['id']}/check-in", json={
        "lon": where[0],
        "lat": where[1],
        "accuracy_m": accuracy_m,
        "recorded_at": datetime.now(SEOUL).isoformat(),
        "client_event_id": str(uuid.uuid4()),
    })
    assert checkin["status"] == "flagged", checkin
    return person, checkin


def end_the_patrol_now(console_app, patrol_id):
    """Move the patrol so that it began just before the check-ins and is over now: the API
    refuses a patrol in the past, and attendance is confirmed only after the end."""
    with console_app.app_context():
        row = db.session.get(Patrol, patrol_id)
        row.starts_at, row.ends_at = utcnow() - timedelta(minutes=3), utcnow() - timedelta(seconds=1)
        db.session.commit()


def statuses(page):
    table = page.get_by_test_id("attendance")
    expect(table).to_be_visible()
    return table


def test_the_chief_reviews_flagged_check_ins_and_confirms_attendance(page, base_url, console_app):
    api = Api(base_url)
    group = api.group_id()
    officer = api.create_person("officer", "검토경관")
    patrol = patrol_starting_soon(api, unique("검토 순찰"), group, officer["id"])
    outside_person, outside = volunteer_checks_in(base_url, api, patrol, group, "멀리온", from_meeting(350, 250), 8)
    vague_person, vague = volunteer_checks_in(base_url, api, patrol, group, "흐린위치", from_meeting(0, 20), 150)
    end_the_patrol_now(console_app, patrol["id"])

    sign_in(page)
    # Before the review both check-ins count: a flagged one is only set aside when rejected.
    page.goto(f"/console/patrols/{patrol['id']}")
    page.get_by_test_id("attendance-link").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("출석 관리")
    table = statuses(page)
    expect(table.get_by_test_id(f"attendance-{outside_person['id']}").get_by_test_id("status")).to_have_text("✓ 출석")
    expect(table.get_by_test_id(f"attendance-{vague_person['id']}").get_by_test_id("status")).to_have_text("✓ 출석")

    page.get_by_role("navigation").get_by_role("link", name="검토 대기").click()
    expect(page.get_by_role("heading", name="검토 대기", level=1)).to_be_visible()
    outside_item = page.get_by_test_id(f"checkin-{outside['id']}")
    vague_item = page.get_by_test_id(f"checkin-{vague['id']}")
    expect(outside_item).to_contain_text(outside_person["name"])
    expect(outside_item.get_by_test_id("reasons")).to_have_text("⚠ 집결 반경과 순찰 구역 밖에서 기록됨")
    expect(outside_item).to_contain_text(f"집결지에서 {round(outside['distance_m'])} m")
    expect(outside_item).to_contain_text("순찰 구역: 범계역 광장")
    expect(vague_item.get_by_test_id("reasons")).to_have_text("⚠ 위치 정확도가 낮음 (100 m 초과)")
    # Each map draws the point, the accuracy circle and the meeting radius.
    expect(outside_item.locator(".review-map__point")).to_have_count(1)
    expect(outside_item.locator("path.leaflet-interactive")).to_have_count(6)  # 2 circles, 2 areas, a route and its corridor
    assert not serious_accessibility_violations(page)
    outside_item.scroll_into_view_if_needed()
    screenshot(page, "review-queue")

    outside_item.get_by_label("메모 (선택)").fill("역 반대편 출구에서 합류")
    outside_item.get_by_role("button", name="승인").click()
    results = page.get_by_test_id("review-results")
    expect(results).to_contain_text(f"{outside_person['name']} — 승인됨")
    expect(outside_item).to_have_count(0)
    decided = api.call("GET", f"/checkins/{outside['id']}/reviews")
    assert [(d["review"], d["note"]) for d in decided] == [("approved", "역 반대편 출구에서 합류")]

    vague_item.get_by_label(f"{vague_person['name']} 선택").check()
    expect(page.get_by_text("1건 선택됨")).to_be_visible()
    page.get_by_label("선택한 항목에 남길 메모 (선택)").fill("위치 불명확")
    page.get_by_role("button", name="선택 항목 반려").click()
    expect(results).to_contain_text("1건 중 1건 처리")
    expect(results).to_contain_text(f"{vague_person['name']} — 반려됨")
    expect(vague_item).to_have_count(0)
    pending = api.call("GET", "/checkins", params={"review": "pending", "patrol_id": patrol["id"]})
    assert pending == []
    rejected = api.call("GET", f"/checkins/{vague['id']}/reviews")
    assert [(d["review"], d["note"]) for d in rejected] == [("rejected", "위치 불명확")]
    assert not serious_accessibility_violations(page)

    # The rejected check-in no longer counts: that person did not show up.
    page.goto(f"/console/patrols/{patrol['id']}/attendance")
    table = statuses(page)
    outside_row = table.get_by_test_id(f"attendance-{outside_person['id']}")
    vague_row = table.get_by_test_id(f"attendance-{vague_person['id']}")
    expect(outside_row.get_by_test_id("status")).to_have_text("✓ 출석")
    expect(vague_row.get_by_test_id("status")).to_have_text("✕ 불참")
    checked_in = datetime.fromisoformat(outside["recorded_at"]).astimezone(SEOUL)
    expect(outside_row).to_contain_text(f"{checked_in:%H:%M}")
    expect(outside_row.get_by_test_id("confirmed")).to_have_text("미확정")

    # The officer is on the patrol too, and never checked in.
    expect(table.get_by_test_id(f"attendance-{officer['id']}").get_by_test_id("status")).to_have_text("✕ 불참")
    page.get_by_label("모두 선택").check()
    expect(page.get_by_text("3명 선택됨")).to_be_visible()
    page.get_by_role("button", name="선택한 출석 확정").click()
    expect(page.get_by_role("status")).to_contain_text("3명의 출석을 확정했습니다.")
    expect(outside_row.get_by_test_id("confirmed")).to_contain_text("확정됨")
    expect(vague_row.get_by_test_id("confirmed")).to_contain_text("확정됨")
    expect(page.get_by_text("정정 이력이 없습니다.")).to_be_visible()

    page.get_by_role("button", name=f"{vague_person['name']} 출석 정정").click()
    correction = page.get_by_role("form", name=f"{vague_person['name']} 출석 정정")
    correction.get_by_label("바꿀 상태").select_option(label="사유 불참")
    correction.get_by_role("button", name="정정 저장").click()
    expect(correction.get_by_role("alert")).to_have_text("정정 사유를 적어 주세요.")
    correction.get_by_label("정정 사유 (필수)").fill("가족 병원 동행으로 불참 (사전 연락)")
    correction.get_by_role("button", name="정정 저장").click()
    expect(page.get_by_role("status")).to_contain_text(f"{vague_person['name']}의 출석을 정정했습니다.")
    expect(vague_row.get_by_test_id("status")).to_contain_text("○ 사유 불참")
    expect(vague_row.get_by_test_id("status")).to_contain_text("(정정됨)")
    expect(vague_row.get_by_test_id("status")).to_contain_text("가족 병원 동행으로 불참 (사전 연락)")
    history = page.get_by_test_id("attendance-history")
    expect(history).to_contain_text(vague_person["name"])
    expect(history).to_contain_text("박정훈")
    expect(history).to_contain_text("상태: 불참 → 사유 불참")
    expect(history).to_contain_text("사유: — → 가족 병원 동행으로 불참 (사전 연락)")
    changes = api.call("GET", f"/patrols/{patrol['id']}/attendance/changes")
    assert [(c["user_id"], c["after"]["status"]) for c in changes] == [(vague_person["id"], "excused")]
    assert not serious_accessibility_violations(page)
    screenshot(page, "attendance")
