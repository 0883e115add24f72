"""A group's monthly hours: approved once the month is over, locked, listed, revocable by admins."""
import uuid
from datetime import date, timedelta

from sqlalchemy import select

from backend.attendance.models import ApprovedHours, HoursAdjustment
from backend.attendance.services import month_of
from backend.checkins.models import CheckIn
from backend.core.time import utcnow
from tests.helpers import assert_problem
from backend.testing.fixtures.attendance import HERE, month_label

APPROVALS = "/api/v1/reports/volunteer-hours/approvals"


def approve(client, auth_headers, who, group, month):
    return client.post(APPROVALS, json={"group_id": group.id, "month": month}, headers=auth_headers(who))


def confirm(client, auth_headers, officer, patrol, *entries):
    response = client.patch(f"/api/v1/patrols/{patrol.id}/attendance", json={"entries": list(entries)}, headers=auth_headers(officer))
    assert response.status_code == 200, response.get_json()


def test_approved_hours_are_locked_and_later_changes_show_as_adjustments(last_months_patrol, volunteers, officer, chief, groups, phone_sent, client, auth_headers, db_session):
    patrol, month = last_months_patrol, month_label(last_months_patrol)
    phone_sent.duty(patrol, volunteers[1], 90)
    phone_sent.duty(patrol, volunteers[2], 60)
    confirm(client, auth_headers, officer, patrol, {"user_id": volunteers[1].id})
    approval = approve(client, auth_headers, chief, groups["jayul"], month)
    assert approval.status_code == 201
    assert (approval.get_json()["month"], approval.get_json()["is_revoked"]) == (month, False)
    certified = db_session.scalar(select(ApprovedHours).where(ApprovedHours.user_id == volunteers[1].id))
    assert certified.minutes == 90
    assert_problem(approve(client, auth_headers, chief, groups["jayul"], month), 409, "HOURS_ALREADY_APPROVED")

    # A correction, and a patrol confirmed only after the approval: neither moves the figure.
    confirm(client, auth_headers, officer, patrol,
            {"user_id": volunteers[1].id, "duty_minutes": 120, "note": "귀소 후 체크아웃 누락"}, {"user_id": volunteers[2].id})
    db_session.refresh(certified)
    assert certified.minutes == 90
    adjustments = {a.user_id: (a.minutes, a.patrol_id) for a in db_session.scalars(select(HoursAdjustment))}
    assert adjustments == {volunteers[1].id: (30, patrol.id), volunteers[2].id: (60, patrol.id)}


def test_a_month_that_has_not_ended_cannot_be_approved(chief, groups, client, auth_headers):
    this_month = month_of(utcnow())
    next_month = date(this_month.year + this_month.month // 12, this_month.month % 12 + 1, 1)
    for month in (this_month, next_month, date(2099, 1, 1)):
        assert_problem(approve(client, auth_headers, chief, groups["jayul"], f"{month:%Y-%m}"), 409, "MONTH_NOT_ENDED")
    assert client.get(APPROVALS, headers=auth_headers(chief)).get_json() == []


def test_approving_needs_a_valid_month_and_a_group_of_ones_station(client, auth_headers, chief, make_group, other_station):
    assert_problem(client.post(APPROVALS, json={"group_id": 1, "month": "2026-13"}, headers=auth_headers(chief)), 422, "VALIDATION_ERROR")
    foreign = make_group(other_station)
    assert_problem(approve(client, auth_headers, chief, foreign, "2026-11"), 404, "NOT_FOUND")


def test_approvals_are_listed_for_ones_station_only(last_months_patrol, chief, officer, groups, make_user, make_group, other_station, client, auth_headers):
    month = month_label(last_months_patrol)
    approve(client, auth_headers, chief, groups["jayul"], month)
    approve(client, auth_headers, chief, groups["merchants"], month)
    foreign_chief = make_user("station_chief", other_station)
    foreign = make_group(other_station)
    assert approve(client, auth_headers, foreign_chief, foreign, month).status_code == 201

    listed = client.get(APPROVALS, headers=auth_headers(officer))
    assert listed.status_code == 200
    assert {a["group_name"] for a in listed.get_json()} == {"범계동 자율방범대", "범계 로데오 상인연합회"}
    assert '"total": 2' in listed.headers["X-Pagination"]
    one = client.get(APPROVALS, query_string={"group_id": groups["jayul"].id, "month": month, "page_size": 1}, headers=auth_headers(chief))
    assert one.status_code == 200
    assert [a["group_id"] for a in one.get_json()] == [groups["jayul"].id]
    assert client.get(APPROVALS, query_string={"group_id": foreign.id}, headers=auth_headers(chief)).get_json() == []
    assert_problem(client.get(APPROVALS, headers=auth_headers(make_user("volunteer", other_station))), 403, "FORBIDDEN")


def test_an_admin_revokes_an_approval_with_a_reason_and_the_month_can_be_approved_again(last_months_patrol, volunteers, officer, chief, groups, make_user, phone_sent, client, auth_headers):
    patrol, month = last_months_patrol, month_label(last_months_patrol)
    phone_sent.duty(patrol, volunteers[1], 90)
    confirm(client, auth_headers, officer, patrol, {"user_id": volunteers[1].id})
    first = approve(client, auth_headers, chief, groups["jayul"], month).get_json()
    revoke = f"{APPROVALS}/{first['id']}/revoke"
    admin = make_user("admin")

    assert_problem(client.post(revoke, json={"reason": "잘못 승인"}, headers=auth_headers(chief)), 403, "FORBIDDEN")
    assert "reason" in assert_problem(client.post(revoke, json={"reason": "   "}, headers=auth_headers(admin)), 422, "TEXT_BLANK")["errors"]
    assert_problem(client.post(revoke, json={"reason": "x" * 501}, headers=auth_headers(admin)), 422, "VALIDATION_ERROR")
    assert_problem(client.post(revoke, json={}, headers=auth_headers(admin)), 422, "VALIDATION_ERROR")
    assert_problem(client.post(f"{APPROVALS}/999999/revoke", json={"reason": "x"}, headers=auth_headers(admin)), 404, "NOT_FOUND")

    revoked = client.post(revoke, json={"reason": "  출석 정정 누락으로 재승인 필요 "}, headers=auth_headers(admin))
    assert revoked.status_code == 200
    body = revoked.get_json()
    assert (body["is_revoked"], body["revoked_by_id"], body["revocation_reason"]) == (True, admin.id, "출석 정정 누락으로 재승인 필요")
    assert_problem(client.post(revoke, json={"reason": "again"}, headers=auth_headers(admin)), 409, "APPROVAL_ALREADY_REVOKED")

    # Unlocked: a correction is no adjustment any more, and the new approval certifies it.
    confirm(client, auth_headers, officer, patrol, {"user_id": volunteers[1].id, "duty_minutes": 100})
    second = approve(client, auth_headers, chief, groups["jayul"], month)
    assert second.status_code == 201 and second.get_json()["id"] != first["id"]
    report = client.get(f"/api/v1/reports/volunteer-hours?month={month}&group_id={groups['jayul'].id}", headers=auth_headers(chief)).get_json()
    row = next(r for r in report["rows"] if r["user_id"] == volunteers[1].id)
    assert (row["approved_minutes"], row["adjustment_minutes"]) == (100, 0)

    history = client.get(APPROVALS, query_string={"group_id": groups["jayul"].id}, headers=auth_headers(chief)).get_json()
    assert [(a["id"], a["is_revoked"]) for a in history] == [(second.get_json()["id"], False), (first["id"], True)]
    only_revoked = client.get(APPROVALS, query_string={"is_revoked": "true"}, headers=auth_headers(chief)).get_json()
    assert [a["revocation_reason"] for a in only_revoked] == ["출석 정정 누락으로 재승인 필요"]


def test_a_late_change_to_a_confirmed_record_waits_for_the_officer_and_shows_as_an_adjustment(
    last_months_patrol, volunteers, officer, chief, groups, phone_sent, client, auth_headers, db_session
):
    patrol, person = last_months_patrol, volunteers[1]
    phone_sent.duty(patrol, person, 90)
    # A later check-out an officer first rejected (flagged: recorded far from the zones).
    late_checkout = CheckIn(
        patrol_id=patrol.id, user_id=person.id, kind="check_out", client_event_id=uuid.uuid4(), request_fingerprint="y" * 64,
        point=HERE, accuracy_m=5, recorded_at=patrol.starts_at + timedelta(minutes=120), status="flagged",
        reasons=["outside_geofence"], distance_m=900, review="rejected",
    )
    db_session.add(late_checkout)
    db_session.commit()
    confirm(client, auth_headers, officer, patrol, {"user_id": person.id})
    assert approve(client, auth_headers, chief, groups["jayul"], month_label(patrol)).status_code == 201

    # The rejection is reversed: the confirmed, approved figure does not move by itself...
    reviewed = client.patch(f"/api/v1/checkins/{late_checkout.id}", json={"review": "approved", "note": "지구대 복귀 확인"},
                            headers=auth_headers(officer))
    assert reviewed.status_code == 200, reviewed.get_json()
    attendance = client.get(f"/api/v1/patrols/{patrol.id}/attendance", headers=auth_headers(officer)).get_json()
    assert [(row["user_id"], row["duty_minutes"]) for row in attendance if row["user_id"] == person.id] == [(person.id, 90)]
    assert db_session.scalars(select(HoursAdjustment)).all() == []

    # ...until the officer confirms again: then the change shows beside the approved figure.
    confirm(client, auth_headers, officer, patrol, {"user_id": person.id})
    certified = db_session.scalar(select(ApprovedHours).where(ApprovedHours.user_id == person.id))
    adjustments = [(a.user_id, a.minutes) for a in db_session.scalars(select(HoursAdjustment))]
    assert (certified.minutes, adjustments) == (90, [(person.id, 30)])
