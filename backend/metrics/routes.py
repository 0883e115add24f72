"""GET /metrics for Prometheus, beside the probes and outside the API's sign-in.

Only the configured scraper reads it: a bearer token (PATROL_METRICS_TOKEN), an address in
PATROL_METRICS_ALLOW, or both when both are set. With neither, the route is not there at all
(404, whatever the method): route names, queue sizes and pool use are nobody else's business.
"""
import hmac
import ipaddress
import os

import flask
from flask import current_app, request
from prometheus_client import REGISTRY, CollectorRegistry
from prometheus_client.exposition import choose_encoder
from prometheus_client.multiprocess import MultiProcessCollector

from backend.errors import AppError
from backend.extensions import limiter
from backend.metrics.backlog import BacklogCollector

exposition = flask.Blueprint("metrics", __name__)


def is_exposed(config):
    return bool(config["METRICS_TOKEN"] or config["METRICS_ALLOW"])


@exposition.get("/metrics")
@limiter.exempt
def metrics():
    _check_scraper()
    # The text format Prometheus asks for in Accept (OpenMetrics or its classic one).
    encode, content_type = choose_encoder(request.headers.get("Accept"))
    return encode(_registry()), 200, {"Content-Type": content_type}


def _check_scraper():
    token, allowed = current_app.config["METRICS_TOKEN"], current_app.config["METRICS_ALLOW"]
    if (token and not _bears(token)) or (allowed and not _comes_from(allowed)):
        raise AppError("METRICS_ACCESS_DENIED")


def _bears(token):
    authorization = request.authorization
    offered = authorization.token if authorization is not None and authorization.type == "bearer" else None
    return offered is not None and hmac.compare_digest(offered.encode(), token.encode())


def _comes_from(networks):
    """Whether the client's address (the proxy's X-Forwarded-For under PATROL_PROXY_HOPS) is allowed."""
    try:
        address = ipaddress.ip_address(request.remote_addr or "")
    except ValueError:  # a Unix socket has no address to allow
        return False
    # An IPv4 client of a server listening on IPv6 arrives as ::ffff:a.b.c.d.
    address = getattr(address, "ipv4_mapped", None) or address
    return any(address in network for network in networks)


def _registry():
    """This scrape's figures: every gunicorn worker's (from their files) or this process's own,
    and the queues read from the database now."""
    registry = CollectorRegistry()
    if "PROMETHEUS_MULTIPROC_DIR" in os.environ:
        MultiProcessCollector(registry)
    else:
        registry.register(REGISTRY)
    registry.register(BacklogCollector())
    return registry
