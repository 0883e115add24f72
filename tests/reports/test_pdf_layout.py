"""Every PDF the app prints, made through the API from long Korean names and titles over
several pages, reads cleanly: no two words printed over each other, no word running across
a cell's border or off the page, and no header or name broken in the middle of a word."""
from io import BytesIO

import pdfplumber
import pytest
from geoalchemy2.shape import from_shape
from reportlab.pdfgen import canvas
from shapely.geometry import Point
from sqlalchemy.dialects.postgresql import Range

from backend.core.time import SEOUL
from backend.patrols.models import PatrolParticipant
from backend.reports.pdf import FONT, register_fonts
from backend.reports.services import ATTENDANCE_COLUMNS, COVERAGE_COLUMNS
from backend.zones.models import Zone
from backend.testing.fixtures.attendance import month_label

# Points: how far two words may touch (anti-aliasing, glyph side bearings) before it counts as overlap.
TOLERANCE = 0.5
TITLE = "범계역·평촌 학원가 일대 다중밀집지역 및 여성안심귀갓길 경찰·자율방범대·상인연합회 합동 야간순찰 (안양동안경찰서 주관)"
MEETING_PLACE = "범계역 2번 출구 앞 롯데백화점 평촌점 정문 광장 (안양시 동안구 동안로 130)"
SURNAMES = ("남궁", "선우", "황보", "제갈", "독고", "김", "이", "박")
GIVEN = ("아름다운별하늘", "민준서연", "지우", "하은솔빛나래", "도윤")
PEOPLE = 45
ZONES = 60


def long_name(n):
    if n % 7 == 0:
        return f"Alexandra Konstantinopoulou-Kim {n}"
    return f"{SURNAMES[n % len(SURNAMES)]}{GIVEN[n % len(GIVEN)]}{n}"


@pytest.fixture
def crowded(last_months_patrol, make_user, make_group, home_station, volunteers, officer, chief, groups, phone_sent,
            client, auth_headers, db_session, derive_now):
    """Last month's patrol under a long title with 45 more volunteers of a long-named group,
    most of them checked in and out; volunteer 2's hours confirmed and approved, then corrected;
    60 more zones with long names."""
    patrol = last_months_patrol
    patrol.title, patrol.meeting_place_name, patrol.max_volunteers = TITLE, MEETING_PLACE, 60
    people = [make_user("volunteer", home_station, name=long_name(n)) for n in range(PEOPLE)]
    big_group = make_group(home_station, name="안양시 동안구 범계동·평촌동·호계동 연합 자율방범대 제3지대 (야간 합동순찰반)",
                           members=people)
    patrol.groups.append(big_group)
    period = Range(patrol.starts_at, patrol.ends_at)
    db_session.add_all(PatrolParticipant(patrol_id=patrol.id, user_id=person.id, kind="volunteer", status="confirmed",
                                         period=period) for person in people)
    db_session.add_all(
        Zone(name=f"안양시 동안구 평촌대로 범계역 {n}번 출구 앞 GS25 범계중앙점 여성 안심 지킴이집", kind="safe_house",
             station=home_station, geom=from_shape(Point(126.95 + n / 10000, 37.39), srid=4326))
        for n in range(ZONES)
    )
    db_session.commit()
    for n, person in enumerate(people):
        if n % 5:  # every fifth never came
            phone_sent.checkin(patrol, person, "check_in", n % 20)
            phone_sent.checkin(patrol, person, "check_out", 100 + n % 20)
    person = volunteers[1]
    person.name = "남궁아름다운별하늘빛"
    phone_sent.duty(patrol, person, 90)
    attendance = f"/api/v1/patrols/{patrol.id}/attendance"
    derive_now()
    client.patch(attendance, json={"entries": [{"user_id": person.id}]}, headers=auth_headers(officer))
    approved = client.post("/api/v1/reports/volunteer-hours/approvals",
                           json={"group_id": groups["jayul"].id, "month": month_label(patrol)}, headers=auth_headers(chief))
    assert approved.status_code == 201, approved.get_json()
    client.patch(attendance, json={"entries": [{"user_id": person.id, "duty_minutes": 100}]}, headers=auth_headers(officer))
    day = patrol.starts_at.astimezone(SEOUL).date()
    return {"patrol": patrol, "person": person, "day": day, "names": [p.name for p in people] + [person.name]}


def words_of(data):
    """Each page's size and its words, each with its box, as the PDF places them.

    In the order they are drawn (use_text_flow), so that two strings printed over each other
    come out as two words with overlapping boxes rather than one word of interleaved letters."""
    with pdfplumber.open(BytesIO(data)) as document:
        return [
            (page.width, page.height, page.extract_words(use_text_flow=True, x_tolerance=1.5), page.edges)
            for page in document.pages
        ]


def layout_problems(data):
    """Words outside the page, over each other, or crossed by a ruled line (a cell's border)."""
    problems = []
    for number, (width, height, words, edges) in enumerate(words_of(data), start=1):
        for word in words:
            if word["x0"] < 0 or word["top"] < 0 or word["x1"] > width or word["bottom"] > height:
                problems.append(f"page {number}: {word['text']!r} lies outside the page")
        ordered = sorted(words, key=lambda word: word["top"])
        for index, word in enumerate(ordered):
            for other in ordered[index + 1:]:
                if other["top"] >= word["bottom"] - TOLERANCE:
                    break
                if min(word["x1"], other["x1"]) - max(word["x0"], other["x0"]) > TOLERANCE:
                    problems.append(f"page {number}: {word['text']!r} and {other['text']!r} overlap")
        for word in words:
            middle_y, middle_x = (word["top"] + word["bottom"]) / 2, (word["x0"] + word["x1"]) / 2
            for edge in edges:
                vertical = edge["orientation"] == "v"
                crosses = (
                    word["x0"] + TOLERANCE < edge["x0"] < word["x1"] - TOLERANCE and edge["top"] < middle_y < edge["bottom"]
                    if vertical else
                    word["top"] + TOLERANCE < edge["top"] < word["bottom"] - TOLERANCE and edge["x0"] < middle_x < edge["x1"]
                )
                if crosses:
                    problems.append(f"page {number}: a cell border runs through {word['text']!r}")
                    break
    return problems


def whole_words(data):
    return {word["text"] for _, _, words, _ in words_of(data) for word in words}


def broken(expected, data):
    """The words of `expected` texts that the PDF does not print whole (split over two lines)."""
    printed = whole_words(data)
    return sorted({word for text in expected for word in text.split() if word not in printed})


def download(client, auth_headers, viewer, url, **query):
    response = client.get(url, query_string=query, headers=auth_headers(viewer))
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.mimetype == "application/pdf"
    return response.data


def pages(data):
    return len(words_of(data))


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_attendance_pdf_fits_every_value_in_its_cell(crowded, chief, client, auth_headers, lang):
    data = download(client, auth_headers, chief, "/api/v1/reports/attendance.pdf",
                    **{"from": crowded["day"], "to": crowded["day"], "lang": lang})
    assert pages(data) > 1
    assert layout_problems(data) == []
    assert broken([column.header(lang) for column in ATTENDANCE_COLUMNS] + crowded["names"], data) == []


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_zone_coverage_pdf_fits_every_value_in_its_cell(crowded, chief, client, auth_headers, lang):
    data = download(client, auth_headers, chief, "/api/v1/reports/zone-coverage.pdf",
                    **{"from": crowded["day"], "to": crowded["day"], "lang": lang})
    assert pages(data) > 1
    assert layout_problems(data) == []
    assert broken([column.header(lang) for column in COVERAGE_COLUMNS], data) == []


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_sign_in_sheet_fits_every_value_in_its_cell(crowded, chief, client, auth_headers, lang):
    data = download(client, auth_headers, chief, f"/api/v1/patrols/{crowded['patrol'].id}/sign-in-sheet.pdf", lang=lang)
    assert pages(data) > 1
    assert layout_problems(data) == []
    assert broken(crowded["names"], data) == []


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_certificate_fits_every_value_in_its_cell(crowded, make_user, home_station, client, auth_headers, lang):
    coordinator = make_user("coordinator", home_station)
    data = download(client, auth_headers, coordinator, "/api/v1/reports/volunteer-hours.pdf",
                    month=month_label(crowded["patrol"]), user_id=crowded["person"].id, lang=lang)
    assert pages(data) == 1
    assert layout_problems(data) == []
    assert broken([crowded["person"].name], data) == []


def test_the_checker_sees_words_printed_over_each_other():
    """The check itself: two strings drawn over each other, and one off the page's edge, are caught."""
    register_fonts()
    buffer = BytesIO()
    sheet = canvas.Canvas(buffer)
    sheet.setFont(FONT, 8)
    sheet.drawString(100, 700, "2026-11-06 20:00")
    sheet.drawString(140, 700, "2026-11-06 21:50")
    sheet.drawString(560, 600, "아니오 아니오 아니오")
    sheet.save()
    problems = layout_problems(buffer.getvalue())
    assert any("overlap" in problem for problem in problems)
    assert any("outside the page" in problem for problem in problems)
