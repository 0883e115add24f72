"""A fake FCM HTTP v1 server on 127.0.0.1, for tests and benches.

It speaks just enough of Google's protocol for the real firebase-admin SDK: the OAuth2
token endpoint that a service account's `token_uri` points at, and
`POST /v1/projects/{project}/messages:send`. Failures are scripted per device token
(permanent: a dead token), for the next n requests (transient: a quota), or for every
request until further notice (an outage). Stopped and started again, it comes back on the
same port, as FCM comes back at the same address.

    with FakeFcm() as fake:
        fake.write_service_account(tmp_path / "sa.json")
        sender = FcmSender(tmp_path / "sa.json", fcm_url=fake.url)
        fake.fail_token("dead-token", "UNREGISTERED")
        ...
        assert fake.sent_to("good-token")
"""
import itertools
import json
import re
import socket
import threading
import time
import urllib.parse
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

# FCM v1 errorCode -> (HTTP status, google.rpc status string), as FCM documents them.
ERRORS = {
    "INVALID_ARGUMENT": (400, "INVALID_ARGUMENT"),
    "THIRD_PARTY_AUTH_ERROR": (401, "UNAUTHENTICATED"),
    "SENDER_ID_MISMATCH": (403, "PERMISSION_DENIED"),
    "UNREGISTERED": (404, "NOT_FOUND"),
    "QUOTA_EXCEEDED": (429, "RESOURCE_EXHAUSTED"),
    "INTERNAL": (500, "INTERNAL"),
    "UNAVAILABLE": (503, "UNAVAILABLE"),
}
STATUS_NAMES = {status: name for status, name in ERRORS.values()}
ACCESS_TOKEN = "fake"
SEND_PATH = re.compile(r"^/v1/projects/([^/]+)/messages:send$")


# What FCM says when it refuses a token itself (as opposed to the payload).
TOKEN_ERROR_MESSAGES = {
    "UNREGISTERED": "Requested entity was not found.",
    "INVALID_ARGUMENT": "The registration token is not a valid FCM registration token",
}


def error_body(error_code, status, message=None):
    """FCM v1's documented error JSON, the shape the SDK parses (error.details[].errorCode)."""
    return {
        "error": {
            "code": status,
            "message": message or f"Fake FCM: {error_code}",
            "status": STATUS_NAMES.get(status, "UNKNOWN"),
            "details": [
                {"@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError", "errorCode": error_code}
            ],
        }
    }


def _target(body):
    # The device a send is for. SDK 7.7 deprecates Message.token for Message.fid (sent as
    # "fid"); the app still sends registration tokens, so accept either.
    message = body.get("message", {})
    return message.get("token") or message.get("fid")


class _Server(ThreadingHTTPServer):
    # A batch of 500 arrives as 500 simultaneous connections (send_each uses a thread per
    # message): take them all instead of refusing them from a small listen backlog.
    daemon_threads = True
    request_queue_size = 1024
    allow_reuse_address = True

    def handle_error(self, request, client_address):
        pass  # a client hanging up is not news; stay quiet


class _Handler(BaseHTTPRequestHandler):
    # Keep-alive, as with the real FCM, so benches measure pooled connections.
    protocol_version = "HTTP/1.1"
    # Each answer leaves in one segment, at once: a buffered wfile (flushed after every
    # request by BaseHTTPRequestHandler) and TCP_NODELAY. Unbuffered, the headers and the
    # body went out as two writes, and Nagle held the body back until the client's delayed
    # ACK of the headers, on every answer: a client with few requests in flight
    # (an async one on kept connections) then measured the fake, not itself.
    wbufsize = -1
    disable_nagle_algorithm = True

    def log_message(self, format, *args):
        pass  # quiet: no line per request on stderr

    def setup(self):
        super().setup()
        with self.server.fake._lock:
            self.server.fake._connections.add(self.connection)

    def finish(self):
        with self.server.fake._lock:
            self.server.fake._connections.discard(self.connection)
        super().finish()

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        fake = self.server.fake
        # Through a proxy the request line names the whole URL (absolute-form), which a
        # server must accept too; this way the fake can also stand in for a proxy.
        path = urllib.parse.urlsplit(self.path).path
        if path == "/token":
            fake._count_token_request()
            return self._reply(200, {"access_token": ACCESS_TOKEN, "expires_in": 3600, "token_type": "Bearer"})
        match = SEND_PATH.match(path)
        if not match:
            return self._reply(404, {"error": {"code": 404, "message": "Not found", "status": "NOT_FOUND"}})
        if self.headers.get("Authorization") != f"Bearer {ACCESS_TOKEN}":
            return self._reply(401, {"error": {"code": 401, "message": "No token", "status": "UNAUTHENTICATED"}})
        status, payload, headers = fake._answer(match.group(1), json.loads(body))
        self._reply(status, payload, headers)

    def _reply(self, status, payload, headers=None):
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=UTF-8")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)


class FakeFcm:
    def __init__(self, port=0):
        self._lock = threading.Lock()
        self._sent = []
        self._sent_at = []  # epoch seconds at which each of _sent arrived
        self._dead_tokens = {}  # device token -> (error_code, status)
        self._next_failures = []  # one (error_code, status, retry_after) per coming request
        self._failing_all = None  # (error_code, status) of every request during an outage
        self._delivered = []  # the device of every send answered 200
        self._counter = itertools.count(1)
        self._connections = set()
        self.token_requests = 0
        self.delay_s = 0.0  # a slow FCM, so a test can stop a dispatcher mid-batch
        self._server = None
        self._port = port  # 0: chosen by the first start, kept by the next ones

    # -- lifecycle -------------------------------------------------------------------

    def start(self):
        self._server = _Server(("127.0.0.1", self._port), _Handler)
        self._server.fake = self
        self._port = self._server.server_address[1]
        # A short poll interval: stop() waits for the loop to notice, 0.5 s by default.
        threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, name="fake-fcm", daemon=True
        ).start()
        return self

    def stop(self):
        """Stop listening and cut open keep-alive connections, so the fake is truly down."""
        if self._server is None:
            return
        self._server.shutdown()
        self._server.server_close()
        with self._lock:
            connections = list(self._connections)
        for connection in connections:
            try:
                connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        self._server = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc_info):
        self.stop()

    @property
    def url(self):
        """The base URL replacing https://fcm.googleapis.com (PATROL_FCM_URL)."""
        return f"http://127.0.0.1:{self._port}"  # the same while the fake is down

    @property
    def token_url(self):
        return f"{self.url}/token"

    # -- scripting -------------------------------------------------------------------

    def fail_token(self, token, error_code, status=None):
        """Every send to `token` fails from now on (UNREGISTERED, INVALID_ARGUMENT...)."""
        with self._lock:
            self._dead_tokens[token] = (error_code, status or ERRORS[error_code][0])

    def fail_next(self, n, error_code, status=None, retry_after=None):
        """The next `n` sends fail whatever their token (UNAVAILABLE 503, QUOTA_EXCEEDED 429)."""
        with self._lock:
            self._next_failures.extend([(error_code, status or ERRORS[error_code][0], retry_after)] * n)

    def fail_all(self, error_code, status=None):
        """Every send fails from now on (FCM down: UNAVAILABLE 503), until recover()."""
        with self._lock:
            self._failing_all = (error_code, status or ERRORS[error_code][0])

    def recover(self):
        with self._lock:
            self._failing_all = None

    # -- what was received -----------------------------------------------------------

    @property
    def sent(self):
        """Every send request body as received ({"message": {...}}), failed ones included."""
        with self._lock:
            return list(self._sent)

    @property
    def sent_at(self):
        """(epoch seconds of its arrival, body) of every send request, in `sent` order."""
        with self._lock:
            return list(zip(self._sent_at, self._sent))

    def sent_to(self, token):
        return [body for body in self.sent if _target(body) == token]

    @property
    def delivered(self):
        """The device token of every send that succeeded, once per success."""
        with self._lock:
            return list(self._delivered)

    # -- credentials -----------------------------------------------------------------

    def write_service_account(self, path, project_id="patrol-test"):
        """A service-account file whose token_uri is this fake, with a fresh RSA key.

        The SDK then signs a real JWT with the key and trades it at /token for a token.
        """
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        pem = key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        ).decode()
        info = {
            "type": "service_account",
            "project_id": project_id,
            "private_key_id": uuid.uuid4().hex,
            "private_key": pem,
            "client_email": f"firebase-adminsdk@{project_id}.iam.gserviceaccount.com",
            "client_id": "100000000000000000000",
            "token_uri": self.token_url,
        }
        with open(path, "w") as file:
            json.dump(info, file)
        return path

    # -- internals (called from handler threads) -------------------------------------

    def _count_token_request(self):
        with self._lock:
            self.token_requests += 1

    def _answer(self, project, body):
        arrived_at = time.time()
        token = _target(body)
        time.sleep(self.delay_s)
        with self._lock:
            self._sent.append(body)
            self._sent_at.append(arrived_at)
            if self._failing_all:
                error_code, status = self._failing_all
                return status, error_body(error_code, status), {}
            if token in self._dead_tokens:
                error_code, status = self._dead_tokens[token]
                return status, error_body(error_code, status, TOKEN_ERROR_MESSAGES.get(error_code)), {}
            if self._next_failures:
                error_code, status, retry_after = self._next_failures.pop(0)
                headers = {"Retry-After": str(retry_after)} if retry_after is not None else {}
                return status, error_body(error_code, status), headers
            self._delivered.append(token)
            return 200, {"name": f"projects/{project}/messages/{next(self._counter)}"}, {}
