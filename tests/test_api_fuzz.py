"""Property-based fuzzing of every operation in the spec, against the app in-process.

Schemathesis generates requests from the committed OpenAPI document (valid ones and
deliberately invalid ones) and checks every answer: never a 5xx, a documented status and
content type, a body and headers that match the documented schemas, invalid input refused,
and every 4xx a problem+json with a catalogued code. Requests come from an admin, from a
volunteer on a running patrol, or from nobody; path and query ids sometimes name real rows.

The budget is bounded and the generation derandomised, so a run is reproducible.
"""
import zlib
from contextlib import contextmanager
from pathlib import Path

import hypothesis
import pytest
import schemathesis
from schemathesis.core.parameters import ParameterLocation

from backend.errors import ERROR_CATALOGUE, PROBLEM_MIMETYPE
from backend.extensions import limiter

# The committed spec, which tests/test_openapi.py keeps identical to what the app serves.
SPEC_PATH = Path(__file__).resolve().parents[1] / "mobile_api_spec" / "openapi.yaml"
CALLERS = ("admin", "volunteer", "anonymous")

schema = schemathesis.openapi.from_path(
    SPEC_PATH,
    config=schemathesis.Config.from_dict(
        {
            "seed": 20261101,
            "generation": {"max-examples": 10, "deterministic": True},
            # The coverage phase walks every field's boundaries. Its invalid half (each field
            # times each way to break it) would triple the run; the fuzzing phase still sends
            # invalid requests, at random.
            "phases": {"coverage": {"generation": {"mode": "positive"}}},
            "checks": {
                # A request the schema allows may still break a rule of the domain that no
                # schema can say (a patrol starting in the past, a station outside the
                # caller's); those answer 422 with their own code, which problem_details checks.
                "positive_data_acceptance": {"expected-statuses": ["2xx", "401", "403", "404", "409", "422"]},
            },
            "operations": [
                {
                    # A batch takes its valid points and answers 200 with each invalid one in
                    # `rejected` as INVALID_POINT (tests/locations checks those answers).
                    "include-path": "/api/v1/locations:batch",
                    "checks": {"negative_data_rejection": {"expected-statuses": ["200", "400", "401", "403", "422", "429"]}},
                },
            ],
        }
    ),
)


@pytest.fixture
def fuzz_world(running_patrol, make_user, auth_headers, home_station, groups, zones, volunteers):
    """Ids of real rows and tokens of real callers, read once while the rows are attached."""
    volunteer = volunteers[1]
    return {
        "headers": {
            "admin": auth_headers(make_user("admin")),
            "volunteer": auth_headers(volunteer),
            "anonymous": {},
        },
        "ids": {
            "patrol_id": running_patrol.id,
            "user_id": volunteer.id,
            "group_id": groups["jayul"].id,
            "station_id": home_station.id,
            "zone_id": zones["plaza"].id,
        },
    }


@schemathesis.check
def problem_details(ctx, response, case):
    """Every 4xx is problem+json whose code is catalogued and whose status is the answer's."""
    if response.status_code < 400:
        return None
    assert response.headers["content-type"][0].startswith(PROBLEM_MIMETYPE), response.headers
    body = response.json()
    assert body["code"] in ERROR_CATALOGUE, body
    assert body["status"] == response.status_code, body
    return None


def request_hash(case):
    """A number that is the same whenever the same request is generated again.

    It stands in for a random draw: schemathesis refuses extra hypothesis strategies
    alongside the spec's examples, and a hash keeps a shrunk or replayed request paired
    with the caller and ids it failed with.
    """
    return zlib.crc32(repr((case.path_parameters, case.query, case.body)).encode())


def is_invalid_on_purpose(case, location):
    component = case.meta.components.get(location) if case.meta else None
    return component is not None and component.mode.is_negative


def use_real_ids(case, ids):
    """Point path and query ids at real rows, unless schemathesis made them invalid on purpose."""
    for location, parameters in ((ParameterLocation.PATH, case.path_parameters), (ParameterLocation.QUERY, case.query)):
        if parameters and not is_invalid_on_purpose(case, location):
            for name in set(parameters) & set(ids):
                parameters[name] = ids[name]


def sign_in_as(case, headers):
    """Send the caller's token instead of the made-up one, unless that is what is under test."""
    if is_invalid_on_purpose(case, ParameterLocation.HEADER):
        return
    case.headers = {name: value for name, value in (case.headers or {}).items() if name.lower() != "authorization"}
    case.headers.update(headers)


@contextmanager
def nothing_kept(app, db_session):
    """Run one example inside a savepoint rolled back afterwards, with fresh rate limits.

    The app's commit at the end of each request only releases its own, inner savepoint.
    The example also gets its own application context, as each request on a server does;
    otherwise Flask would reuse the test's, and `g` would carry state between examples.
    """
    db_session.remove()
    savepoint = db_session.get_bind().begin_nested()
    try:
        with app.app_context():
            yield
    finally:
        db_session.remove()
        savepoint.rollback()
        limiter.reset()


@schema.parametrize()
@hypothesis.settings(
    deadline=None,
    derandomize=True,
    database=None,
    # The world is built once per operation, not per example: nothing_kept isolates examples.
    suppress_health_check=[hypothesis.HealthCheck.function_scoped_fixture, hypothesis.HealthCheck.too_slow],
)
def test_every_operation_answers_as_documented(case, app, fuzz_world, db_session):
    # parametrize() cloned the schema when tests were collected, before the app existed;
    # requests, and the probes some checks send, go to the app in-process.
    case.operation.app = case.operation.schema.app = app
    chance = request_hash(case)
    if chance % 2:
        use_real_ids(case, fuzz_world["ids"])
    sign_in_as(case, fuzz_world["headers"][CALLERS[chance // 2 % len(CALLERS)]])
    with nothing_kept(app, db_session):
        case.call_and_validate(additional_checks=[problem_details])
