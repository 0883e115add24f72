"""Sending pushes through Firebase Cloud Messaging (HTTP v1), one batch at a time.

The dispatcher calls `sender.send(messages)` and gets one `PushResult` per message, in
order. The sender never raises for a failed delivery: FCM's verdict is data, and what to
do with it (drop a dead token, back off and retry) is the dispatcher's decision.

`FcmSender` uses the real firebase-admin SDK. `fcm_url` (PATROL_FCM_URL, for tests and
staging only) points it at another server, such as the fake FCM used by the tests. The SDK
has no setting for its endpoint, so `FcmSender._sdk_session` reaches into it, there and
nowhere else; firebase-admin is pinned to one version, and
tests/notifications/test_sdk_internals.py fails saying what changed if a release moves
what that method relies on. `DevelopmentSender` only logs, for development without
credentials.

It sends with `send_each` (a thread per message, over requests), not `send_each_async`
(asyncio over httpx): the async path costs more CPU per message (bench/run_fanout.py
measures both; figures in bench/README.md), and would keep the SDK's own retries, which
`FcmSender` turns off for the sync path.
"""
import email.utils
import functools
import logging
import math
import threading
import uuid
from datetime import datetime, timezone
from typing import NamedTuple

import firebase_admin
import google.auth.exceptions
import google.auth.transport.requests
import requests
import requests.adapters
from firebase_admin import credentials, exceptions, messaging
from urllib3.util.retry import Retry

log = logging.getLogger(__name__)

GOOGLE_FCM_URL = "https://fcm.googleapis.com"
MAX_BATCH = 500  # send_each refuses more

# FCM's errorCodes (google.firebase.fcm.v1.FcmError), as the dispatcher sees them.
KNOWN_CODES = {
    "UNREGISTERED", "INVALID_ARGUMENT", "QUOTA_EXCEEDED", "UNAVAILABLE", "INTERNAL",
    "SENDER_ID_MISMATCH", "THIRD_PARTY_AUTH_ERROR",
}
# The SDK's FCM-specific exceptions. Checked first: APNS_AUTH_ERROR, FCM's old name,
# also arrives as ThirdPartyAuthError.
CODES_BY_CLASS = {
    messaging.UnregisteredError: "UNREGISTERED",
    messaging.QuotaExceededError: "QUOTA_EXCEEDED",
    messaging.SenderIdMismatchError: "SENDER_ID_MISMATCH",
    messaging.ThirdPartyAuthError: "THIRD_PARTY_AUTH_ERROR",
}
# When the body carries no FcmError: the SDK's platform code (from the HTTP status or a
# transport failure). A timeout may or may not have delivered; the payload's message_id
# lets the app drop a duplicate, so it is retried like an outage. NOT_FOUND is absent on
# purpose: a 404 without errorCode UNREGISTERED means a wrong URL or project, and must
# not get every device token deleted.
CODES_BY_PLATFORM_CODE = {
    exceptions.INVALID_ARGUMENT: "INVALID_ARGUMENT",
    exceptions.RESOURCE_EXHAUSTED: "QUOTA_EXCEEDED",
    exceptions.INTERNAL: "INTERNAL",
    exceptions.UNAVAILABLE: "UNAVAILABLE",
    exceptions.DEADLINE_EXCEEDED: "UNAVAILABLE",
}


class PushResult(NamedTuple):
    message_id: str | None  # FCM's "projects/…/messages/…" on success
    error_code: str | None  # one of KNOWN_CODES or "UNKNOWN" on failure
    http_status: int | None  # of a failed send that got an HTTP answer
    retry_after_s: float | None  # from its Retry-After header, if any
    # FCM refused the token itself (UNREGISTERED, or INVALID_ARGUMENT about the token rather
    # than the payload): the device will never receive anything again.
    is_dead_token: bool = False

    @property
    def ok(self):
        return self.message_id is not None


class FcmSender:
    # Serialises the FCM_URL swap below between senders created on different threads.
    _service_lock = threading.Lock()

    def __init__(self, credentials_path, project_id=None, fcm_url=None, *, timeout_s=10.0):
        options = {"httpTimeout": timeout_s}  # the SDK's default is 120 s per request
        if project_id:
            options["projectId"] = project_id
        # Our own named app: the default app is global state we leave to nobody.
        self.app = firebase_admin.initialize_app(
            credentials.Certificate(str(credentials_path)), options, name=f"patrol-fcm-{uuid.uuid4().hex}"
        )
        self._timeout_s = timeout_s
        self._token_lock = threading.Lock()
        self._token_session = requests.Session()
        self._token_request = google.auth.transport.requests.Request(self._token_session)
        base_url = (fcm_url or GOOGLE_FCM_URL).rstrip("/")
        self._sdk_session(base_url).mount(f"{base_url}/", _adapter_answering_server_errors_at_once())

    def _sdk_session(self, base_url):
        """The requests session of this app's messaging service, made to send to `base_url`.
        The one place that touches the SDK's internals: it has no setting for FCM's
        endpoint, nor for its session's retries."""
        # The SDK reads _MessagingService.FCM_URL once, in __init__, and caches the service
        # on the app on first use. So the class attribute is swapped exactly while this
        # app's service is created, here and nowhere else: later sends reuse the cached
        # service with its URL, and any other app's service is created with the real URL.
        # Restored even if creation fails.
        with self._service_lock:
            original = messaging._MessagingService.FCM_URL
            messaging._MessagingService.FCM_URL = f"{base_url}/v1/projects/{{0}}/messages:send"
            try:
                service = messaging._get_messaging_service(self.app)
            finally:
                messaging._MessagingService.FCM_URL = original
        return service._client.session

    def send(self, messages: list[messaging.Message]) -> list[PushResult]:
        """One result per message (at most 500), in order. Raises only for invalid messages."""
        if not messages:
            return []  # send_each would fail building a pool of zero threads
        try:
            self._refresh_token_once()
            batch = messaging.send_each(messages, app=self.app)
        except (exceptions.FirebaseError, google.auth.exceptions.GoogleAuthError):
            # Nothing got a verdict from FCM (no OAuth token: token endpoint down or
            # refusing us; or the SDK's pool failed). No message is known to be bad, so all
            # are retryable; raising instead would lose the per-message bookkeeping.
            log.exception("FCM batch of %d failed as a whole", len(messages))
            return [PushResult(None, "UNAVAILABLE", None, None)] * len(messages)
        return [_result(response) for response in batch.responses]

    def _refresh_token_once(self):
        # google-auth refreshes without a lock: the first batch (or the first after the
        # token expires) would have every send thread fetch its own token. Fetch it once
        # here instead; a failure then fails the batch once, cleanly.
        credential = self.app.credential.get_credential()
        with self._token_lock:
            if not credential.valid:
                credential.refresh(functools.partial(self._token_request, timeout=self._timeout_s))

    def close(self):
        firebase_admin.delete_app(self.app)
        self._token_session.close()


def _adapter_answering_server_errors_at_once():
    """For the SDK's session, mounted on FCM's URL (the longest matching prefix, so the one
    requests picks). The SDK retries a 500 or 503 four more times with growing sleeps (and
    a 503's Retry-After) inside each send thread; the dispatcher owns retries instead, so
    that a whole batch backs off together rather than 500 threads each hammering a
    struggling FCM. Kept: the SDK's single retry of a connection or read error (a stale
    pooled connection). send_each runs a thread per message: the pool keeps a connection
    for each, so none of a full batch is opened only to be thrown away."""
    retries = Retry(connect=1, read=1, status=0, other=0, redirect=0, allowed_methods=None,
                    raise_on_status=False, respect_retry_after_header=False)
    return requests.adapters.HTTPAdapter(pool_maxsize=MAX_BATCH, max_retries=retries)


def _result(response):
    if response.success:
        return PushResult(response.message_id, None, None, None)
    error = response.exception
    http_response = error.http_response or getattr(error.cause, "response", None)
    code = fcm_error_code(error, http_response)
    return PushResult(
        None,
        code,
        http_response.status_code if http_response is not None else None,
        parse_retry_after(http_response.headers.get("Retry-After")) if http_response is not None else None,
        is_dead_token=code == "UNREGISTERED" or (code == "INVALID_ARGUMENT" and _blames_the_token(http_response)),
    )


def _blames_the_token(http_response):
    """INVALID_ARGUMENT also means a bad payload (too big, a bad data key); only a complaint
    about the registration token itself may cost the device."""
    try:
        error = http_response.json()["error"]
    except (ValueError, KeyError, TypeError, AttributeError):
        return False
    violations = [
        violation.get("field", "")
        for detail in error.get("details", [])
        for violation in detail.get("fieldViolations", [])
    ]
    return "registration token" in error.get("message", "").lower() or "message.token" in violations


def fcm_error_code(error, http_response=None):
    """FCM's errorCode for a failed send, or "UNKNOWN"."""
    for error_class, code in CODES_BY_CLASS.items():
        if isinstance(error, error_class):
            return code
    if http_response is not None:
        try:
            details = http_response.json()["error"].get("details", [])
        except (ValueError, KeyError, TypeError, AttributeError):
            details = []
        for detail in details:
            if detail.get("errorCode") in KNOWN_CODES:
                return detail["errorCode"]
    return CODES_BY_PLATFORM_CODE.get(error.code, "UNKNOWN")


def parse_retry_after(value, now=None):
    """Seconds to wait from a Retry-After header: delta-seconds or an HTTP-date."""
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)
        seconds = (when - (now or datetime.now(timezone.utc))).total_seconds()
    return max(seconds, 0.0) if math.isfinite(seconds) else None


class DevelopmentSender:
    """Used only in development when no credentials are configured: logs, sends nothing."""

    def close(self):
        """Nothing to release; here so both senders can be used alike."""

    def send(self, messages: list[messaging.Message]) -> list[PushResult]:
        if len(messages) > MAX_BATCH:
            raise ValueError(f"at most {MAX_BATCH} messages per batch")  # as FcmSender would
        results = []
        for message in messages:
            target = message.token or getattr(message, "fid", None) or message.topic or ""
            log.info(
                "Push not sent (development): type=%s to=%s… title=%r",
                (message.data or {}).get("type"),
                target[:8],  # a token prefix only: the whole token is a credential
                message.notification.title if message.notification else None,
            )
            results.append(PushResult(f"dev-{uuid.uuid4()}", None, None, None))
        return results
