"""Requests are read strictly: JSON types as sent, numbers the database can hold, a body
where one is documented. Each case here was found by the fuzzing in test_api_fuzz.py."""
import re

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


def test_a_surrogate_pair_is_kept(client, admin_headers, home_station):
    # A lone surrogate is refused (test_input_classes.py); a pair is one character, kept.
    group = '{"name": "%s", "kind": "patrol_association", "station_id": %d}'
    pair = client.post("/api/v1/groups", data=group % ("범계 \\ud83d\\ude94", home_station.id), content_type="application/json", headers=admin_headers)
    assert pair.status_code == 201
    assert pair.get_json()["name"] == "범계 🚔"


@pytest.mark.parametrize("month", ["9999-12", "0000-01"])
@pytest.mark.parametrize("fmt", ["csv", "xlsx", "pdf"])
def test_a_month_beyond_the_calendar_is_refused_in_every_file_format(client, admin_headers, month, fmt):
    # Once 500s: the month after 9999-12 and the year 0 do not exist in Python. JSON, the
    # default format, is among the cases of test_input_classes.py.
    response = client.get(f"/api/v1/reports/volunteer-hours?month={month}&format={fmt}", headers=admin_headers)
    assert assert_problem(response, 422, "DATE_OUT_OF_RANGE")["errors"] == {"month": ["Dates must lie in the years 1900 to 2999."]}


@pytest.mark.parametrize("scheme", ["bearer", "BEARER", "Bearer"])
def test_the_bearer_scheme_is_case_insensitive(client, admin_headers, scheme):
    # RFC 9110: the scheme of Authorization is case-insensitive; "bearer" was refused as no token.
    token = admin_headers["Authorization"].split(" ", 1)[1]
    response = client.get("/api/v1/me", headers={"Authorization": f"{scheme} {token}"})
    assert response.status_code == 200
    assert_problem(client.get("/api/v1/me", headers={"Authorization": f"{scheme} not-a-token"}), 401, "TOKEN_INVALID")
    assert_problem(client.get("/api/v1/me", headers={"Authorization": f"Basic {token}"}), 401, "UNAUTHORIZED")


def test_an_unknown_query_parameter_is_refused_not_ignored(client, admin_headers, home_station):
    # A misspelt filter once answered the whole, unfiltered list.
    refused = client.get(f"/api/v1/users?station_id={home_station.id}&is_actve=false", headers=admin_headers)
    assert assert_problem(refused, 422, "VALIDATION_ERROR")["errors"] == {"is_actve": ["Unknown query parameter."]}


def test_an_operation_without_query_parameters_refuses_any(client, admin_headers):
    refused = assert_problem(client.get("/api/v1/me?verbose=1&b=2", headers=admin_headers), 422, "VALIDATION_ERROR")
    assert refused["errors"] == {"b": ["Unknown query parameter."], "verbose": ["Unknown query parameter."]}
    refused = client.post("/api/v1/me/calendar-feed?x=1", headers=admin_headers)
    assert assert_problem(refused, 422, "VALIDATION_ERROR")["errors"] == {"x": ["Unknown query parameter."]}
    assert client.get("/api/v1/me", headers=admin_headers).status_code == 200


def test_pagination_and_filters_are_known_together(client, admin_headers, home_station):
    listed = client.get(f"/api/v1/users?station_id={home_station.id}&page=1&page_size=5", headers=admin_headers)
    assert listed.status_code == 200
    assert client.get("/api/v1/stations?page=1&page_size=5", headers=admin_headers).status_code == 200
    refused = client.get("/api/v1/stations?page=1&station_id=1", headers=admin_headers)
    assert assert_problem(refused, 422, "VALIDATION_ERROR")["errors"] == {"station_id": ["Unknown query parameter."]}


def test_every_documented_query_parameter_is_read_by_its_operation(app):
    # The refusal must never reach a parameter the spec offers: each operation notes what it reads.
    spec = client_spec(app)
    views = {rule_path(rule): rule for rule in app.url_map.iter_rules()}
    checked = 0
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            if method == "parameters":
                continue  # the path's own parameters, shared by its operations
            documented = {p["name"] for p in operation.get("parameters", []) if p["in"] == "query"}
            view = app.view_functions[views[path].endpoint]
            handler = getattr(view.view_class, method) if hasattr(view, "view_class") else view
            assert getattr(handler, "query_parameters", frozenset()) == documented, (method, path)
            checked += bool(documented)
    assert checked > 10


def client_spec(app):
    return app.test_client().get("/api/v1/openapi.json").get_json()


def rule_path(rule):
    return re.sub(r"<(?:[^:>]+:)?([^>]+)>", r"{\1}", rule.rule)
