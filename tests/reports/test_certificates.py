"""Volunteer-hours certificates: the approved figure, adjustments apart, a number anyone can check."""
import re
import subprocess
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from backend.attendance.models import HoursCertificate
from backend.core.time import SEOUL, utcnow
from backend.organizations.models import GroupMembership
from backend.reports.certificates import ALPHABET, new_number, read_number
from tests.helpers import assert_problem
from backend.testing.fixtures.attendance import month_label

NUMBER = re.compile(r"\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]\b")


def pdf_text(response):
    assert response.status_code == 200, response.get_data(as_text=True)
    return subprocess.run(["pdftotext", "-", "-"], input=response.data, capture_output=True, check=True).stdout.decode()


@pytest.fixture
def hours(last_months_patrol, volunteers, officer, chief, groups, phone_sent, client, auth_headers):
    """Volunteer 2 did 90 minutes last month, confirmed and approved; then an officer corrected
    it to 120 minutes (an adjustment of +30 after the approval)."""
    patrol, person = last_months_patrol, volunteers[1]
    phone_sent.duty(patrol, person, 90)
    url = f"/api/v1/patrols/{patrol.id}/attendance"
    client.patch(url, json={"entries": [{"user_id": person.id}]}, headers=auth_headers(officer))

    def approve(group=groups["jayul"]):
        response = client.post("/api/v1/reports/volunteer-hours/approvals", json={"group_id": group.id, "month": month_label(patrol)}, headers=auth_headers(chief))
        assert response.status_code == 201, response.get_json()
        return response.get_json()["id"]

    def correct():
        client.patch(url, json={"entries": [{"user_id": person.id, "duty_minutes": 120}]}, headers=auth_headers(officer))

    def certificate(viewer, **query):
        query = {"month": month_label(patrol), "format": "pdf", **query}
        return client.get("/api/v1/reports/volunteer-hours", query_string=query, headers=auth_headers(viewer))

    return SimpleNamespace(person=person, month=month_label(patrol), approve=approve, correct=correct, certificate=certificate)


def check(client, number):
    return client.get(f"/api/v1/certificates/{number}")


def test_a_certificate_prints_the_approved_figure_with_later_adjustments_apart(hours, client, db_session):
    hours.approve()
    hours.correct()
    text = pdf_text(hours.certificate(hours.person))
    today = utcnow().astimezone(SEOUL).date()
    for expected in ("봉사시간 확인서", hours.person.name, "안양동안경찰서", hours.month, "승인된 봉사시간", "1시간 30분",
                     "승인 후 조정", "+30분", f"{today.year}년 {today.month}월 {today.day}일"):
        assert expected in text, expected
    assert "2시간" not in text  # the corrected 120 minutes are not passed off as approved
    [number] = set(NUMBER.findall(text))
    assert f"/api/v1/certificates/{number}" in text.replace("\n", "")

    issued = db_session.scalar(select(HoursCertificate))
    assert (issued.user_id, issued.issued_by_id, issued.approved_minutes, issued.adjustment_minutes) == (hours.person.id, hours.person.id, 90, 30)

    answer = check(client, number)  # no sign-in: whoever holds the paper may check it
    assert answer.status_code == 200
    assert answer.get_json() == {
        "number": number, "status": "current", "holder": "자****2", "station": "안양동안경찰서", "month": hours.month,
        "approved_minutes": 90, "adjustment_minutes": 30, "issued_at": issued.issued_at.isoformat(), "revoked_at": None,
    }


def test_certificates_are_for_approved_months_and_named_volunteers(hours, make_user, home_station, officer, volunteers, groups, db_session):
    assert_problem(hours.certificate(hours.person), 409, "HOURS_NOT_APPROVED")
    hours.approve()
    coordinator = make_user("coordinator", home_station)
    assert_problem(hours.certificate(coordinator), 422, "CERTIFICATE_PERSON_REQUIRED")
    assert_problem(hours.certificate(coordinator, user_id=officer.id), 422, "NOT_A_VOLUNTEER")
    assert_problem(hours.certificate(volunteers[2], user_id=hours.person.id), 404, "NOT_FOUND")
    assert hours.person.name in pdf_text(hours.certificate(coordinator, user_id=hours.person.id))
    assert db_session.scalar(select(HoursCertificate.issued_by_id)) == coordinator.id

    # Approved in two groups: the certificate says which approval it prints.
    db_session.add(GroupMembership(group_id=groups["merchants"].id, user_id=hours.person.id))
    db_session.commit()
    hours.approve(groups["merchants"])
    assert_problem(hours.certificate(hours.person), 422, "CERTIFICATE_GROUP_REQUIRED")
    assert "범계 로데오 상인연합회" in pdf_text(hours.certificate(hours.person, group_id=groups["merchants"].id))


def test_a_revoked_approvals_certificates_check_as_revoked(hours, make_user, client, auth_headers):
    approval_id = hours.approve()
    [number] = set(NUMBER.findall(pdf_text(hours.certificate(hours.person))))
    revoked = client.post(f"/api/v1/reports/volunteer-hours/approvals/{approval_id}/revoke", json={"reason": "재확인 필요"},
                          headers=auth_headers(make_user("admin")))
    assert revoked.status_code == 200
    answer = check(client, number).get_json()
    assert (answer["status"], answer["revoked_at"]) == ("revoked", revoked.get_json()["revoked_at"])
    assert_problem(hours.certificate(hours.person), 409, "HOURS_NOT_APPROVED")


def test_a_mistyped_number_is_caught_by_its_check_symbol():
    for _ in range(20):
        number = new_number()
        assert read_number(number) == number
        for position in range(len(number)):
            for symbol in ALPHABET.replace(number[position], ""):
                assert read_number(number[:position] + symbol + number[position + 1:]) is None
        for position in range(len(number) - 1):
            pair = number[position:position + 2]
            # Luhn mod 32 misses only the swap of the first and last symbols of the alphabet.
            if pair[0] != pair[1] and set(pair) != {"0", "Z"}:
                assert read_number(number[:position] + pair[::-1] + number[position + 2:]) is None


def test_numbers_are_read_as_people_type_them_and_lookups_are_limited(hours, client, app, monkeypatch):
    hours.approve()
    [number] = set(NUMBER.findall(pdf_text(hours.certificate(hours.person))))
    typed = number.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    assert check(client, typed).get_json()["number"] == number
    typo = number[:-1] + ALPHABET[(ALPHABET.index(number[-1]) + 1) % len(ALPHABET)]
    assert_problem(check(client, typo), 422, "CERTIFICATE_NUMBER_INVALID")
    assert_problem(check(client, "not-a-number"), 422, "CERTIFICATE_NUMBER_INVALID")
    assert_problem(check(client, new_number()), 404, "NOT_FOUND")

    monkeypatch.setitem(app.config, "CERTIFICATE_CHECK_LIMIT", "5 per hour")
    answers = [check(client, number) for _ in range(6)]
    assert 200 in [answer.status_code for answer in answers]
    assert_problem(answers[-1], 429, "RATE_LIMITED")
    assert 0 < int(answers[-1].headers["Retry-After"]) <= 3600
