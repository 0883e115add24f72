"""The location store at scale: 20,000,000 points over 90 days, one partition a day.

    .venv/bin/python bench/run_store.py                    # 20,000,000 points
    .venv/bin/python bench/run_store.py --points 2000000   # a smaller run

One run, in-process, against a real PostgreSQL + PostGIS database:

1. (re)creates the database PATROL_BENCH_DATABASE_URL (default: `patrol_bench_store` on the
   local server), migrates it and builds the world of locations_world.py (a patrol running
   now, its officer and 40 volunteers), a past night patrol for each of the 90 days before
   today, and their day partitions through the daily maintenance (`locations purge`'s);
2. loads, with COPY, the running patrol's last hour (a point every 5 s from each of its 41
   people, the same at every size) and history up to 100,000 points; times the live board
   and a person's track (first and last page) through the app's own service functions;
3. loads the rest of the history up to --points, ANALYZEs, and times them again;
4. times one hour of one day's points read by recorded_at with the BRIN index the models
   declare, then with a B-tree in its place, and compares the indexes' sizes;
5. times the daily purge (the oldest day's partition dropped through the app's purge)
   beside the DELETE of the next day's rows that it replaces;
6. prints the figures and the targets with PASS/FAIL.

See bench/README.md for the latest figures. Only the bench database is dropped, and only
when its name contains "bench"; it is left in place afterwards for inspection.
"""
import argparse
import os
import random
import statistics
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import flask_migrate  # noqa: E402
import psycopg  # noqa: E402
from flask_smorest.pagination import PaginationParameters  # noqa: E402

from backend import create_app  # noqa: E402
from backend.checkins.models import CheckIn  # noqa: E402
from backend.core.time import utcnow  # noqa: E402
from backend.extensions import db  # noqa: E402
from backend.live import services as live  # noqa: E402
from backend.locations import partitions  # noqa: E402
from backend.locations.models import LocationPoint  # noqa: E402
from backend.locations.retention import erase_older_than, erase_raw_locations  # noqa: E402
from backend.users.models import User  # noqa: E402
from harness import code_version, machine, print_table  # noqa: E402
from locations_world import (  # noqa: E402
    BEOMGYE, app_settings, build_world, firebase_placeholder_file, offset, plain_url, recreate_database,
)

DATABASE_URL = os.environ.get("PATROL_BENCH_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/patrol_bench_store")
DAYS = 90
BASELINE_POINTS = 100_000
RUNNING_POINTS_EACH = 720  # the running patrol's last hour, a point every 5 s
NIGHT_STARTS_UTC = timedelta(hours=9)  # 18:00 in Seoul
NIGHT_LENGTH = timedelta(hours=6)
PAGE_SIZE = 50
REPEATS = 25
COPY_CHUNK = 200_000
CHIEF_PHONE = "+821090000001"  # as build_world numbers its people
TARGET_RATIO = 2.0
TARGET_PURGE_S = 1.0

COPY_POINTS = ("COPY location_points (patrol_id, user_id, client_event_id, point, accuracy_m, recorded_at, "
               "speed_mps, battery) FROM STDIN")


def banner(title):
    print(f"\n=== {title} ===", flush=True)


def past_patrols(connection, running_patrol_id, today_start):
    """One night patrol for each of the DAYS days before today: copies of the running one."""
    columns = [name for (name,) in connection.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'patrols' AND column_name <> 'id' "
        "AND is_generated = 'NEVER' ORDER BY ordinal_position")]
    listed = ", ".join(columns)
    copied = ", ".join("%(starts)s" if c == "starts_at" else "%(ends)s" if c == "ends_at" else c for c in columns)
    patrol_ids = {}
    for days_ago in range(1, DAYS + 1):
        starts = today_start - timedelta(days=days_ago) + NIGHT_STARTS_UTC
        patrol_ids[days_ago] = connection.execute(
            f"INSERT INTO patrols ({listed}) SELECT {copied} FROM patrols WHERE id = %(id)s RETURNING id",
            {"id": running_patrol_id, "starts": starts, "ends": starts + NIGHT_LENGTH},
        ).fetchone()[0]
    return patrol_ids


def point_line(rng, patrol_id, user_id, at):
    lon, lat = offset(BEOMGYE, rng.uniform(-800, 800), rng.uniform(-800, 800))
    return (f"{patrol_id}\t{user_id}\t{uuid.UUID(int=rng.getrandbits(128), version=4)}\t"
            f"SRID=4326;POINT({lon:.7f} {lat:.7f})\t{rng.uniform(3, 15):.1f}\t{at.isoformat()}\t"
            f"{rng.uniform(0, 2):.2f}\t{rng.randint(20, 100)}\n")


def history_lines(rng, patrol_ids, user_ids, today_start, total, first, count):
    """Lines `first`..`first + count` of a history of `total` points: the nights in time
    order, each night's points spread evenly over its people and its six hours."""
    per_day = -(-total // DAYS)
    for index in range(first, first + count):
        day, within = divmod(index, per_day)
        days_ago = DAYS - day
        starts = today_start - timedelta(days=days_ago) + NIGHT_STARTS_UTC
        at = starts + NIGHT_LENGTH * (within / per_day)
        yield point_line(rng, patrol_ids[days_ago], user_ids[within % len(user_ids)], at)


def copy_points(connection, lines, count, label):
    started = time.perf_counter()
    written = 0
    with connection.cursor() as cursor, cursor.copy(COPY_POINTS) as copy:
        buffer = []
        for line in lines:
            buffer.append(line)
            if len(buffer) == COPY_CHUNK:
                copy.write("".join(buffer))
                written += len(buffer)
                buffer = []
                elapsed = time.perf_counter() - started
                print(f"  {label}: {written:,} / {count:,} points, {written / elapsed:,.0f} points/s", flush=True)
        copy.write("".join(buffer))
        written += len(buffer)
    connection.commit()
    elapsed = time.perf_counter() - started
    print(f"  {label}: {written:,} points in {elapsed:.0f} s ({written / max(elapsed, 1e-9):,.0f} points/s)", flush=True)


def median_ms(action):
    for _ in range(3):
        action()
    samples = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def time_reads(world):
    """The live board and a person's track, each read rolled back (it writes the access log)."""
    chief = db.session.get(User, world["chief_id"])
    subject = world["volunteer_ids"][0]
    patrol_id = world["patrol_id"]
    last_page = -(-RUNNING_POINTS_EACH // PAGE_SIZE)

    def board():
        answer = live.live_board(chief, patrol_id, "bench")
        assert len(answer["participants"]) == len(world["volunteer_ids"]) + 1
        db.session.rollback()

    def track(page):
        def read():
            rows = live.track(chief, patrol_id, subject, "bench", PaginationParameters(page, PAGE_SIZE))
            assert rows
            db.session.rollback()
        return read

    return {"board": median_ms(board), "track first page": median_ms(track(1)),
            "track last page": median_ms(track(last_page))}


def index_size(connection, name):
    return connection.execute(
        "SELECT sum(pg_relation_size(relid)) FROM pg_partition_tree(%s::regclass)", (name,)).fetchone()[0]


def time_range_query(connection, today_start):
    """One hour of the night 45 days ago: count and mean accuracy (reads the rows)."""
    starts = today_start - timedelta(days=45) + NIGHT_STARTS_UTC + timedelta(hours=2)
    params = {"from": starts, "to": starts + timedelta(hours=1)}
    query = ("SELECT count(*), avg(accuracy_m) FROM location_points "
             "WHERE recorded_at >= %(from)s AND recorded_at < %(to)s")
    plan = "\n".join(row[0] for row in connection.execute("EXPLAIN " + query, params))
    scan = next((line.strip() for line in plan.splitlines() if "Index" in line or "Seq Scan" in line), plan)
    return median_ms(lambda: connection.execute(query, params).fetchall()), scan


def brin_against_btree(connection, today_start):
    figures = {}
    figures["brin"] = (*time_range_query(connection, today_start), index_size(connection, "ix_location_points_recorded_at"))
    started = time.perf_counter()
    connection.execute("DROP INDEX ix_location_points_recorded_at")
    connection.execute("CREATE INDEX ix_location_points_recorded_at ON location_points (recorded_at)")
    connection.execute("ANALYZE location_points")
    print(f"  B-tree built in {time.perf_counter() - started:.0f} s", flush=True)
    figures["btree"] = (*time_range_query(connection, today_start), index_size(connection, "ix_location_points_recorded_at"))
    connection.execute("DROP INDEX ix_location_points_recorded_at")
    connection.execute("CREATE INDEX ix_location_points_recorded_at ON location_points USING brin (recorded_at)")
    return figures


def time_purges(today_start):
    """The oldest day dropped by the app's purge; the next day deleted row by row, as before."""
    oldest = today_start - timedelta(days=DAYS)
    started = time.perf_counter()
    dropped, _ = erase_older_than(oldest + timedelta(days=1, hours=12))
    db.session.commit()
    drop_s = time.perf_counter() - started
    next_day_end = oldest + timedelta(days=2)
    started = time.perf_counter()
    deleted, _ = erase_raw_locations(LocationPoint.recorded_at < next_day_end, CheckIn.recorded_at < next_day_end)
    db.session.commit()
    delete_s = time.perf_counter() - started
    return {"drop": (drop_s, dropped), "delete": (delete_s, deleted)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=20_000_000, help="points in the store at the end (default 20,000,000)")
    points = parser.parse_args().points
    running_points = RUNNING_POINTS_EACH * 41
    if points <= BASELINE_POINTS or BASELINE_POINTS <= running_points:
        raise SystemExit(f"--points must be over {BASELINE_POINTS:,}")
    history = points - running_points
    rng = random.Random(20261203)
    run_started = time.perf_counter()
    placeholder = firebase_placeholder_file()

    banner("1. The world")
    recreate_database(DATABASE_URL)
    app = create_app(app_settings(DATABASE_URL, "bench-store-" * 4, placeholder.name))
    with app.app_context():
        flask_migrate.upgrade()
        world = build_world()
        world["chief_id"] = db.session.scalar(db.select(User.id).where(User.phone == CHIEF_PHONE))
        now = utcnow()
        today_start = partitions.utc_day_start(now)
        created = partitions.create_days(now - timedelta(days=DAYS), now)
        db.session.commit()
        print(f"{created} day partitions made by the maintenance, {DAYS} days back and {partitions.DAYS_AHEAD} ahead")

    with psycopg.connect(plain_url(DATABASE_URL)) as connection:
        patrol_ids = past_patrols(connection, world["patrol_id"], today_start)
        connection.commit()
        people = [*world["volunteer_ids"], db_officer_id(connection, world["patrol_id"])]
        banner("2. The running patrol's last hour and history up to 100,000 points (COPY)")
        running = (point_line(rng, world["patrol_id"], person, now - timedelta(seconds=5 * n))
                   for n in range(RUNNING_POINTS_EACH) for person in people)
        copy_points(connection, running, running_points, "running patrol")
        baseline_history = BASELINE_POINTS - running_points
        copy_points(connection, history_lines(rng, patrol_ids, people, today_start, history, 0, baseline_history),
                    baseline_history, "history")
        connection.execute("ANALYZE location_points")
        connection.commit()

    figures = {}
    with app.app_context():
        figures["small"] = time_reads(world)
        print(figures["small"])

    with psycopg.connect(plain_url(DATABASE_URL)) as connection:
        banner(f"3. History up to {points:,} points (COPY)")
        rest = history - baseline_history
        copy_points(connection, history_lines(rng, patrol_ids, people, today_start, history, baseline_history, rest),
                    rest, "history")
        started = time.perf_counter()
        connection.execute("ANALYZE location_points")
        connection.commit()
        print(f"  ANALYZE in {time.perf_counter() - started:.0f} s")
        host = machine(connection)

    with app.app_context():
        figures["large"] = time_reads(world)
        print(figures["large"])

    banner("4. One hour of one day by recorded_at: BRIN, then a B-tree")
    with psycopg.connect(plain_url(DATABASE_URL), autocommit=True) as connection:
        figures["indexes"] = brin_against_btree(connection, today_start)

    banner("5. The daily purge: a day's partition dropped, beside the next day's rows deleted")
    with app.app_context():
        figures["purge"] = time_purges(today_start)

    report(figures, points, host)
    print(f"\n(whole run {time.perf_counter() - run_started:.0f} s)")
    placeholder.close()


def db_officer_id(connection, patrol_id):
    return connection.execute(
        "SELECT user_id FROM patrol_participants WHERE patrol_id = %s AND kind = 'officer'", (patrol_id,)).fetchone()[0]


def report(figures, points, host):
    banner("Results")
    small, large = figures["small"], figures["large"]
    rows = [(name, f"{small[name]:.2f}", f"{large[name]:.2f}", f"{large[name] / small[name]:.2f} x") for name in small]
    print_table(("read (median ms)", f"{BASELINE_POINTS:,} points", f"{points:,} points", "ratio"), rows)
    print()
    index_rows = [(kind, f"{ms:.2f}", f"{size / 2**20:,.1f} MiB", scan) for kind, (ms, scan, size) in figures["indexes"].items()]
    print_table(("index on recorded_at", "one hour, median ms", "size", "plan"), index_rows)
    drop_s, dropped = figures["purge"]["drop"]
    delete_s, deleted = figures["purge"]["delete"]
    print(f"\ndaily purge, the day's partition dropped: {drop_s * 1000:.0f} ms for {dropped:,} points")
    print(f"the DELETE it replaces, the next day's rows: {delete_s * 1000:.0f} ms for {deleted:,} points")

    banner("Machine")
    for key, value in host.items():
        print(f"{key}: {value}")
    print(f"code: {code_version(REPO)}")

    banner("Targets")
    brin_ms, btree_ms = figures["indexes"]["brin"][0], figures["indexes"]["btree"][0]
    checks = [(large[name] <= TARGET_RATIO * small[name],
               f"{name} at {points:,} points within 2 x of {BASELINE_POINTS:,}: {large[name] / small[name]:.2f} x")
              for name in small]
    checks.append((drop_s < TARGET_PURGE_S and dropped > 0,
                   f"daily purge under 1 s: {drop_s * 1000:.0f} ms (the DELETE: {delete_s * 1000:.0f} ms)"))
    checks.append((brin_ms <= btree_ms,
                   f"BRIN on recorded_at no slower than a B-tree for an hour's points: {brin_ms:.2f} / {btree_ms:.2f} ms"))
    for ok, text in checks:
        print(f"[{'PASS' if ok else 'FAIL'}] {text}")


if __name__ == "__main__":
    main()
