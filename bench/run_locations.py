"""Location intake under load: check-ins, batch uploads and the zone lookup, end to end.

    .venv/bin/python bench/run_locations.py

One run, on this machine, against gunicorn and a real PostgreSQL + PostGIS database:

1. (re)creates the database PATROL_BENCH_DATABASE_URL (default: `patrol_bench` on the local
   server), migrates it, and builds a station family, zones near 범계역, a published patrol
   running now, 40 confirmed volunteers who consented hours ago, and a token for each; then,
   as a diagnostic, times one check-in and a few batches in-process, statement by statement;
2. serves the real app (wsgi:app, PATROL_ENV=production) and the cost floor
   (bench/baseline_app.py), each with `gunicorn --workers 2` on a free port of 127.0.0.1;
3. sends single check-ins at concurrency 16 to both: requests/s, p50/p99, errors, ratio,
   the CPU each request cost where, and the latency at concurrency 2 (nothing queued);
4. uploads batches of 500 points at concurrency 4: points/s, p50/p99 per request;
5. times the "which zones hold this point" lookup with 10, 1,000 and 100,000 zones;
6. reads the peak RSS of the real server's workers and of this process;
7. prints a results table, the machine, and the targets with PASS/FAIL.

See bench/README.md for what each figure means and the latest results.

HTTP goes to 127.0.0.1 only. Only the bench database is dropped, and only when its name
contains "bench"; it is left in place afterwards for inspection. Every server started
here is stopped on the way out, whatever happens.
"""
import json
import os
import random
import secrets
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import flask_migrate  # noqa: E402
import psycopg  # noqa: E402

from backend import create_app  # noqa: E402
from backend.testing.servers import HOST, Server  # noqa: E402
from harness import (  # noqa: E402
    CpuMeter, code_version, database_session_pids, machine, peak_rss_mib, percentile, print_table, run_load, summarize,
)
from locations_world import (  # noqa: E402
    VOLUNTEERS, app_settings, batch_requests, build_world, checkin_requests, describe_statements,
    firebase_placeholder_file, offset, plain_url, recreate_database, server_env, time_batches,
    time_checkins,
)

DATABASE_URL = os.environ.get("PATROL_BENCH_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/patrol_bench")
DATABASE_NAME = psycopg.conninfo.conninfo_to_dict(DATABASE_URL)["dbname"]
ANALYZE_AFTER_WARMUP = os.environ.get("PATROL_BENCH_ANALYZE", "on").lower() not in ("off", "0", "false", "no")
WORKERS = 2
PHASE_TIME_LIMIT_S = 90  # no new request starts after this; the ones in flight finish

CHECKIN_CONCURRENCY = 16
CHECKIN_WARMUP = 200
CHECKIN_REQUESTS = 4000
SERVICE_TIME_REQUESTS = 400  # at concurrency = workers: latency without queueing

BATCH_CONCURRENCY = 4
BATCH_POINTS = 500
BATCH_REQUESTS = 80
BATCH_UPLOADERS = 20  # 4 batches each: a phone sending its buffer about every 40 minutes
BATCH_WARMUP = 4

ZONE_TABLE_SIZES = (10, 1_000, 100_000)
ZONE_LOOKUPS = 500
ZONE_LOOKUP_WARMUP = 50
ZONE_LOOKUP = "SELECT id FROM zones WHERE ST_Covers(area, ST_SetSRID(ST_MakePoint(%s, %s), 4326))"
# Squares of about 200 m scattered over Korea's bounds (124-132 E, 33-39 N).
INSERT_SYNTHETIC_ZONES = """
INSERT INTO zones (station_id, name, kind, geom)
SELECT %(station_id)s, 'synthetic ' || c.n, 'dense_area',
       ST_MakeEnvelope(c.x - h.lon, c.y - h.lat, c.x + h.lon, c.y + h.lat, 4326)
FROM (SELECT n, 124 + 8 * random() AS x, 33 + 6 * random() AS y
      FROM generate_series(%(first)s::integer, %(last)s::integer) AS n) AS c,
     LATERAL (SELECT 100 / 110990.0 AS lat, 100 / (111320.0 * cos(radians(c.y))) AS lon) AS h
"""

TARGET_CHECKIN_RATIO = 0.5  # real check-ins/s >= 0.5 x baseline
TARGET_CHECKIN_P99_MS = 50.0
TARGET_BATCH_POINTS_PER_S = 20_000.0
TARGET_ZONE_P50_RATIO = 2.0  # p50 at 100k zones <= 2 x p50 at 10


def banner(title):
    print(f"\n== {title}", flush=True)


class Monitor:
    """The bench's own connection to its database, beside the servers' pools."""

    def __init__(self, connection):
        self.connection = connection

    def backend_pids(self):
        return database_session_pids(self.connection)

    def settle(self):
        """After a warm-up: refresh the planner's statistics, as autovacuum would have by then
        in production. Without them (autovacuum is often off on test servers) the planner
        takes the growing location tables for empty ones; PATROL_BENCH_ANALYZE=off measures that."""
        if ANALYZE_AFTER_WARMUP:
            self.connection.execute("ANALYZE")


# ---------------------------------------------------------------- phases


def setup(secret, firebase_placeholder, rng):
    banner("1. Setup")
    started = time.perf_counter()
    recreate_database(DATABASE_URL)
    app = create_app(app_settings(DATABASE_URL, secret, firebase_placeholder))
    with app.app_context():
        flask_migrate.upgrade()
        world = build_world()
    print(f"database {DATABASE_NAME} rebuilt and migrated; patrol "
          f"{world['patrol_id']} running now with {VOLUNTEERS} consenting volunteers and {world['zone_count']} "
          f"zones near 범계역 ({time.perf_counter() - started:.1f} s)")
    print("In-process, one request at a time (Flask test client, no HTTP, no gunicorn):")
    checkin = time_checkins(app, world, 50)
    print_checkin_cost("check-in on the fresh patrol (median of 50)", checkin)
    batch_costs = time_batches(app, world, rng, batch_points=BATCH_POINTS, batches=4)
    for wall, cpu, parse_ms, statements, earlier in batch_costs:
        print(f"  batch of {BATCH_POINTS}, {earlier:,} earlier points of that person: {wall:.0f} ms wall, "
              f"{cpu:.0f} ms CPU in Python (of which parsing the points with the schema {parse_ms:.0f} ms); "
              f"{len(statements)} statements took {sum(ms for _, ms in statements):.0f} ms")
    print(f"      {describe_statements(batch_costs[-1][3])}")
    return app, world, len(checkin[2]), len(batch_costs[-1][3])


def print_checkin_cost(title, cost):
    wall, cpu, statements = cost
    print(f"  {title}: {wall:.1f} ms wall, {cpu:.1f} ms CPU in Python; {len(statements)} SQL statements took "
          f"{sum(ms for _, ms in statements):.1f} ms (round trips included), plus BEGIN, COMMIT and the pool's ping")
    print(f"      {describe_statements(statements)}")


def checkins(world, real, baseline, monitor):
    banner(f"3. Single check-ins: {CHECKIN_REQUESTS} at concurrency {CHECKIN_CONCURRENCY} "
           f"after {CHECKIN_WARMUP} warm-up" + (" and ANALYZE" if ANALYZE_AFTER_WARMUP else ""))
    figures = {}
    for name, server, is_baseline in (("baseline", baseline, True), ("real", real, False)):
        run_load(server.port, checkin_requests(world, CHECKIN_WARMUP, baseline=is_baseline),
                 CHECKIN_CONCURRENCY, PHASE_TIME_LIMIT_S)
        monitor.settle()
        measured = checkin_requests(world, CHECKIN_REQUESTS, baseline=is_baseline)
        with CpuMeter(server.worker_pids(), monitor.backend_pids, DATABASE_NAME) as cpu:
            result = run_load(server.port, measured, CHECKIN_CONCURRENCY, PHASE_TIME_LIMIT_S)
        f = figures[name] = summarize(result)
        print(f"{name:>8}: {f['per_s']:.0f} req/s, p50 {f['p50_ms']:.1f} ms, p99 {f['p99_ms']:.1f} ms, "
              f"errors {f['errors']} of {f['sent']} sent in {f['wall_s']:.1f} s")
        print("          by quarter of the requests: " + ", ".join(f"{q:.0f}" for q in f["quarters_per_s"])
              + " req/s")
        print(f"          {cpu.describe(f['sent'], 'request')}")
        f["noise_share"] = cpu.noise_share
        for error in result["errors"][:3]:
            print(f"          error: {error}")
        # One request in flight per worker: what a check-in takes when nothing queues.
        alone = summarize(run_load(server.port, checkin_requests(world, SERVICE_TIME_REQUESTS, baseline=is_baseline),
                                   WORKERS, PHASE_TIME_LIMIT_S))
        f["alone"] = alone
        print(f"          at concurrency {WORKERS} (no queueing): p50 {alone['p50_ms']:.1f} ms, "
              f"p99 {alone['p99_ms']:.1f} ms, {alone['per_s']:.0f} req/s")
    print(f"real / baseline throughput: {figures['real']['per_s'] / figures['baseline']['per_s']:.2f}")
    return figures


def batches(world, real, monitor, rng):
    banner(f"4. Batch upload: {BATCH_REQUESTS} x {BATCH_POINTS} points at concurrency {BATCH_CONCURRENCY} "
           f"after {BATCH_WARMUP} warm-up" + (" and ANALYZE" if ANALYZE_AFTER_WARMUP else ""))
    warmup, measured = batch_requests(world, rng, points_per_batch=BATCH_POINTS, batches=BATCH_REQUESTS,
                                      uploaders=BATCH_UPLOADERS, warmups=BATCH_WARMUP)

    def all_accepted(data):
        answer = json.loads(data)
        if answer["accepted"] != BATCH_POINTS:
            return f"accepted {answer['accepted']} of {BATCH_POINTS}: {answer['rejected'][:3]}"
        return None

    run_load(real.port, warmup, BATCH_CONCURRENCY, PHASE_TIME_LIMIT_S, check=all_accepted)
    monitor.settle()
    with CpuMeter(real.worker_pids(), monitor.backend_pids, DATABASE_NAME) as cpu:
        result = run_load(real.port, measured, BATCH_CONCURRENCY, PHASE_TIME_LIMIT_S, check=all_accepted)
    f = summarize(result, units=(result["sent"] - len(result["errors"])) * BATCH_POINTS)
    print(f"{f['per_s']:,.0f} points/s ({f['per_s'] / BATCH_POINTS:.1f} batches/s), p50 {f['p50_ms']:.0f} ms, "
          f"p99 {f['p99_ms']:.0f} ms per batch, errors {f['errors']} of {f['sent']} sent in {f['wall_s']:.1f} s")
    print("    by quarter of the batches: " + ", ".join(f"{q * BATCH_POINTS:,.0f}" for q in f["quarters_per_s"])
          + " points/s")
    print(f"    {cpu.describe(f['sent'], 'batch')}")
    f["noise_share"] = cpu.noise_share
    for error in result["errors"][:3]:
        print(f"    error: {error}")
    return f


def zone_lookup(world, rng):
    banner(f"5. Zone lookup for one point: {ZONE_LOOKUPS} points per table size")
    results = {}
    with psycopg.connect(plain_url(DATABASE_URL), autocommit=True) as connection:
        connection.execute("SELECT setseed(0.42)")
        current = connection.execute("SELECT count(*) FROM zones").fetchone()[0]
        floor = [time_query(connection, "SELECT 1", None)[0] for _ in range(ZONE_LOOKUPS)]
        print(f"round-trip floor (SELECT 1, same connection): p50 {percentile(floor, 50):.3f} ms, "
              f"p99 {percentile(floor, 99):.3f} ms")
        for size in ZONE_TABLE_SIZES:
            started = time.perf_counter()
            if size > current:
                connection.execute(INSERT_SYNTHETIC_ZONES,
                                   {"station_id": world["station_id"], "first": current + 1, "last": size})
            # Autovacuum's work, done now: statistics, visibility map and hint bits.
            connection.execute("VACUUM (ANALYZE) zones")
            fill_s = time.perf_counter() - started
            current = connection.execute("SELECT count(*) FROM zones").fetchone()[0]
            points = points_near_zones(connection, rng)
            timings, hits = time_lookups(connection, points)
            planning, execution = server_side_ms(connection, points[:ZONE_LOOKUP_WARMUP])
            results[size] = {"p50_ms": percentile(timings, 50), "p99_ms": percentile(timings, 99)}
            print(f"{current:>7,} zones (filled and vacuumed in {fill_s:.1f} s): p50 {results[size]['p50_ms']:.3f} ms, "
                  f"p99 {results[size]['p99_ms']:.3f} ms ({hits} of {ZONE_LOOKUPS} points inside a zone); "
                  f"in the server (EXPLAIN ANALYZE, median of {ZONE_LOOKUP_WARMUP}): planning {planning:.3f} ms, "
                  f"execution {execution:.3f} ms")
        # Diagnostic: the same lookups when the server keeps one generic plan instead of
        # planning each execution afresh (what it chooses for this query by default).
        connection.execute("SET plan_cache_mode = force_generic_plan")
        generic, _ = time_lookups(connection, points)
        connection.execute("RESET plan_cache_mode")
        results["generic_p50_ms"] = percentile(generic, 50)
        print(f"{current:>7,} zones, one generic plan (plan_cache_mode = force_generic_plan): "
              f"p50 {results['generic_p50_ms']:.3f} ms, p99 {percentile(generic, 99):.3f} ms")
        lon, lat = points[-1]
        plan = [row[0] for row in connection.execute(
            "EXPLAIN (ANALYZE, COSTS OFF) SELECT id FROM zones "
            f"WHERE ST_Covers(area, ST_SetSRID(ST_MakePoint({lon!r}, {lat!r}), 4326))"
        )]
    print(f"EXPLAIN ANALYZE at {current:,} zones:")
    for line in plan:
        print(f"    {line}")
    index_lines = [line.strip() for line in plan if "idx_zones_area" in line]
    results["index_line"] = index_lines[0] if index_lines else "(the GIST index idx_zones_area is NOT used)"
    return results


def points_near_zones(connection, rng):
    """Warm-up and measured points, each up to 200 m either way from a random zone's centre,
    so that some fall inside a zone and most do not."""
    centres = connection.execute(
        "SELECT ST_X(c), ST_Y(c) FROM (SELECT ST_Centroid(area) AS c FROM zones ORDER BY random() LIMIT %s) s",
        (ZONE_LOOKUPS,),
    ).fetchall()
    return [offset(rng.choice(centres), rng.uniform(-200, 200), rng.uniform(-200, 200))
            for _ in range(ZONE_LOOKUP_WARMUP + ZONE_LOOKUPS)]


def time_lookups(connection, points):
    """ms of each lookup after the warm-up ones, and how many found a zone."""
    timings, hits = [], 0
    for n, point in enumerate(points):
        elapsed, rows = time_query(connection, ZONE_LOOKUP, point)
        if n >= ZONE_LOOKUP_WARMUP:
            timings.append(elapsed)
            hits += bool(rows)
    return timings, hits


def server_side_ms(connection, points):
    """Median planning and execution time the server reports for the lookup."""
    planning, execution = [], []
    for lon, lat in points:
        for (line,) in connection.execute(
            "EXPLAIN (ANALYZE, SUMMARY) SELECT id FROM zones "
            f"WHERE ST_Covers(area, ST_SetSRID(ST_MakePoint({lon!r}, {lat!r}), 4326))"
        ):
            if line.startswith("Planning Time:"):
                planning.append(float(line.split()[2]))
            elif line.startswith("Execution Time:"):
                execution.append(float(line.split()[2]))
    return percentile(planning, 50), percentile(execution, 50)


def time_query(connection, query, params):
    """Milliseconds for one prepared query, sent and all rows read; and the rows."""
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(query, params, prepare=True)
        rows = cursor.fetchall()
    return (time.perf_counter() - started) * 1000, rows


# ---------------------------------------------------------------- report


def report(figures, host, code):
    real, base, batch, zones = figures["real"], figures["baseline"], figures["batch"], figures["zones"]
    ratio = real["per_s"] / base["per_s"]
    zone_ratio = zones[100_000]["p50_ms"] / zones[10]["p50_ms"]
    banner("Results")
    rows = [
        ("check-in, real endpoint, c=16", f"{real['per_s']:.0f} req/s", f"{real['p50_ms']:.1f}",
         f"{real['p99_ms']:.1f}", f"{real['errors']} / {real['sent']}"),
        ("check-in, baseline floor, c=16", f"{base['per_s']:.0f} req/s", f"{base['p50_ms']:.1f}",
         f"{base['p99_ms']:.1f}", f"{base['errors']} / {base['sent']}"),
        ("check-in, real endpoint, c=2", f"{real['alone']['per_s']:.0f} req/s", f"{real['alone']['p50_ms']:.1f}",
         f"{real['alone']['p99_ms']:.1f}", f"{real['alone']['errors']} / {real['alone']['sent']}"),
        ("check-in, baseline floor, c=2", f"{base['alone']['per_s']:.0f} req/s", f"{base['alone']['p50_ms']:.1f}",
         f"{base['alone']['p99_ms']:.1f}", f"{base['alone']['errors']} / {base['alone']['sent']}"),
        (f"batch of {BATCH_POINTS} points, c=4", f"{batch['per_s']:,.0f} points/s", f"{batch['p50_ms']:.0f}",
         f"{batch['p99_ms']:.0f}", f"{batch['errors']} / {batch['sent']}"),
    ]
    rows += [(f"zone lookup, {size:,} zones", "", f"{zones[size]['p50_ms']:.3f}", f"{zones[size]['p99_ms']:.3f}", "")
             for size in ZONE_TABLE_SIZES]
    header = ("figure", "throughput", "p50 ms", "p99 ms", "errors / sent")
    print_table(header, rows)
    print(f"\nreal / baseline check-in throughput: {ratio:.2f}")
    print(f"SQL statements per check-in: {figures['checkin_statements']}, per batch: {figures['batch_statements']}")
    print(f"zone lookup p50, 100k / 10 zones: {zone_ratio:.2f} (with one generic plan at 100k: "
          f"{zones['generic_p50_ms'] / zones[10]['p50_ms']:.2f})")
    print(f"GIST index at 100k zones: {zones['index_line']}")
    print("peak RSS (VmHWM): " + ", ".join(
        [f"real app worker {mib:.0f} MiB" for mib in figures["worker_rss"]]
        + [f"baseline worker {mib:.0f} MiB" for mib in figures["baseline_rss"]]
        + [f"bench process {peak_rss_mib(os.getpid()):.0f} MiB"]))

    banner("Machine")
    for key, value in host.items():
        print(f"{key}: {value}")
    print(f"code: {code}")
    print("planner statistics: " + ("refreshed (ANALYZE) after each warm-up, as autovacuum would"
                                    if ANALYZE_AFTER_WARMUP else
                                    "never refreshed (PATROL_BENCH_ANALYZE=off): as a server without autovacuum"))

    noisiest = max(figures[key]["noise_share"] for key in ("baseline", "real", "batch"))
    if noisiest <= CpuMeter.QUIET_SHARE:
        print(f"load phases: quiet machine (other programs and databases at most {noisiest:.0%} of a core)")
    else:
        print(f"load phases: NOISY, other programs and databases took up to {noisiest:.0%} of a core: "
              "rerun for clean figures")

    banner("Targets")
    checks = [
        (ratio >= TARGET_CHECKIN_RATIO,
         f"real check-in throughput >= 0.5 x baseline: {ratio:.2f} x"),
        (real["p99_ms"] < TARGET_CHECKIN_P99_MS and real["errors"] == 0,
         f"check-in p99 < 50 ms at c=16, no errors: {real['p99_ms']:.1f} ms, {real['errors']} errors"),
        (batch["per_s"] >= TARGET_BATCH_POINTS_PER_S and batch["errors"] == 0,
         f"batch >= 20,000 points/s, no errors: {batch['per_s']:,.0f} points/s, {batch['errors']} errors"),
        (zone_ratio <= TARGET_ZONE_P50_RATIO and "idx_zones_area" in zones["index_line"],
         f"zone lookup p50 at 100k within 2 x of 10, GIST index used: {zone_ratio:.2f} x"),
    ]
    for ok, text in checks:
        print(f"[{'PASS' if ok else 'FAIL'}] {text}")


def main():
    random.seed(20261122)
    rng = random.Random(7)
    secret = secrets.token_urlsafe(36)  # 48 characters, for the setup's tokens and the server alike
    sys.setswitchinterval(0.001)  # load threads pick up their answers promptly
    run_started = time.perf_counter()
    figures = {}
    servers = []
    placeholder = firebase_placeholder_file()
    try:
        app, world, figures["checkin_statements"], figures["batch_statements"] = setup(secret, placeholder.name, rng)

        banner("2. Servers")
        # Rate limits off: check-ins are limited to 30 a minute per person.
        env = server_env(DATABASE_URL, secret, placeholder.name)
        real = Server("real app", "wsgi:app", REPO, env, WORKERS)
        servers.append(real)
        baseline = Server("baseline", "baseline_app:app", REPO / "bench", env, WORKERS)
        servers.append(baseline)
        real.wait_until_answering("/api/v1/openapi.json")
        baseline.wait_until_answering("/")
        for server in servers:
            print(f"{server.name}: gunicorn --workers {WORKERS} on {HOST}:{server.port}, workers {server.worker_pids()}")
        booted_rss = [peak_rss_mib(pid, "VmRSS") for pid in real.worker_pids()]

        with psycopg.connect(plain_url(DATABASE_URL), autocommit=True) as connection:
            monitor = Monitor(connection)
            figures.update(checkins(world, real, baseline, monitor))
            figures["batch"] = batches(world, real, monitor, rng)
            host = machine(connection)
            checkins_now, points_now = connection.execute(
                "SELECT (SELECT count(*) FROM checkins WHERE patrol_id = %(id)s),"
                "       (SELECT count(*) FROM location_points WHERE patrol_id = %(id)s)", {"id": world["patrol_id"]},
            ).fetchone()
        banner("After the load: what one check-in costs now (in-process, one at a time)")
        print_checkin_cost(f"check-in after the load, with {checkins_now:,} check-ins and {points_now:,} points on "
                           "the patrol (in-process, median of 15)", time_checkins(app, world, 15))

        banner("6. Peak memory of the servers after the load")
        figures["worker_rss"] = [peak_rss_mib(pid) for pid in real.worker_pids()]
        figures["baseline_rss"] = [peak_rss_mib(pid) for pid in baseline.worker_pids()]
        print("real app workers: " + ", ".join(f"{mib:.0f} MiB" for mib in figures["worker_rss"])
              + " (resident right after boot: " + ", ".join(f"{mib:.0f} MiB" for mib in booted_rss) + ")")
        print("baseline workers: " + ", ".join(f"{mib:.0f} MiB" for mib in figures["baseline_rss"]))
        while servers:
            servers.pop().stop()

        figures["zones"] = zone_lookup(world, rng)
        report(figures, host, code_version(REPO))
        print(f"\n(whole run {time.perf_counter() - run_started:.0f} s)")
    finally:
        for server in servers:
            try:
                server.stop()
            except Exception as error:  # keep stopping the others
                print(f"could not stop {server.name}: {error}", file=sys.stderr)
        placeholder.close()


if __name__ == "__main__":
    main()
