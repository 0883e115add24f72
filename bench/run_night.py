"""A simulated night: 800 volunteers and 40 officers on 20 joint patrols, end to end.

    .venv/bin/python bench/run_night.py              # the whole night
    .venv/bin/python bench/run_night.py --scale 0.1  # 2 patrols, 84 phones: a quick check

What happens (bench/night_world.py describes the world and the phones' requests):

1. (re)creates the database PATROL_BENCH_NIGHT_DATABASE_URL (default `patrol_bench_night`
   on the local server), migrates it and builds the world through the models and services;
2. starts, as in production, the fake FCM of the tests in a process of its own, the app
   (`gunicorn --workers 2 wsgi:app`, PATROL_ENV=production, rate limits on) and the
   dispatcher (`flask --app wsgi notifications dispatch`), which sends through the real
   firebase-admin SDK to the fake (PATROL_FCM_URL, and a service-account file whose
   token_uri is the fake), and the derivation worker (`flask --app wsgi derive work`);
3. every phone registers its FCM token (POST /devices);
4. moves the patrols so that their two hours end now, and replays the night from a pool of
   client threads (closed loop), in the order of patrol time: check-ins, a batch upload per
   phone every few minutes (POST /locations:batch, a fix every 15 s), one phone in ten
   offline for 30 minutes then sending its backlog, live-board reads and broadcasts by the
   officers, tomorrow's patrols moved by the chief (changes, then 2-hour reminders), and
   check-outs. Meanwhile a volunteer raises an SOS every 2 s (`--sos-every-s`; see
   bench/night_sos.py), which an officer resolves 5 s later, and each is followed by its
   floor: as many messages sent through the SDK alone by a process of its own. `ANALYZE`
   runs every 30 s, standing in for autovacuum (off on this server);
5. waits for the dispatcher to send everything due and the worker to derive everything
   asked for, then counts: requests per endpoint (requests/s, p50/p99 ms, 5xx, other answers
   by code), points and check-ins sent against stored, notifications due against delivered
   (delivery rows and what the fake FCM received), how long after a batch's answer its
   figures were derived (freshness: a trigger of the bench's own notes when the worker
   finishes each request), from each SOS's 201 to the fake FCM receiving each of its
   first-tier messages beside the floor, peak memory of every process, where the CPU went;
6. stops the app and replays the night's batches, the same bodies in the same order at the
   same concurrency, to the floor: bench/baseline_app.py on the same gunicorn settings,
   which COPYs each batch into a table with no index and no constraint; prints the server
   CPU per phone-hour of patrol of the app beside the floor's, and PASS/FAIL for all of it.

HTTP goes to 127.0.0.1 only. Only the bench database is dropped (its name must contain
"bench"); it is left in place for inspection. Every process started here is stopped on the
way out, whatever happens.
"""
import argparse
import bisect
import contextlib
import json
import multiprocessing
import os
import random
import re
import secrets
import signal
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import flask_migrate  # noqa: E402
import psycopg  # noqa: E402

from backend import create_app  # noqa: E402
from backend.core.time import utcnow  # noqa: E402
from backend.testing.servers import Background, Server  # noqa: E402
from baseline_app import CREATE_FLOOR_POINTS  # noqa: E402
from harness import (  # noqa: E402
    CpuMeter, FakeFcmProcess, code_version, database_session_pids, machine, peak_rss_mib, percentile, print_table, run_load,
)
from locations_world import (  # noqa: E402
    app_settings, firebase_placeholder_file, plain_url, recreate_database, server_env,
)
from night_sos import RESOLVE_AFTER_S, SOS_MESSAGES, FloorSender, SosStream, sos_figures, sos_stages  # noqa: E402
from night_world import (  # noqa: E402
    OFFICERS_PER_PATROL, PATROL_LENGTH, VOLUNTEERS_PER_PATROL, build_world, device_requests, night_requests, patrol_count,
    run_patrols_until,
)

DATABASE_URL = os.environ.get(
    "PATROL_BENCH_NIGHT_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/patrol_bench_night"
)
DATABASE_NAME = psycopg.conninfo.conninfo_to_dict(DATABASE_URL)["dbname"]
WORKERS = 2  # as scripts/run.sh starts gunicorn by default (PATROL_WORKERS)
CONCURRENCY = 8  # client threads: both sync workers always have the next request waiting
UPLOAD_EVERY_MIN = 5
NIGHT_TIME_LIMIT_S = 3600  # no request starts after this; a night cut short fails
ANALYZE_EVERY_S = 30
DRAIN_TIMEOUT_S = 300
FLOOR_TARGET = 2  # the app's server CPU per phone-hour at most this many times the floor's
FRESHNESS_TARGET_S = 10  # a batch's dwell and attendance derived within this of its answer
SOS_EVERY_S = 2.0
SOS_TARGET_S = 1.0  # from an SOS's 201 to the last of its first-tier messages at FCM (p99)
ON_A_PATROL = VOLUNTEERS_PER_PATROL + OFFICERS_PER_PATROL  # people, each with one phone
# The server side of the night, as CpuMeter names its parts: the app's gunicorn workers, every
# postgres session on the bench database but the bench's own (the app's, the dispatcher's and
# the derivation worker's), the dispatcher, and the derivation worker (dwell and attendance
# are part of what a batch costs, only done later). Not the fake FCM, the load generator,
# nor the bench's ANALYZE.
SERVER_PARTS = {"workers": "gunicorn workers", "backends": "postgres sessions", "dispatcher": "dispatcher",
                "derivation worker": "derivation worker"}
ANALYZE_PART = "bench's ANALYZE"
# Lines of the server's or the dispatcher's output that tell of trouble.
TROUBLE = re.compile(r"Traceback|Exception|WORKER TIMEOUT|\[ERROR\]|\[CRITICAL\]")


# The bench's own record of when the worker finished each request: it deletes the request's
# row in the transaction that wrote the figures, just before committing.
NOTE_DERIVATIONS = """
CREATE TABLE bench_derivations (patrol_id integer, user_id integer, derived_at timestamptz);
CREATE FUNCTION bench_note_derivation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO bench_derivations VALUES (OLD.patrol_id, OLD.user_id, clock_timestamp());
    RETURN OLD;
END $$;
CREATE TRIGGER bench_note_derivation AFTER DELETE ON derivation_queue
    FOR EACH ROW EXECUTE FUNCTION bench_note_derivation();
"""


def banner(title):
    print(f"\n== {title}", flush=True)


def endpoint_of(method, path):
    """`POST /api/v1/patrols/{id}/check-in`: the route, not the patrol."""
    return f"{method} {re.sub(r'/[0-9]+', '/{id}', path)}"


class BatchAnswers:
    """Tallies what POST /locations:batch answered (run_load's `check`, from its threads)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.accepted = self.duplicates = 0
        self.rejected = Counter()  # code -> points

    def __call__(self, data):
        answer = json.loads(data) if data.startswith(b"{") else None
        if not isinstance(answer, dict) or "accepted" not in answer:
            return None  # not a batch's answer
        with self.lock:
            self.accepted += answer["accepted"]
            self.duplicates += answer["duplicates"]
            self.rejected.update(point["code"] for point in answer["rejected"])
        return f"rejected points: {answer['rejected'][:3]}" if answer["rejected"] else None


class AutoAnalyze:
    """ANALYZE every `every_s` seconds on a connection of its own, as autovacuum would refresh
    the planner's statistics of the growing tables; prints the night's progress meanwhile."""

    def __init__(self, every_s):
        self.every_s = every_s
        self.stopping = threading.Event()
        self.runs = 0

    def __enter__(self):
        self.started = time.perf_counter()
        # Connected here, so that its postgres session can be told apart from the server's.
        self.connection = psycopg.connect(plain_url(DATABASE_URL), autocommit=True)
        self.backend_pid = self.connection.info.backend_pid
        self.thread = threading.Thread(target=self._loop, name="auto-analyze", daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        self.thread.join()
        self.connection.close()

    def _loop(self):
        while not self.stopping.wait(self.every_s):
            self.connection.execute("ANALYZE")
            self.runs += 1
            points = self.connection.execute("SELECT count(*) FROM location_points").fetchone()[0]
            print(f"    {time.perf_counter() - self.started:5.0f} s: {points:,} points stored", flush=True)


# ---------------------------------------------------------------- setup and processes


def setup(app, scale, rng):
    banner("1. Setup")
    started = time.perf_counter()
    recreate_database(DATABASE_URL)
    with app.app_context():
        flask_migrate.upgrade()
        world = build_world(scale, rng)
    with psycopg.connect(plain_url(DATABASE_URL), autocommit=True) as connection:
        connection.execute(NOTE_DERIVATIONS)
    people = len(world["phones"])
    print(f"database {DATABASE_NAME} rebuilt and migrated; {len(world['patrol_ids'])} published patrols of "
          f"{ON_A_PATROL} ({VOLUNTEERS_PER_PATROL} volunteers of one group, {OFFICERS_PER_PATROL} officers), "
          f"{people} people with location consent and a token, {world['zone_count']} zones of 안양동안경찰서, "
          f"{len(world['moved_patrol_ids'])} of tomorrow's patrols to be moved "
          f"({time.perf_counter() - started:.0f} s)", flush=True)
    return world


def start_processes(context, workdir, secret, workers, started):
    """The fake FCM, the app, the dispatcher, the derivation worker and the SOS floor's
    sender; each is appended to `started` at once, so the caller can stop it whatever happens
    next."""
    banner("2. Processes")
    credentials = Path(workdir) / "firebase.json"
    fake = FakeFcmProcess(context, credentials)
    started.append(fake)
    # Rate limits stay on, as in production: they count per signed-in person, so 840 phones
    # behind one address do not share a limit, and no phone comes near its own here.
    # The SOS are resolved within seconds: an escalation due a minute later would reach nobody,
    # yet hold the wait for the dispatcher at the end of the night.
    env = server_env(DATABASE_URL, secret, credentials, fcm_url=fake.url, rate_limits=True,
                     extra={"PATROL_SOS_ESCALATE_AFTER_S": "3600"})
    server = Server("app", "wsgi:app", REPO, env, workers)
    started.append(server)
    # Stopped with Ctrl-C's signal, on which it closes its sender before leaving.
    dispatcher = Background("dispatcher", [sys.executable, "-m", "flask", "--app", "wsgi", "notifications",
                                           "dispatch"], REPO, env, stop_signal=signal.SIGINT)
    started.append(dispatcher)
    deriver = Background("derivation worker", [sys.executable, "-m", "flask", "--app", "wsgi", "derive", "work"],
                         REPO, env, stop_signal=signal.SIGINT)
    started.append(deriver)
    floor = FloorSender(context, credentials, fake.url)
    started.append(floor)
    server.wait_until_answering("/api/v1/openapi.json")
    time.sleep(1)
    for helper in (dispatcher, deriver):
        if helper.process.poll() is not None:
            raise RuntimeError(f"the {helper.name} exited:\n{helper.log_tail()}")
    print(f"fake FCM pid {fake.pid} at {fake.url}; app: gunicorn --workers {workers} on 127.0.0.1:{server.port}, "
          f"workers {server.worker_pids()}; dispatcher pid {dispatcher.pid} (flask --app wsgi notifications "
          f"dispatch); derivation worker pid {deriver.pid} (flask --app wsgi derive work); PATROL_ENV=production, "
          f"rate limits on (in-process counters per worker); the SOS floor's sender pid {floor.pid}", flush=True)
    return fake, server, dispatcher, deriver, floor


def trouble_in(server, helpers):
    """{process: alarming lines of its output}, a worker replaced or a helper gone included."""
    trouble = {process.name: [line for line in process.log_lines() if TROUBLE.search(line)]
               for process in (server, *helpers)}
    boots = sum("Booting worker" in line for line in server.log_lines())
    if boots > server.workers:
        trouble[server.name].append(f"{boots} workers booted for {server.workers}: some died and were replaced")
    for helper in helpers:
        if helper.process.poll() is not None:
            trouble[helper.name].append(f"the {helper.name} exited ({helper.process.returncode})")
    return trouble


def stop_all(started):
    for process in reversed(started):
        try:
            process.stop()
        except Exception as error:  # keep stopping the others
            print(f"could not stop {process}: {error}", file=sys.stderr)


# ---------------------------------------------------------------- the night


def register_devices(world, port, concurrency):
    banner(f"3. Phones open the app: {len(world['phones'])} POST /devices at concurrency {concurrency}")
    requests = device_requests(world)
    result = run_load(port, requests, concurrency, NIGHT_TIME_LIMIT_S)
    print(f"{result['sent']} sent in {result['wall_s']:.1f} s", flush=True)
    return requests, result


def replay_night(app, world, server, helpers, connection, first_event_id, args, rng, floor):
    with app.app_context():
        starts_at = run_patrols_until(world["patrol_ids"], utcnow())
    night = night_requests(world, starts_at, rng, args.upload_every_min * 60)
    connection.execute("ANALYZE")  # the world's statistics, as autovacuum would have them by now
    banner(f"4. The night: {len(night.requests):,} requests at concurrency {args.concurrency}; the patrols' two "
           f"hours from {starts_at:%H:%M} to {starts_at + PATROL_LENGTH:%H:%M} UTC (just now), replayed as fast "
           "as the server answers")
    print(f"{night.checkins:,} check-ins, {night.batches:,} batches ({night.points:,} points, a fix every 15 s, "
          f"uploads every {args.upload_every_min} min, largest batch {night.largest_batch}), "
          f"{night.offline_phones} phones offline for 30 min, {night.broadcasts} broadcasts, "
          f"{night.moves} patrols moved, {night.checkouts:,} check-outs", flush=True)
    sos = SosStream(world, server.port, args.sos_every_s, floor, rng) if args.sos_every_s else None
    if sos:
        sos.register_chief()
        print(f"meanwhile an SOS every {args.sos_every_s:g} s from a volunteer in turn, each resolved by an officer "
              f"{RESOLVE_AFTER_S:g} s later; the floor's probe half an interval after each", flush=True)
    answers = BatchAnswers()
    load_before = os.getloadavg()
    # The meter runs until everything due is sent and derived, since what the night left to do
    # is its work too; the bench's ANALYZE is metered on its own, since its rate follows the
    # wall clock, not the work.
    with AutoAnalyze(ANALYZE_EVERY_S) as analyze, \
            CpuMeter(server.worker_pids(), lambda: database_session_pids(connection), DATABASE_NAME,
                     {**helpers, ANALYZE_PART: analyze.backend_pid}) as cpu:
        with sos or contextlib.nullcontext():
            result = run_load(server.port, night.requests, args.concurrency, NIGHT_TIME_LIMIT_S, check=answers)
        print(f"{result['sent']:,} of {len(night.requests):,} requests sent in {result['wall_s']:.0f} s: two hours "
              f"of patrol in {result['wall_s'] / 60:.1f} minutes ({7200 / result['wall_s']:.0f} x)", flush=True)
        drained_s = wait_for_dispatcher(connection, first_event_id)
        wait_for_derivations(connection)
    print(f"ANALYZE ran {analyze.runs} times", flush=True)
    return {"night": night, "result": result, "answers": answers, "cpu": cpu, "phones": len(world["phones"]),
            "load": (load_before, os.getloadavg()), "drained_s": drained_s, "sos": sos}


def wait_for_dispatcher(connection, first_event_id):
    """Until nothing is left to send now or within the minute (a moved patrol's reminder)."""
    banner("5. Waiting for the dispatcher to send everything due")
    started = time.perf_counter()
    while time.perf_counter() - started < DRAIN_TIMEOUT_S:
        events, deliveries = connection.execute(
            "SELECT (SELECT count(*) FROM outbox_events WHERE id >= %(first)s AND processed_at IS NULL"
            "        AND available_at <= now() + interval '1 minute'),"
            "       (SELECT count(*) FROM notification_deliveries WHERE status = 'pending'"
            "        AND next_attempt_at <= now() + interval '1 minute')", {"first": first_event_id},
        ).fetchone()
        if not events and not deliveries:
            break
        time.sleep(1)
    waited = time.perf_counter() - started
    print(f"drained {waited:.1f} s after the night's last request"
          + ("" if waited < DRAIN_TIMEOUT_S else f" (GAVE UP after {DRAIN_TIMEOUT_S} s)"), flush=True)
    return waited


def wait_for_derivations(connection):
    """Until the worker has derived everything asked for."""
    started = time.perf_counter()
    while time.perf_counter() - started < DRAIN_TIMEOUT_S:
        if not connection.execute("SELECT count(*) FROM derivation_queue").fetchone()[0]:
            break
        time.sleep(0.5)
    waited = time.perf_counter() - started
    print(f"everything derived {waited:.1f} s after the notifications were sent"
          + ("" if waited < DRAIN_TIMEOUT_S else f" (GAVE UP after {DRAIN_TIMEOUT_S} s)"), flush=True)


def freshness(connection, night, result, world):
    """Seconds from each answered batch to the end of the first derivation of its person and
    patrol that began after it (the worker's row for them held the batch's request by then);
    and how many batches were never derived."""
    user_of = user_of_authorization(world)
    derived = defaultdict(list)
    for patrol_id, user_id, at in connection.execute(
            "SELECT patrol_id, user_id, extract(epoch FROM derived_at) FROM bench_derivations ORDER BY derived_at"):
        derived[(patrol_id, user_id)].append(float(at))
    delays, never = [], 0
    for index, status, answered_at in zip(result["indexes"], result["statuses"], result["answered_at"]):
        method, path, body, headers = night.requests[index]
        if not path.endswith("/locations:batch") or status != 200:
            continue
        key = (json.loads(body)["points"][0]["patrol_id"], user_of[headers["Authorization"]])
        times = derived[key]
        after = bisect.bisect_right(times, answered_at)
        if after == len(times):
            never += 1
        else:
            delays.append(times[after] - answered_at)
    return delays, never


def user_of_authorization(world):
    """{Authorization header: user id} of the night's phones."""
    return {phone.headers()["Authorization"]: phone.user_id for phone in world["phones"]}


def floor_requests(world, night):
    """The night's batches as the floor takes them: the same bodies and headers, in the same
    order; the person goes in the query string, since the floor reads no token."""
    user_of = user_of_authorization(world)
    return [("POST", f"/batch?user_id={user_of[headers['Authorization']]}", body, headers)
            for _, path, body, headers in night.requests if path.endswith("/locations:batch")]


def replay_on_floor(world, night, env, args):
    """The night's batches sent to the floor (bench/baseline_app.py) at the same concurrency,
    on the same gunicorn settings as the app; its workers' and postgres sessions' CPU."""
    requests = floor_requests(world, night)
    banner(f"6. The floor: the night's {len(requests):,} batches ({night.points:,} points) at concurrency "
           f"{args.concurrency}, COPY into a table with no index and no constraint")
    with psycopg.connect(plain_url(DATABASE_URL), autocommit=True) as connection:
        connection.execute(CREATE_FLOOR_POINTS)
        server = Server("floor", "baseline_app:app", REPO / "bench", env, args.workers)
        try:
            server.wait_until_answering("/")
            with CpuMeter(server.worker_pids(), lambda: database_session_pids(connection), DATABASE_NAME) as cpu:
                result = run_load(server.port, requests, args.concurrency, NIGHT_TIME_LIMIT_S)
            trouble = [line for line in server.log_lines() if TROUBLE.search(line)]
        finally:
            server.stop()
        stored_points = connection.execute("SELECT count(*) FROM bench_floor_points").fetchone()[0]
    print(f"{result['sent']:,} sent in {result['wall_s']:.0f} s, {len(result['errors'])} not answered 2xx; "
          f"{stored_points:,} points stored; {len(trouble)} alarming lines in its output", flush=True)
    return {"requests": requests, "result": result, "cpu": cpu, "stored": stored_points, "trouble": trouble}


# ---------------------------------------------------------------- counting


def by_endpoint(phases):
    """{endpoint: figures} over the phases' results: count, requests/s over its phase, p50/p99
    ms, 5xx, connection errors, other non-2xx answers by status."""
    samples = defaultdict(list)
    walls = {}
    for requests, result in phases:
        for index, status, latency in zip(result["indexes"], result["statuses"], result["latencies_ms"]):
            endpoint = endpoint_of(*requests[index][:2])
            samples[endpoint].append((status, latency))
            walls[endpoint] = result["wall_s"]
    table = {}
    for endpoint, rows in samples.items():
        statuses = Counter(status for status, _ in rows)
        latencies = [latency for _, latency in rows]
        table[endpoint] = {
            "count": len(rows),
            "per_s": len(rows) / walls[endpoint],
            "p50_ms": percentile(latencies, 50),
            "p99_ms": percentile(latencies, 99),
            "ok": sum(n for s, n in statuses.items() if isinstance(s, int) and 200 <= s < 300),
            "5xx": sum(n for s, n in statuses.items() if isinstance(s, int) and s >= 500),
            "connection errors": sum(n for s, n in statuses.items() if not isinstance(s, int)),
            "other": {s: n for s, n in statuses.items() if isinstance(s, int) and not 200 <= s < 300 and s < 500},
        }
    return table


def points_in_failed_requests(night, result):
    """Points in batches that were not answered 2xx (lost unless the phone sends them again)."""
    lost = Counter()
    for index, status in zip(result["indexes"], result["statuses"]):
        method, path, body, _ = night.requests[index]
        if path.endswith("/locations:batch") and not (isinstance(status, int) and 200 <= status < 300):
            lost[status] += len(json.loads(body)["points"])
    return lost


def stored(connection, first_event_id):
    """What the database holds after the night; the notifications without the SOS, which
    report_sos counts on their own."""
    one = connection.execute
    night_events = {"first": first_event_id, "sos": "sos.%"}  # the SOS's events of every type
    figures = {
        "points": one("SELECT count(*) FROM location_points").fetchone()[0],
        "checkins": dict(one("SELECT kind::text, count(*) FROM checkins GROUP BY 1").fetchall()),
        "flagged": one("SELECT count(*) FROM checkins WHERE status = 'flagged'").fetchone()[0],
        "reads_logged": one("SELECT count(*) FROM location_access_log").fetchone()[0],
        "events": dict(one("SELECT event_type, count(*) FROM outbox_events WHERE id >= %s GROUP BY 1",
                           (first_event_id,)).fetchall()),
        "deliveries": dict(one("SELECT d.status::text, count(*) FROM notification_deliveries d "
                               "JOIN outbox_events e ON e.id = d.event_id "
                               "WHERE e.id >= %(first)s AND e.event_type NOT LIKE %(sos)s GROUP BY 1",
                               night_events).fetchall()),
    }
    # From when an event was due (written, or its reminder time) to its delivery's send.
    figures["delivery_s"] = one(
        "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY s), percentile_cont(0.99) WITHIN GROUP (ORDER BY s) "
        "FROM (SELECT extract(epoch FROM d.sent_at - greatest(e.created_at, e.available_at)) AS s "
        "      FROM notification_deliveries d JOIN outbox_events e ON e.id = d.event_id "
        "      WHERE e.id >= %(first)s AND e.event_type NOT LIKE %(sos)s AND d.status = 'sent') AS sent",
        night_events,
    ).fetchone()
    return figures


def notifications_due(table):
    """By the bench's own reckoning: every accepted broadcast goes to everyone on its patrol,
    every moved patrol tells everyone on it, then reminds them two hours before."""
    broadcasts = table.get("POST /api/v1/patrols/{id}/broadcast", {}).get("ok", 0)
    moves = table.get("PATCH /api/v1/patrols/{id}", {}).get("ok", 0)
    return {"patrol.broadcast": broadcasts * ON_A_PATROL, "patrol.changed": moves * ON_A_PATROL,
            "patrol.reminder_2h": moves * ON_A_PATROL}


# ---------------------------------------------------------------- report


def report_requests(table, phases):
    banner("Results: requests")
    rows = []
    for endpoint, f in sorted(table.items(), key=lambda item: -item[1]["count"]):
        other = ", ".join(f"{status}: {n}" for status, n in sorted(f["other"].items())) or "0"
        rows.append((endpoint, f"{f['count']:,}", f"{f['per_s']:.1f}", f"{f['p50_ms']:.1f}", f"{f['p99_ms']:.1f}",
                     f["5xx"], f["connection errors"], other))
    latencies = [ms for _, result in phases for ms in result["latencies_ms"]]
    wall = sum(result["wall_s"] for _, result in phases)
    total = {key: sum(f[key] for f in table.values()) for key in ("count", "5xx", "connection errors")}
    others = sum(sum(f["other"].values()) for f in table.values())
    rows.append(("all", f"{total['count']:,}", f"{total['count'] / wall:.1f}", f"{percentile(latencies, 50):.1f}",
                 f"{percentile(latencies, 99):.1f}", total["5xx"], total["connection errors"], others))
    print_table(("endpoint", "requests", "req/s", "p50 ms", "p99 ms", "5xx", "failed connections",
                 "other non-2xx"), rows)
    return total


def report_data(night, answers, lost, db_figures, table):
    banner("Results: data")
    rejected = dict(answers.rejected) or "none"
    print(f"points: sent {night.points:,}; answered accepted {answers.accepted:,}, duplicates {answers.duplicates:,}, "
          f"rejected {rejected}; in batches not answered 2xx {dict(lost) or 'none'}; stored {db_figures['points']:,}")
    checkins = db_figures["checkins"]
    print(f"check-ins: sent {night.checkins:,}, stored {checkins.get('check_in', 0):,}; check-outs: sent "
          f"{night.checkouts:,}, stored {checkins.get('check_out', 0):,}; flagged for review {db_figures['flagged']}")
    reads = table.get("GET /api/v1/patrols/{id}/live", {}).get("ok", 0)
    print(f"live board: {reads} reads answered, {db_figures['reads_logged']:,} location reads logged")


def report_notifications(due, db_figures, received, drained_s):
    banner("Results: notifications")
    deliveries = db_figures["deliveries"]
    written = sum(deliveries.values())
    rows = [(kind, db_figures["events"].get(kind, 0), f"{count:,}") for kind, count in due.items()]
    print_table(("event", "events written", "deliveries due (bench's reckoning)"), rows)
    print(f"deliveries written {written:,}, by status {deliveries}; the fake FCM received {received['messages']:,} "
          f"messages for {received['tokens']:,} tokens ({received['message_ids']:,} distinct message ids), "
          f"{received['token_requests']} OAuth token request(s)")
    median, p99 = db_figures["delivery_s"]
    if median is not None:
        print(f"from due to sent: p50 {median:.1f} s, p99 {p99:.1f} s (the dispatcher wakes at an event's commit; reminders wait for its 2 s poll); "
              f"everything sent {drained_s:.1f} s after the night's last request")


def report_freshness(delays, never):
    banner("Results: derived figures")
    if delays:
        print(f"{len(delays):,} batches: their dwell and attendance derived p50 {percentile(delays, 50):.2f} s, "
              f"p99 {percentile(delays, 99):.2f} s, at most {max(delays):.2f} s after the batch's answer; "
              f"never derived: {never}")
    else:
        print(f"no batch derived; never derived: {never}")


def spread(values):
    """p50, p99 and the largest of `values` in seconds (None: not measured), as text."""
    known = [v for v in values if v is not None]
    if not known:
        return "-", "-", "-"
    return f"{percentile(known, 50):.3f}", f"{percentile(known, 99):.3f}", f"{max(known):.3f}"


def report_sos(stream, alerts, probes, db_figures):
    banner(f"Results: SOS during the night (one every {stream.every_s:g} s, resolved {RESOLVE_AFTER_S:g} s later)")
    answers = Counter(raised["status"] for raised in stream.raised)
    requests_ms = [raised["ms"] for raised in stream.raised]
    if not alerts:
        print(f"no SOS answered 201: {dict(answers)}")
        return
    print(f"SOS raised: {len(stream.raised)}, answered {dict(answers)}, request p50 {percentile(requests_ms, 50):.0f} "
          f"ms, p99 {percentile(requests_ms, 99):.0f} ms; resolved: {dict(stream.resolutions)}")
    expected, received = sum(a["expected"] for a in alerts), sum(a["received"] for a in alerts)
    short = sum(a["received"] < a["expected"] for a in alerts)
    print(f"first-tier messages: expected {expected:,} (the 201s' recipients, one phone each; "
          f"{min(a['expected'] for a in alerts)}-{max(a['expected'] for a in alerts)} an alert), received {received:,}; "
          f"alerts missing some: {short}")
    floor_short = sum(p["received"] < p["expected"] for p in probes)
    print(f"floor: {len(probes)} probes of as many messages, {sum(p['received'] for p in probes):,} of "
          f"{sum(p['expected'] for p in probes):,} received; probes missing some: {floor_short}")
    rows = [
        ("SOS: its 201", "the first first-tier message at FCM", *spread(a["first_s"] for a in alerts)),
        ("SOS: its 201", "the last first-tier message at FCM", *spread(a["last_s"] for a in alerts)),
        ("  its 201", "the event fanned out (wake-up, deliveries written)", *spread(a["to_fan_out_s"] for a in alerts)),
        ("  fanned out", "the send of its deliveries began", *spread(a["to_send_s"] for a in alerts)),
        ("  send began", "the last message at FCM (claimed, built, sent)", *spread(a["send_s"] for a in alerts)),
        ("floor: send began", "the last of as many messages at FCM (the SDK alone)", *spread(p["last_s"] for p in probes)),
    ]
    print_table(("from", "to", "p50 s", "p99 s", "max s"), rows)
    sos_p99, floor_p99 = (percentile([v for v in values if v is not None], 99)
                          for values in ([a["last_s"] for a in alerts], [p["last_s"] for p in probes]))
    median, p99 = db_figures["delivery_s"]
    ordinary = f"; the night's other notifications from due to sent: p50 {median:.1f} s, p99 {p99:.1f} s" if median is not None else ""
    print(f"SOS p99 / floor p99: {sos_p99 / floor_p99:.1f} x{ordinary}")


def sos_targets(stream, alerts, probes):
    whole = (stream.raised and all(raised["status"] == 201 for raised in stream.raised)
             and all(a["received"] == a["expected"] for a in alerts))
    last = [a["last_s"] for a in alerts if a["last_s"] is not None]
    floor = [p["last_s"] for p in probes if p["last_s"] is not None]
    sos_p99 = percentile(last, 99) if last else float("nan")
    floor_p99 = percentile(floor, 99) if floor else float("nan")
    return [
        (bool(whole), f"every SOS answered 201 and every first-tier message received: {len(alerts)} of "
         f"{len(stream.raised)} SOS 201, messages {sum(a['received'] for a in alerts):,} of "
         f"{sum(a['expected'] for a in alerts):,}"),
        (bool(last) and sos_p99 < SOS_TARGET_S,
         f"an SOS's first tier at FCM within {SOS_TARGET_S:g} s of its 201 (p99): p99 {sos_p99:.3f} s, "
         f"p50 {percentile(last, 50) if last else float('nan'):.3f} s; the floor p99 {floor_p99:.3f} s"),
    ]


def per_phone_hour(cpu, parts, phones):
    """{part: CPU seconds per phone per hour of patrol}: what carrying one phone through an
    hour costs, whatever the replay's compression."""
    phone_hours = phones * PATROL_LENGTH.total_seconds() / 3600
    return {part: cpu.spent[part] / phone_hours for part in parts}


def server_cpu(night_run, floor):
    """Server CPU per phone-hour, by part, of the app's night and of the floor's batches."""
    phones = night_run["phones"]
    return {"app": per_phone_hour(night_run["cpu"], SERVER_PARTS, phones),
            "floor": per_phone_hour(floor["cpu"], ("workers", "backends"), phones),
            ANALYZE_PART: per_phone_hour(night_run["cpu"], (ANALYZE_PART,), phones)[ANALYZE_PART]}


def report_server_cpu(figures, night_run, floor):
    banner("Results: server CPU per phone per hour of patrol, beside the floor")
    app, floor_parts = figures["app"], figures["floor"]
    rows = [(label, f"{app[part]:.3f}", f"{floor_parts[part]:.3f}" if part in floor_parts else "-")
            for part, label in SERVER_PARTS.items()]
    rows.append(("all", f"{sum(app.values()):.3f}", f"{sum(floor_parts.values()):.3f}"))
    print_table(("part", "app s", "floor s (the batches alone)"), rows)
    total = sum(app.values())
    print(f"app / floor: {total / sum(floor_parts.values()):.2f} x; not counted: the bench's ANALYZE every "
          f"{ANALYZE_EVERY_S} s (standing in for autovacuum) {figures[ANALYZE_PART]:.3f} s")
    print(f"at the app's rate {os.cpu_count()} cores would carry about {os.cpu_count() * 3600 / total:,.0f} phones "
          "on patrol at once")
    print(f"the night, metered until everything due was sent and derived: "
          f"{night_run['cpu'].describe(night_run['result']['sent'], 'request')}")
    print(f"the floor: {floor['cpu'].describe(floor['result']['sent'], 'batch')}")


def report_machine(night_run, memory, host, code):
    banner("Machine")
    before, after = night_run["load"]
    print(f"load average (1, 5, 15 min) before the night {before[0]:.2f} {before[1]:.2f} {before[2]:.2f}, "
          f"after {after[0]:.2f} {after[1]:.2f} {after[2]:.2f}")
    print("peak memory (VmHWM): " + ", ".join(f"{name} {mib:.0f} MiB" for name, mib in memory))
    for key, value in host.items():
        print(f"{key}: {value}")
    print(f"code: {code}")


def report_trouble(trouble):
    banner("Output of the app, the dispatcher and the derivation worker")
    for name, lines in trouble.items():
        print(f"{name}: " + ("nothing alarming" if not lines else f"{len(lines)} alarming lines, the first ones:"))
        for line in lines[:10]:
            print(f"    {line}")


def report_targets(checks):
    banner("Targets")
    for ok, text in checks:
        print(f"[{'PASS' if ok else 'FAIL'}] {text}")


def targets(night, night_result, total, db_figures, due, received, delays, never):
    deliveries = db_figures["deliveries"]
    due_total = sum(due.values())
    written, sent = sum(deliveries.values()), deliveries.get("sent", 0)
    checkins = db_figures["checkins"]
    return [
        (total["5xx"] == 0 and total["connection errors"] == 0,
         f"no 5xx and no failed connection: {total['5xx']} 5xx, {total['connection errors']} failed connections"),
        (night_result["sent"] == len(night.requests),
         f"the whole night sent within {NIGHT_TIME_LIMIT_S} s: {night_result['sent']:,} of {len(night.requests):,}"),
        (db_figures["points"] == night.points,
         f"points stored == sent: {db_figures['points']:,} of {night.points:,}"),
        (checkins.get("check_in", 0) == night.checkins and checkins.get("check_out", 0) == night.checkouts,
         f"check-ins and check-outs stored == sent: {checkins.get('check_in', 0):,} of {night.checkins:,}, "
         f"{checkins.get('check_out', 0):,} of {night.checkouts:,}"),
        (due_total > 0 and written == due_total and sent == due_total and received["messages"] == due_total
         and received["message_ids"] == due_total,
         f"notifications delivered == due: due {due_total:,}, deliveries written {written:,}, sent {sent:,}, "
         f"received by FCM {received['messages']:,} ({received['message_ids']:,} distinct)"),
        (bool(delays) and never == 0 and percentile(delays, 99) <= FRESHNESS_TARGET_S,
         f"a batch's figures derived within {FRESHNESS_TARGET_S} s of its answer (p99): "
         + (f"p99 {percentile(delays, 99):.2f} s, {never} never derived" if delays else "nothing derived")),
    ]


def floor_target(night, floor, figures):
    """The app's server CPU per phone-hour within FLOOR_TARGET x the floor's; the floor's
    figure counts only if it stored every point of every batch."""
    app, floor_s = sum(figures["app"].values()), sum(figures["floor"].values())
    floor_whole = (floor["result"]["sent"] == len(floor["requests"]) and not floor["result"]["errors"]
                   and floor["stored"] == night.points)
    return (floor_whole and app <= FLOOR_TARGET * floor_s,
            f"server CPU per phone-hour within {FLOOR_TARGET} x the floor: app {app:.3f} s, floor {floor_s:.3f} s, "
            f"{app / floor_s:.2f} x; the floor stored {floor['stored']:,} of {night.points:,} points, "
            f"{len(floor['result']['errors'])} batches not answered 2xx")


# ---------------------------------------------------------------- main


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0,
                        help="share of the 20 patrols (at least one), e.g. 0.1 for a quick run (default: 1)")
    parser.add_argument("--upload-every-min", type=float, default=UPLOAD_EVERY_MIN,
                        help="minutes of patrol between a phone's uploads (default: %(default)s)")
    parser.add_argument("--concurrency", type=int, default=CONCURRENCY,
                        help="client threads (default: %(default)s)")
    parser.add_argument("--workers", type=int, default=WORKERS, help="gunicorn workers (default: %(default)s)")
    parser.add_argument("--sos-every-s", type=float, default=SOS_EVERY_S,
                        help="seconds between the night's SOS, 0 for none (default: %(default)s)")
    return parser.parse_args()


def main():
    args = arguments()
    # Stopped with SIGTERM: unwind like Ctrl-C, so the cleanup below stops our processes.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    sys.setswitchinterval(0.001)  # load threads pick up their answers promptly
    rng = random.Random(20261122)
    secret = secrets.token_urlsafe(36)  # signs the setup's tokens and the server's alike
    run_started = time.perf_counter()
    print(f"a simulated night at scale {args.scale}: {patrol_count(args.scale)} patrols", flush=True)
    started = []
    with tempfile.TemporaryDirectory(prefix="patrol-bench-night-") as workdir, firebase_placeholder_file() as placeholder:
        try:
            context = multiprocessing.get_context("spawn")
            # In this process the app only builds the world: it never sends a push.
            app = create_app(app_settings(DATABASE_URL, secret, placeholder.name))
            world = setup(app, args.scale, rng)
            fake, server, dispatcher, deriver, floor_sender = start_processes(context, workdir, secret, args.workers,
                                                                              started)
            with psycopg.connect(plain_url(DATABASE_URL), autocommit=True) as connection:
                first_event_id = connection.execute("SELECT coalesce(max(id), 0) + 1 FROM outbox_events").fetchone()[0]
                devices = register_devices(world, server.port, args.concurrency)
                helpers = {"dispatcher": dispatcher.pid, "derivation worker": deriver.pid, "fake FCM": fake.pid,
                           "SOS floor sender": floor_sender.pid}
                night_run = replay_night(app, world, server, helpers, connection, first_event_id, args, rng,
                                         floor_sender)
                db_figures = stored(connection, first_event_id)
                stages = sos_stages(connection, first_event_id)
                delays, never = freshness(connection, night_run["night"], night_run["result"], world)
                host = machine(connection)
            received = fake.received(leave_out=SOS_MESSAGES)
            sos_run = sos_figures(night_run["sos"], fake.arrivals(SOS_MESSAGES), stages) if night_run["sos"] else None
            trouble = trouble_in(server, (dispatcher, deriver))
            memory = [*((f"app worker {pid}", peak_rss_mib(pid)) for pid in server.worker_pids()),
                      ("dispatcher", peak_rss_mib(dispatcher.pid)), ("derivation worker", peak_rss_mib(deriver.pid)),
                      ("fake FCM", peak_rss_mib(fake.pid)),
                      ("bench process", peak_rss_mib(os.getpid()))]
        finally:
            stop_all(started)
        floor = replay_on_floor(world, night_run["night"], server_env(DATABASE_URL, secret, placeholder.name), args)

    night, night_result = night_run["night"], night_run["result"]
    phases = [devices, (night.requests, night_result)]
    table = by_endpoint(phases)
    total = report_requests(table, phases)
    report_data(night, night_run["answers"], points_in_failed_requests(night, night_result), db_figures, table)
    due = notifications_due(table)
    report_notifications(due, db_figures, received, night_run["drained_s"])
    report_freshness(delays, never)
    if sos_run:
        report_sos(night_run["sos"], *sos_run, db_figures)
    figures = server_cpu(night_run, floor)
    report_server_cpu(figures, night_run, floor)
    report_machine(night_run, memory, host, code_version(REPO))
    report_trouble({**trouble, "floor": floor["trouble"]})
    report_targets([*targets(night, night_result, total, db_figures, due, received, delays, never),
                    *(sos_targets(night_run["sos"], *sos_run) if sos_run else []),
                    floor_target(night, floor, figures)])
    print(f"\n(whole run {time.perf_counter() - run_started:.0f} s)")


if __name__ == "__main__":
    main()
