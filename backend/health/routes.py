"""Probes for the platform that runs the service, outside the API and its sign-in:
/healthz says the process answers, /readyz that it can serve (database reachable, its schema
at the migrations' head, the rate limits' shared storage reachable)."""
import logging

import flask
from alembic.script import ScriptDirectory
from flask import current_app, jsonify
from sqlalchemy import column, inspect, select, table

from backend.errors import problem_response
from backend.extensions import db, limiter

log = logging.getLogger(__name__)
# Alembic's record of the revisions applied (its default version table).
applied_revisions = table("alembic_version", column("version_num"))
probes = flask.Blueprint("probes", __name__)


@probes.get("/healthz")
@limiter.exempt
def healthz():
    return jsonify(status="ok")


@probes.get("/readyz")
@limiter.exempt
def readyz():
    checks = {"database": "ok", "migrations": "ok", "rate_limit_storage": "ok"}
    try:
        with db.engine.connect() as connection:
            checks["migrations"] = _migrations_state(connection)
    except Exception:  # any failure to reach or read the database means: not ready
        log.exception("readiness: the database did not answer")
        checks["database"] = checks["migrations"] = "unreachable"
    # With rate limiting turned off (PATROL_RATELIMIT_ENABLED=false) there is no storage to reach.
    if limiter.enabled and not limiter.storage.check():
        checks["rate_limit_storage"] = "unreachable"
    if any(state != "ok" for state in checks.values()):
        return problem_response("SERVICE_UNAVAILABLE", members={"checks": checks}, headers={"Retry-After": "5"})
    return jsonify(status="ready", checks=checks)


def _migrations_state(connection):
    """"ok" when the database holds exactly the migrations' heads, else "behind" (a database
    never migrated has no version table at all)."""
    if not inspect(connection).has_table(applied_revisions.name):
        return "behind"
    applied = set(connection.scalars(select(applied_revisions.c.version_num)))
    config = current_app.extensions["migrate"].migrate.get_config()
    return "ok" if applied == set(ScriptDirectory.from_config(config).get_heads()) else "behind"
