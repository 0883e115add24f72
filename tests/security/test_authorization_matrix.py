"""Every route × every role × the caller's own objects, someone else's, and another station's.

The expected answers are the classification table's; besides the status, every answer that
is given (2xx) is searched for what its reader may not see: another station's names and
phone numbers (everyone but admins), other people's phone numbers and coordinates
(volunteers), other people's device tokens (everyone).
"""
import pytest

from backend import create_app
from backend.config import sqlalchemy_url
from backend.core.request_log import CONVERTER
from backend.extensions import api
from backend.testing.database import TEST_DATABASE_URL
from tests.helpers import assert_problem
from tests.security.classification import DERIVED, OPERATIONS, OUTSIDE_THE_API, TABLE
from tests.security.world import ANONYMOUS, API, NEIGHBOUR, OTHER, OWN, ROLES

PROBLEMS = {
    "no": (403, "FORBIDDEN"),
    "404": (404, "NOT_FOUND"),
    "422": (422, "STATION_OUT_OF_SCOPE"),
    "401": (401, "UNAUTHORIZED"),
}


def rows_of(operation):
    """{scope: {role: cell}} as the table gives them, the other-station row derived if left out."""
    if operation.is_public:
        rows = {OWN: operation.own, OTHER: operation.other}
        return {scope: {ANONYMOUS: row} for scope, row in rows.items() if row is not None}
    rows = {OWN: operation.own, NEIGHBOUR: operation.neighbour, OTHER: operation.other}
    if operation.other == DERIVED:
        rows[OTHER] = " ".join(
            cell if role == "admin" or cell == "no" else "404" for role, cell in zip(ROLES, operation.own.split())
        )
    cells = {}
    for scope, row in rows.items():
        if row is not None:
            assert len(row.split()) == len(ROLES), f"{operation.name}: a row needs {len(ROLES)} cells: {row!r}"
            cells[scope] = dict(zip(ROLES, row.split()))
    cells[OWN][ANONYMOUS] = "401"
    return cells


def cases():
    for operation in OPERATIONS:
        for scope, cells in rows_of(operation).items():
            for role, cell in cells.items():
                yield pytest.param(operation, role, scope, cell, id=f"{operation.name} | {role} | {scope}")


def send(client, operation, call, caller):
    method, template = operation.name.split(" ", 1)
    headers = {}
    if caller is not None and not operation.is_public:
        token = caller.refresh_token if operation.credential == "refresh" else caller.access_token
        headers["Authorization"] = f"Bearer {token}"
    return client.open(
        API + template.format(**(call.path or {})), method=method, json=call.json, query_string=call.query, headers=headers
    )


@pytest.mark.parametrize("operation, role, scope, expected", list(cases()))
def test_route_answers_each_role_as_classified(client, world, operation, role, scope, expected):
    caller = world.caller(role)
    objects = world.view(scope, caller if caller is not None else world.home.volunteer)
    response = send(client, operation, operation.call(objects), caller)

    if expected == "ok":
        assert 200 <= response.status_code < 300, response.get_data(as_text=True)
        assert world.secrets_hidden_from(caller).found_in(response) == []
    elif expected == "403":
        assert_problem(response, 403, response.get_json()["code"])
    else:
        assert_problem(response, *PROBLEMS[expected])


def test_every_route_is_classified(app):
    with app.app_context():
        paths = api.spec.to_dict()["paths"]
    routes = {
        f"{method.upper()} {path.removeprefix(API)}"
        for path, item in paths.items()
        for method in item
        if method != "parameters"
    }
    assert sorted(routes - TABLE.keys()) == [], "routes nobody classified: add them to tests/security/classification.py"
    assert sorted(TABLE.keys() - routes) == [], "classified routes that no longer exist"


def test_every_route_outside_the_api_is_classified(app):
    # Every route there may be: /metrics exists only when a scraper is configured.
    everything = create_app(
        {"PATROL_ENV": "testing", "SQLALCHEMY_DATABASE_URI": sqlalchemy_url(TEST_DATABASE_URL), "METRICS_ALLOW": "127.0.0.1"}
    )
    with everything.app_context():
        in_spec = set(api.spec.to_dict()["paths"])
    outside = {
        rule.rule
        for rule in everything.url_map.iter_rules()
        # "/patrols/<id:patrol_id>" is "/patrols/{patrol_id}" in the spec
        if CONVERTER.sub(r"{\1}", rule.rule) not in in_spec
    }
    assert sorted(outside - OUTSIDE_THE_API.keys()) == [], "routes outside the API nobody classified: add them to OUTSIDE_THE_API"
    assert sorted(OUTSIDE_THE_API.keys() - outside) == [], "classified routes that no longer exist"
