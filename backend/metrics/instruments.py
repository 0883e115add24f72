"""What each process records as it works: the latency of every request, and its database pool.

Under gunicorn (PROMETHEUS_MULTIPROC_DIR set by gunicorn.conf.py) every worker writes its own
figures to files there and a scrape sums them; elsewhere they live in the process's memory.
"""
from prometheus_client import Gauge, Histogram
from sqlalchemy import event

# Reports and imports may run for minutes (their statement limit), so the buckets go that far.
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120)
# Any other method a client invents is counted as one, so labels stay few.
KNOWN_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})

request_seconds = Histogram(
    "patrol_http_request_duration_seconds",
    "Time to answer a request, by method, route rule (never the raw path) and status.",
    ["method", "route", "status"],
    buckets=LATENCY_BUCKETS,
)
# Per process; a scrape under gunicorn sums the workers alive ("livesum").
pool_size = Gauge("patrol_db_pool_size", "Connections the database pools keep open at most before overflowing.", multiprocess_mode="livesum")
pool_open = Gauge("patrol_db_pool_connections", "Database connections open (idle in the pool or in use).", multiprocess_mode="livesum")
pool_checked_out = Gauge("patrol_db_pool_checked_out", "Database connections in use by requests.", multiprocess_mode="livesum")


def record_request(method, route, status, seconds):
    method = method if method in KNOWN_METHODS else "other"
    request_seconds.labels(method=method, route=route, status=str(status)).observe(seconds)


def watch_pool(pool):
    """Keep the pool gauges up to date from the pool's own events.

    Each connection is marked when counted up and counted down only if marked, so a failed
    connect or checkout (which the pool still checks in) never drives a gauge below the truth.
    """
    pool_size.inc(pool.size())
    _count_between(pool, pool_open, "connect", ("close", "detach"))
    _count_between(pool, pool_checked_out, "checkout", ("checkin",))


def _count_between(pool, gauge, up, downs):
    # Kept in record_info, the pool entry's dict for its user's notes, which outlives reconnects.
    mark = f"counted on {up}"

    def counted_up(dbapi_connection, record, *_):
        if not record.record_info.get(mark):
            record.record_info[mark] = True
            gauge.inc()

    def counted_down(dbapi_connection, record, *_):
        if record.record_info.pop(mark, False):
            gauge.dec()

    event.listen(pool, up, counted_up)
    for down in downs:
        event.listen(pool, down, counted_down)
