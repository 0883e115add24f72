"""FcmSender with the real firebase-admin SDK against the fake FCM server. No database."""
import logging
import re
import socket
import subprocess
import sys
import threading
from datetime import datetime, timezone
from pathlib import Path

import pytest
from firebase_admin import messaging

from backend.notifications.fcm import DevelopmentSender, FcmSender, PushResult, parse_retry_after
from backend.testing.fake_fcm import FakeFcm
from backend.testing.servers import free_port

# The app addresses devices by registration token (Message.token), which SDK 7.7 flags
# as deprecated in favour of Message.fid; these tests build messages the way the app does.
pytestmark = pytest.mark.filterwarnings("ignore:Message.token is deprecated:DeprecationWarning")

MESSAGE_NAME = re.compile(r"^projects/patrol-test/messages/\d+$")


@pytest.fixture(autouse=True)
def only_localhost(monkeypatch):
    """Nothing may leave 127.0.0.1 (google-auth can look up Google's IAM on its own)."""
    elsewhere = []
    real_getaddrinfo = socket.getaddrinfo

    def getaddrinfo(host, *args, **kwargs):
        if host != "127.0.0.1":
            elsewhere.append(host)
            raise OSError(f"tests must not reach {host}")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    yield
    for thread in threading.enumerate():  # let a background lookup, if any, show itself
        if "RegionalAccessBoundary" in type(thread).__name__:
            thread.join(timeout=5)
    assert elsewhere == []


@pytest.fixture
def fake():
    with FakeFcm() as fake:
        yield fake


@pytest.fixture
def sender(fake, tmp_path):
    sender = FcmSender(fake.write_service_account(tmp_path / "service-account.json"), fcm_url=fake.url)
    yield sender
    sender.close()


def message(token, **fields):
    return messaging.Message(token=token, data={"type": "patrol.changed"}, **fields)


def test_success_returns_message_ids_and_the_exact_json(fake, sender):
    original_url = messaging._MessagingService.FCM_URL
    urgent = messaging.Message(
        token="tok-urgent",
        data={"type": "patrol.changed", "patrol_id": "42"},
        notification=messaging.Notification(title="Patrol changed", body="Now 22:00"),
        android=messaging.AndroidConfig(priority="high"),
        apns=messaging.APNSConfig(headers={"apns-push-type": "alert", "apns-priority": "10"}),
    )

    results = sender.send([urgent, message("tok-2"), message("tok-3")])

    assert all(result.ok and MESSAGE_NAME.match(result.message_id) for result in results)
    assert len({result.message_id for result in results}) == 3
    assert results[0] == PushResult(results[0].message_id, None, None, None)
    assert fake.sent_to("tok-urgent") == [{
        "message": {
            "token": "tok-urgent",
            "data": {"type": "patrol.changed", "patrol_id": "42"},
            "notification": {"title": "Patrol changed", "body": "Now 22:00"},
            "android": {"priority": "high"},
            "apns": {"headers": {"apns-push-type": "alert", "apns-priority": "10"}},
        }
    }]
    # The fake URL was swapped in only while the sender's service was created.
    assert messaging._MessagingService.FCM_URL == original_url


def test_a_dead_token_is_unregistered_and_results_keep_their_order(fake, sender):
    fake.fail_token("tok-dead", "UNREGISTERED")

    results = sender.send([message("tok-a"), message("tok-dead"), message("tok-b")])

    assert [result.ok for result in results] == [True, False, True]
    assert results[1] == PushResult(None, "UNREGISTERED", 404, None, is_dead_token=True)
    assert len(fake.sent_to("tok-dead")) == 1


def test_invalid_argument_is_reported_and_blames_the_token_only_when_fcm_says_so(fake, sender):
    fake.fail_token("tok-malformed", "INVALID_ARGUMENT")
    fake.fail_next(1, "INVALID_ARGUMENT")  # a complaint about the payload

    [bad_token] = sender.send([message("tok-malformed")])
    [bad_payload] = sender.send([message("tok-fine")])

    assert bad_token == PushResult(None, "INVALID_ARGUMENT", 400, None, is_dead_token=True)
    assert bad_payload == PushResult(None, "INVALID_ARGUMENT", 400, None, is_dead_token=False)


@pytest.mark.parametrize("error_code, status", [("UNAVAILABLE", 503), ("INTERNAL", 500)])
def test_server_errors_come_back_at_once_without_sdk_retries(fake, sender, error_code, status):
    fake.fail_next(1, error_code)

    [result] = sender.send([message("tok-a")])

    # Left to itself the SDK would send 4 more times, sleeping between them: the
    # dispatcher's backoff is the only retry.
    assert result == PushResult(None, error_code, status, None)
    assert len(fake.sent) == 1


def test_quota_exceeded_carries_retry_after(fake, sender):
    fake.fail_next(1, "QUOTA_EXCEEDED", retry_after=7)

    [result] = sender.send([message("tok-a")])

    assert result == PushResult(None, "QUOTA_EXCEEDED", 429, 7.0)


def test_a_full_batch_of_500_is_delivered_with_one_token_fetch(fake, sender, caplog):
    tokens = [f"tok-{i}" for i in range(500)]
    caplog.set_level(logging.WARNING, logger="urllib3")

    results = sender.send([message(token) for token in tokens])

    assert all(result.ok for result in results)
    assert len({result.message_id for result in results}) == 500
    assert sorted(body["message"]["token"] for body in fake.sent) == sorted(tokens)
    assert fake.token_requests == 1
    assert "Connection pool is full" not in caplog.text  # no connection opened only to be thrown away


def test_token_endpoint_down_fails_every_message_as_unavailable(fake, sender):
    fake.stop()

    results = sender.send([message("tok-a"), message("tok-b")])

    assert results == [PushResult(None, "UNAVAILABLE", None, None)] * 2


def test_fcm_unreachable_after_the_token_is_unavailable_per_message(fake, sender):
    assert sender.send([message("tok-a")])[0].ok  # token fetched and cached
    fake.stop()

    results = sender.send([message("tok-a"), message("tok-b")])

    assert results == [PushResult(None, "UNAVAILABLE", None, None)] * 2


def test_a_404_without_fcm_error_code_is_not_a_dead_token(fake, tmp_path):
    # A wrong PATROL_FCM_URL must not get every device token deleted.
    sender = FcmSender(fake.write_service_account(tmp_path / "sa.json"), fcm_url=f"{fake.url}/wrong")
    try:
        [result] = sender.send([message("tok-a")])
    finally:
        sender.close()

    assert result == PushResult(None, "UNKNOWN", 404, None)


def test_a_proxy_named_in_the_environment_is_still_used(fake, tmp_path, monkeypatch):
    for name in ("HTTP_PROXY", "NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("http_proxy", fake.url)  # the fake plays the proxy and FCM at once
    sender = FcmSender(fake.write_service_account(tmp_path / "sa.json"), fcm_url="http://fcm.example.invalid")
    try:
        [result] = sender.send([message("tok-a")])
    finally:
        sender.close()

    assert result.ok
    assert len(fake.sent_to("tok-a")) == 1  # and only_localhost saw no lookup of FCM's host


def test_an_empty_batch_sends_nothing(fake, sender):
    assert sender.send([]) == []
    assert fake.sent == []


def test_retry_after_as_an_http_date():
    now = datetime(2026, 11, 22, 12, 0, 0, tzinfo=timezone.utc)

    assert parse_retry_after("Sun, 22 Nov 2026 12:00:30 GMT", now=now) == 30
    assert parse_retry_after("Sun, 22 Nov 2026 11:00:00 GMT", now=now) == 0
    assert parse_retry_after("120") == 120
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None


def test_development_sender_logs_and_returns_dev_ids(caplog):
    token = "devtoken-0123456789abcdef"
    caplog.set_level(logging.INFO, logger="backend.notifications.fcm")

    results = DevelopmentSender().send([
        message(token, notification=messaging.Notification(title="Patrol changed")),
        message("other-token"),
    ])

    assert all(result.ok and result.message_id.startswith("dev-") for result in results)
    assert results[0].message_id != results[1].message_id
    assert "patrol.changed" in caplog.text and "Patrol changed" in caplog.text
    assert token[:8] in caplog.text and token not in caplog.text


def test_the_demos_fake_fcm_command_takes_what_the_sdk_sends_and_shows_it(tmp_path):
    """`flask notifications fake-fcm`, which scripts/run.sh starts when no Firebase credentials are given."""
    credentials = tmp_path / "service-account.json"
    port = free_port()
    command = [sys.executable, "-m", "flask", "--app", "wsgi", "notifications", "fake-fcm", "--port", str(port),
               "--credentials", str(credentials)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=Path(__file__).parents[2])
    try:
        assert "fake FCM listening" in process.stdout.readline()
        sender = FcmSender(str(credentials), fcm_url=f"http://127.0.0.1:{port}")
        [result] = sender.send([messaging.Message(token="demo-010-0000-0004-registration-token",
                                                  data={"type": "sos.raised"},
                                                  notification=messaging.Notification(title="긴급 SOS: 한지우"))])
        sender.close()
        assert result.ok
        assert process.stdout.readline().rstrip().endswith("push to demo-010-0000-0004-r: sos.raised '긴급 SOS: 한지우'")
    finally:
        process.terminate()
        process.wait(timeout=10)
