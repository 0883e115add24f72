"""Structured logs: one JSON object per line, each carrying the request id it belongs to.

The access line names the route's rule (``/api/v1/calendar/<token>.ics``), never the raw
path or the query string: paths hold calendar-feed secrets and report filters name people.
The same rule, status and duration feed the latency histogram of /metrics.
Headers and bodies (passwords, tokens) are never logged.
"""
import logging
import re
import time

from flask import g, has_request_context, request
from pythonjsonlogger.json import JsonFormatter

from backend.metrics.instruments import record_request

access_log = logging.getLogger("backend.access")

# "<id:patrol_id>" -> "<patrol_id>": logs name routes, not Flask's converters.
CONVERTER = re.compile(r"<(?:[^:<>]+:)?([^:<>]+)>")


def configure_logging(app):
    _tag_records_with_request_id()
    root = logging.getLogger()
    if not any(isinstance(handler.formatter, JsonFormatter) for handler in root.handlers):
        root.addHandler(json_log_handler())
    root.setLevel(logging.INFO)

    @app.before_request
    def start_clock():
        g.request_started = time.perf_counter()

    @app.after_request
    def log_request(response):
        started = g.get("request_started")
        seconds = time.perf_counter() - started if started else None
        fields = _access_fields(response, seconds)
        access_log.info("request", extra=fields)
        if seconds is not None:
            record_request(fields["method"], fields["route"], fields["status"], seconds)
        return response


def json_log_handler():
    handler = logging.StreamHandler()
    handler.setFormatter(
        JsonFormatter(
            "{asctime}{levelname}{name}{message}{request_id}",
            style="{",
            rename_fields={"asctime": "time", "levelname": "level"},
        )
    )
    return handler


def _access_fields(response, seconds):
    return {
        "method": request.method,
        "route": route_name(),
        "status": response.status_code,
        "duration_ms": round(seconds * 1000, 1) if seconds is not None else None,
        "user_id": g.get("auth_user_id"),
    }


def route_name():
    """The rule the request matched, e.g. "/api/v1/patrols/<patrol_id>/live"."""
    return CONVERTER.sub(r"<\1>", request.url_rule.rule) if request.url_rule else "(no route)"


def _tag_records_with_request_id():
    """Every log record made while serving a request gets its id, whichever logger made it."""
    make_record = logging.getLogRecordFactory()
    if getattr(make_record, "adds_request_id", False):
        return

    def make_record_with_request_id(*args, **kwargs):
        record = make_record(*args, **kwargs)
        record.request_id = g.get("request_id") if has_request_context() else None
        return record

    make_record_with_request_id.adds_request_id = True
    logging.setLogRecordFactory(make_record_with_request_id)
