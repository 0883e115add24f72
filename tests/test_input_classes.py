"""Each class of input that once answered 500, sent to every operation of the spec that takes
that kind of input: JSON beyond the decoder's limits to every body, text PostgreSQL cannot
store to every body, query parameter and path, and dates beyond the calendar to every date,
time and month field. Each must be refused with its own code, and the server keep serving.

The operations come from the committed spec (tests/test_openapi.py keeps it the app's own).
A caller's role may be refused before the input is read, so each request is sent by every
kind of caller: all answers must be catalogued problems, and one must carry the code.
"""
from pathlib import Path

import pytest
import yaml

from backend.core.schemas import Month
from backend.errors import ERROR_CATALOGUE
from tests.helpers import assert_problem

SPEC = yaml.safe_load((Path(__file__).resolve().parents[1] / "mobile_api_spec" / "openapi.yaml").read_text())
METHODS = ("get", "post", "put", "patch", "delete")

BODIES = {
    "nested a thousand levels": ("[" * 1000 + "]" * 1000, "JSON_TOO_DEEP"),
    "nested 33 levels in a field": ('{"name": ' + "[" * 33 + "]" * 33 + "}", "JSON_TOO_DEEP"),
    "a NUL character": ('{"name": "before\\u0000after"}', "UNSTORABLE_TEXT"),
    "a NUL character in a key": ('{"na\\u0000me": "x"}', "UNSTORABLE_TEXT"),
    "a lone surrogate": ('{"name": "\\ud800"}', "UNSTORABLE_TEXT"),
    "a lone surrogate deep inside": ('{"points": [{"note": ["\\udfff"]}]}', "UNSTORABLE_TEXT"),
    "a number of 5000 digits": ('{"station_id": ' + "7" * 5000 + "}", "JSON_NUMBER_TOO_LONG"),
}
OUT_OF_RANGE = {
    "date": ["9999-12-31", "0001-01-01", "1899-12-31", "3000-01-01"],
    "date-time": ["9999-12-31T23:59:59-09:00", "0001-01-01T00:00:00+09:00", "3000-01-01T00:00:00+00:00"],
    "month": ["9999-12", "0000-01", "3000-01"],
}


def operations():
    for path, item in SPEC["paths"].items():
        for method in METHODS:
            if method in item:
                yield method, path, item[method], item.get("parameters", []) + item[method].get("parameters", [])


def resolve(schema):
    while "$ref" in schema:
        schema = SPEC["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


def calendar_kind(schema):
    schema = resolve(schema)
    if schema.get("format") in ("date", "date-time"):
        return schema["format"]
    if schema.get("pattern") == Month.PATTERN:
        return "month"
    return None


def calendar_fields(schema, path=()):
    """(path, kind) of every date, time and month field of a body schema."""
    schema = resolve(schema)
    for name, child in schema.get("properties", {}).items():
        child = resolve(child)
        if calendar_kind(child):
            yield (*path, name), calendar_kind(child)
        elif child.get("type") == "object":
            yield from calendar_fields(child, (*path, name))
        elif child.get("type") == "array" and resolve(child.get("items", {})).get("type") == "object":
            yield from calendar_fields(child["items"], (*path, name, 0))


def body_with(path, value):
    """The smallest body holding `value` at `path` (an int in it stands for a list)."""
    for key in reversed(path):
        value = [value] if isinstance(key, int) else {key: value}
    return value


def url_of(path, parameters, replace=None):
    values = {p["name"]: ("x" if resolve(p.get("schema", {})).get("type") == "string" else "1")
              for p in parameters if p["in"] == "path"}
    values.update(replace or {})
    return path.format(**values)


def body_cases():
    for method, path, operation, parameters in operations():
        if "requestBody" in operation:
            for name, (text, code) in BODIES.items():
                yield pytest.param(method, url_of(path, parameters), text, code, id=f"{method.upper()} {path} | {name}")


def query_cases():
    for method, path, operation, parameters in operations():
        for parameter in parameters:
            if parameter["in"] == "query":
                yield pytest.param(method, url_of(path, parameters), parameter["name"], id=f"{method.upper()} {path} | {parameter['name']}")


def path_cases():
    for method, path, operation, parameters in operations():
        for parameter in parameters:
            if parameter["in"] == "path":
                url = url_of(path, parameters, {parameter["name"]: "1%00"})
                yield pytest.param(method, url, id=f"{method.upper()} {path} | {parameter['name']}")


def calendar_cases():
    for method, path, operation, parameters in operations():
        for parameter in parameters:
            kind = calendar_kind(parameter.get("schema", {}))
            if parameter["in"] == "query" and kind:
                for value in OUT_OF_RANGE[kind]:
                    yield pytest.param(method, url_of(path, parameters), {"query_string": {parameter["name"]: value}},
                                       id=f"{method.upper()} {path} | ?{parameter['name']}={value}")
        body = operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
        for field_path, kind in calendar_fields(body) if body else ():
            for value in OUT_OF_RANGE[kind]:
                yield pytest.param(method, url_of(path, parameters), {"json": body_with(field_path, value)},
                                   id=f"{method.upper()} {path} | {'.'.join(map(str, field_path))}={value}")


@pytest.fixture
def callers(make_user, auth_headers, home_station):
    return [
        auth_headers(make_user("admin")),
        auth_headers(make_user("station_chief", home_station)),
        auth_headers(make_user("volunteer", home_station)),
        {},
    ]


def answers_of_every_caller(client, callers, method, url, **request):
    """Each caller's problem, after checking it is a catalogued 4xx."""
    problems = []
    for headers in callers:
        response = client.open(url, method=method.upper(), headers=headers, **request)
        assert 400 <= response.status_code < 500, response.get_data(as_text=True)
        problem = response.get_json()
        assert response.mimetype == "application/problem+json" and problem["code"] in ERROR_CATALOGUE, problem
        problems.append(problem)
    return problems


@pytest.mark.parametrize("method, url, text, code", list(body_cases()))
def test_bodies_beyond_what_can_be_read_or_stored_are_refused(client, callers, method, url, text, code):
    problems = answers_of_every_caller(client, callers, method, url, data=text, content_type="application/json")
    assert code in [problem["code"] for problem in problems], problems
    # The server is unharmed: the next request is served.
    assert client.get("/api/v1/openapi.json").status_code == 200


@pytest.mark.parametrize("method, url, name", list(query_cases()))
def test_a_nul_in_any_query_parameter_is_refused(client, method, url, name):
    # Checked before anything else, signed in or not.
    problem = assert_problem(client.open(f"{url}?{name}=before%00after", method=method.upper()), 422, "UNSTORABLE_TEXT")
    assert list(problem["errors"]) == [name]


@pytest.mark.parametrize("method, url", list(path_cases()))
def test_a_nul_in_any_path_segment_is_refused(client, method, url):
    problem = assert_problem(client.open(url, method=method.upper()), 422, "UNSTORABLE_TEXT")
    assert list(problem["errors"]) == ["_path"]


# A batch judges its points one by one: a point dated beyond the calendar is rejected on its
# own (in the answer's `rejected`), so the rest of what a phone buffered is not lost.
BATCH = ("post", "/api/v1/locations:batch")


@pytest.mark.parametrize("method, url, request_part", list(calendar_cases()))
def test_dates_beyond_the_calendar_are_refused(client, callers, method, url, request_part):
    if (method, url) == BATCH:
        answer = client.post(url, headers=callers[2], **request_part)
        assert answer.status_code == 200, answer.get_json()
        [rejected] = answer.get_json()["rejected"]
        assert rejected["code"] == "INVALID_POINT"
        assert rejected["errors"]["recorded_at"] == ["Dates must lie in the years 1900 to 2999."]
        return
    problems = answers_of_every_caller(client, callers, method, url, **request_part)
    refused = [problem for problem in problems if problem["code"] == "DATE_OUT_OF_RANGE"]
    assert refused, problems
    assert refused[0]["detail"] == "날짜는 1900년부터 2999년 사이여야 합니다."


def test_every_kind_of_calendar_field_is_exercised():
    # The cases above find their fields by format and pattern in the spec: if those changed,
    # they would quietly test nothing.
    ids = {case.id for case in calendar_cases()}
    assert {
        "GET /api/v1/reports/volunteer-hours | ?month=9999-12",
        "POST /api/v1/reports/volunteer-hours/approvals | month=0000-01",
        "GET /api/v1/reports/attendance | ?from=9999-12-31",
        "GET /api/v1/patrols | ?from=9999-12-31T23:59:59-09:00",
        "POST /api/v1/patrols | starts_at=9999-12-31T23:59:59-09:00",
        "POST /api/v1/locations:batch | points.0.recorded_at=9999-12-31T23:59:59-09:00",
    } <= ids
