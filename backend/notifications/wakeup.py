"""Waking a dispatcher at the commit of a new outbox event rather than at its next poll.

record_event sends a NOTIFY on the outbox channel in the transaction that writes the event;
a dispatcher LISTENs on a connection of its own, in autocommit and outside SQLAlchemy's pool,
which it keeps for as long as it runs. The poll stays as the fallback: for events due later
(reminders, retries) and while the database cannot be reached.
"""
import logging
import time

import psycopg
from flask import current_app
from psycopg import sql

from backend.extensions import db
from backend.notifications.outbox import CHANNEL

log = logging.getLogger(__name__)


class OutboxListener:
    """`wait(seconds)` returns at the commit of a new event, or when `seconds` have passed."""

    def __init__(self):
        self._connection = None

    def wait(self, seconds):
        """Wait for an event's commit, at most `seconds` (0: take the wake-ups already there).
        Without a listening connection, before a pause, open one and return at once: events
        committed before its LISTEN woke nobody, so the caller goes round once more. When that
        fails too, sleep the `seconds` out and try again next time."""
        deadline = time.monotonic() + seconds
        if self._connection is not None:
            try:
                if next(self._connection.notifies(timeout=seconds, stop_after=1), None) is not None:
                    # A burst of commits is one round of work, not one per notification.
                    for _ in self._connection.notifies(timeout=0):
                        pass
                return
            except psycopg.Error as error:
                log.warning("lost the connection listening for outbox events: %s", error)
                self.close()
        if not seconds:
            return
        try:
            self._connection = self._listen()
        except psycopg.Error as error:
            log.warning("cannot listen for outbox events, polling meanwhile: %s", error)
            time.sleep(max(deadline - time.monotonic(), 0))

    def close(self):
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _listen(self):
        # The engine's own connection settings (address, timeouts, time zone) on a connection of its own.
        args, kwargs = db.engine.dialect.create_connect_args(db.engine.url)
        kwargs.update(current_app.config["SQLALCHEMY_ENGINE_OPTIONS"].get("connect_args", {}))
        connection = psycopg.connect(*args, **kwargs, autocommit=True)
        try:
            connection.execute(sql.SQL("LISTEN {}").format(sql.Identifier(CHANNEL)))
        except psycopg.Error:
            connection.close()
            raise
        return connection
