"""What any bench here needs: gunicorn servers, a closed-loop HTTP load generator,
percentiles, and CPU and memory read from /proc.

Nothing here knows about patrols. Several benches in this folder import these names:
change them only together with their callers.
"""
import http.client
import itertools
import math
import os
import platform
import subprocess
import threading
import time
from importlib import metadata
from pathlib import Path

from backend.testing.fake_fcm import FakeFcm
from backend.testing.servers import HOST

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def percentile(values, p):
    """Nearest-rank percentile of a list of numbers."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


# ---------------------------------------------------------------- /proc


def machine_busy_s():
    """CPU-seconds the whole machine spent not idle, all cores together."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    return (sum(values[:8]) - idle) / CLOCK_TICKS


def peak_rss_mib(pid, field="VmHWM"):
    """VmHWM: the most resident memory the process has ever had (VmRSS: what it has now)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def cpu_by_process():
    """{pid: (name, CPU seconds)} of every process now running."""
    found = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                text = Path(entry.path, "stat").read_text()
            except OSError:
                continue
            fields = text[text.rindex(")") + 2:].split()
            found[int(entry.name)] = (text[text.index("(") + 1:text.rindex(")")],
                                      (int(fields[11]) + int(fields[12])) / CLOCK_TICKS)
    return found


def postgres_database_of(pid):
    """The database a postgres session process serves, from its title
    ("postgres: 15/main: user dbname host(port) state"); None for background processes."""
    try:
        title = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return None
    parts = title.split(": ", 2)
    words = parts[2].split() if len(parts) == 3 else []
    is_session = len(words) >= 3 and ("(" in words[2] or words[2] == "[local]")
    return words[1] if is_session else None


def database_session_pids(connection):
    """The pids of the other sessions on the database of `connection` (psycopg, autocommit):
    the servers' pooled connections."""
    rows = connection.execute(
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
    ).fetchall()
    return [row[0] for row in rows]


class CpuMeter:
    """Where the machine's CPU went during a phase: the app workers, the database sessions
    serving them, this process (the load generator), postgres's own background processes
    (WAL writer, checkpointer ...), and the rest: other databases' sessions and other
    programs, which are noise from whatever else runs on the machine.

    `backend_pids` is a callable answering the pids of the bench database's sessions;
    `helpers` names other processes the bench started ({"dispatcher": pid}), each counted
    on its own. A process that ended during the phase is counted as noise.
    """

    QUIET_SHARE = 0.15  # of one core: more noise than this makes a run's figures unreliable

    def __init__(self, worker_pids, backend_pids, database, helpers=None):
        self.worker_pids = set(worker_pids)
        self.backend_pids = backend_pids
        self.database = database
        self.helpers = {pid: name for name, pid in (helpers or {}).items()}

    def __enter__(self):
        self.backends = set(self.backend_pids())
        self.start = (cpu_by_process(), machine_busy_s(), time.perf_counter())
        return self

    def __exit__(self, *exc):
        end, busy, now = cpu_by_process(), machine_busy_s(), time.perf_counter()
        self.backends |= set(self.backend_pids())
        start, start_busy, started = self.start
        spent = {"workers": 0.0, "backends": 0.0, "generator": 0.0, "postgres": 0.0, "noise": 0.0}
        spent.update({name: 0.0 for name in self.helpers.values()})
        for pid, (name, cpu) in end.items():
            delta = cpu - start.get(pid, (name, 0.0))[1]
            if pid in self.worker_pids:
                spent["workers"] += delta
            elif pid in self.helpers:
                spent[self.helpers[pid]] += delta
            elif pid in self.backends:
                spent["backends"] += delta
            elif pid == os.getpid():
                spent["generator"] += delta
            elif name == "postgres":
                database = postgres_database_of(pid)
                spent["backends" if database == self.database else "postgres" if database is None else "noise"] += delta
            else:
                spent["noise"] += delta
        self.busy = busy - start_busy
        spent["noise"] += max(self.busy - sum(spent.values()), 0.0)  # processes that ended meanwhile
        self.spent = spent
        self.wall = now - started

    @property
    def noise_share(self):
        """CPU of other databases' sessions and other programs, as a share of one core."""
        return self.spent["noise"] / self.wall

    def describe(self, units, unit_name):
        def per(key):
            return self.spent[key] * 1000 / max(units, 1)

        helpers = "".join(f", {name} {per(name):.2f} ms" for name in self.helpers.values())
        text = (
            f"CPU per {unit_name}: app workers {per('workers'):.2f} ms, their postgres sessions "
            f"{per('backends'):.2f} ms, load generator {per('generator'):.2f} ms{helpers}; machine busy "
            f"{self.busy / self.wall / os.cpu_count():.0%} of {os.cpu_count()} cores; postgres background "
            f"{self.spent['postgres'] / self.wall:.0%} of a core, other programs and databases "
            f"{self.noise_share:.0%} of a core"
        )
        if self.noise_share > self.QUIET_SHARE:
            text += "\n          NOISY: other work shared the machine; rerun for clean figures"
        return text


# ---------------------------------------------------------------- the fake FCM (own process)


def serve_fake_fcm(credentials_path, commands):
    """Run the tests' fake FCM until told to stop (or until the bench goes away)."""
    fake = FakeFcm().start()
    try:
        fake.write_service_account(credentials_path, project_id="patrol-bench")
        commands.send((fake.url, os.getpid()))
        while True:
            try:
                command = commands.recv()
            except EOFError:  # the bench died: nobody left to serve
                return
            name, types = command
            if name == "received":
                bodies = [body for body in fake.sent if body["message"]["data"]["type"] not in types]
                commands.send({
                    "messages": len(bodies),
                    "tokens": len({body["message"].get("token") for body in bodies}),
                    "message_ids": len({body["message"]["data"]["message_id"] for body in bodies}),
                    "token_requests": fake.token_requests,
                })
            elif name == "arrivals":
                commands.send([(at, body["message"]["data"], body["message"].get("token"))
                               for at, body in fake.sent_at if body["message"]["data"]["type"] in types])
            elif name == "stop":
                return
    finally:
        fake.stop()


class ServedProcess:
    """`target(*args, pipe)` in a process of its own (`context`: a multiprocessing context,
    spawn), serving commands over the pipe: it sends one greeting once ready (kept as
    `greeting`), then one answer per command, and returns on `stop_command`."""

    def __init__(self, context, target, args, name, stop_command):
        self.commands, theirs = context.Pipe()
        self.stop_command = stop_command
        self.process = context.Process(target=target, args=(*args, theirs), name=name, daemon=True)
        self.process.start()
        theirs.close()
        if not self.commands.poll(60):
            self.stop()
            raise RuntimeError(f"the {name} did not start")
        self.greeting = self.commands.recv()

    def ask(self, command):
        self.commands.send(command)
        return self.commands.recv()

    def stop(self):
        if self.process.is_alive():
            try:
                self.commands.send(self.stop_command)
            except OSError:
                pass
            self.process.join(10)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(5)
        self.commands.close()


class FakeFcmProcess(ServedProcess):
    """The fake FCM of the tests (backend/testing/fake_fcm.py) in a process of its own,
    so that a dispatcher's CPU and memory are its own; it writes a service-account file
    whose token_uri is the fake at `credentials_path`."""

    def __init__(self, context, credentials_path):
        super().__init__(context, serve_fake_fcm, (str(credentials_path),), "fake FCM", ("stop", ()))
        self.url, self.pid = self.greeting

    def received(self, leave_out=()):
        """Counts of what the fake received, the messages of the data types `leave_out` left out."""
        return self.ask(("received", leave_out))

    def arrivals(self, types):
        """(epoch seconds, data, token) of each message of these data types, as it arrived."""
        return self.ask(("arrivals", types))


# ---------------------------------------------------------------- load


def run_load(port, requests, concurrency, time_limit_s, check=None):
    """Send prepared (method, path, body, headers) requests from `concurrency` threads, in
    the order given. A body may be a function: it is called when the request is sent (for
    a request whose content depends on the moment it leaves).

    Closed loop: each thread sends its next request once it has read the previous answer,
    over its own http.client connection (reopened when the server closes it, as gunicorn's
    sync workers do after every response, so a connect is part of each request). A
    request's latency is time.perf_counter() around send, answer and body. A non-2xx
    answer, a failed connection, or a message from `check(body)` counts as an error.
    No new request starts after `time_limit_s`.
    """
    latencies = [None] * len(requests)
    finished = [None] * len(requests)
    outcomes = [None] * len(requests)
    statuses = [None] * len(requests)
    counter = itertools.count()
    stop_at = time.monotonic() + time_limit_s

    def worker():
        connection = http.client.HTTPConnection(HOST, port, timeout=120)
        while True:
            index = next(counter)
            if index >= len(requests) or time.monotonic() > stop_at:
                break
            method, path, body, headers = requests[index]
            if callable(body):
                body = body()
            started = time.perf_counter()
            try:
                connection.request(method, path, body, headers)
                response = connection.getresponse()
                data = response.read()
                status = response.status
            except (OSError, http.client.HTTPException) as error:
                connection.close()
                status, data = type(error).__name__, b""
            finished[index] = time.perf_counter()
            latencies[index] = finished[index] - started
            statuses[index] = status
            if not isinstance(status, int) or not 200 <= status < 300:
                outcomes[index] = f"{status}: {data[:200]!r}"
            elif check is not None:
                outcomes[index] = check(data)
        connection.close()

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(concurrency)]
    started = time.perf_counter()
    wall_clock_offset = time.time() - started
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    done = [i for i, latency in enumerate(latencies) if latency is not None]
    return {
        "wall_s": wall,
        "sent": len(done),
        "indexes": done,  # of the requests sent; statuses and latencies_ms follow this order
        "statuses": [statuses[i] for i in done],  # HTTP status, or the name of the connection error
        "latencies_ms": [latencies[i] * 1000 for i in done],
        "finished_s": sorted(finished[i] - started for i in done),
        "answered_at": [finished[i] + wall_clock_offset for i in done],  # epoch seconds, in `indexes` order
        "errors": [outcomes[i] for i in done if outcomes[i] is not None],
    }


def summarize(result, units=None):
    """Throughput (requests/s, or units/s when given), p50/p99 latency in ms, error count."""
    latencies = result["latencies_ms"] or [float("nan")]
    finished = result["finished_s"]
    # Throughput over each quarter of the answers: falls when requests get dearer as data grows.
    edges = [0.0] + [finished[len(finished) * q // 4 - 1] for q in range(1, 5)] if len(finished) >= 4 else []
    quarters = [(len(finished) / 4) / max(b - a, 1e-9) for a, b in zip(edges, edges[1:])]
    return {
        "quarters_per_s": quarters,
        "sent": result["sent"],
        "per_s": (result["sent"] if units is None else units) / result["wall_s"],
        "p50_ms": percentile(latencies, 50),
        "p99_ms": percentile(latencies, 99),
        "errors": len(result["errors"]),
        "wall_s": result["wall_s"],
    }


# ---------------------------------------------------------------- the machine


def machine(connection):
    """nproc, CPU model, memory, and the database server behind `connection` (psycopg)."""
    cpu_model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                      if line.startswith("model name")), platform.processor() or "unknown")
    mem_kib = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal:"))

    def show(setting):
        return connection.execute(f"SHOW {setting}").fetchone()[0]

    postgis = connection.execute("SELECT postgis_lib_version()").fetchone()[0]
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu_model,
        "memory": f"{mem_kib / 1024 / 1024:.1f} GiB",
        "database": f"PostgreSQL {show('server_version').split()[0]}, PostGIS {postgis}; "
                    f"shared_buffers {show('shared_buffers')}, synchronous_commit {show('synchronous_commit')}, "
                    f"autovacuum {show('autovacuum')}",
        "python": f"Python {platform.python_version()}, gunicorn {metadata.version('gunicorn')} (sync workers)",
        "kernel": platform.release(),
    }


def code_version(repo):
    """The commit measured, and whether the working tree differed from it."""
    def git(*args):
        return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True).stdout.strip()

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    changed = git("status", "--porcelain", "--", "backend", "wsgi.py")
    return f"{commit}" + (" + uncommitted changes in backend/" if changed else "")


def print_table(header, rows):
    """A Markdown table, columns padded to their widest cell (pasted as is into README.md)."""
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]

    def line(row):
        return "| " + " | ".join(str(value).ljust(width) for value, width in zip(row, widths)) + " |"

    print(line(header))
    print("|" + "|".join("-" * (width + 2) for width in widths) + "|")
    for row in rows:
        print(line(row))
