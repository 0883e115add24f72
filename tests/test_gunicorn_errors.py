"""What gunicorn itself refuses is answered as problem+json too, by a real gunicorn
started from the repository (with its gunicorn.conf.py) on a free port of 127.0.0.1."""
import http.client
import json
import socket
from pathlib import Path

import pytest

from backend.errors import ERROR_CATALOGUE
from backend.testing.servers import HOST, Server
from backend.testing.database import TEST_DATABASE_URL

REPO = Path(__file__).resolve().parents[1]
MAX_BODY = 4096


@pytest.fixture(scope="module")
def server(app):  # `app` has migrated the test database the server reads
    environment = {
        "PATH": "/usr/bin:/bin",
        "DATABASE_URL": TEST_DATABASE_URL,
        "PATROL_ENV": "testing",
        "PATROL_MAX_CONTENT_LENGTH": str(MAX_BODY),
    }
    server = Server("gunicorn", "wsgi:app", REPO, environment, workers=1)
    try:
        server.wait_until_answering("/api/v1/openapi.json")
        yield server
    finally:
        server.stop()


def exchange(server, raw):
    """Send raw bytes; the status line, headers and body of the answer."""
    with socket.create_connection((HOST, server.port), timeout=10) as connection:
        connection.sendall(raw)
        response = http.client.HTTPResponse(connection)
        response.begin()
        return response.status, response.headers, response.read()


def assert_problem_from(answer, status, code):
    got_status, headers, body = answer
    assert got_status == status, body
    assert headers["Content-Type"] == "application/problem+json", headers
    problem = json.loads(body)
    assert problem["code"] == code and problem["status"] == status, problem
    assert problem["code"] in ERROR_CATALOGUE and problem["request_id"]
    return problem


def test_a_request_line_too_long_is_a_problem(server):
    # Once gunicorn's HTML page: a bbox of 10,000 numbers.
    bbox = ",".join(["127.0"] * 10_000)
    raw = f"GET /api/v1/zones?bbox={bbox} HTTP/1.1\r\nHost: {HOST}\r\n\r\n".encode()
    assert_problem_from(exchange(server, raw), 414, "URI_TOO_LONG")


def test_a_flood_of_headers_is_a_problem(server):
    flood = "".join(f"X-Flood-{number}: {number}\r\n" for number in range(500))
    raw = f"GET /api/v1/openapi.json HTTP/1.1\r\nHost: {HOST}\r\n{flood}\r\n".encode()
    assert_problem_from(exchange(server, raw), 431, "HEADERS_TOO_LARGE")


def test_a_header_too_long_is_a_problem(server):
    raw = f"GET /api/v1/openapi.json HTTP/1.1\r\nHost: {HOST}\r\nX-Long: {'a' * 20_000}\r\n\r\n".encode()
    assert_problem_from(exchange(server, raw), 431, "HEADERS_TOO_LARGE")


def test_a_malformed_request_is_a_problem(server):
    raw = f"GET /api/v1/openapi.json HTTP/1.1\r\nHost: {HOST}\r\nBad Header Name: x\r\n\r\n".encode()
    assert_problem_from(exchange(server, raw), 400, "BAD_REQUEST")


def chunked(body, chunk_size=1000):
    pieces = [body[start:start + chunk_size] for start in range(0, len(body), chunk_size)]
    return b"".join(b"%x\r\n%s\r\n" % (len(piece), piece) for piece in pieces) + b"0\r\n\r\n"


def sign_in_request(body, framing):
    return (
        f"POST /api/v1/auth/token HTTP/1.1\r\nHost: {HOST}\r\nContent-Type: application/json\r\n{framing}\r\n\r\n"
    ).encode() + body


@pytest.mark.parametrize("sent_as", ["chunked", "with a length"])
def test_a_body_over_the_limit_is_too_large_however_it_is_sent(server, sent_as):
    # Once 400 when chunked: only a body with a Content-Length was measured against the limit.
    body = json.dumps({"phone": "010-1234-5678", "password": "x" * MAX_BODY}).encode()
    if sent_as == "chunked":
        raw = sign_in_request(chunked(body), "Transfer-Encoding: chunked")
    else:
        raw = sign_in_request(body, f"Content-Length: {len(body)}")
    assert_problem_from(exchange(server, raw), 413, "PAYLOAD_TOO_LARGE")


def test_a_chunked_body_within_the_limit_is_read(server):
    body = json.dumps({"phone": "010-1234-5678", "password": "not-the-password"}).encode()
    assert_problem_from(exchange(server, sign_in_request(chunked(body, 7), "Transfer-Encoding: chunked")), 401, "INVALID_CREDENTIALS")
