"""The workers' queues, read from the database when Prometheus scrapes: exact at that moment,
and nothing on the request path. Every reading is one scalar subquery of a single statement,
each served by a partial index of its table.

A new reading is one entry in readings() (and, for a new metric, one in FAMILIES).
"""
import logging
from collections import namedtuple

from prometheus_client.core import GaugeMetricFamily
from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from backend.derivation.models import DerivationRequest
from backend.extensions import db
from backend.notifications.models import Delivery, DeliveryStatus, OutboxEvent
from backend.reports.models import ExportJob, ExportStatus

log = logging.getLogger(__name__)

# name: (label names, help)
FAMILIES = {
    "patrol_outbox_backlog": (
        ["stage"],
        "Notifications due and not yet handled: events to fan out to devices, deliveries to send to FCM.",
    ),
    "patrol_dispatcher_lag_seconds": (
        ["stage"],
        "How long the oldest notification due and not yet handled has waited since it fell due (0 when none).",
    ),
    "patrol_notification_retrying": ([], "Deliveries that failed and wait for their next attempt."),
    "patrol_notification_dead_letters": ([], "Deliveries given up (dead), until an administrator re-queues them."),
    "patrol_derivation_backlog": ([], "People on patrols whose derived figures (dwell, attendance) wait for the worker."),
    "patrol_derivation_lag_seconds": ([], "How long the oldest request for derived figures has waited (0 when none)."),
    "patrol_export_jobs": (["status"], "Background exports waiting for a worker or being made."),
    "patrol_export_lag_seconds": ([], "How long the oldest queued background export has waited (0 when none)."),
}

Reading = namedtuple("Reading", "family labels value")


def count(model, *conditions):
    return select(func.count()).select_from(model).where(*conditions).scalar_subquery()


def seconds_waited(since, *conditions):
    """Seconds from the earliest `since` of the rows meeting the conditions to now; 0 for none."""
    oldest = func.min(since)
    return select(func.coalesce(func.extract("epoch", func.now() - oldest), 0)).where(*conditions).scalar_subquery()


def readings():
    due_event = (OutboxEvent.processed_at.is_(None), OutboxEvent.available_at <= func.now())
    pending = Delivery.status == DeliveryStatus.PENDING.value
    due_delivery = (pending, Delivery.next_attempt_at <= func.now())
    queued_export = ExportJob.status == ExportStatus.QUEUED.value
    return [
        Reading("patrol_outbox_backlog", ["fan_out"], count(OutboxEvent, *due_event)),
        Reading("patrol_outbox_backlog", ["send"], count(Delivery, *due_delivery)),
        Reading("patrol_dispatcher_lag_seconds", ["fan_out"], seconds_waited(OutboxEvent.available_at, *due_event)),
        Reading("patrol_dispatcher_lag_seconds", ["send"], seconds_waited(Delivery.next_attempt_at, *due_delivery)),
        Reading(
            "patrol_notification_retrying", [], count(Delivery, pending, Delivery.attempts > 0, Delivery.next_attempt_at > func.now())
        ),
        Reading("patrol_notification_dead_letters", [], count(Delivery, Delivery.status == DeliveryStatus.DEAD.value)),
        Reading("patrol_derivation_backlog", [], count(DerivationRequest)),
        Reading("patrol_derivation_lag_seconds", [], seconds_waited(DerivationRequest.requested_at)),
        Reading("patrol_export_jobs", ["queued"], count(ExportJob, queued_export)),
        Reading("patrol_export_jobs", ["running"], count(ExportJob, ExportJob.status == ExportStatus.RUNNING.value)),
        Reading("patrol_export_lag_seconds", [], seconds_waited(ExportJob.created_at, queued_export)),
    ]


class BacklogCollector:
    """A prometheus-client collector asking the database at each scrape, in the scrape's request."""

    def collect(self):
        try:
            return list(self._families()) + [_database_up(1)]
        except SQLAlchemyError:
            # The request and pool figures are still worth a scrape while the database is away.
            log.warning("metrics: the database did not answer the backlog query", exc_info=True)
            db.session.rollback()
            return [_database_up(0)]

    def _families(self):
        current = readings()
        values = db.session.execute(select(*(reading.value for reading in current))).one()
        families = {name: GaugeMetricFamily(name, text, labels=labels) for name, (labels, text) in FAMILIES.items()}
        for reading, value in zip(current, values, strict=True):
            families[reading.family].add_metric(reading.labels, float(value))
        return families.values()


def _database_up(value):
    return GaugeMetricFamily("patrol_metrics_database_up", "1 when the scrape could read the queues from the database.", value=value)
