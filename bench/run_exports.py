"""Attendance report exports: a year of a station (about 50,000 rows) in every format, and
1,000,000 rows, through the real endpoint.

    .venv/bin/python bench/run_exports.py
    .venv/bin/python bench/run_exports.py --count-xlsx-rows   # also read every XLSX row back

What happens:

1. (re)creates the database PATROL_BENCH_EXPORTS_DATABASE_URL (default:
   `patrol_bench_exports` on the local server), migrates it, and fills it set-based in SQL:
   one station, 2,000 volunteers in four groups, 2,000 published patrols that ended over
   the last 300 days (six or seven a night, back to back), 500 confirmed volunteers on each
   and an attendance record for every one of them: 1,000,000 records, so the derivation
   worker's sweep finds nothing to do. Then a coordinator of the station with a
   token, VACUUM ANALYZE and a checkpoint;
2. as a diagnostic, times the report's steps in this process, without HTTP:
   the derivation worker's first sweep over every patrol with nothing to do (no longer part
   of a report's request; and without the partial index on confirmed participants, for
   comparison), the query's plan (EXPLAIN ANALYZE), its rows read by a
   bare psycopg server-side cursor (the database and the driver) and by
   `reports.queries.stream` (SQLAlchemy Core tuples, what every format reads); then each
   file of the year's rows written to a temporary file by `reports.exporters.write`;
3. for each run, starts a fresh `gunicorn --workers 1 --timeout 600` (wsgi:app,
   PATROL_ENV=production) on a free port of 127.0.0.1, warms it with a one-day export, then
   downloads GET /api/v1/reports/attendance?from=..&to=..&format=csv|xlsx|pdf as the
   coordinator: the year (the last nights holding about 50,000 rows) and the whole period
   (1,000,000 rows). The body streams in 1 MiB reads; CSV rows are counted as lines, the
   XLSX is kept in a temporary file and its row count read from the summary sheet and the
   data sheet's dimension (--count-xlsx-rows reads every row with openpyxl); the PDF, which
   prints the first rows only, is checked to be a PDF;
4. reads the worker's peak resident memory (VmHWM): one worker, and a fresh server per run,
   so each peak is that one export's process and nothing else's. The peak is read twice:
   before the export (start-up and warm-up), then, after resetting the high-water mark
   (/proc/<pid>/clear_refs), after it: the export's own peak. "server peak" is the larger;
5. prints a results table (format, rows, seconds, rows/s, server peak MB) with PASS/FAIL
   against the targets (the year's file within 10 s; under 200 MB at 1,000,000 rows), where
   the CPU went, and the machine.

HTTP goes to 127.0.0.1 only. Only a database whose name contains "bench" is dropped; it is
left in place afterwards for inspection. Every server started here is stopped on the way
out, whatever happens.
"""
import argparse
import http.client
import os
import secrets
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import flask_migrate  # noqa: E402
import psycopg  # noqa: E402
from flask_jwt_extended import create_access_token  # noqa: E402

from backend import create_app  # noqa: E402
from backend.core.time import SEOUL  # noqa: E402
from backend.testing.servers import HOST, Server  # noqa: E402
from harness import (  # noqa: E402
    CpuMeter, code_version, database_session_pids, machine, peak_rss_mib, print_table,
)
from locations_world import (  # noqa: E402
    app_settings, firebase_placeholder_file, plain_url, recreate_database, server_env,
)

DATABASE_URL = os.environ.get(
    "PATROL_BENCH_EXPORTS_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/patrol_bench_exports"
)
DATABASE_NAME = psycopg.conninfo.conninfo_to_dict(DATABASE_URL)["dbname"]
VOLUNTEERS = 2_000
GROUPS = 4
PATROLS = 2_000
PER_PATROL = 500  # confirmed volunteers on each patrol, each with an attendance record
ROWS = PATROLS * PER_PATROL
DAYS = 300  # patrols on each of the last 300 nights, the last one the night before yesterday
YEAR_ROWS = 50_000  # a year of one station: the last nights holding at least this many rows
WORKERS = 1  # one process serves the export, so its peak memory is the export's
SERVER_TIMEOUT_S = 600  # gunicorn kills a sync worker busy longer than this
CLIENT_TIMEOUT_S = 900
READ_SIZE = 1 << 20

FORMATS = ("csv", "xlsx", "pdf")
TARGET_YEAR_SECONDS = 10  # each file of the year's rows, from the request to the last byte
TARGET_PEAK_MB = 200  # 10^6 bytes, whatever the row count

SURNAMES = "김이박최정강조윤장임한오서신권황안송류홍"
GIVEN = "민서지현준우하은도윤수아시연예린주원건태"

WORLD = """
INSERT INTO stations (code, name, location)
VALUES ('BENCH-EXPORTS', '안양동안경찰서', ST_SetSRID(ST_MakePoint(126.9568, 37.3925), 4326));

INSERT INTO users (name, phone, password_hash, role, station_id)
SELECT name, phone, 'bench: nobody signs in with this', role, (SELECT id FROM stations)
FROM (VALUES ('박정훈', '+821090000001', 'station_chief'),
             ('이서연', '+821090000002', 'coordinator')) AS s(name, phone, role);

INSERT INTO users (name, phone, password_hash, role, station_id)
SELECT substr(%(surnames)s, 1 + v %% 20, 1) || substr(%(given)s, 1 + (v / 20) %% 20, 1)
           || substr(%(given)s, 1 + (v / 400 + v) %% 20, 1),
       '+8210' || lpad((10000000 + v)::text, 8, '0'), 'bench: nobody signs in with this', 'volunteer',
       (SELECT id FROM stations)
FROM generate_series(0, %(volunteers)s - 1) AS v;

CREATE TEMP TABLE volunteer_index AS
SELECT row_number() OVER (ORDER BY id) - 1 AS idx, id FROM users WHERE role = 'volunteer';

INSERT INTO volunteer_groups (name, kind, station_id)
SELECT name, 'patrol_association', (SELECT id FROM stations)
FROM unnest(ARRAY['범계동 자율방범대', '평촌동 자율방범대', '호계동 자율방범대', '비산동 자율방범대']) AS name;

INSERT INTO group_memberships (group_id, user_id, is_leader)
SELECT g.id, v.id, v.idx < %(groups)s
FROM volunteer_index v
JOIN (SELECT row_number() OVER (ORDER BY id) - 1 AS idx, id FROM volunteer_groups) g ON g.idx = v.idx %% %(groups)s;

-- Patrol n falls on night (n * DAYS / PATROLS) and takes the next two-hour slot from 19:00
-- Seoul time: 110 minutes each, so nobody's patrols overlap (the participants' exclusion
-- constraint) even when they are on all of them.
INSERT INTO patrols (station_id, title, starts_at, ends_at, meeting_point, max_volunteers, state,
                     published_at, created_by_id)
SELECT (SELECT id FROM stations),
       (ARRAY['범계역 일대 합동 야간순찰', '평촌 학원가 귀갓길 순찰', '호계동 여성안심구역 순찰',
              '인덕원역 주변 합동순찰'])[1 + n %% 4],
       starts_at, starts_at + interval '110 minutes',
       ST_SetSRID(ST_MakePoint(126.9508, 37.3897), 4326), %(per_patrol)s + 50, 'published',
       starts_at - interval '7 days', (SELECT id FROM users WHERE role = 'station_chief')
FROM (
    SELECT n, ((%(first_night)s::date + night) + time '19:00' + slot * interval '2 hours') AT TIME ZONE 'Asia/Seoul'
              AS starts_at
    FROM (SELECT n, night, n - min(n) OVER (PARTITION BY night) AS slot
          FROM (SELECT n, n * %(days)s / %(patrols)s AS night FROM generate_series(0, %(patrols)s - 1) AS n) AS p
         ) AS q
) AS r;

CREATE TEMP TABLE patrol_index AS
SELECT row_number() OVER (ORDER BY starts_at) - 1 AS idx, id, starts_at, ends_at FROM patrols;

INSERT INTO patrol_groups (patrol_id, group_id)
SELECT p.id, g.id
FROM patrol_index p
JOIN (SELECT row_number() OVER (ORDER BY id) - 1 AS idx, id FROM volunteer_groups) g ON g.idx = p.idx %% %(groups)s;

-- Each patrol takes a window of PER_PATROL volunteers that moves along the list.
INSERT INTO patrol_participants (patrol_id, user_id, kind, status, period, signed_up_at, confirmed_at)
SELECT p.id, v.id, 'volunteer', 'confirmed', tstzrange(p.starts_at, p.ends_at),
       p.starts_at - interval '3 days', p.starts_at - interval '3 days'
FROM patrol_index p
CROSS JOIN generate_series(0, %(per_patrol)s - 1) AS j
JOIN volunteer_index v ON v.idx = (p.idx * 613 + j) %% %(volunteers)s;

-- A spread of outcomes, decided by a hash of (patrol, person): mostly present, some late,
-- left early, no-shows and excused; one in twenty without a check-out (duty estimated);
-- one in twenty not yet confirmed by an officer.
INSERT INTO attendance_records
    (patrol_id, user_id, status, checked_in_at, checked_out_at, duty_minutes, is_duty_end_estimated,
     dense_area_minutes, women_safe_minutes, confirmed_by_id, confirmed_at, updated_at)
SELECT patrol_id, user_id, status,
       checked_in_at, checked_out_at,
       CASE WHEN checked_in_at IS NULL THEN 0
            ELSE floor(EXTRACT(EPOCH FROM COALESCE(checked_out_at, ends_at - interval '20 minutes')
                                          - checked_in_at) / 60)::int
       END,
       checked_in_at IS NOT NULL AND checked_out_at IS NULL,
       CASE WHEN checked_in_at IS NULL THEN 0 ELSE h %% 41 END,
       CASE WHEN checked_in_at IS NULL THEN 0 ELSE h %% 31 END,
       CASE WHEN h %% 20 <> 7 THEN (SELECT id FROM users WHERE role = 'station_chief') END,
       CASE WHEN h %% 20 <> 7 THEN ends_at + interval '1 day' END,
       ends_at + interval '1 day'
FROM (
    SELECT patrol_id, user_id, ends_at, h, status,
           CASE WHEN status IN ('no_show', 'excused') THEN NULL
                WHEN status = 'late' THEN starts_at + interval '20 minutes' + (h %% 30) * interval '1 minute'
                ELSE starts_at - interval '10 minutes' + (h %% 20) * interval '1 minute' END AS checked_in_at,
           CASE WHEN status IN ('no_show', 'excused') OR h %% 20 = 3 THEN NULL
                WHEN status = 'left_early' THEN ends_at - interval '40 minutes' + (h %% 15) * interval '1 minute'
                ELSE ends_at - (h %% 10) * interval '1 minute' END AS checked_out_at
    FROM (
        SELECT pp.patrol_id, pp.user_id, p.starts_at, p.ends_at, h,
               CASE WHEN h %% 100 < 80 THEN 'present' WHEN h %% 100 < 88 THEN 'late'
                    WHEN h %% 100 < 93 THEN 'left_early' WHEN h %% 100 < 98 THEN 'no_show'
                    ELSE 'excused' END AS status
        FROM patrol_participants pp
        JOIN patrol_index p ON p.id = pp.patrol_id,
        LATERAL (SELECT abs(hashint8(pp.patrol_id::bigint * 1000003 + pp.user_id)::bigint) AS h) AS hashed
    ) AS decided
) AS timed;
"""


def banner(title):
    print(f"\n== {title}", flush=True)


def mb(mib):
    return mib * 1024 * 1024 / 1e6


def reset_peak_rss(pid):
    """Start the process's VmHWM afresh from its current RSS (Linux: clear_refs 5); False if not allowed."""
    try:
        Path(f"/proc/{pid}/clear_refs").write_text("5")
    except OSError:
        return False
    return True


# ---------------------------------------------------------------- 1. the data


def setup(app):
    banner(f"1. Setup: {VOLUNTEERS:,} volunteers, {PATROLS:,} patrols over {DAYS} nights, {ROWS:,} attendance records")
    started = time.perf_counter()
    recreate_database(DATABASE_URL)
    with app.app_context():
        flask_migrate.upgrade()
    migrated = time.perf_counter()
    today = datetime.now(SEOUL).date()
    first_night = today - timedelta(days=DAYS + 1)
    with psycopg.connect(plain_url(DATABASE_URL)) as connection:
        params = {
            "surnames": SURNAMES, "given": GIVEN, "volunteers": VOLUNTEERS, "groups": GROUPS,
            "patrols": PATROLS, "per_patrol": PER_PATROL, "days": DAYS, "first_night": first_night,
        }
        for statement in WORLD.split(";\n\n"):  # one statement per execute: parameters are bound server-side
            if statement.strip():
                connection.execute(statement, params)
        coordinator_id = connection.execute("SELECT id FROM users WHERE role = 'coordinator'").fetchone()[0]
        session_id = uuid.uuid4()
        connection.execute("INSERT INTO auth_sessions (id, user_id, refresh_jti) VALUES (%s, %s, 'bench')",
                           (session_id, coordinator_id))
        connection.commit()
        filled = time.perf_counter()
        connection.autocommit = True
        # Autovacuum's work done now (statistics, visibility map, hint bits), and the writes
        # flushed, so the first export does not pay for them.
        connection.execute("VACUUM (ANALYZE)")
        connection.execute("CHECKPOINT")
        counts = connection.execute(
            "SELECT (SELECT count(*) FROM attendance_records), (SELECT count(*) FROM patrol_participants), "
            "(SELECT count(*) FROM patrols WHERE ends_at <= now()), "
            "pg_size_pretty(pg_database_size(current_database()))"
        ).fetchone()
        unrecorded = connection.execute(
            "SELECT count(*) FROM patrol_participants pp WHERE NOT EXISTS (SELECT 1 FROM attendance_records r "
            "WHERE r.patrol_id = pp.patrol_id AND r.user_id = pp.user_id)"
        ).fetchone()[0]
        last_day = connection.execute(
            "SELECT max((starts_at AT TIME ZONE 'Asia/Seoul')::date) FROM patrols").fetchone()[0]
        year_from = connection.execute(
            "SELECT (starts_at AT TIME ZONE 'Asia/Seoul')::date FROM patrols ORDER BY starts_at DESC OFFSET %s LIMIT 1",
            (-(-YEAR_ROWS // PER_PATROL) - 1,),
        ).fetchone()[0]
    with app.app_context():
        claims = {"sid": str(session_id), "role": "coordinator"}
        token = create_access_token(str(coordinator_id), additional_claims=claims, expires_delta=timedelta(hours=6))
    assert counts[0] == ROWS and counts[1] == ROWS and counts[2] == PATROLS and unrecorded == 0, (counts, unrecorded)
    print(f"migrated in {migrated - started:.1f} s; filled in {filled - migrated:.1f} s; vacuumed and analysed in "
          f"{time.perf_counter() - filled:.1f} s; database {counts[3]}")
    print(f"{counts[0]:,} attendance records, {counts[1]:,} confirmed participants, none without a record; "
          f"{counts[2]:,} patrols, all ended")
    periods = {"all": (first_night, last_day), "year": (year_from, last_day)}
    return {"coordinator_id": coordinator_id, "token": token, "periods": periods}


def expected_rows(connection, first, last):
    """Rows the report must hold: patrols starting within [first, last] in Seoul, not cancelled."""
    return connection.execute(
        "SELECT count(*) FROM attendance_records r JOIN patrols p ON p.id = r.patrol_id "
        "WHERE p.state <> 'cancelled' AND p.starts_at >= (%s::date)::timestamp AT TIME ZONE 'Asia/Seoul' "
        "AND p.starts_at < (%s::date + 1)::timestamp AT TIME ZONE 'Asia/Seoul'",
        (first, last),
    ).fetchone()[0]


# ---------------------------------------------------------------- 2. where the time goes


CONFIRMED_INDEX = "ix_patrol_participants_confirmed"
CONFIRMED_INDEX_SQL = (f"CREATE INDEX {CONFIRMED_INDEX} ON patrol_participants (patrol_id, user_id) "
                       "WHERE status = 'confirmed'")


def timed(work):
    """(result, wall seconds, CPU seconds of this process, other work's CPU as a share of a core)"""
    with CpuMeter([], lambda: [], DATABASE_NAME) as meter:
        started, cpu = time.perf_counter(), time.process_time()
        result = work()
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    return result, wall, cpu, meter.noise_share


def where_time_goes(app, world):
    """The report's own steps in this process, without HTTP or any file being sent."""
    from sqlalchemy.dialects import postgresql

    from backend.derivation import services as derivation
    from backend.extensions import db
    from backend.reports import exporters, queries, services
    from backend.users.models import User

    first, last = world["periods"]["all"]
    banner(f"2. Where the time goes: the report's steps in this process ({first} .. {last}, {ROWS:,} rows)")
    figures = {}

    def line(label, rows, wall, cpu, noise_share, note=""):
        figures[label] = rows / wall
        print(f"{label:58} {rows:,} rows in {wall:5.1f} s = {rows / wall:9,.0f} rows/s; CPU here "
              f"{cpu * 1e6 / rows:4.1f} us/row; noise {noise_share:.0%} of a core"
              + (" NOISY" if noise_share > CpuMeter.QUIET_SHARE and not note else "") + note, flush=True)

    with app.app_context():
        viewer = db.session.get(User, world["coordinator_id"])
        since, until = services._days(first, last)

        def refresh_s():
            """The second of two runs (the first warms the cache), seconds."""
            for _ in range(2):
                _, wall, _, _ = timed(derivation.sweep)
                db.session.rollback()
            return wall

        figures["refresh_s"] = refresh_s()
        # The same without the partial index on confirmed participants, for comparison; it is
        # put back afterwards.
        with psycopg.connect(plain_url(DATABASE_URL), autocommit=True) as connection:
            connection.execute(f"DROP INDEX {CONFIRMED_INDEX}")
            try:
                figures["refresh_unindexed_s"] = refresh_s()
            finally:
                connection.execute(CONFIRMED_INDEX_SQL)
                connection.execute("VACUUM (ANALYZE) patrol_participants")
        print(f"the derivation worker's sweep of every patrol, nothing to do (off the request path): "
              f"{figures['refresh_s']:.2f} s; without the partial index on confirmed participants "
              f"{figures['refresh_unindexed_s']:.2f} s")

        statement = queries.attendance_rows(viewer, {"since": since, "until": until})
        compiled = statement.compile(dialect=postgresql.psycopg.dialect())
        with psycopg.connect(plain_url(DATABASE_URL), options="-c timezone=UTC") as connection:
            plan = [row[0] for row in connection.execute(
                "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) " + compiled.string, compiled.params)]
            print("EXPLAIN ANALYZE: " + "; ".join(
                text.strip() for text in plan if any(word in text for word in ("Sort Method", "Execution"))))

            def raw():
                with connection.cursor(name="bench_floor") as cursor:
                    cursor.itersize = queries.STREAM_BATCH
                    cursor.execute(compiled.string, compiled.params)
                    return sum(1 for _ in cursor)

            line("psycopg server-side cursor, tuples", *timed(raw))
            connection.rollback()

        line("reports.queries.stream: Core tuples (every format)",
             *timed(lambda: sum(1 for _ in queries.stream(statement))))
        db.session.rollback()

        year_first, year_last = world["periods"]["year"]
        for fmt in FORMATS:
            def written(fmt=fmt):
                # The report as the endpoint makes it.
                report, _ = services.attendance(viewer, {"from_": year_first, "to": year_last, "format": fmt})
                year_rows = queries.count_rows(report.query)
                with tempfile.TemporaryFile() as file:
                    exporters.write(report, fmt, "ko", file)
                return year_rows

            line(f"reports.exporters.write: the year's {fmt.upper()} file", *timed(written))
            db.session.rollback()
    return figures


# ---------------------------------------------------------------- 3. downloads


def download(port, path, token, sink=None):
    """GET path, reading the body in 1 MiB pieces: (status, seconds to the headers, seconds
    in all, bytes, newlines, first bytes); the body goes to `sink` if given, else nowhere."""
    connection = http.client.HTTPConnection(HOST, port, timeout=CLIENT_TIMEOUT_S)
    try:
        started = time.perf_counter()
        connection.request("GET", path, headers={"Authorization": f"Bearer {token}"})
        response = connection.getresponse()
        headers_s = time.perf_counter() - started
        size = newlines = 0
        head = b""
        while chunk := response.read(READ_SIZE):
            size += len(chunk)
            newlines += chunk.count(b"\n")
            if len(head) < 4096:
                head += chunk[:4096]
            if sink is not None:
                sink.write(chunk)
        return response.status, headers_s, time.perf_counter() - started, size, newlines, head
    finally:
        connection.close()


def xlsx_rows(path, read_every_row):
    """The data rows of an exported workbook: from its summary sheet ("행 수"), from the data
    sheet's declared dimension and, when asked, by reading every row."""
    import openpyxl

    workbook = openpyxl.load_workbook(path, read_only=True)
    try:
        data, summary = workbook.worksheets[0], workbook.worksheets[-1]
        stated = next(row[1] for row in summary.iter_rows(values_only=True) if row and row[0] in ("행 수", "Rows"))
        declared = data.max_row - 1
        counted = sum(1 for _ in data.iter_rows(min_row=2, values_only=True)) if read_every_row else None
    finally:
        workbook.close()
    return stated, declared, counted


def export_run(env, world, fmt, period, expected, backend_pids, read_every_row):
    first, last = world["periods"][period]
    query = f"/api/v1/reports/attendance?from={first}&to={last}&format={fmt}"
    server = Server(f"app ({fmt}, {period})", "wsgi:app", REPO, env, WORKERS)
    try:
        server.wait_until_answering("/api/v1/openapi.json")
        (worker,) = server.worker_pids()
        booted_mib, booted_peak_mib = peak_rss_mib(worker, "VmRSS"), peak_rss_mib(worker)
        # Imports, the connection pool and the first queries done before the clock starts.
        status, *_ = download(server.port, f"/api/v1/reports/attendance?from={last}&to={last}&format={fmt}",
                              world["token"])
        assert status == 200, f"warm-up answered {status}"
        before_peak_mib, before_mib = peak_rss_mib(worker), peak_rss_mib(worker, "VmRSS")
        # The peak so far is the app's start-up; from here on, VmHWM is the export's own.
        own_peak = reset_peak_rss(worker)
        # CSV goes nowhere; the XLSX is kept to be opened and checked afterwards.
        with tempfile.NamedTemporaryFile(prefix="patrol-bench-", suffix=".xlsx") as kept:
            with CpuMeter([worker], backend_pids, DATABASE_NAME) as cpu:
                status, headers_s, seconds, size, newlines, head = download(
                    server.port, query, world["token"], kept if fmt == "xlsx" else None)
            export_peak_mib = peak_rss_mib(worker)
            if status != 200:
                raise RuntimeError(f"{query} answered {status}: {head[:300]!r}\n{server.log_tail()}")
            if fmt == "csv":
                assert head.startswith(b"\xef\xbb\xbf"), "the CSV should start with a UTF-8 BOM"
                rows, check = newlines - 1, "lines counted"
            elif fmt == "pdf":
                assert head.startswith(b"%PDF"), "a PDF starts with %PDF"
                rows, check = expected, "a PDF of the first rows; every row read for its summary"
            else:
                assert head.startswith(b"PK"), "an XLSX is a zip file"
                kept.flush()
                stated, declared, counted = xlsx_rows(kept.name, read_every_row)
                rows = counted if counted is not None else stated
                check = f"summary sheet says {stated:,}, data sheet spans {declared:,}" + (
                    f", {counted:,} read back" if counted is not None else "")
                assert stated == declared == rows, check
    finally:
        server.stop()
    if rows != expected:
        raise RuntimeError(f"{fmt} {period}: {rows:,} rows, expected {expected:,}")
    f = {
        "format": fmt, "period": period, "rows": rows, "seconds": seconds, "per_s": rows / seconds,
        "headers_s": headers_s, "bytes": size, "peak_mib": max(before_peak_mib, export_peak_mib),
        "export_peak_mib": export_peak_mib if own_peak else float("nan"), "before_mib": before_mib,
        "booted_mib": booted_mib, "booted_peak_mib": booted_peak_mib,
        "worker_cpu_s": cpu.spent["workers"], "backend_cpu_s": cpu.spent["backends"],
        "client_cpu_s": cpu.spent["generator"], "noise_share": cpu.noise_share,
    }
    print(f"{fmt.upper():4} {first}..{last}: {rows:,} rows ({check}), {size / 1e6:,.1f} MB in {seconds:.1f} s "
          f"= {f['per_s']:,.0f} rows/s; headers after {headers_s:.1f} s")
    print(f"     worker RSS: {mb(booted_mib):.0f} MB after boot (peak {mb(booted_peak_mib):.0f} MB), "
          f"{mb(before_mib):.0f} MB after the warm-up (peak {mb(before_peak_mib):.0f} MB), peak during the export "
          f"{mb(f['export_peak_mib']):.0f} MB; CPU: worker "
          f"{f['worker_cpu_s']:.1f} s, its postgres backend {f['backend_cpu_s']:.1f} s, this client "
          f"{f['client_cpu_s']:.1f} s; other programs and databases {cpu.noise_share:.0%} of a core", flush=True)
    return f


# ---------------------------------------------------------------- 4. background exports


def job_run(app, env, world, fmt, expected):
    """A background export of the whole period, made by `flask reports work --once` in a
    process of its own, and that process's peak resident memory."""
    from backend.extensions import db
    from backend.reports import jobs
    from backend.reports.models import ExportJob
    from backend.users.models import User

    first, last = world["periods"]["all"]
    with app.app_context():
        viewer = db.session.get(User, world["coordinator_id"])
        job = jobs.start(viewer, {"report": "attendance", "format": fmt, "filters": {"from_": first, "to": last}})
        db.session.flush()
        job_id = job.id
        db.session.commit()
    output = tempfile.TemporaryFile()
    started = time.perf_counter()
    worker = subprocess.Popen([sys.executable, "-m", "flask", "--app", "wsgi", "reports", "work", "--once"],
                              cwd=REPO, env=env, stdout=output, stderr=subprocess.STDOUT)
    # Its VmHWM, read until it ends: the kernel's own figure at exit (getrusage) would also count
    # this bench's memory, which the worker shared between fork and exec.
    peak_mib = 0.0
    while worker.poll() is None:
        try:
            peak_mib = max(peak_mib, peak_rss_mib(worker.pid))
        except OSError:  # it has just ended
            pass
        time.sleep(0.1)
    seconds = time.perf_counter() - started
    output.seek(0)
    said = output.read().decode(errors="replace")
    output.close()
    with app.app_context():
        job = db.session.get(ExportJob, job_id)
        done = (job.status, job.rows_total, job.size_bytes)
    if worker.returncode != 0 or done[0] != "done" or done[1] != expected:
        raise RuntimeError(f"background {fmt} export: exit {worker.returncode}, job {done}\n{said[-2000:]}")
    f = {"format": fmt, "rows": expected, "seconds": seconds, "peak_mib": peak_mib, "bytes": done[2]}
    print(f"job  {fmt.upper():4} {f['rows']:,} rows, {f['bytes'] / 1e6:,.1f} MB in {seconds:.1f} s "
          f"(the worker's start included); worker peak {mb(f['peak_mib']):.0f} MB", flush=True)
    return f


# ---------------------------------------------------------------- report


def verdicts(f):
    """PASS/FAIL of a run against its targets: the year's file in time, 1,000,000 rows in memory."""
    if f["period"] == "year":
        return [(f["seconds"] < TARGET_YEAR_SECONDS,
                 f"{f['format'].upper()} of the year's {f['rows']:,} rows < {TARGET_YEAR_SECONDS} s: {f['seconds']:.1f} s")]
    return [(mb(f["peak_mib"]) < TARGET_PEAK_MB,
             f"{f['format'].upper()} of {f['rows']:,} rows, server peak < {TARGET_PEAK_MB} MB: "
             f"{mb(f['peak_mib']):.0f} MB (in {f['seconds']:.1f} s)")]


def report(runs, job_runs, floor, host, code):
    banner("Results")
    rows = []
    for f in runs:
        rows.append((f["format"].upper(), f"{f['rows']:,}", f"{f['seconds']:.1f}", f"{f['per_s']:,.0f}",
                     f"{mb(f['peak_mib']):.0f}", f"{mb(f['before_mib']):.0f} -> {mb(f['export_peak_mib']):.0f}",
                     ", ".join("PASS" if ok else "FAIL" for ok, _ in verdicts(f))))
    header = ("format", "rows", "seconds", "rows/s", "server peak MB", "RSS before -> export peak MB", "target")
    print_table(header, rows)
    print("\nserver peak = VmHWM of the one gunicorn worker that served the export, over its whole life (fresh "
          "server per run: start-up, a one-day warm-up export, the export); export peak = VmHWM reset just before "
          "the export; rows/s is information only (the targets are the year's seconds and the million's memory)")
    for fmt in FORMATS:
        big, year = (next(f for f in runs if f["format"] == fmt and f["period"] == p) for p in ("all", "year"))
        print(f"{fmt.upper()}: export peak {mb(year['export_peak_mib']):.0f} MB at {year['rows']:,} rows, "
              f"{mb(big['export_peak_mib']):.0f} MB at {big['rows']:,} "
              f"({mb(big['export_peak_mib'] - year['export_peak_mib']):+.1f} MB); worker CPU "
              f"{big['worker_cpu_s'] * 1e6 / big['rows']:.1f} us/row, postgres backend "
              f"{big['backend_cpu_s'] * 1e6 / big['rows']:.1f} us/row; first byte after {big['headers_s']:.1f} s")
    print(f"worker peak before serving any request {mb(max(f['booted_peak_mib'] for f in runs)):.0f} MB, "
          f"resident after boot {mb(max(f['booted_mib'] for f in runs)):.0f} MB")
    print(f"in this process, no HTTP: the worker's sweep with nothing to do {floor['refresh_s']:.2f} s "
          f"({floor['refresh_unindexed_s']:.2f} s without the partial index); "
          + "; ".join(f"{label}: {per_s:,.0f} rows/s" for label, per_s in floor.items()
                      if not label.startswith("refresh")))
    noisiest = max(f["noise_share"] for f in runs)
    print("machine quiet during the downloads" if noisiest <= CpuMeter.QUIET_SHARE else
          f"NOISY: other programs and databases took up to {noisiest:.0%} of a core during a download; "
          "rerun for clean figures")

    banner("Machine")
    for key, value in host.items():
        print(f"{key}: {value}")
    print(f"code: {code}")

    banner("Targets")
    for f in runs:
        for ok, text in verdicts(f):
            print(f"[{'PASS' if ok else 'FAIL'}] {text}")
    for f in job_runs:
        ok = mb(f["peak_mib"]) < TARGET_PEAK_MB
        print(f"[{'PASS' if ok else 'FAIL'}] background {f['format'].upper()} export of {f['rows']:,} rows, worker peak "
              f"< {TARGET_PEAK_MB} MB: {mb(f['peak_mib']):.0f} MB (in {f['seconds']:.1f} s)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count-xlsx-rows", action="store_true",
                        help="read every row of each XLSX back with openpyxl (adds minutes)")
    args = parser.parse_args()
    run_started = time.perf_counter()
    secret = secrets.token_urlsafe(36)  # 48 characters, for the bench's token and the server alike
    placeholder = firebase_placeholder_file()
    try:
        app = create_app(app_settings(DATABASE_URL, secret, placeholder.name))
        world = setup(app)
        floor = where_time_goes(app, world)

        banner(f"3. Downloads through gunicorn --workers {WORKERS} --timeout {SERVER_TIMEOUT_S}, a fresh server each")
        # A sync worker busy longer than gunicorn's default 30 s would be killed mid-export.
        # The row limit is lifted: this measures making the file itself, which a background
        # export (the server's answer past the limit) does with the same code.
        env = server_env(DATABASE_URL, secret, placeholder.name,
                         extra={"GUNICORN_CMD_ARGS": f"--timeout {SERVER_TIMEOUT_S}",
                                "PATROL_EXPORT_JOB_ROWS": str(2 * ROWS)})
        runs = []
        with psycopg.connect(plain_url(DATABASE_URL), autocommit=True) as monitor:
            def backend_pids():
                return database_session_pids(monitor)

            expected = {period: expected_rows(monitor, *span) for period, span in world["periods"].items()}
            for period in ("year", "all"):
                for fmt in FORMATS:
                    runs.append(export_run(env, world, fmt, period, expected[period], backend_pids,
                                           args.count_xlsx_rows))
            banner("4. Background exports of the whole period, each by `flask reports work --once`")
            job_runs = [job_run(app, env, world, fmt, expected["all"]) for fmt in ("csv", "xlsx")]
            host = machine(monitor)
        report(runs, job_runs, floor, host, code_version(REPO))
        print(f"\n(whole run {time.perf_counter() - run_started:.0f} s)")
    finally:
        placeholder.close()


if __name__ == "__main__":
    main()
