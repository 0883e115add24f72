"""Requests are read strictly: JSON types as sent, numbers the database can hold, a body
where one is documented. Each case here was found by the fuzzing in test_api_fuzz.py."""
import pytest

from tests.helpers import assert_problem

PREFERENCES = "/api/v1/me/notification-preferences"


@pytest.fixture
def admin_headers(make_user, auth_headers):
    return auth_headers(make_user("admin"))


def test_an_id_no_row_can_have_is_simply_not_found(client, admin_headers):
    # Once a 500: the database refused to compare 2**40 with an integer column.
    assert_problem(client.get(f"/api/v1/users/{2**40}", headers=admin_headers), 404, "NOT_FOUND")
    assert_problem(client.get(f"/api/v1/patrols/{2**31}/roster", headers=admin_headers), 404, "NOT_FOUND")
    requeue = f"/api/v1/admin/notifications/{2**64}/requeue"
    assert_problem(client.post(requeue, headers=admin_headers), 404, "NOT_FOUND")


def test_ids_in_bodies_and_query_strings_must_fit_the_database(client, admin_headers, home_station):
    too_big = 2**31
    body = {"name": "범계동 자율방범대", "kind": "patrol_association", "station_id": too_big}
    refused = assert_problem(client.post("/api/v1/groups", json=body, headers=admin_headers), 422, "VALIDATION_ERROR")
    assert "station_id" in refused["errors"]
    refused = assert_problem(client.get(f"/api/v1/users?station_id={too_big}", headers=admin_headers), 422, "VALIDATION_ERROR")
    assert "station_id" in refused["errors"]


def test_a_fraction_is_not_truncated_to_an_integer(client, admin_headers, home_station):
    rules = f"/api/v1/stations/{home_station.id}"
    refused = client.patch(rules, json={"withdrawal_cutoff_minutes": 2.5}, headers=admin_headers)
    assert assert_problem(refused, 422, "VALIDATION_ERROR")["errors"] == {"withdrawal_cutoff_minutes": ["Not a valid integer."]}
    accepted = client.patch(rules, json={"withdrawal_cutoff_minutes": 120}, headers=admin_headers)
    assert accepted.status_code == 200
    assert accepted.get_json()["withdrawal_cutoff_minutes"] == 120


@pytest.mark.parametrize("loose", [0, 1, "true", "yes", None])
def test_a_boolean_is_true_or_false_only(client, admin_headers, loose):
    refused = client.patch(PREFERENCES, json={"is_reminders_muted": loose}, headers=admin_headers)
    assert assert_problem(refused, 422, "VALIDATION_ERROR")["errors"] == {"is_reminders_muted": ["Not a valid boolean."]}
    accepted = client.patch(PREFERENCES, json={"is_reminders_muted": True}, headers=admin_headers)
    assert accepted.get_json()["is_reminders_muted"] is True


def test_query_strings_still_carry_numbers_and_booleans_as_text(client, admin_headers, make_user, home_station):
    member = make_user("volunteer", home_station)
    response = client.get(f"/api/v1/users?station_id={home_station.id}&is_active=true", headers=admin_headers)
    assert response.status_code == 200
    assert [user["id"] for user in response.get_json()] == [member.id]


@pytest.mark.parametrize(
    "request_body",
    [{}, {"data": "is_reminders_muted=true", "content_type": "application/x-www-form-urlencoded"}],
    ids=["no body", "a form instead of JSON"],
)
def test_a_documented_body_is_required(client, admin_headers, request_body):
    # Once read as {}: the PATCH answered 200 having changed nothing.
    refused = assert_problem(client.patch(PREFERENCES, headers=admin_headers, **request_body), 422, "VALIDATION_ERROR")
    assert refused["errors"] == {"_schema": ["Send a JSON body, with Content-Type: application/json."]}


def test_a_page_far_past_the_end_is_empty(client, admin_headers, home_station):
    # Once a 500: the page's offset overflowed the database's bigint.
    response = client.get(f"/api/v1/stations?page={10**20}", headers=admin_headers)
    assert response.status_code == 200
    assert response.get_json() == []


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_report_filters_take_only_positive_ids(client, auth_headers, make_user, home_station, fmt):
    # The lowest integer once broke the CSV's COPY, whose parameters are written into its text.
    chief = make_user("station_chief", home_station)
    url = f"/api/v1/reports/attendance?from=2026-11-01&to=2026-11-30&format={fmt}&station_id=-2147483648"
    body = assert_problem(client.get(url, headers=auth_headers(chief)), 422, "VALIDATION_ERROR")
    assert "station_id" in body["errors"]
