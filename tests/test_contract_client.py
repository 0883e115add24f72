"""A volunteer's night through a Python client generated from the committed spec.

openapi-python-client turns mobile_api_spec/openapi.yaml into a package at test time; the
night then runs through that package against the real app, served on a loopback port. The
server shares the test's database connection (backend/testing/fixtures/app.py), so it sees the fixtures'
rows and the whole night is rolled back after. A generated model that cannot read an answer,
an operation missing or named otherwise, or a status the spec does not list fails the test.
"""
import csv
import importlib
import io
import subprocess
import sys
import threading
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from backend.core.time import utcnow
from backend.patrols.models import Patrol
from backend.users.consent_policy import CURRENT_VERSION
from backend.testing.fixtures.app import PASSWORD
from backend.testing.fixtures.patrols import BEOMGYE

SPEC = Path(__file__).resolve().parents[1] / "mobile_api_spec" / "openapi.yaml"
PACKAGE = "patrol_api_client"

# What an app developer gives the generator: it reads file answers as bytes only under the
# generic binary type, and formats nothing (so it needs no network and no ruff).
GENERATOR_CONFIG = """\
post_hooks: []
content_type_overrides:
  text/csv: application/octet-stream
  text/calendar: application/octet-stream
  application/pdf: application/octet-stream
  application/vnd.openxmlformats-officedocument.spreadsheetml.sheet: application/octet-stream
"""


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """The client package generated from the committed spec, imported."""
    where = tmp_path_factory.mktemp("client")
    (where / "config.yaml").write_text(GENERATOR_CONFIG, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "openapi_python_client", "generate", "--path", str(SPEC),
         "--output-path", str(where / PACKAGE), "--meta", "none", "--config", str(where / "config.yaml")],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # A warning means part of the spec was dropped from the client.
    assert "warning" not in (result.stdout + result.stderr).lower(), result.stdout + result.stderr
    sys.path.insert(0, str(where))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(where))
        for name in [name for name in sys.modules if name == PACKAGE or name.startswith(PACKAGE + ".")]:
            del sys.modules[name]


@pytest.fixture
def base_url(app, db_session):
    server = make_server("127.0.0.1", 0, app)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join()


def operation(package, tag, name):
    return importlib.import_module(f"{PACKAGE}.api.{tag}.{name}")


def answered(response, status, model):
    """The parsed answer, after checking its status and that the generated model read it."""
    assert response.status_code == status, response.content
    assert isinstance(response.parsed, model), (type(response.parsed), response.content)
    return response.parsed


def test_a_volunteers_night_through_the_generated_client(
    generated, base_url, api, chief, officer, patrol_body, volunteers, zones, db_session, derive_now  # noqa: F811
):
    models = importlib.import_module(f"{PACKAGE}.models")
    from patrol_api_client import AuthenticatedClient, Client

    volunteer = volunteers[1]
    patrol = api.published(chief, officer, patrol_body(zone_ids=[zone.id for zone in zones.values()], max_volunteers=10))

    def sign_in(person):
        body = models.TokenRequest(phone=person.phone, password=PASSWORD)
        tokens = answered(operation(generated, "auth", "sign_in").sync_detailed(client=Client(base_url), body=body), 200, models.Token)
        return AuthenticatedClient(base_url, token=tokens.access_token, raise_on_unexpected_status=True)

    me = sign_in(volunteer)
    assert answered(operation(generated, "users", "get_me").sync_detailed(client=me), 200, models.Me).id == volunteer.id

    consent = operation(generated, "users", "give_consent").sync_detailed(
        client=me, body=models.ConsentRequest(policy_version=CURRENT_VERSION))
    assert answered(consent, 201, models.Consent).policy_version == CURRENT_VERSION

    device = models.DeviceRequest(token=f"fcm-{uuid.uuid4().hex}{uuid.uuid4().hex}", platform=models.DeviceRequestPlatform.ANDROID)
    answered(operation(generated, "notifications", "register_device").sync_detailed(client=me, body=device), 201, models.Device)

    signup = operation(generated, "patrols", "sign_up_for_patrol").sync_detailed(patrol["id"], client=me, body=models.SignupRequest())
    assert answered(signup, 201, models.SignupResult).status == models.SignupResultStatus.CONFIRMED

    # Signed up days ahead; the night comes: the patrol is moved so that it is under way.
    row = db_session.get(Patrol, patrol["id"])
    row.starts_at, row.ends_at = utcnow() - timedelta(minutes=20), utcnow() + timedelta(hours=2)
    db_session.commit()

    def fix(**extra):
        return dict(lon=BEOMGYE[0], lat=BEOMGYE[1], accuracy_m=8.0, recorded_at=utcnow(), client_event_id=uuid.uuid4(), **extra)

    checked_in = operation(generated, "checkins", "check_in").sync_detailed(
        patrol["id"], client=me, body=models.CheckInRequest(**fix()))
    assert answered(checked_in, 201, models.CheckIn).status == models.CheckInStatus.ACCEPTED

    points = [models.Point(patrol_id=patrol["id"], **fix()) for _ in range(2)]
    batch = operation(generated, "locations", "upload_location_batch").sync_detailed(client=me, body=models.Batch(points=points))
    assert answered(batch, 200, models.BatchResult).accepted == 2

    checked_out = operation(generated, "checkins", "check_out").sync_detailed(
        patrol["id"], client=me, body=models.CheckInRequest(**fix()))
    assert answered(checked_out, 201, models.CheckIn).kind == models.CheckInKind.CHECK_OUT

    derive_now()  # the derivation worker, which runs beside the service
    attendance = operation(generated, "attendance", "get_patrol_attendance").sync_detailed(patrol["id"], client=me)
    assert [entry.user_id for entry in answered(attendance, 200, list) if entry.user_id == volunteer.id] == [volunteer.id]

    today = utcnow().date()
    report = operation(generated, "reports", "download_attendance_report_csv").sync_detailed(
        client=me, from_=today - timedelta(days=1), to=today + timedelta(days=1))
    rows = list(csv.reader(io.StringIO(answered(report, 200, generated.types.File).payload.read().decode("utf-8-sig"))))
    assert any(volunteer.name in row for row in rows[1:]), rows

    sheet = operation(generated, "reports", "get_sign_in_sheet").sync_detailed(patrol["id"], client=sign_in(chief))
    assert answered(sheet, 200, generated.types.File).payload.read().startswith(b"%PDF-")

    # The errors are typed too: a volunteer may not print the sheet.
    refused = operation(generated, "reports", "get_sign_in_sheet").sync_detailed(patrol["id"], client=me)
    assert answered(refused, 403, models.Problem).code == models.ProblemCode.FORBIDDEN
