"""The SOS incident pages: the station's month of alerts, downloaded as CSV and XLSX, and one
alert with its timeline; for station staff only, every read in the location-access log."""
import csv
import io
import uuid
from datetime import datetime, timedelta, timezone

import openpyxl
from playwright.sync_api import expect

from tests.console.api_helpers import SEOUL, Api
from tests.console.conftest import GROUP_LEADER, screenshot, serious_accessibility_violations, sign_in
from tests.console.test_hours_and_reports import download
from tests.console.test_live_map import running_live_patrol
from tests.console.test_sos_banner import OFFICER, raise_sos  # noqa: F401 (a fixture)

ADMIN = "010-0000-0001"  # 김도현
CALLER = "010-5371-5561"  # a volunteer walking the live patrol, whom no other browser test has call


def closed_alert(console_app, base_url, raise_sos):  # noqa: F811
    """An SOS on the live patrol, taken by its officer and closed by the chief: (raiser, alert)."""
    patrol_id = running_live_patrol(console_app)
    raiser, alert = raise_sos(patrol_id, CALLER)
    # The caller's phone follows them for a few seconds, walking north.
    now = datetime.now(timezone.utc)
    raiser.call("POST", f"/sos/{alert['id']}/positions", json={"positions": [
        {"lat": 37.3897 + 0.0002 * n, "lon": 126.9508, "accuracy_m": 6.0,
         "recorded_at": (now - timedelta(seconds=5 * (3 - n))).isoformat(), "client_event_id": str(uuid.uuid4())}
        for n in range(1, 4)
    ]})
    officer = Api(base_url, OFFICER)
    officer.call("POST", f"/sos/{alert['id']}/acknowledge")
    Api(base_url).call("POST", f"/sos/{alert['id']}/resolve", json={"outcome": "police_dispatched", "note": "지구대 순찰차 출동"})
    return raiser, officer, alert


def test_the_chief_reads_the_months_incidents_downloads_them_and_opens_one(page, base_url, console_app, raise_sos):  # noqa: F811
    raiser, officer, alert = closed_alert(console_app, base_url, raise_sos)
    month = datetime.fromisoformat(alert["raised_at"]).astimezone(SEOUL)
    sign_in(page)

    page.get_by_role("navigation").get_by_role("link", name="SOS 기록").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("SOS 기록")
    expect(page.get_by_label("달")).to_have_value(f"{month:%Y-%m}")
    expect(page.get_by_role("heading", level=2)).to_contain_text(f"{month.year}년 {month.month}월 SOS 기록")
    row = page.locator(f'tr[data-alert-id="{alert["id"]}"]')
    expect(row.get_by_role("rowheader")).to_have_text(raiser.me["name"])
    expect(row.get_by_test_id("status")).to_have_text("✓ 종료")
    expect(row).to_contain_text(f"{officer.me['name']} · ")
    expect(row).to_contain_text("경찰 출동")
    expect(row).to_contain_text("지구대 순찰차 출동")
    expect(row).to_contain_text(f"{month.year}년 {month.month}월 {month.day}일")
    assert serious_accessibility_violations(page) == []
    screenshot(page, "sos-incidents")

    name, data = download(page, lambda: page.get_by_test_id("download-csv").click())
    assert name == f"sos-incidents_{month:%Y-%m}_station-{Api(base_url).me['station_id']}.csv"
    assert data.startswith(b"\xef\xbb\xbf")
    mine = next(r for r in csv.DictReader(io.StringIO(data.decode("utf-8-sig"))) if r["번호"] == str(alert["id"]))
    assert (mine["호출자"], mine["상태"], mine["결과"], mine["출동 확인자"]) == (raiser.me["name"], "종료", "경찰 출동", officer.me["name"])
    name, data = download(page, lambda: page.get_by_test_id("download-xlsx").click())
    assert name.endswith(".xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
    assert alert["id"] in [cells[0].value for cells in sheet.iter_rows(min_row=2)]

    # By keyboard to the alert's page.
    details = row.get_by_role("link", name="자세히")
    details.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"긴급 호출 #{alert['id']}")
    expect(page.get_by_role("heading", level=1).get_by_test_id("status")).to_have_text("✓ 종료")
    facts = page.get_by_test_id("facts")
    expect(facts).to_contain_text(raiser.me["name"])
    expect(facts).to_contain_text("위도 37.38970, 경도 126.95080")
    expect(facts).to_contain_text("지구대 순찰차 출동")
    expect(page.get_by_test_id("path-summary")).to_contain_text("위치 3개")
    track = page.get_by_role("application", name=f"{raiser.me['name']} 님의 호출 중 이동 경로 지도")
    expect(track.locator("path.leaflet-interactive")).to_have_count(3)  # the way, where they pressed, where they were last
    timeline = page.get_by_test_id("timeline")
    expect(timeline.locator("tbody tr").first).to_contain_text("호출")
    expect(timeline).to_contain_text("출동 확인")
    expect(timeline).to_contain_text(officer.me["name"])
    expect(timeline.locator("tbody tr").last).to_contain_text("종료")
    assert serious_accessibility_violations(page) == []
    screenshot(page, "sos-incident")

    page.get_by_label("언어").select_option("en")
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"Emergency call #{alert['id']}")
    expect(timeline).to_contain_text("Acknowledged")
    assert serious_accessibility_violations(page) == []
    screenshot(page, "sos-incident-en")
    page.get_by_role("link", name="Back to the SOS incidents of").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("SOS incidents")
    expect(row.get_by_test_id("status")).to_have_text("✓ Resolved")
    expect(row).to_contain_text("Police dispatched")
    assert serious_accessibility_violations(page) == []
    screenshot(page, "sos-incidents-en")
    # The header keeps the whole navigation and the reader's controls on one row, in English too.
    navigation, controls = (page.locator(part).bounding_box() for part in (".app-nav", ".app-header__end"))
    assert controls["y"] < navigation["y"] + navigation["height"]
    page.get_by_label("Language").select_option("ko")

    # Each read is in the location-access log, as the administrators' page shows it.
    chief = Api(base_url).me
    log = Api(base_url, ADMIN).call("GET", "/admin/location-access", params={"viewer_id": chief["id"], "subject_id": raiser.me["id"]})
    endpoints = {entry["endpoint"] for entry in log}
    assert {"GET /api/v1/stations/<station_id>/sos-incidents", "GET /api/v1/stations/<station_id>/sos-incidents.csv",
            "GET /api/v1/sos/<alert_id>"} <= endpoints


def test_another_month_is_empty(page, console_app):
    sign_in(page)
    page.goto("/console/sos?month=2020-01")
    expect(page.get_by_role("heading", level=2)).to_contain_text("2020년 1월 SOS 기록")
    expect(page.get_by_test_id("incidents")).to_contain_text("이 달에는 긴급 호출이 없었습니다.")
    expect(page.get_by_test_id("status-counts")).to_contain_text("종료 0")


def test_a_group_leader_has_no_incident_pages(page, console_app):
    sign_in(page, GROUP_LEADER)
    expect(page.get_by_role("navigation").get_by_role("link", name="SOS 기록")).to_have_count(0)
    page.goto("/console/sos")
    expect(page).to_have_url(f"{page.url.split('/console/')[0]}/console/patrols")

