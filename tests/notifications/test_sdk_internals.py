"""What FcmSender relies on inside firebase-admin, which has no public setting for FCM's
endpoint nor for its HTTP session's retries (FcmSender._sdk_session). A release that moves
any of it fails here, saying what moved, instead of sending the tests' pushes to Google or
retrying a 503 in every send thread."""
import re
import uuid
from importlib import metadata
from pathlib import Path

import firebase_admin
import requests
from firebase_admin import credentials, messaging

from backend.testing.fake_fcm import FakeFcm

REQUIREMENTS = Path(__file__).resolve().parents[2] / "requirements.txt"
INSTALLED = metadata.version("firebase-admin")


def moved(what):
    return (
        f"firebase-admin {INSTALLED} no longer has {what}, which FcmSender._sdk_session "
        "(backend/notifications/fcm.py) relies on to point the SDK at PATROL_FCM_URL and to "
        "turn off its retries of 500/503. Adapt that method to this release, or go back to "
        "the version pinned in requirements.txt."
    )


def test_firebase_admin_is_pinned_exactly_to_the_installed_version():
    pins = re.findall(r"^firebase[-_]admin\s*==\s*(\S+)", REQUIREMENTS.read_text(), re.IGNORECASE | re.MULTILINE)
    assert pins == [INSTALLED], (
        f"requirements.txt must pin firebase-admin with == to the version installed ({INSTALLED}), "
        f"found {pins}: FcmSender relies on its internals"
    )


def test_the_endpoint_is_a_class_attribute_read_when_the_service_is_created():
    service_class = getattr(messaging, "_MessagingService", None)
    assert service_class is not None, moved("messaging._MessagingService")
    url = getattr(service_class, "FCM_URL", None)
    assert isinstance(url, str) and url.endswith("/v1/projects/{0}/messages:send"), moved(
        "messaging._MessagingService.FCM_URL, the send URL with {0} for the project"
    )
    assert callable(getattr(messaging, "_get_messaging_service", None)), moved("messaging._get_messaging_service(app)")


def test_the_service_sends_through_a_requests_session_it_keeps(tmp_path):
    fake = FakeFcm()  # not started: only its service-account file is needed
    app = firebase_admin.initialize_app(
        credentials.Certificate(str(fake.write_service_account(tmp_path / "sa.json"))), name=f"internals-{uuid.uuid4().hex}"
    )
    try:
        service = messaging._get_messaging_service(app)
        session = getattr(getattr(service, "_client", None), "session", None)
        assert isinstance(session, requests.Session), moved("the messaging service's _client.session (a requests.Session)")
    finally:
        firebase_admin.delete_app(app)
