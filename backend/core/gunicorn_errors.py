"""problem+json instead of gunicorn's HTML for the requests gunicorn refuses itself.

A request line longer than limit_request_line, too many or too long headers, a malformed
request or chunked body never reach Flask: gunicorn answers them with util.write_error,
an HTML page. gunicorn.conf.py puts write_problem in its place (tests/test_gunicorn_errors.py
fails if gunicorn stops calling it).
"""
import json
import uuid

from gunicorn import util

from backend.errors import CODE_FOR_STATUS, ERROR_CATALOGUE, PROBLEM_MIMETYPE, problem_body


def problem_bytes(status_int, reason):
    """The whole HTTP answer. Without a request to read Accept-Language from, the detail is
    the app's default language, Korean; the request id is new, since none was read."""
    code = CODE_FOR_STATUS.get(status_int, "BAD_REQUEST")
    body = json.dumps(
        problem_body(code, status_int, ERROR_CATALOGUE[code][2], uuid.uuid4().hex), ensure_ascii=False
    ).encode()
    head = (
        f"HTTP/1.1 {status_int} {reason}\r\n"
        "Connection: close\r\n"
        f"Content-Type: {PROBLEM_MIMETYPE}\r\n"
        f"Content-Length: {len(body)}\r\n"
        "Cache-Control: no-store\r\n"
        "X-Content-Type-Options: nosniff\r\n"
        "\r\n"
    )
    return head.encode("latin-1") + body


def write_problem(sock, status_int, reason, mesg):
    """gunicorn.util.write_error's signature; `mesg` (gunicorn's own words, which may quote
    the request) is left out of the answer and stays in gunicorn's log."""
    util.write_nonblock(sock, problem_bytes(status_int, reason))
