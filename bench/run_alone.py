"""The cost of the walking-alone warning in the derivation worker, at Seoul night.

    .venv/bin/python bench/run_alone.py                   # 3 patrols of 70 volunteers, about 10 minutes
    .venv/bin/python bench/run_alone.py --patrols 1       # a quicker check

The worker's passes run for all their requests at once: exclusions, dwell, walking alone
(backend/locations/alone.py) and attendance. Walking alone looks for company only for the
points recorded between 22:00 and 06:00 Korean time in a women-safe zone of the patrol, so
the simulated night of run_night.py, whose patrols end when it runs, rarely measures it.
Here the patrols are last night's 22:00-24:00 KST:

1. (re)creates PATROL_BENCH_DATABASE_URL (default `patrol_bench_alone` on the local server),
   migrates it and builds the world of night_world.py (the seed's stations and zones, groups,
   officers, published patrols with everyone confirmed), moves the patrols to last night
   and writes everyone's check-in at the start; the seed's women-safe zones are about 400 m
   across, too small to hold 72 people 200 m apart, so the patrols also get one of 2.7 km;
2. each person walks a small circle (15 m) round a post of a grid 300 m apart, a fix every
   15 s with GPS noise and the odd poor fix, uploading every 5 minutes from a moment of
   their own; per scenario, who shares a post: (a) pairs and threes, (b) the same with
   --alone-share of the volunteers on posts of their own, (c) everyone on a post of their own;
3. replays each scenario as the worker sees it: per 5 minutes of patrol, the uploads' points
   are COPYed in, each upload asks for its derivation through the real
   `backend.derivation.services.request` and commits, ANALYZE runs (autovacuum is off on this
   server), then `derive_next()` is called until nothing waits, each pass timed, and the
   walking-alone statement (`alone.warn`) timed within it. Then the same replay once more with
   `alone.warn` left out, inside this process only: the floor;
4. counts the warnings written against the volunteers placed alone, and prints per scenario
   the passes of 100 requests (p50/p99/max), the statement's share, the floor, PASS/FAIL;
5. replays the costliest scenario up to its slowest pass again, with EXPLAIN (ANALYZE,
   BUFFERS) of the walking-alone statement, in a savepoint rolled back, before each real one.
"""
import argparse
import math
import os
import random
import re
import sys
import time
import uuid
from collections import Counter
from datetime import datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import flask_migrate  # noqa: E402
import psycopg  # noqa: E402
from geoalchemy2.shape import from_shape  # noqa: E402
from shapely.geometry import Polygon  # noqa: E402
from sqlalchemy import event, insert, select  # noqa: E402

from backend import create_app  # noqa: E402
from backend.checkins.models import CheckIn, CheckInKind, CheckInStatus  # noqa: E402
from backend.core.time import SEOUL, utcnow  # noqa: E402
from backend.derivation import services as derivation  # noqa: E402
from backend.extensions import db  # noqa: E402
from backend.locations import alone, partitions  # noqa: E402
from backend.notifications.models import OutboxEvent  # noqa: E402
from backend.patrols.early_warnings import WALKING_ALONE  # noqa: E402
from backend.patrols.models import patrol_zones  # noqa: E402
from backend.zones.models import Zone, ZoneKind  # noqa: E402
from harness import code_version, machine, percentile, print_table  # noqa: E402
from locations_world import (  # noqa: E402
    M_PER_DEG_LAT, M_PER_DEG_LON, WALKING_SPEED_MPS, app_settings, firebase_placeholder_file, offset, plain_url,
    recreate_database,
)
from night_world import FIX_EVERY_S, PATROL_LENGTH, build_world, patrol_count, run_patrols_until  # noqa: E402

DATABASE_URL = os.environ.get("PATROL_BENCH_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/patrol_bench_alone")
SECRET = "bench-alone-" * 4
VOLUNTEERS = 70
UPLOAD_EVERY_S = 300
GRID_M = 300  # between posts: farther than the 200 m of company, with the circles and the noise
GRID_SIDE = 9  # posts a side: 81, enough for 72 people each alone
CIRCLE_M = 15
GPS_NOISE_M = 4
CENTRE = (126.9560, 37.3890)  # between 범계역 and 평촌역, lon/lat
PASS_TARGET_S = 2.5  # a backlog of four full passes still derived within run_night's 10 s
FLOOR_TARGET = 2.0  # a full pass with the statement at most twice the pass without it (p99)
COPY_POINTS = ("COPY location_points (patrol_id, user_id, client_event_id, point, accuracy_m, recorded_at, "
               "speed_mps, battery) FROM STDIN")
DERIVED_TABLES = "location_points, dwell_steps, zone_dwell, attendance_changes, attendance_records, derivation_queue"


def banner(title):
    print(f"\n=== {title} ===", flush=True)


# ---------------------------------------------------------------- the world


def last_night(now):
    """The latest 22:00 in Seoul whose two hours of patrol are over."""
    starts = datetime.combine(now.astimezone(SEOUL).date(), clock_time(22, 0), SEOUL)
    return starts if starts + PATROL_LENGTH <= now else starts - timedelta(days=1)


def setup(app, patrols, volunteers, rng):
    started = time.perf_counter()
    recreate_database(DATABASE_URL)
    with app.app_context():
        flask_migrate.upgrade()
        world = build_world(patrols / patrol_count(1), rng, volunteers_per_patrol=volunteers)
        starts_at = last_night(utcnow())
        run_patrols_until(world["patrol_ids"], starts_at + PATROL_LENGTH)
        partitions.create_days(starts_at, utcnow())
        west, south = offset(CENTRE, -GRID_M * GRID_SIDE / 2, -GRID_M * GRID_SIDE / 2)
        east, north = offset(CENTRE, GRID_M * GRID_SIDE / 2, GRID_M * GRID_SIDE / 2)
        station_id = db.session.scalar(select(Zone.station_id).where(Zone.kind == ZoneKind.WOMEN_SAFE_ZONE).limit(1))
        zone = Zone(name="안양동안 야간 여성안심구역 (bench)", kind=ZoneKind.WOMEN_SAFE_ZONE, station_id=station_id,
                    geom=from_shape(Polygon([(west, south), (east, south), (east, north), (west, north)]), srid=4326))
        db.session.add(zone)
        db.session.flush()
        db.session.execute(insert(patrol_zones), [{"patrol_id": p, "zone_id": zone.id} for p in world["patrol_ids"]])
        phones = world["phones"]
        first_fix = {phone.user_id: rng.uniform(0, 180) for phone in phones}  # everyone arrives in three minutes
        db.session.execute(insert(CheckIn.__table__), [{
            "patrol_id": phone.patrol_id, "user_id": phone.user_id, "kind": CheckInKind.CHECK_IN,
            "client_event_id": uuid.uuid4(), "request_fingerprint": "0" * 64,
            "point": f"SRID=4326;POINT({phone.centre[0]} {phone.centre[1]})", "accuracy_m": 10.0,
            "recorded_at": starts_at + timedelta(seconds=first_fix[phone.user_id]), "status": CheckInStatus.ACCEPTED,
            "distance_m": 5.0,
        } for phone in phones])
        db.session.commit()
    with psycopg.connect(plain_url(DATABASE_URL), autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")  # as autovacuum would after the sign-ups (it is off on this server)
    print(f"database {DATABASE_URL.rsplit('/', 1)[1]} rebuilt and migrated; {len(world['patrol_ids'])} patrols of "
          f"{volunteers} volunteers and 2 officers, {starts_at:%Y-%m-%d %H:%M}-{starts_at + PATROL_LENGTH:%H:%M} KST, "
          f"{len(phones)} people checked in ({time.perf_counter() - started:.0f} s)", flush=True)
    return {"phones": phones, "starts_at": starts_at, "first_fix": first_fix}


def posts_of(phones, scenario, alone_share, rng):
    """{user_id: post number} per patrol; the volunteers placed alone (user ids)."""
    posts, placed_alone = {}, set()
    for patrol_id in sorted({phone.patrol_id for phone in phones}):
        crew = [p for p in phones if p.patrol_id == patrol_id]
        volunteers = [p.user_id for p in crew if not p.is_officer]
        officers = [p.user_id for p in crew if p.is_officer]
        if scenario == "c":
            loners = volunteers
        elif scenario == "b":
            loners = rng.sample(volunteers, round(alone_share * len(volunteers)))
        else:
            loners = []
        placed_alone |= set(loners)
        free = [v for v in volunteers if v not in loners]
        rng.shuffle(free)
        groups = [officers] if scenario != "c" else [[o] for o in officers]
        while free:  # pairs, a three where one would be left over
            take = 3 if len(free) == 3 else 2
            groups.append(free[:take])
            free = free[take:]
        groups += [[v] for v in loners]
        assert len(groups) <= GRID_SIDE ** 2
        for number, group in enumerate(groups):
            for user_id in group:
                posts[user_id] = number
    return posts, placed_alone


def post_centre(number):
    row, column = divmod(number, GRID_SIDE)
    return offset(CENTRE, (column - (GRID_SIDE - 1) / 2) * GRID_M, (row - (GRID_SIDE - 1) / 2) * GRID_M)


def uploads(world, posts, rng):
    """[(patrol seconds of the upload, patrol_id, user_id, [COPY lines])] in time order: a fix
    every FIX_EVERY_S from the person's check-in, sent every UPLOAD_EVERY_S from a moment of
    their own and at the end. Members of a group walk the circle of their post together."""
    end_s = PATROL_LENGTH.total_seconds()
    angular = WALKING_SPEED_MPS / CIRCLE_M
    phase = {number: rng.uniform(0, 2 * math.pi) for number in set(posts.values())}
    found = []
    for phone in world["phones"]:
        first_fix_s = world["first_fix"][phone.user_id]
        centre = post_centre(posts[phone.user_id])
        side = (rng.uniform(-3, 3), rng.uniform(-3, 3))  # beside the others of the group
        first_upload = rng.uniform(0, UPLOAD_EVERY_S)
        moments = [first_upload + k * UPLOAD_EVERY_S for k in range(int((end_s - first_upload) // UPLOAD_EVERY_S) + 1)]
        fixes, sent = int((end_s - first_fix_s) // FIX_EVERY_S) + 1, 0
        for moment in sorted({*moments, end_s}):
            due = min(fixes, int(max(moment - first_fix_s, -1) // FIX_EVERY_S) + 1)
            lines = []
            for n in range(sent, due):
                seconds = first_fix_s + n * FIX_EVERY_S
                heading = phase[posts[phone.user_id]] + angular * seconds
                east = CIRCLE_M * math.cos(heading) + side[0] + rng.gauss(0, GPS_NOISE_M)
                north = CIRCLE_M * math.sin(heading) + side[1] + rng.gauss(0, GPS_NOISE_M)
                lon, lat = offset(centre, east, north)
                accuracy = rng.uniform(120, 300) if rng.random() < 0.02 else rng.uniform(4, 20)
                at = world["starts_at"] + timedelta(seconds=seconds)
                lines.append(f"{phone.patrol_id}\t{phone.user_id}\t{uuid.UUID(int=rng.getrandbits(128), version=4)}\t"
                             f"SRID=4326;POINT({lon:.7f} {lat:.7f})\t{accuracy:.1f}\t{at.isoformat()}\t"
                             f"{rng.uniform(0.8, 2.0):.2f}\t{max(5, 90 - n // 60)}\n")
            if lines:
                found.append((moment, phone.patrol_id, phone.user_id, lines, world["starts_at"] + timedelta(
                    seconds=first_fix_s + sent * FIX_EVERY_S)))
                sent = due
    return sorted(found, key=lambda upload: (upload[0], upload[2]))


# ---------------------------------------------------------------- the replay


class AloneClock:
    """Times each call of `alone.warn` (or leaves it out: the floor), in this process only;
    with `explain`, first runs EXPLAIN (ANALYZE, BUFFERS) of its statement in a savepoint."""

    def __init__(self, leave_out=False, explain=False):
        self.original = alone.warn
        self.leave_out, self.explain = leave_out, explain
        self.seconds = 0.0
        self.statement = None
        self.plans = []

    def _capture(self, _conn, _cursor, statement, parameters, *_args):
        if WALKING_ALONE in str(parameters) and not statement.startswith("EXPLAIN"):
            self.statement = (statement, parameters)

    def warn(self, requests):
        if self.leave_out:
            return
        if self.explain and self.statement:
            statement, parameters = self.statement
            patrol_ids, user_ids, first_ats = (list(values) for values in zip(*requests))
            parameters = {**parameters, "patrol_ids": patrol_ids, "user_ids": user_ids, "first_ats": first_ats}
            with db.session.begin_nested() as savepoint:
                rows = db.session.connection().exec_driver_sql("EXPLAIN (ANALYZE, BUFFERS) " + statement, parameters)
                self.plans.append([row[0] for row in rows])
                savepoint.rollback()
        started = time.perf_counter()
        self.original(requests)
        self.seconds += time.perf_counter() - started

    def __enter__(self):
        alone.warn = self.warn
        if self.explain:
            event.listen(db.engine, "before_cursor_execute", self._capture)
        return self

    def __exit__(self, *exc):
        alone.warn = self.original
        if self.explain:
            event.remove(db.engine, "before_cursor_execute", self._capture)


def reset(connection):
    connection.execute(f"TRUNCATE {DERIVED_TABLES}")
    connection.execute("DELETE FROM outbox_events WHERE event_type = %s", (WALKING_ALONE,))


def replay(app, connection, planned, *, leave_out=False, explain=False, stop_after_pass=None):
    """Every 5 minutes of patrol: its uploads stored and asked for, ANALYZE, then worker passes
    until nothing waits. Answers [(window, requests, pass s, alone s)] per pass (and plans)."""
    reset(connection)
    passes = []
    with app.app_context(), AloneClock(leave_out, explain) as clock:
        for window in range(int(PATROL_LENGTH.total_seconds() // UPLOAD_EVERY_S) + 1):
            due = [u for u in planned if window * UPLOAD_EVERY_S <= u[0] < (window + 1) * UPLOAD_EVERY_S]
            with connection.cursor() as cursor, cursor.copy(COPY_POINTS) as copy:
                copy.write("".join(line for upload in due for line in upload[3]))
            for _, patrol_id, user_id, _, points_from in due:
                derivation.request([patrol_id], user_id, {patrol_id: points_from})
                db.session.commit()
            connection.execute("ANALYZE")
            while True:
                clock.seconds = 0.0
                started = time.perf_counter()
                derived = derivation.derive_next()
                took = time.perf_counter() - started
                if not derived:
                    break
                passes.append((window, len(derived), took, clock.seconds))
                if stop_after_pass is not None and len(passes) > stop_after_pass:
                    return passes, clock.plans
        warnings = db.session.execute(
            select(OutboxEvent.dedupe_key, OutboxEvent.payload["user_id"].as_integer())
            .where(OutboxEvent.event_type == WALKING_ALONE)).all()
    return passes, warnings


# ---------------------------------------------------------------- figures


def full(passes):
    """The passes of CLAIM_LIMIT requests (the largest ones when a small world has none)."""
    size = max(p[1] for p in passes)
    return [p for p in passes if p[1] == size]


def spread(values):
    return f"{percentile(values, 50):.3f} / {percentile(values, 99):.3f} / {max(values):.3f}"


def plan_summary(plan):
    """The plan's top node and its buffers, the subplans and every node run 1,000 times or
    more (where a statement per point goes), sorts, planning and execution time."""
    keep = plan[:2]
    for line in plan[2:]:
        loops = re.search(r"loops=(\d+)", line)
        if (line.strip().startswith(("SubPlan", "Sort Method", "Planning Time", "Execution Time"))
                or (loops and int(loops.group(1)) >= 1000 and "never executed" not in line)):
            keep.append(line)
    return [re.sub(r"^ +", lambda spaces: " " * (len(spaces.group(0)) // 3), line) for line in keep]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--patrols", type=int, default=3)
    parser.add_argument("--volunteers", type=int, default=VOLUNTEERS, help="per patrol")
    parser.add_argument("--alone-share", type=float, default=0.1, help="of the volunteers, scenario (b)")
    parser.add_argument("--scenarios", default="abc")
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    placeholder = firebase_placeholder_file()
    app = create_app(app_settings(DATABASE_URL, SECRET, placeholder.name))

    banner("1. Setup")
    world = setup(app, args.patrols, args.volunteers, rng)
    with psycopg.connect(plain_url(DATABASE_URL), autocommit=True) as connection:
        about = machine(connection)
        print(f"code {code_version(REPO)}; {about['nproc']} cores, {about['cpu']}; {about['database']}")
        with app.app_context():
            print(f"walking alone: {app.config['ALONE_DISTANCE_M']} m for {app.config['ALONE_MINUTES']} minutes; "
                  f"passes of up to {derivation.CLAIM_LIMIT} requests; uploads every {UPLOAD_EVERY_S // 60} minutes")
        results = {}
        for scenario in args.scenarios:
            banner(f"2. Scenario ({scenario})")
            posts, placed_alone = posts_of(world["phones"], scenario, args.alone_share, random.Random(args.seed + ord(scenario)))
            planned = uploads(world, posts, random.Random(args.seed))
            points = sum(len(u[3]) for u in planned)
            print(f"{len(planned):,} uploads, {points:,} points, {len(placed_alone)} volunteers placed alone", flush=True)
            started = time.perf_counter()
            passes, warnings = replay(app, connection, planned)
            print(f"with the statement: {len(passes)} passes in {time.perf_counter() - started:.0f} s", flush=True)
            started = time.perf_counter()
            floor, _ = replay(app, connection, planned, leave_out=True)
            print(f"floor (statement left out): {len(floor)} passes in {time.perf_counter() - started:.0f} s", flush=True)
            results[scenario] = (planned, passes, floor, warnings, placed_alone)

    banner("3. Figures")
    rows, verdicts = [], []
    for scenario, (_, passes, floor, warnings, placed_alone) in results.items():
        measured, base = full(passes), full(floor)
        times, alone_s, floor_s = [p[2] for p in measured], [p[3] for p in measured], [p[2] for p in base]
        per_cause = Counter(key for key, _ in warnings)
        warned = {user_id for _, user_id in warnings}
        exact = warned == placed_alone and all(count == 1 for count in per_cause.values())
        share = sum(alone_s) / sum(times)
        ratio = percentile(times, 99) / percentile(floor_s, 99)
        rows.append((f"({scenario})", len(measured), spread(times), spread(alone_s), f"{share:.0%}", spread(floor_s),
                     f"{ratio:.2f} ×", f"{len(warnings)} of {len(placed_alone)}" + ("" if exact else " WRONG")))
        verdicts += [
            (f"({scenario}) warnings exactly the volunteers placed alone, once each", exact),
            (f"({scenario}) full pass p99 ≤ {PASS_TARGET_S} s", percentile(times, 99) <= PASS_TARGET_S),
            (f"({scenario}) full pass p99 ≤ {FLOOR_TARGET} × the floor's p99", ratio <= FLOOR_TARGET),
        ]
    print(f"seconds per full pass ({max(p[1] for p in results[args.scenarios[0]][1])} requests), p50 / p99 / max:")
    print_table(("scenario", "full passes", "pass", "walking-alone statement", "its share", "floor: pass without it",
                 "p99 / floor p99", "warnings"), rows)
    for scenario, (_, passes, _, _, _) in results.items():
        first = [f"{p[2]:.2f} ({p[3]:.2f})" for p in passes[:8]]
        print(f"({scenario}) first passes, s (of which the statement): {', '.join(first)}")
    for name, ok in verdicts:
        print(f"[{'PASS' if ok else 'FAIL'}] {name}")

    worst = max(results, key=lambda s: max(p[2] for p in full(results[s][1])))
    planned, passes = results[worst][0], results[worst][1]
    slowest = max(range(len(passes)), key=lambda i: passes[i][3])
    banner(f"4. EXPLAIN (ANALYZE, BUFFERS) of the statement, scenario ({worst}), up to its pass {slowest + 1}")
    with psycopg.connect(plain_url(DATABASE_URL), autocommit=True) as connection:
        again, plans = replay(app, connection, planned, explain=True, stop_after_pass=slowest)
    if plans:
        print(f"the pass again: {again[-1][2]:.2f} s, the statement {again[-1][3]:.2f} s after its EXPLAIN")
        print("\n".join(plan_summary(plans[-1])))
    placeholder.close()


if __name__ == "__main__":
    main()
