"""The schemas of the OpenAPI document are fit for client generators, and answers keep to them.

openapi-python-client and openapi-typescript trust the document to the letter: an untyped
property comes out as "anything", a null missing from a nullable enum crashes the reader,
and a property missing from `required` comes out optional.
"""
import uuid

import jsonschema_rs
import pytest
import schemathesis

from backend.core.schemas import OutputSchema
from backend.core.time import utcnow
from backend.extensions import api as smorest_api
from backend.testing.fixtures.app import PASSWORD
from backend.testing.fixtures.locations import offset
from backend.testing.fixtures.patrols import BEOMGYE

TYPED = {"type", "$ref", "allOf", "oneOf", "anyOf"}


@pytest.fixture(scope="session")
def spec(app):
    with app.app_context():
        return smorest_api.spec.to_dict()


def schema_objects(spec):
    """Every schema of the document, nested ones included, with where it is."""
    roots = [(f"components/schemas/{name}", schema) for name, schema in spec["components"]["schemas"].items()]
    for path, item in spec["paths"].items():
        roots += [(f"{path} ?{parameter['name']}", parameter["schema"]) for parameter in item.get("parameters", [])]
        for method, operation in item.items():
            if method == "parameters":
                continue
            where = f"{method.upper()} {path}"
            roots += [(f"{where} ?{parameter['name']}", parameter["schema"]) for parameter in operation.get("parameters", [])]
            bodies = [operation.get("requestBody", {}), *operation["responses"].values()]
            roots += [(where, media["schema"]) for body in bodies for media in body.get("content", {}).values()]
    while roots:
        where, schema = roots.pop()
        yield where, schema
        roots += [(f"{where}.{name}", value) for name, value in schema.get("properties", {}).items()]
        roots += [(f"{where}[]", schema["items"])] if "items" in schema else []
        roots += [(f"{where}|", member) for key in ("allOf", "oneOf", "anyOf") for member in schema.get(key, [])]


def test_every_property_and_item_has_a_type(spec):
    untyped = [where for where, schema in schema_objects(spec) if not TYPED & schema.keys()]
    assert untyped == []


def test_a_nullable_enum_lists_null_among_its_values(spec):
    device_locale = spec["components"]["schemas"]["Device"]["properties"]["locale"]
    assert device_locale["nullable"] is True
    assert None in device_locale["enum"]
    assert [where for where, schema in schema_objects(spec) if schema.get("nullable") and "enum" in schema
            and None not in schema["enum"]] == []


def test_enums_of_requests_are_typed(spec):
    role = spec["components"]["schemas"]["UserCreate"]["properties"]["role"]
    assert role["type"] == "string"
    assert "volunteer" in role["enum"]


def test_response_schemas_list_what_every_answer_carries_as_required(spec):
    schemas = spec["components"]["schemas"]
    patrol = schemas["Patrol"]
    assert {"id", "zone_ids", "confirmed_count", "published_at", "cancel_reason"} <= set(patrol["required"])
    assert patrol["properties"]["published_at"]["nullable"] is True
    assert "locale" in schemas["Device"]["required"]
    # Every output schema, each of whose properties an answer always carries.
    output_names = {name.removesuffix("Schema") for name in _subclass_names(OutputSchema)}
    for name, schema in schemas.items():
        if name in output_names:
            assert set(schema.get("required", [])) == set(schema["properties"]), name


MAIN_REQUESTS = [
    "POST /api/v1/auth/token",
    "POST /api/v1/me/consents",
    "POST /api/v1/devices",
    "POST /api/v1/patrols/{patrol_id}/signups",
    "POST /api/v1/patrols/{patrol_id}/check-in",
    "POST /api/v1/patrols/{patrol_id}/check-out",
    "POST /api/v1/locations:batch",
    "POST /api/v1/patrols",
    "POST /api/v1/zones",
    "POST /api/v1/groups/{group_id}/members",
    "POST /api/v1/users",
    "PATCH /api/v1/patrols/{patrol_id}/attendance",
    "POST /api/v1/patrols/{patrol_id}/broadcast",
    "POST /api/v1/reports/volunteer-hours/approvals",
]


@pytest.mark.parametrize("operation", MAIN_REQUESTS)
def test_main_request_bodies_carry_an_example_their_schema_accepts(spec, operation):
    method, path = operation.split()
    media = spec["paths"][path][method.lower()]["requestBody"]["content"]["application/json"]
    assert "example" in media
    validator = jsonschema_rs.validator_for({**media["schema"], "components": spec["components"]})
    assert [error.message for error in validator.iter_errors(media["example"])] == []


def _subclass_names(cls):
    for subclass in cls.__subclasses__():
        yield subclass.__name__
        yield from _subclass_names(subclass)


@pytest.fixture(scope="session")
def documented(spec):
    """Checks an answer against what the document says of its operation (schemathesis)."""
    schema = schemathesis.openapi.from_dict(spec)

    def check(method, path, response):
        assert response.status_code < 400, response.get_json()
        schema[path][method].validate_response(response)
        return response.get_json()

    return check


def test_answers_of_a_volunteers_night_carry_every_required_property(
    documented, client, auth_headers, running_patrol, volunteers, chief
):
    # `documented` first: reading the spec ends an app context, which would detach the rows.
    volunteer, patrol_id = volunteers[1], running_patrol.id
    headers = auth_headers(volunteer)
    fix = {"lon": BEOMGYE[0], "lat": BEOMGYE[1], "accuracy_m": 6.0}

    def event(**extra):
        return {**fix, "recorded_at": utcnow().isoformat(), "client_event_id": str(uuid.uuid4()), **extra}

    documented("GET", "/api/v1/me", client.get("/api/v1/me", headers=headers))
    device = documented("POST", "/api/v1/devices", client.post(
        "/api/v1/devices", json={"token": "fcm-" + uuid.uuid4().hex, "platform": "android"}, headers=headers))
    assert device["locale"] is None
    documented("GET", "/api/v1/devices", client.get("/api/v1/devices", headers=headers))
    documented("GET", "/api/v1/patrols/{patrol_id}", client.get(f"/api/v1/patrols/{patrol_id}", headers=headers))
    documented("GET", "/api/v1/me/patrols", client.get("/api/v1/me/patrols", headers=headers))
    documented("POST", "/api/v1/patrols/{patrol_id}/check-in", client.post(
        f"/api/v1/patrols/{patrol_id}/check-in", json=event(), headers=headers))
    points = [event(patrol_id=patrol_id, lon=offset(BEOMGYE, 20 * n, 0)[0]) for n in range(3)]
    points.append(event(patrol_id=999_999))  # a patrol they are not on: rejected, the rest taken
    batch = documented("POST", "/api/v1/locations:batch", client.post(
        "/api/v1/locations:batch", json={"points": points}, headers=headers))
    assert [(point["code"], point["errors"]) for point in batch["rejected"]] == [("NOT_A_PARTICIPANT", None)]
    documented("POST", "/api/v1/patrols/{patrol_id}/check-out", client.post(
        f"/api/v1/patrols/{patrol_id}/check-out", json=event(), headers=headers))

    chief_headers = auth_headers(chief)
    for path in ("/api/v1/patrols", "/api/v1/patrols/{patrol_id}/roster", "/api/v1/patrols/{patrol_id}/live",
                 "/api/v1/patrols/{patrol_id}/attendance", "/api/v1/checkins", "/api/v1/users", "/api/v1/zones"):
        documented("GET", path, client.get(path.format(patrol_id=patrol_id), headers=chief_headers))


def test_a_browser_sign_in_answers_as_documented(documented, client, make_user, home_station):
    make_user("volunteer", home_station, phone="+821012345678")
    signed_in = client.post(
        "/api/v1/auth/token", json={"phone": "010-1234-5678", "password": PASSWORD, "refresh_token_in": "cookie"}
    )
    # The refresh token went into the cookie: the answer says so with null.
    assert documented("POST", "/api/v1/auth/token", signed_in)["refresh_token"] is None
