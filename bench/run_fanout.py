"""Push fan-out: one dispatcher process sends a group announcement to 1,000, 5,000 and
10,000 phones, through the real firebase-admin SDK and a fake FCM server.

    .venv/bin/python bench/run_fanout.py                  # 1,000, 5,000 and 10,000 devices
    .venv/bin/python bench/run_fanout.py --devices 10000  # one run only

What happens:

1. (re)creates the database PATROL_BENCH_FANOUT_DATABASE_URL (default:
   `patrol_bench_fanout` on the local server) and migrates it;
2. measures what the fake FCM itself can take: 5,000 sends from a lean client, so that a
   dispatcher figure well below it is the dispatcher's own;
3. sends 1,000 messages through each of the SDK's two send paths, `send_each` (threads and
   requests, which `FcmSender` uses) and `send_each_async` (asyncio and httpx), from one
   process without the database, and prints the CPU each costs per message;
4. for each device count, empties the tables and inserts, in one set-based statement, a
   station, a volunteer group of N volunteers with one phone each, a published patrol
   three days ahead and one `patrol.published` outbox event for the group;
5. starts the fake FCM server from backend/testing/fake_fcm.py in a process of its own,
   then a fresh dispatcher process (multiprocessing, spawn) that builds the app and an
   `FcmSender` pointed at the fake and times `drain(sender)`, the loop of
   `flask notifications dispatch`: from the first fan-out to the last delivery recorded,
   connections and the OAuth token included (a cold dispatcher);
6. prints per run: messages the fake received, deliveries marked sent in the database,
   seconds, messages/s, where the dispatcher's wall time and the machine's CPU went, and
   the dispatcher's resident memory before the drain and at its peak (ru_maxrss);
7. prints a results table, the machine, and the targets with PASS/FAIL.

The fake runs in its own process so that the dispatcher's CPU and memory are its own; the
fake's CPU is reported separately (a real FCM costs us nothing but the wait). Each run gets
fresh processes, so a peak is that run's own. HTTP goes to 127.0.0.1 only. Only a database
whose name contains "bench" is dropped; it is left in place afterwards for inspection.
Every process started here is stopped on the way out, whatever happens.
"""
import argparse
import multiprocessing
import os
import platform
import signal
import statistics
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from harness import (  # noqa: E402
    FakeFcmProcess, code_version, cpu_by_process, machine, machine_busy_s, print_table,
)
from locations_world import plain_url, recreate_database  # noqa: E402

DATABASE_URL = os.environ.get(
    "PATROL_BENCH_FANOUT_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/patrol_bench_fanout"
)
DEVICE_COUNTS = (1_000, 5_000, 10_000)
TOKEN_LENGTH = 163  # about the length of a real FCM registration token
RUN_TIMEOUT_S = 900  # a dispatcher still busy after this is stopped and the run fails

TARGET_MESSAGES_PER_S = 2_000.0  # from one dispatcher process, at 10,000 devices
# "Flat": the peak at 10,000 devices at most this much above the peak at 1,000.
TARGET_PEAK_GROWTH = 0.10
QUIET_SHARE = 0.15  # of one core: more than this from other programs makes a run noisy
FLOOR_MESSAGES = 5_000
FLOOR_THREADS = 500  # as many sends in flight as send_each has in a full batch
PATH_MESSAGES = 1_000  # per SDK send path compared

TABLES = ("notification_deliveries, devices, outbox_events, patrols, group_memberships, "
          "volunteer_groups, users, stations")
WORLD = """
WITH station AS (INSERT INTO stations (code, name) VALUES ('FANOUT', '안양동안경찰서') RETURNING id),
chief AS (
    INSERT INTO users (name, phone, password_hash, role, station_id)
    SELECT '서장', '+821099999999', 'x', 'station_chief', id FROM station RETURNING id, station_id
),
grp AS (
    INSERT INTO volunteer_groups (name, kind, station_id)
    SELECT '범계 자율방범대', 'patrol_association', id FROM station RETURNING id
),
people AS (
    INSERT INTO users (name, phone, password_hash, role, station_id)
    SELECT '대원' || n, '+8210' || lpad(n::text, 8, '0'), 'x', 'volunteer', (SELECT id FROM station)
    FROM generate_series(1, %(devices)s) AS n RETURNING id
),
members AS (INSERT INTO group_memberships (group_id, user_id) SELECT (SELECT id FROM grp), id FROM people),
phones AS (
    INSERT INTO devices (user_id, token, platform, locale)
    SELECT id, rpad('bench-' || id || ':', %(token_length)s, 'x'),
           CASE WHEN id %% 3 = 0 THEN 'ios' ELSE 'android' END,
           CASE WHEN id %% 10 = 0 THEN 'en' END  -- one in ten reads English; the rest the person's Korean
    FROM people
),
patrol AS (
    INSERT INTO patrols (station_id, title, starts_at, ends_at, meeting_point, max_volunteers, state, created_by_id)
    SELECT station_id, '범계역 야간 합동순찰', now() + interval '3 days', now() + interval '3 days 2 hours',
           ST_SetSRID(ST_MakePoint(126.9508, 37.3897), 4326), 20, 'published', id FROM chief RETURNING id
)
INSERT INTO outbox_events (event_type, dedupe_key, patrol_id, payload)
SELECT 'patrol.published', 'patrol.published:' || id, id, jsonb_build_object('group_ids', jsonb_build_array((SELECT id FROM grp)))
FROM patrol
"""


def banner(title):
    print(f"\n== {title}", flush=True)


def app_for(url):
    from backend import create_app
    from backend.config import sqlalchemy_url

    return create_app({"PATROL_ENV": "testing", "SQLALCHEMY_DATABASE_URI": sqlalchemy_url(url)})


def build_world(connection, devices):
    """Empty the tables, then one announcement due for `devices` phones; statistics fresh."""
    connection.execute(f"TRUNCATE {TABLES} RESTART IDENTITY CASCADE")
    connection.execute(WORLD, {"devices": devices, "token_length": TOKEN_LENGTH})
    for table in TABLES.split(", "):
        connection.execute(f"VACUUM (ANALYZE) {table}")
    connection.execute("CHECKPOINT")  # the setup's writes flushed now, not during the drain


# ---------------------------------------------------------------- what the fake can take


def announcement(n):
    """A `patrol.published` message of the shape and size the dispatcher sends."""
    import warnings

    from firebase_admin import messaging

    with warnings.catch_warnings():  # the app addresses devices by registration token
        warnings.simplefilter("ignore", DeprecationWarning)
        return messaging.Message(
            token=f"bench-{n}:".ljust(TOKEN_LENGTH, "x"),
            notification=messaging.Notification(title="새 합동순찰: 범계역 야간 합동순찰",
                                                body="11월 25일(수) 21:00 · 참여 신청을 받고 있습니다."),
            data={"type": "patrol.published", "patrol_id": "1", "deep_link": "jointpatrol://patrols/1",
                  "version": "1", "message_id": f"1-{n}"},
            android=messaging.AndroidConfig(priority="normal", ttl=259200),
            apns=messaging.APNSConfig(headers={"apns-push-type": "alert", "apns-priority": "5",
                                               "apns-expiration": "1764072000"}),
        )


def fake_floor(context, workdir):
    """How many sends a second the fake answers for a lean client (http.client, one kept
    connection per thread, bodies encoded beforehand), at send_each's concurrency, and the
    fake's CPU per send: the fake takes at least that much, so a dispatcher figure well below
    it is the dispatcher's own."""
    import concurrent.futures
    import http.client
    import json
    import queue
    import urllib.parse

    from firebase_admin import messaging

    banner(f"Fake FCM floor: {FLOOR_MESSAGES:,} sends from a lean client, {FLOOR_THREADS} threads")
    fake = FakeFcmProcess(context, Path(workdir) / "firebase-floor.json")
    try:
        address = urllib.parse.urlsplit(fake.url)
        connections = queue.SimpleQueue()
        for _ in range(FLOOR_THREADS):
            connections.put(http.client.HTTPConnection(address.hostname, address.port, timeout=30))
        headers = {"Authorization": "Bearer fake", "Content-Type": "application/json; charset=UTF-8"}
        path = "/v1/projects/patrol-bench/messages:send"

        def body(n):  # exactly what the SDK sends for an announcement
            return json.dumps({"message": messaging._MessagingService.encode_message(announcement(n))}).encode()

        def send(data):
            connection = connections.get()
            try:
                connection.request("POST", path, data, headers)
                response = connection.getresponse()
                response.read()
                return response.status == 200
            finally:
                connections.put(connection)

        bodies = [body(n) for n in range(FLOOR_MESSAGES)]
        with concurrent.futures.ThreadPoolExecutor(FLOOR_THREADS) as pool:
            sum(pool.map(send, bodies[:FLOOR_THREADS]))  # connections open before the clock starts
            fake_cpu, started = cpu_by_process()[fake.pid][1], time.perf_counter()
            answered = sum(pool.map(send, bodies))
            wall, fake_cpu = time.perf_counter() - started, cpu_by_process()[fake.pid][1] - fake_cpu
        while not connections.empty():
            connections.get().close()
    finally:
        fake.stop()
    floor = {"per_s": FLOOR_MESSAGES / wall, "ok": answered, "fake_cpu_ms": fake_cpu * 1000 / FLOOR_MESSAGES}
    print(f"{floor['per_s']:,.0f} sends/s ({answered:,} of {FLOOR_MESSAGES:,} answered 200 in {wall:.2f} s); "
          f"the fake used {fake_cpu / wall:.0%} of a core, {floor['fake_cpu_ms']:.3f} ms CPU per send: its CPU "
          f"alone would allow about {1000 / floor['fake_cpu_ms']:,.0f} sends/s on one core", flush=True)
    return floor


# ---------------------------------------------------------------- the SDK's two send paths


def time_send_paths(credentials_path, fcm_url, fake_pid, results):
    """In a fresh process: the same batches through `FcmSender`'s app with the SDK's
    `send_each` (a thread per message, requests; what the dispatcher uses) and its
    `send_each_async` (asyncio and httpx, in one event loop kept for the whole run: the
    SDK's httpx client keeps its connections, which belong to the loop that opened them)."""
    import asyncio
    import resource

    from firebase_admin import messaging

    from backend.notifications.fcm import FcmSender

    def cpu_s():
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return usage.ru_utime + usage.ru_stime

    sender = FcmSender(credentials_path, fcm_url=fcm_url)
    runner = asyncio.Runner()
    paths = {
        "send_each": lambda batch: messaging.send_each(batch, app=sender.app),
        # dry_run=False said aloud: send_each_async defaults to a dry run (7.7 at least).
        "send_each_async": lambda batch: runner.run(messaging.send_each_async(batch, dry_run=False, app=sender.app)),
    }
    batches = [[announcement(n) for n in range(start, start + 500)] for start in range(0, PATH_MESSAGES, 500)]
    figures = {}
    try:
        for name, send in paths.items():
            send(batches[0])  # the token fetched and the connections opened before the clock starts
            mine, fake, started = cpu_s(), cpu_by_process()[fake_pid][1], time.perf_counter()
            answered = sum(response.success for batch in batches for response in send(batch).responses)
            figures[name] = {"per_s": PATH_MESSAGES / (time.perf_counter() - started), "ok": answered,
                             "cpu_ms": (cpu_s() - mine) * 1000 / PATH_MESSAGES,
                             "fake_cpu_ms": (cpu_by_process()[fake_pid][1] - fake) * 1000 / PATH_MESSAGES}
    finally:
        # The SDK closes its httpx client in a loop of its own; the connections it closes
        # still need theirs, so the runner's loop is closed last.
        sender.close()
        runner.close()
    results.send(figures)


def send_paths(context, workdir):
    banner(f"The SDK's send paths: {PATH_MESSAGES:,} messages in batches of 500, each path in turn, "
           f"one process, no database")
    credentials_path = Path(workdir) / "firebase-paths.json"
    fake = FakeFcmProcess(context, credentials_path)
    results, theirs = context.Pipe(duplex=False)
    process = context.Process(target=time_send_paths, args=(str(credentials_path), fake.url, fake.pid, theirs),
                              name="send-paths", daemon=True)
    try:
        process.start()
        theirs.close()
        if not results.poll(RUN_TIMEOUT_S):
            raise RuntimeError(f"no result from the send paths within {RUN_TIMEOUT_S} s")
        paths = results.recv()
        process.join(30)
    finally:
        if process.is_alive():
            process.terminate()
            process.join(5)
        results.close()
        fake.stop()
    for name, f in paths.items():
        print(f"{name}: {f['per_s']:,.0f} messages/s ({f['ok']:,} of {PATH_MESSAGES:,} sent), CPU per message: "
              f"sender {f['cpu_ms']:.3f} ms, fake FCM {f['fake_cpu_ms']:.3f} ms", flush=True)
    return paths


# ---------------------------------------------------------------- the dispatcher (own process)


def vm_rss_kib():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


class TimedSender:
    """The real sender, with the wall time and the process's CPU time of each batch it sends.

    While `send` runs, the dispatcher's main thread only waits for the SDK's send threads,
    so the process's CPU during a batch is the SDK's and the HTTP stack's."""

    def __init__(self, sender):
        self.sender = sender
        self.batches = []  # (messages, wall s, process CPU s)

    def send(self, messages):
        import resource

        usage = resource.getrusage(resource.RUSAGE_SELF)
        started = time.perf_counter()
        results = self.sender.send(messages)
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_SELF)
        self.batches.append((len(messages), wall, after.ru_utime + after.ru_stime - usage.ru_utime - usage.ru_stime))
        return results

    def close(self):
        self.sender.close()


def dispatch_run(database_url, credentials_path, fcm_url, fake_pid, results):
    """In a fresh process: one drain of everything due, measured. Sends a dict to `results`."""
    import resource

    from sqlalchemy import func, select, text

    from backend.cli.notifications import drain
    from backend.extensions import db
    from backend.notifications.fcm import FcmSender
    from backend.notifications.models import Delivery

    app = app_for(database_url)
    sender = TimedSender(FcmSender(credentials_path, fcm_url=fcm_url))
    try:
        with app.app_context():
            backends = set(db.session.scalars(text("SELECT pg_backend_pid()")))
            db.session.commit()
            rss_before = vm_rss_kib()
            cpu_before, busy_before = cpu_by_process(), machine_busy_s()
            started = time.perf_counter()
            events, deliveries = drain(sender)
            wall = time.perf_counter() - started
            cpu_after, busy_after = cpu_by_process(), machine_busy_s()
            peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            backends |= set(db.session.scalars(text("SELECT pg_backend_pid()")))
            by_status = dict(db.session.execute(select(Delivery.status, func.count()).group_by(Delivery.status)).all())
            db.session.remove()
    finally:
        sender.close()

    spent = {"dispatcher": 0.0, "fake FCM": 0.0, "its postgres backend": 0.0, "other postgres": 0.0, "other": 0.0}
    for pid, (name, cpu) in cpu_after.items():
        delta = cpu - cpu_before.get(pid, (name, 0.0))[1]
        if pid == os.getpid():
            spent["dispatcher"] += delta
        elif pid == fake_pid:
            spent["fake FCM"] += delta
        elif pid in backends:
            spent["its postgres backend"] += delta
        elif name == "postgres":
            spent["other postgres"] += delta
        else:
            spent["other"] += delta
    busy = busy_after - busy_before
    spent["other"] += max(busy - sum(spent.values()), 0.0)  # processes that ended meanwhile
    results.send({
        "events": events,
        "taken": deliveries,
        "by_status": {str(status): count for status, count in by_status.items()},
        "wall_s": wall,
        "rss_before_kib": rss_before,
        "peak_kib": peak_kib,
        "cpu": spent,
        "busy_s": busy,
        "batches": sender.batches,
        "pid": os.getpid(),
    })


# ---------------------------------------------------------------- one run


def run(context, connection, devices, workdir):
    banner(f"{devices:,} devices")
    started = time.perf_counter()
    build_world(connection, devices)
    print(f"setup: 1 station, 1 group of {devices:,} volunteers with a phone each, 1 published patrol, "
          f"1 patrol.published event ({time.perf_counter() - started:.1f} s)", flush=True)

    fake = FakeFcmProcess(context, Path(workdir) / f"firebase-{devices}.json")
    dispatcher = None
    results, theirs = context.Pipe(duplex=False)
    try:
        dispatcher = context.Process(
            target=dispatch_run, args=(DATABASE_URL, str(Path(workdir) / f"firebase-{devices}.json"),
                                       fake.url, fake.pid, theirs),
            name=f"dispatcher-{devices}", daemon=True,
        )
        dispatcher.start()
        theirs.close()
        if not results.poll(RUN_TIMEOUT_S):
            raise RuntimeError(f"no result from the dispatcher within {RUN_TIMEOUT_S} s")
        try:
            figures = results.recv()
        except EOFError:
            raise RuntimeError(f"the dispatcher died (exit code {dispatcher.exitcode}); see its traceback above")
        dispatcher.join(30)
        figures["received"] = fake.received()
    finally:
        if dispatcher is not None and dispatcher.is_alive():
            dispatcher.terminate()
            dispatcher.join(5)
        results.close()
        fake.stop()

    figures["devices"] = devices
    describe(figures)
    return figures


def describe(f):
    received, wall, n = f["received"], f["wall_s"], f["devices"]
    sent = f["by_status"].get("sent", 0)
    f["per_s"] = received["messages"] / wall
    print(f"dispatcher pid {f['pid']}: fanned out {f['events']} event, took {f['taken']:,} deliveries in "
          f"{len(f['batches'])} batches")
    print(f"fake FCM received {received['messages']:,} messages for {received['tokens']:,} tokens "
          f"({received['message_ids']:,} message ids), {received['token_requests']} OAuth token request(s)")
    print(f"database: {sent:,} deliveries marked sent (all by status: {f['by_status']})")
    print(f"{wall:.2f} s from the first fan-out to the last delivery recorded: {f['per_s']:,.0f} messages/s")

    batches = f["batches"]
    send_wall = sum(b[1] for b in batches)
    send_cpu = sum(b[2] for b in batches)
    first, rest = batches[0], batches[1:]
    print(f"wall time: in FcmSender.send (the SDK's send_each, HTTP both ways, the fake's answers) "
          f"{send_wall:.2f} s = {send_wall / wall:.0%}; elsewhere (fan-out, claiming rows, building messages, "
          f"recording outcomes, commits) {wall - send_wall:.2f} s")
    if rest:
        per_batch = statistics.median(b[1] / b[0] * 1000 for b in rest)
        print(f"first batch ({first[0]} messages, opens the connections, gets the token): "
              f"{first[1] * 1000 / first[0]:.2f} ms/message; later batches, median: {per_batch:.2f} ms/message")

    cpu, busy = f["cpu"], f["busy_s"]
    mine = cpu["dispatcher"]
    print(f"CPU per message: dispatcher {mine * 1000 / n:.3f} ms (of which inside send {send_cpu * 1000 / n:.3f} ms, "
          f"elsewhere {(mine - send_cpu) * 1000 / n:.3f} ms), fake FCM {cpu['fake FCM'] * 1000 / n:.3f} ms, "
          f"the dispatcher's postgres backend {cpu['its postgres backend'] * 1000 / n:.3f} ms")
    print(f"the dispatcher used {mine / wall:.0%} of a core; if it never waited (FCM and PostgreSQL free), "
          f"its CPU alone would allow {n / mine:,.0f} messages/s")
    print(f"machine busy {busy / wall / os.cpu_count():.0%} of {os.cpu_count()} cores; other postgres processes "
          f"{cpu['other postgres'] / wall:.0%} and other programs {cpu['other'] / wall:.0%} of a core")
    f["other_share"] = cpu["other"] / wall
    if f["other_share"] > QUIET_SHARE:
        print("NOISY: other programs shared the machine during this run; rerun for clean figures")
    print(f"dispatcher memory: resident before the drain {f['rss_before_kib'] / 1024:.1f} MiB, peak (ru_maxrss) "
          f"{f['peak_kib'] / 1024:.1f} MiB", flush=True)


# ---------------------------------------------------------------- report


def check_complete(f):
    received, n = f["received"], f["devices"]
    return (received["messages"] == n and received["tokens"] == n and received["message_ids"] == n
            and f["by_status"] == {"sent": n})


def report(all_figures, floor, paths, host, code):
    banner("Results")
    header = ("devices", "FCM received", "DB sent", "seconds", "messages/s", "RSS before MiB", "peak RSS MiB",
              "dispatcher CPU ms/msg", "fake CPU ms/msg")
    rows = [(f"{f['devices']:,}", f"{f['received']['messages']:,}", f"{f['by_status'].get('sent', 0):,}",
             f"{f['wall_s']:.2f}", f"{f['per_s']:,.0f}", f"{f['rss_before_kib'] / 1024:.1f}",
             f"{f['peak_kib'] / 1024:.1f}", f"{f['cpu']['dispatcher'] * 1000 / f['devices']:.3f}",
             f"{f['cpu']['fake FCM'] * 1000 / f['devices']:.3f}") for f in all_figures]
    print_table(header, rows)

    banner("Machine")
    for key, value in host.items():
        print(f"{key}: {value}")
    print(f"code: {code}")
    print("the fake FCM (backend/testing/fake_fcm.py, a threaded http.server) ran in its own process on "
          "this machine, sharing its cores with the dispatcher and PostgreSQL; plain HTTP/1.1, no TLS")
    print(f"the fake took {floor['per_s']:,.0f} sends/s from a lean client, at {floor['fake_cpu_ms']:.3f} ms of its "
          f"CPU per send (about {1000 / floor['fake_cpu_ms']:,.0f} sends/s if it had a core to itself)")
    print("the SDK's send paths, sender CPU per message: " + ", ".join(
        f"{name} {f['cpu_ms']:.3f} ms ({f['per_s']:,.0f}/s)" for name, f in paths.items()))
    noisiest = max(f["other_share"] for f in all_figures)
    if noisiest <= QUIET_SHARE:
        print(f"runs: quiet machine (other programs at most {noisiest:.0%} of a core)")
    else:
        print(f"runs: NOISY, other programs took up to {noisiest:.0%} of a core: rerun for clean figures")

    banner("Targets")
    by_devices = {f["devices"]: f for f in all_figures}
    checks = [(check_complete(f), f"{f['devices']:,} devices: every phone got exactly one message and every "
                                  f"delivery is recorded as sent") for f in all_figures]
    if 10_000 in by_devices:
        f = by_devices[10_000]
        checks.append((f["per_s"] >= TARGET_MESSAGES_PER_S,
                       f">= {TARGET_MESSAGES_PER_S:,.0f} messages/s from one dispatcher process at 10,000 devices: "
                       f"{f['per_s']:,.0f}"))
    if 1_000 in by_devices and 10_000 in by_devices:
        small, large = by_devices[1_000]["peak_kib"], by_devices[10_000]["peak_kib"]
        growth = large - small
        checks.append((growth <= TARGET_PEAK_GROWTH * small,
                       f"dispatcher peak memory flat from 1,000 to 10,000 devices (at most +{TARGET_PEAK_GROWTH:.0%}): "
                       f"{small / 1024:.1f} -> {large / 1024:.1f} MiB, {growth / 1024:+.1f} MiB "
                       f"({growth / small:+.1%})"))
    for ok, text in checks:
        print(f"[{'PASS' if ok else 'FAIL'}] {text}")
    if 10_000 in by_devices:
        f = by_devices[10_000]
        ceiling = f["devices"] / f["cpu"]["dispatcher"]
        print(f"[INFO] at 10,000 devices the dispatcher's own CPU allows at most {ceiling:,.0f} messages/s on one "
              f"core, whatever FCM and PostgreSQL do; the fake took {floor['per_s']:,.0f} sends/s from a lean client")


def versions():
    names = ("firebase-admin", "google-auth", "requests", "urllib3", "httpx", "httpcore", "SQLAlchemy", "psycopg")
    return f"Python {platform.python_version()}; " + ", ".join(f"{name} {metadata.version(name)}" for name in names)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--devices", type=int, nargs="+", default=list(DEVICE_COUNTS),
                        help="device counts to run, each in fresh processes (default: %(default)s)")
    args = parser.parse_args()
    # Stopped with SIGTERM: unwind like Ctrl-C, so the cleanup below stops our processes.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    import flask_migrate
    import psycopg

    run_started = time.perf_counter()
    banner("Setup")
    recreate_database(DATABASE_URL)
    with app_for(DATABASE_URL).app_context():
        flask_migrate.upgrade()
    print(f"database {psycopg.conninfo.conninfo_to_dict(DATABASE_URL)['dbname']} rebuilt and migrated", flush=True)

    context = multiprocessing.get_context("spawn")
    all_figures = []
    with tempfile.TemporaryDirectory(prefix="patrol-bench-fanout-") as workdir, \
            psycopg.connect(plain_url(DATABASE_URL), autocommit=True) as connection:
        floor = fake_floor(context, workdir)
        paths = send_paths(context, workdir)
        for devices in args.devices:
            all_figures.append(run(context, connection, devices, workdir))
        host = machine(connection)
    host["python"] = versions()
    report(all_figures, floor, paths, host, code_version(REPO))
    print(f"\n(whole run {time.perf_counter() - run_started:.0f} s)")


if __name__ == "__main__":
    main()
