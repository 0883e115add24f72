"""The location store at scale: 20,000,000 points over 90 days, one partition a day.

    .venv/bin/python bench/run_store.py                    # 20,000,000 points
    .venv/bin/python bench/run_store.py --points 2000000   # a smaller run

One run, in-process, against a real PostgreSQL + PostGIS database:

1. (re)creates two databases, PATROL_BENCH_SMALL_DATABASE_URL and PATROL_BENCH_DATABASE_URL
   (default: `patrol_bench_store_small` and `patrol_bench_store` on the local server), each
   migrated, with the world of locations_world.py (a patrol running now, its officer and 40
   volunteers), a past night patrol for each of the 90 days before today and their day
   partitions, made by the daily maintenance (`locations purge`'s); then loads with COPY
   the running patrol's last hour (a point every 5 s from each of its 41 people, the same
   in both) and history: up to 100,000 points in the small store, --points in the large;
2. times the live board and a person's track (first and last page) through the app's own
   service functions, on each store in turn, three rounds, so that the machine's drift
   falls on both alike (--reuse measures the stores an earlier run left: loading
   20,000,000 points takes about half an hour);
3. times one hour of one day's points read by recorded_at with the BRIN index the models
   declare, then with a B-tree in its place, and compares the indexes' sizes;
4. times the daily purge (the oldest day's partition dropped through the app's purge)
   beside the DELETE of the next day's rows that it replaces;
5. prints the figures and the targets with PASS/FAIL.

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
from backend.locations.models import DwellStep, LocationPoint  # noqa: E402
from backend.locations.retention import erase_older_than, erase_raw_locations  # noqa: E402
from backend.patrols.models import Patrol  # noqa: E402
from backend.users.models import Role, User  # noqa: E402
from sqlalchemy import func, select  # noqa: E402
from harness import code_version, machine, print_table  # noqa: E402
from locations_world import (  # noqa: E402
    BEOMGYE, app_settings, build_world, firebase_placeholder_file, offset, plain_url, recreate_database,
)

DATABASE_URL = os.environ.get("PATROL_BENCH_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/patrol_bench_store")
SMALL_DATABASE_URL = os.environ.get("PATROL_BENCH_SMALL_DATABASE_URL",
                                    "postgresql://postgres@127.0.0.1:5432/patrol_bench_store_small")
SECRET = "bench-store-" * 4
DAYS = 90
BASELINE_POINTS = 100_000
RUNNING_POINTS_EACH = 720  # the running patrol's last hour, a point every 5 s
NIGHT_STARTS_UTC = timedelta(hours=9)  # 18:00 in Seoul
NIGHT_LENGTH = timedelta(hours=6)
PAGE_SIZE = 50
REPEATS = 25
ROUNDS = 5
COPY_CHUNK = 200_000
CHIEF_PHONE = "+821090000001"  # as build_world numbers its people
TARGET_RATIO = 2.0
TARGET_PURGE_S = 1.0
BRIN_SIZE_SHARE = 50

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
    """COPY in statements of COPY_CHUNK rows, each committed: the foreign keys are checked at
    the end of each statement, so the progress printed is the server's."""
    started = time.perf_counter()
    written = 0
    chunk = []

    def send():
        nonlocal written
        with connection.cursor() as cursor, cursor.copy(COPY_POINTS) as copy:
            copy.write("".join(chunk))
        connection.commit()
        written += len(chunk)
        chunk.clear()
        elapsed = time.perf_counter() - started
        print(f"  {label}: {written:,} / {count:,} points, {written / elapsed:,.0f} points/s", flush=True)

    for line in lines:
        chunk.append(line)
        if len(chunk) == COPY_CHUNK:
            send()
    if chunk:
        send()


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


def time_purges():
    """The oldest day dropped by the app's purge; the next day deleted row by row, as before."""
    oldest = partitions.utc_day_start(db.session.scalar(select(func.min(LocationPoint.recorded_at))))
    partitions.drop_days_before(oldest)  # emptied by an earlier run's DELETE (--reuse)
    day_points = db.session.scalar(select(func.count()).select_from(LocationPoint).where(
        LocationPoint.recorded_at >= oldest, LocationPoint.recorded_at < oldest + timedelta(days=1)))
    db.session.commit()
    started = time.perf_counter()
    days, _, _ = erase_older_than(oldest + timedelta(days=1, hours=12))
    db.session.commit()
    drop_s = time.perf_counter() - started
    next_day_end = oldest + timedelta(days=2)
    started = time.perf_counter()
    deleted, _ = erase_raw_locations(
        LocationPoint.recorded_at < next_day_end, DwellStep.started_at < next_day_end, CheckIn.recorded_at < next_day_end
    )
    db.session.commit()
    delete_s = time.perf_counter() - started
    return {"drop": (drop_s, days, day_points), "delete": (delete_s, deleted)}


def build(url, points, placeholder, rng):
    """A database with the world, a past night patrol for each of the DAYS days before today
    and `points` points: the running patrol's last hour, then the nights in time order."""
    recreate_database(url)
    app = create_app(app_settings(url, SECRET, placeholder))
    with app.app_context():
        flask_migrate.upgrade()
        world = build_world()
        now = utcnow()
        created = partitions.create_days(now - timedelta(days=DAYS), now)
        db.session.commit()
        print(f"{created} day partitions made by the maintenance, {DAYS} days back and {partitions.DAYS_AHEAD} ahead")
    today_start = partitions.utc_day_start(now)
    with psycopg.connect(plain_url(url)) as connection:
        patrol_ids = past_patrols(connection, world["patrol_id"], today_start)
        connection.commit()
        people = [*world["volunteer_ids"], db_officer_id(connection, world["patrol_id"])]
        running = (point_line(rng, world["patrol_id"], person, now - timedelta(seconds=5 * n))
                   for n in range(RUNNING_POINTS_EACH) for person in people)
        copy_points(connection, running, RUNNING_POINTS_EACH * len(people), "running patrol")
        history = points - RUNNING_POINTS_EACH * len(people)
        copy_points(connection, history_lines(rng, patrol_ids, people, today_start, history, 0, history), history, "history")
        started = time.perf_counter()
        connection.execute("ANALYZE location_points")
        connection.commit()
        print(f"  ANALYZE in {time.perf_counter() - started:.0f} s")


def open_store(url, placeholder):
    """The app on a database `build` made, and who is who in it."""
    app = create_app(app_settings(url, SECRET, placeholder))
    with app.app_context():
        world = {
            "patrol_id": db.session.scalar(select(func.min(Patrol.id))),  # the running one, made first
            "chief_id": db.session.scalar(select(User.id).where(User.phone == CHIEF_PHONE)),
            "volunteer_ids": db.session.scalars(select(User.id).where(User.role == Role.VOLUNTEER)).all(),
            "points": db.session.scalar(select(func.count()).select_from(LocationPoint)),
        }
    return app, world


def interleaved_reads(stores):
    """Both stores' reads in turns, ROUNDS times: the machine's drift falls on both alike.
    Each read's figure is its best median over the rounds."""
    rounds = {label: [] for label in stores}
    for _ in range(ROUNDS):
        for label, (app, world) in stores.items():
            with app.app_context():
                rounds[label].append(time_reads(world))
    return {label: {name: min(r[name] for r in results) for name in results[0]} for label, results in rounds.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=20_000_000, help="points in the large store (default 20,000,000)")
    parser.add_argument("--reuse", action="store_true",
                        help="measure the stores an earlier run left (each run's purge drops two more of their days)")
    arguments = parser.parse_args()
    if arguments.points <= BASELINE_POINTS:
        raise SystemExit(f"--points must be over {BASELINE_POINTS:,}")
    rng = random.Random(20261203)
    run_started = time.perf_counter()
    placeholder = firebase_placeholder_file()
    urls = {"small": SMALL_DATABASE_URL, "large": DATABASE_URL}

    if not arguments.reuse:
        banner(f"1. The small store: {BASELINE_POINTS:,} points (COPY)")
        build(urls["small"], BASELINE_POINTS, placeholder.name, rng)
        banner(f"2. The large store: {arguments.points:,} points (COPY)")
        build(urls["large"], arguments.points, placeholder.name, rng)
    stores = {label: open_store(url, placeholder.name) for label, url in urls.items()}

    banner(f"3. The live board and a track, on each store in turn, {ROUNDS} rounds")
    figures = {"points": {label: world["points"] for label, (_, world) in stores.items()}}
    figures["reads"] = interleaved_reads(stores)

    large_app = stores["large"][0]
    banner("4. One hour of one day by recorded_at: BRIN, then a B-tree")
    with psycopg.connect(plain_url(DATABASE_URL), autocommit=True) as connection:
        figures["indexes"] = brin_against_btree(connection, partitions.utc_day_start(utcnow()))
        host = machine(connection)

    banner("5. The daily purge: a day's partition dropped, beside the next day's rows deleted")
    with large_app.app_context():
        figures["purge"] = time_purges()

    report(figures, host)
    print(f"\n(whole run {time.perf_counter() - run_started:.0f} s)")
    placeholder.close()


def db_officer_id(connection, patrol_id):
    return connection.execute(
        "SELECT user_id FROM patrol_participants WHERE patrol_id = %s AND kind = 'officer'", (patrol_id,)).fetchone()[0]


def report(figures, host):
    banner("Results")
    small, large = figures["reads"]["small"], figures["reads"]["large"]
    sizes = {label: f"{count:,} points" for label, count in figures["points"].items()}
    rows = [(name, f"{small[name]:.2f}", f"{large[name]:.2f}", f"{large[name] / small[name]:.2f} x") for name in small]
    print_table(("read (best median, ms)", sizes["small"], sizes["large"], "ratio"), rows)
    print()
    index_rows = [(kind, f"{ms:.2f}", f"{size / 2**20:,.1f} MiB", scan) for kind, (ms, scan, size) in figures["indexes"].items()]
    print_table(("index on recorded_at", "one hour, median ms", "size", "plan"), index_rows)
    drop_s, days, dropped = figures["purge"]["drop"]
    delete_s, deleted = figures["purge"]["delete"]
    print(f"\ndaily purge, {days} day's partition dropped: {drop_s * 1000:.0f} ms for {dropped:,} points "
          "(and what else the purge does: the check-ins' positions, the default partition)")
    print(f"the DELETE it replaces, the next day's rows: {delete_s * 1000:.0f} ms for {deleted:,} points "
          "(pruned to its day's partition; on the unpartitioned table it replaces it is not measured here)")

    banner("Machine")
    for key, value in host.items():
        print(f"{key}: {value}")
    print(f"code: {code_version(REPO)}")

    banner("Targets")
    brin_size, btree_size = figures["indexes"]["brin"][2], figures["indexes"]["btree"][2]
    checks = [(large[name] <= TARGET_RATIO * small[name],
               f"{name} at {sizes['large']} within 2 x of {sizes['small']}: {large[name] / small[name]:.2f} x")
              for name in small]
    checks.append((drop_s < TARGET_PURGE_S and days == 1,
                   f"daily purge under 1 s: {drop_s * 1000:.0f} ms (the DELETE: {delete_s * 1000:.0f} ms)"))
    # No query of the app's reads by time alone any more (the purge drops days): the index
    # is for reading a span of a day by hand, where its size and upkeep are what it costs.
    checks.append((brin_size * BRIN_SIZE_SHARE <= btree_size,
                   f"BRIN on recorded_at at most 1/{BRIN_SIZE_SHARE} of a B-tree's size: "
                   f"{brin_size / 2**20:.1f} / {btree_size / 2**20:.1f} MiB"))
    for ok, text in checks:
        print(f"[{'PASS' if ok else 'FAIL'}] {text}")


if __name__ == "__main__":
    main()
