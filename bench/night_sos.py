"""SOS raised during the simulated night, and the floor they are measured against.

Every few seconds of the night a volunteer, each in turn, raises an SOS on their patrol with a
fresh client_event_id (everyone consented; the patrols have just ended, and the SOS window
covers the walk home). The bench notes when the 201 arrived and how many people the alert
reached at once (`recipients`: the first tier, each with one phone). Half an interval later
comes the floor: as many messages, sent through the real firebase-admin SDK (`FcmSender`) to
the same fake FCM by a process of its own, with no database and nothing to wake. An officer of
the patrol resolves each alert a few seconds after it was raised, so its raiser may raise
again and nothing escalates. The station chief, in every first tier, registers a phone too.
"""
import http.client
import itertools
import json
import os
import threading
import time
import uuid
from collections import Counter

from firebase_admin import messaging

from backend.core.time import utcnow
from backend.notifications.fcm import FcmSender
from backend.testing.servers import HOST
from harness import ServedProcess
from locations_world import offset
from night_world import TOKEN_LENGTH

RAISED = "sos.raised"
FLOOR = "bench.floor"
SOS_MESSAGES = (RAISED, FLOOR)  # what the fake FCM receives from this stream
RESOLVE_AFTER_S = 5.0  # well inside any delivery measured here, well before an escalation


# ---------------------------------------------------------------- the floor (own process)


def serve_floor_sender(credentials_path, fcm_url, commands):
    """Send `count` messages through FcmSender on each (probe, count) received, answering
    (epoch seconds just before the send, how many FCM accepted); stop on None."""
    sender = FcmSender(credentials_path, fcm_url=fcm_url)
    try:
        commands.send(os.getpid())
        while True:
            try:
                command = commands.recv()
            except EOFError:  # the bench died
                return
            if command is None:
                return
            probe, count = command
            outgoing = [_floor_message(probe, n) for n in range(count)]
            started = time.time()
            results = sender.send(outgoing)
            commands.send((started, sum(result.ok for result in results)))
    finally:
        sender.close()


def _floor_message(probe, n):
    """About an SOS push's size and settings: high priority, a title, a body, a few data keys."""
    return messaging.Message(
        token=f"floor-{probe}-{n}",
        notification=messaging.Notification(title="긴급 호출 (SOS)", body="대원이 도움을 요청했습니다. 위치를 확인하세요."),
        data={"type": FLOOR, "probe": str(probe), "message_id": f"floor-{probe}-{n}"},
        android=messaging.AndroidConfig(priority="high", ttl=600),
        apns=messaging.APNSConfig(headers={"apns-push-type": "alert", "apns-priority": "10"}),
    )


class FloorSender(ServedProcess):
    """serve_floor_sender in a process of its own, as the dispatcher is."""

    def __init__(self, context, credentials_path, fcm_url):
        super().__init__(context, serve_floor_sender, (str(credentials_path), fcm_url), "floor sender", None)
        self.pid = self.greeting

    def send(self, probe, count):
        return self.ask((probe, count))


# ---------------------------------------------------------------- the stream of SOS


class SosStream:
    """From a thread of its own while the night runs: an SOS every `every_s` seconds, the
    floor's probe half an interval later, and the resolutions that are due."""

    def __init__(self, world, port, every_s, floor, rng):
        self.port = port
        self.every_s = every_s
        self.floor = floor
        self.chief_headers = {"Content-Type": "application/json", "Authorization": f"Bearer {world['chief_token']}"}
        volunteers = [phone for phone in world["phones"] if not phone.is_officer]
        rng.shuffle(volunteers)
        self.raisers = volunteers
        self.officer_of = {phone.patrol_id: phone for phone in world["phones"] if phone.is_officer}
        self.rng = rng
        self.stopping = threading.Event()
        self.raised = []  # {"status", "answered_at", "ms", "alert_id", "recipients", "patrol_id"}
        self.probes = []  # {"probe", "count", "started", "accepted"}
        self.resolutions = Counter()  # HTTP status of each resolve
        self.unresolved = []  # (due at, alert id, patrol id)

    def register_chief(self):
        """The station chief is in every first tier: their phone registers like everyone's."""
        body = {"token": "night-chief:".ljust(TOKEN_LENGTH, "x"), "platform": "android", "app_version": "1.4.2"}
        status, _, _ = self._post("/api/v1/devices", body, self.chief_headers)
        if status not in (200, 201):
            raise RuntimeError(f"the chief's phone was not registered: {status}")

    def __enter__(self):
        self.thread = threading.Thread(target=self._loop, name="sos-stream", daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        self.thread.join()
        for _, alert_id, patrol_id in self.unresolved:
            self._resolve(alert_id, patrol_id)
        self.unresolved = []

    def _loop(self):
        next_at = time.monotonic()
        for n in itertools.count():
            recipients = self._raise(self.raisers[n % len(self.raisers)])
            self._wait_until(next_at + self.every_s / 2)
            if self.stopping.is_set():
                return
            if recipients:
                started, accepted = self.floor.send(n, recipients)
                self.probes.append({"probe": n, "count": recipients, "started": started, "accepted": accepted})
            while self.unresolved and self.unresolved[0][0] <= time.monotonic():
                _, alert_id, patrol_id = self.unresolved.pop(0)
                self._resolve(alert_id, patrol_id)
            next_at = max(next_at + self.every_s, time.monotonic())
            self._wait_until(next_at)
            if self.stopping.is_set():
                return

    def _wait_until(self, moment):
        self.stopping.wait(max(moment - time.monotonic(), 0))

    def _raise(self, phone):
        lon, lat = offset(phone.centre, self.rng.uniform(-150, 150), self.rng.uniform(-150, 150))
        body = {"patrol_id": phone.patrol_id, "lat": round(lat, 7), "lon": round(lon, 7), "accuracy_m": 8.0,
                "recorded_at": utcnow().isoformat(), "client_event_id": str(uuid.uuid4()), "kind": "sos"}
        status, answer, elapsed = self._post("/api/v1/sos", body, phone.headers())
        answered_at = time.time()
        raised = {"status": status, "answered_at": answered_at, "ms": elapsed * 1000, "patrol_id": phone.patrol_id,
                  "alert_id": answer.get("id"), "recipients": answer.get("recipients")}
        self.raised.append(raised)
        if status != 201:
            return None
        self.unresolved.append((time.monotonic() + RESOLVE_AFTER_S, raised["alert_id"], phone.patrol_id))
        return raised["recipients"]

    def _resolve(self, alert_id, patrol_id):
        status, _, _ = self._post(f"/api/v1/sos/{alert_id}/resolve", {"outcome": "safe"},
                                  self.officer_of[patrol_id].headers())
        self.resolutions[status] += 1

    def _post(self, path, body, headers):
        """(status or the connection error's name, the JSON answer or {}, seconds)."""
        connection = http.client.HTTPConnection(HOST, self.port, timeout=120)
        started = time.perf_counter()
        try:
            connection.request("POST", path, json.dumps(body).encode(), headers)
            response = connection.getresponse()
            data = response.read()
            status = response.status
        except (OSError, http.client.HTTPException) as error:
            status, data = type(error).__name__, b""
        finally:
            connection.close()
        elapsed = time.perf_counter() - started
        try:
            answer = json.loads(data) if data else {}
        except ValueError:
            answer = {}
        return status, answer if isinstance(answer, dict) else {}, elapsed


# ---------------------------------------------------------------- counting


def sos_figures(stream, arrivals, stages):
    """Per alert answered 201: seconds from its 201 to the first and to the last of its
    first-tier messages at the fake FCM, and whether all of them arrived; per floor probe,
    seconds from its send to the last of its messages. `arrivals`: the fake's (epoch
    seconds, data, token) of the SOS and floor messages; `stages`: {alert id: (fanned out,
    first sent, last sent)} in epoch seconds, from the database."""
    by_alert, by_probe = {}, {}
    for at, data, token in arrivals:
        if data["type"] == RAISED:
            seen = by_alert.setdefault(int(data["alert_id"]), {})
        else:
            seen = by_probe.setdefault(int(data["probe"]), {})
        seen[token] = min(at, seen.get(token, at))  # a message sent again counts at its first arrival
    alerts = []
    for raised in stream.raised:
        if raised["status"] != 201:
            continue
        times = sorted(by_alert.get(raised["alert_id"], {}).values())
        fanned_out, first_sent, _ = stages.get(raised["alert_id"], (None, None, None))
        alerts.append({
            "expected": raised["recipients"],
            "received": len(times),
            "first_s": times[0] - raised["answered_at"] if times else None,
            "last_s": times[-1] - raised["answered_at"] if times else None,
            # Where the time went: to the fan-out (the wake-up and the deliveries written), to
            # the start of the step that sends them, to the last message in (the deliveries
            # claimed, the messages built and sent through the SDK).
            "to_fan_out_s": fanned_out - raised["answered_at"] if fanned_out else None,
            "to_send_s": first_sent - fanned_out if fanned_out and first_sent else None,
            "send_s": times[-1] - first_sent if times and first_sent else None,
        })
    probes = []
    for probe in stream.probes:
        times = sorted(by_probe.get(probe["probe"], {}).values())
        probes.append({"expected": probe["count"], "received": len(times),
                       "last_s": times[-1] - probe["started"] if times else None})
    return alerts, probes


STAGES_SQL = """
SELECT (e.payload ->> 'alert_id')::int, extract(epoch FROM e.processed_at),
       extract(epoch FROM min(d.sent_at)), extract(epoch FROM max(d.sent_at))
FROM outbox_events e LEFT JOIN notification_deliveries d ON d.event_id = e.id
WHERE e.event_type = %s AND e.id >= %s
GROUP BY e.id
"""


def sos_stages(connection, first_event_id):
    """{alert id: (fanned out, first batch sent, last batch sent)}, epoch seconds, of the SOS
    events of the night (`connection`: psycopg)."""
    return {row[0]: tuple(float(v) if v is not None else None for v in row[1:])
            for row in connection.execute(STAGES_SQL, (RAISED, first_event_id))}
