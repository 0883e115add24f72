"""The database going away under load, with figures: how fast the app answers 503 while
the database is down, how soon it serves again once the database is back (the app is
never restarted), and whether anything acknowledged with a 2xx was lost.

    .venv/bin/python bench/run_faults.py                          # 8 phones, 20 s down, crash
    .venv/bin/python bench/run_faults.py --outage-seconds 120 --stop-mode fast

The scenario of tests/faults/test_database_outage.py, with a longer outage and timed. A
private PostgreSQL cluster (a temporary directory, a free port of 127.0.0.1; the shared
server is never touched) gets a migrated database, `gunicorn --workers 2 wsgi:app` serves
it, and phones (threads) send check-ins and location batches of 5 points in turn, each with
ids of its own; a phone told 503 waits 0.5 s. Mid-load the cluster is stopped
(`pg_ctl stop -m immediate`, a crash, by default), stays down, and is started again; the
phones then resend what was refused, with the same ids, and every id sent must be stored
exactly once.
"""
import argparse
import os
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

import psycopg

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.harness import code_version, machine, machine_busy_s, percentile  # noqa: E402
from backend.testing.cluster import gunicorn_serving, migrated_app, running_cluster  # noqa: E402
from backend.testing.phones import Phones, build_world, stored_event_ids  # noqa: E402


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--phones", type=int, default=8)
    parser.add_argument("--outage-seconds", type=float, default=20.0)
    parser.add_argument("--stop-mode", choices=["immediate", "fast"], default="immediate",
                        help="immediate: a crash, recovered from the WAL; fast: sessions ended, a clean shutdown")
    parser.add_argument("--load-seconds", type=float, default=5.0, help="before the outage, and after recovery")
    return parser.parse_args()


def milliseconds(exchanges):
    return [(x.finished - x.started) * 1000 for x in exchanges]


def describe_answers(label, exchanges):
    if not exchanges:
        return f"{label}: none"
    answer_ms = milliseconds(exchanges)
    statuses = ", ".join(f"{status}: {count}" for status, count in sorted(Counter(x.status for x in exchanges).items(), key=str))
    return (f"{label}: {len(exchanges)} requests ({statuses}); answered in p50 {percentile(answer_ms, 50):.0f} ms, "
            f"p99 {percentile(answer_ms, 99):.0f} ms, max {max(answer_ms):.0f} ms")


def run(arguments):
    with running_cluster() as cluster:
        database_url = cluster.create_database("patrol_faults")
        app = migrated_app(database_url)
        with psycopg.connect(database_url) as connection:
            about = machine(connection)
        with gunicorn_serving(database_url) as server:
            patrol_id, tokens = build_world(app, arguments.phones)
            busy_before, clock_before = machine_busy_s(), time.monotonic()
            with Phones(server.port, patrol_id, tokens) as phones:
                time.sleep(arguments.load_seconds)
                stopping_at = time.monotonic()
                cluster.stop(arguments.stop_mode)
                down_at = time.monotonic()
                time.sleep(arguments.outage_seconds)
                restarting_at = time.monotonic()
                cluster.start()
                up_at = time.monotonic()
                phones.wait_until_each(1, "acknowledged after the restart", lambda x: x.started > up_at and x.acknowledged)
                recovered_at = time.monotonic()
                time.sleep(arguments.load_seconds)
            busy_share = (machine_busy_s() - busy_before) / (time.monotonic() - clock_before) / os.cpu_count()
            exchanges = phones.all()
            acknowledged = {event_id for x in exchanges if x.acknowledged for event_id in x.event_ids}
            lost = acknowledged - set(stored_event_ids(database_url))
            still_refused = [x for x in phones.resend_refused() if not x.acknowledged]
            stored = stored_event_ids(database_url)
    sent = [event_id for x in exchanges for event_id in x.event_ids]
    first_after_restart = [
        min(x.finished for x in phone if x.started > up_at and x.acknowledged) - up_at
        for phone in phones.exchanges.values()
    ]
    return {
        "about": about, "busy_share": busy_share, "exchanges": exchanges, "lost": lost, "sent": sent, "stored": stored,
        "still_refused": still_refused, "first_after_restart": first_after_restart,
        "times": {"stopping": stopping_at, "down": down_at, "restarting": restarting_at, "up": up_at,
                  "recovered": recovered_at},
    }


def report(arguments, result):
    about, times, exchanges = result["about"], result["times"], result["exchanges"]
    print(f"machine: {about['nproc']} CPUs ({about['cpu']}), {about['memory']}, kernel {about['kernel']}")
    print(f"         {about['database']}")
    print(f"         {about['python']}; code {code_version(REPO)}")
    print(f"         machine busy {result['busy_share']:.0%} of {os.cpu_count()} cores during the load "
          "(phones, gunicorn, PostgreSQL and whatever else runs)")
    print(f"scenario: {arguments.phones} phones, 2 gunicorn workers, pg_ctl stop -m {arguments.stop_mode}, "
          f"down {times['restarting'] - times['down']:.1f} s")
    print(f"pg_ctl stop took {times['down'] - times['stopping']:.2f} s, "
          f"pg_ctl start (with crash recovery if any) {times['up'] - times['restarting']:.2f} s")
    before = [x for x in exchanges if x.finished < times["stopping"]]
    during = [x for x in exchanges if times["down"] < x.started and x.finished < times["restarting"]]
    around = [x for x in exchanges if x not in before and x not in during]
    print(describe_answers("before the stop", before))
    print(describe_answers("while down", during))
    print(describe_answers("around the stop and the restart", around))
    waits = result["first_after_restart"]
    print(f"first 2xx per phone after the database accepted connections again: median "
          f"{statistics.median(waits):.2f} s, slowest {max(waits):.2f} s")
    not_503 = [x for x in exchanges if not x.acknowledged and x.status != 503]
    acknowledged = sum(x.acknowledged for x in exchanges)
    checks = [
        (not not_503, f"every refusal was a 503 (no 500, hang or dropped connection): {len(not_503)} were not"),
        (bool(during) and all(x.status == 503 for x in during),
         f"while down, every request was answered 503 before the restart: {len(during)} requests"),
        (not result["lost"], f"nothing acknowledged was lost: {len(result['lost'])} of the ids of {acknowledged} "
                             "acknowledged requests missing"),
        (not result["still_refused"] and sorted(result["stored"]) == sorted(result["sent"]),
         f"after resending the refused requests, each of the {len(result['sent'])} ids sent is stored exactly once "
         f"({len(result['stored'])} rows)"),
    ]
    for passed, text in checks:
        print(f"[{'PASS' if passed else 'FAIL'}] {text}")
    return all(passed for passed, _ in checks)


def main():
    arguments = parse_arguments()
    sys.exit(0 if report(arguments, run(arguments)) else 1)


if __name__ == "__main__":
    main()
