"""mobile_api_spec/openapi.yaml is generated from the code; this fails when it drifts.

Regenerate with: flask --app wsgi openapi write --format=yaml mobile_api_spec/openapi.yaml
"""
import re
from pathlib import Path

import yaml

from backend.errors import ERROR_CATALOGUE, PROBLEM_MIMETYPE
from backend.extensions import api

SPEC_DIR = Path(__file__).resolve().parents[1] / "mobile_api_spec"


def test_committed_spec_matches_the_code(app):
    with app.app_context():
        generated = api.spec.to_dict()
    committed = yaml.safe_load((SPEC_DIR / "openapi.yaml").read_text(encoding="utf-8"))
    assert committed == generated, (
        "mobile_api_spec/openapi.yaml is out of date: run "
        "`flask --app wsgi openapi write --format=yaml mobile_api_spec/openapi.yaml`"
    )


def test_spec_is_served(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response.get_json()["info"]["title"] == "Joint Patrol API"


def test_every_route_has_a_summary(app):
    with app.app_context():
        paths = api.spec.to_dict()["paths"]
    missing = [
        f"{method.upper()} {path}"
        for path, item in paths.items()
        for method, operation in item.items()
        if method != "parameters" and not operation.get("summary")
    ]
    assert missing == []


def test_app_developer_guide_lists_every_error_code():
    guide = (SPEC_DIR / "README.md").read_text(encoding="utf-8")
    assert [code for code in ERROR_CATALOGUE if f"`{code}`" not in guide] == []


def test_every_error_is_documented_as_the_problem_json_sent(app):
    with app.app_context():
        spec = api.spec.to_dict()
    shared = spec["components"]["responses"]
    documented = {}
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if method == "parameters":
                continue
            for status, response in operation["responses"].items():
                if status == "default" or int(status) >= 400:
                    response = shared[response["$ref"].split("/")[-1]] if "$ref" in response else response
                    documented[f"{method.upper()} {path} {status}"] = list(response["content"])
    assert documented
    assert {where: types for where, types in documented.items() if types != ["application/problem+json"]} == {}


def test_the_pagination_header_is_documented_as_json(app):
    with app.app_context():
        header = api.spec.to_dict()["components"]["headers"]["PAGINATION"]
    assert header["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/PaginationMetadata"}


def operations(spec):
    return [
        (method, path, operation)
        for path, item in spec["paths"].items()
        for method, operation in item.items()
        if method != "parameters"
    ]


def test_every_operation_has_a_unique_readable_operation_id(app):
    with app.app_context():
        spec = api.spec.to_dict()
    ids = {f"{method.upper()} {path}": operation.get("operationId") for method, path, operation in operations(spec)}
    assert {where: name for where, name in ids.items() if not re.fullmatch(r"[a-z]+(?:[A-Z][a-z0-9]*)*", name or "")} == {}
    assert len(set(ids.values())) == len(ids), [name for name in ids.values() if list(ids.values()).count(name) > 1]
    # What app developers call; a rename breaks their generated code.
    assert {
        "POST /api/v1/auth/token": "signIn",
        "GET /api/v1/me": "getMe",
        "GET /api/v1/patrols": "listPatrols",
        "POST /api/v1/patrols": "createPatrol",
        "GET /api/v1/patrols/{patrol_id}": "getPatrol",
        "POST /api/v1/patrols/{patrol_id}/signups": "signUpForPatrol",
        "POST /api/v1/locations:batch": "uploadLocationBatch",
        "POST /api/v1/devices": "registerDevice",
        "GET /api/v1/reports/attendance.csv": "downloadAttendanceReportCsv",
    }.items() <= ids.items()


def documented_codes(response):
    return set(re.findall(r"`([A-Z_]+)`", response.get("description", "")))


def test_every_error_answer_names_its_codes_under_their_status(app):
    with app.app_context():
        spec = api.spec.to_dict()
    problem_members = spec["components"]["schemas"]["Problem"]["properties"]
    wrong = {}
    for method, path, operation in operations(spec):
        for status, response in operation["responses"].items():
            if status == "default" or int(status) < 400 or status == "429" or "$ref" in response:
                continue
            codes = documented_codes(response)
            if not codes or any(ERROR_CATALOGUE.get(code, (None,))[0] != int(status) for code in codes):
                wrong[f"{method.upper()} {path} {status}"] = response["description"]
            # A problem body: the Problem schema, or one that extends it (a schedule conflict).
            schema = response["content"][PROBLEM_MIMETYPE]["schema"]["$ref"].rsplit("/", 1)[1]
            if schema != "Problem" and not set(problem_members) <= set(spec["components"]["schemas"][schema]["properties"]):
                wrong[f"{method.upper()} {path} {status} content"] = response["content"]
    assert wrong == {}


def test_routes_behind_a_token_document_401_role_gates_403_and_row_ids_404(app):
    with app.app_context():
        spec = api.spec.to_dict()
    by_name = {f"{method.upper()} {path}": operation for method, path, operation in operations(spec)}
    for name, operation in by_name.items():
        responses = operation["responses"]
        assert "default" in responses, name
        if operation.get("security") != []:
            assert {"UNAUTHORIZED", "TOKEN_EXPIRED"} <= documented_codes(responses["401"]), name
        if "{" in name:
            assert "NOT_FOUND" in documented_codes(responses["404"]), name
    assert "FORBIDDEN" in documented_codes(by_name["POST /api/v1/patrols"]["responses"]["403"])
    assert "403" not in by_name["GET /api/v1/patrols"]["responses"]  # everyone signed in may list
    signup = by_name["POST /api/v1/patrols/{patrol_id}/signups"]["responses"]
    assert {"PATROL_NOT_OPEN", "ALREADY_SIGNED_UP", "SCHEDULE_CONFLICT"} <= documented_codes(signup["409"])
    assert "NOT_INVITED" in documented_codes(signup["403"])


def test_the_documented_codes_are_what_the_server_answers(client, make_user, home_station, auth_headers):
    """Each operation called without a token, and by a volunteer on a row that does not
    exist: the status answered is documented for the operation, with the code it carried."""
    with client.application.app_context():
        spec = api.spec.to_dict()
    volunteer = auth_headers(make_user("volunteer", home_station))
    undocumented = {}
    for method, path, operation in operations(spec):
        url = re.sub(r"\{[a-z_]+\}", "2147483647", path)
        # Signing out would end the volunteer's token for the operations after it.
        for headers in ({}, volunteer) if path != "/api/v1/auth/logout" else ({},):
            response = client.open(url, method=method.upper(), headers=headers, json={})
            if response.status_code < 400 or response.status_code in (422, 429):
                continue
            code = response.get_json()["code"]
            documented = operation["responses"].get(str(response.status_code), {})
            if code not in documented_codes(documented):
                undocumented[f"{method.upper()} {path} {'volunteer' if headers else 'anonymous'}"] = (response.status_code, code)
    assert undocumented == {}


def test_file_answers_are_binary_strings_of_their_media_type(app):
    with app.app_context():
        spec = api.spec.to_dict()
    files = {
        f"{method.upper()} {path}": operation["responses"]["200"]["content"]
        for method, path, operation in operations(spec)
        if path.endswith((".csv", ".xlsx", ".pdf", ".ics"))
    }
    assert len(files) == 13
    binary = {"schema": {"type": "string", "format": "binary"}}
    expected_type = {".csv": "text/csv", ".pdf": "application/pdf", ".ics": "text/calendar",
                     ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
    for name, content in files.items():
        assert content == {expected_type["." + name.rsplit(".", 1)[1]]: binary}, name
