"""The staff's landing page (tonight), telling everyone on a patrol something (broadcast), and the
administrator's page of location reads and undelivered notifications."""
import re
import uuid
from datetime import datetime, timedelta

import psycopg
from playwright.sync_api import expect

from tests.console.api_helpers import SEOUL, Api
from tests.console.conftest import console_database_url, screenshot, serious_accessibility_violations, sign_in, unique

ADMIN = "010-0000-0001"


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

    # In English the API words the gaps in English too.
    page.locator("select").first.select_option("en")
    expect(page.get_by_role("heading", name="Tonight", exact=True)).to_be_visible()
    expect(entry.get_by_test_id("tonight-gap")).to_contain_text("needs 3 volunteers")
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


def dead_delivery(patrol_id, user_id):
    """What the dispatcher leaves after giving up on a phone: a delivery marked dead."""
    with psycopg.connect(console_database_url()) as connection:
        event_id = connection.execute(
            "INSERT INTO outbox_events (event_type, dedupe_key, patrol_id, payload, processed_at)"
            " VALUES ('patrol.broadcast', %s, %s, '{\"title\": \"t\", \"body\": \"b\"}', now()) RETURNING id",
            (f"test-dead:{uuid.uuid4().hex}", patrol_id),
        ).fetchone()[0]
        return connection.execute(
            "INSERT INTO notification_deliveries (event_id, user_id, status, attempts, last_error)"
            " VALUES (%s, %s, 'dead', 5, 'UNREGISTERED: the app was removed') RETURNING id",
            (event_id, user_id),
        ).fetchone()[0]


def delivery_status(delivery_id):
    with psycopg.connect(console_database_url()) as connection:
        return connection.execute("SELECT status FROM notification_deliveries WHERE id = %s", (delivery_id,)).fetchone()[0]


def test_the_admin_sees_who_read_whose_position_and_sends_a_dead_notification_again(page, base_url):
    chief = Api(base_url)
    patrol, _ = soon_patrol(chief, unique("열람 순찰"))
    member = chief.create_member("열람대원", chief.group_id())
    chief.call("POST", f"/patrols/{patrol['id']}/signups", json={"user_id": member["id"]})
    # The station chief reads the member's track: one access-log row.
    chief.call("GET", f"/patrols/{patrol['id']}/participants/{member['id']}/track")
    dead = dead_delivery(patrol["id"], member["id"])

    sign_in(page, ADMIN)
    nav = page.get_by_role("navigation")
    expect(nav.get_by_role("link").first).to_have_text("오늘 밤")
    expect(page.get_by_test_id("dead-letters")).to_contain_text(re.compile(r"[1-9]\d*건"))
    page.get_by_test_id("dead-letters").click()
    expect(page).to_have_url(f"{base_url}/console/admin")

    access = page.get_by_test_id("access-row").filter(has_text=member["name"])
    expect(access).to_have_count(1)
    expect(access).to_contain_text(chief.me["name"])
    expect(access).to_contain_text("/track")
    # A name narrows the log to that person; the chip takes the filter off again.
    access.get_by_role("button", name=member["name"]).click()
    expect(page.get_by_test_id("access-row")).to_have_count(1)
    expect(page.get_by_role("button", name=re.compile(f"위치가 열람된 사람: {member['name']}"))).to_be_visible()
    with page.expect_download() as download:
        page.get_by_test_id("access-csv").click()
    csv = open(download.value.path(), encoding="utf-8-sig").read().splitlines()
    assert csv[0] == "id,accessed_at,viewer_id,viewer_name,subject_id,subject_name,patrol_id,endpoint"
    assert len(csv) == 2 and member["name"] in csv[1] and str(patrol["id"]) in csv[1]

    row = page.get_by_test_id(f"dead-{dead}")
    expect(row).to_contain_text("UNREGISTERED")
    assert not serious_accessibility_violations(page)
    screenshot(page, "admin")
    row.get_by_role("button", name="다시 보내기").click()
    expect(page.get_by_role("status")).to_contain_text(f"{dead}번 알림을 다시 보냅니다")
    expect(page.get_by_test_id(f"dead-{dead}")).to_have_count(0)
    assert delivery_status(dead) == "pending"


def test_staff_who_are_not_admins_have_no_admin_page(page, base_url):
    sign_in(page)
    expect(page.get_by_role("navigation").get_by_role("link", name="관리")).to_have_count(0)
    page.goto("/console/admin")
    expect(page).to_have_url(f"{base_url}/console/patrols")
