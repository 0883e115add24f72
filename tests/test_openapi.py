"""mobile_api_spec/openapi.yaml is generated from the code; this fails when it drifts.

Regenerate with: flask --app wsgi openapi write --format=yaml mobile_api_spec/openapi.yaml
"""
from pathlib import Path

import yaml

from backend.errors import ERROR_CATALOGUE
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
