"""Under real gunicorn workers, one scrape sums them all (prometheus-client's multiprocess
mode, set up by gunicorn.conf.py): every request counted whichever worker answers the scrape,
and a worker that dies leaves its requests counted but its database pool forgotten."""
import http.client
import os
import signal
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from backend.testing.servers import HOST
from backend.testing.database import TEST_DATABASE_URL
from backend.testing.cluster import gunicorn_serving
from tests.metrics.scrape import TOKEN, requests_counted, samples, value

REQUESTS = 60
POOL_SIZE = 5  # SQLAlchemy's default, which the app keeps
REPLACEMENT_WAIT_S = 120  # a new worker imports the app: half a minute on a saturated machine


def get(port, path, headers=None):
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read().decode()
    finally:
        connection.close()


def scrape(port):
    status, text = get(port, "/metrics", {"Authorization": f"Bearer {TOKEN}"})
    assert status == 200, text
    return samples(text)


@pytest.fixture
def served(app, tmp_path):
    """Two gunicorn workers on the migrated test database, their metrics files in tmp_path."""
    with gunicorn_serving(TEST_DATABASE_URL, PATROL_METRICS_TOKEN=TOKEN, PROMETHEUS_MULTIPROC_DIR=str(tmp_path)) as server:
        yield server, tmp_path


def recorded_by(directory, kind):
    """The processes that wrote figures of this kind ("histogram", "gauge_livesum")."""
    return {int(name.rsplit("_", 1)[1].removesuffix(".db")) for name in os.listdir(directory) if name.startswith(kind + "_")}


def test_every_workers_requests_and_pools_are_summed_in_one_scrape(served):
    server, directory = served
    # The readiness probe, as a load balancer sends it (it uses the database, and gunicorn_serving
    # turns rate limits off); side by side, so that both workers answer some.
    with ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(lambda _: get(server.port, "/readyz")[0], range(REQUESTS)))
    assert statuses == [200] * REQUESTS, server.log_tail(60)
    workers = recorded_by(directory, "histogram")
    assert len(workers) == 2, "one worker answered everything: nothing to sum"

    for _ in range(4):  # whichever worker answers the scrape, it counts them all
        found = scrape(server.port)
        assert requests_counted(found, "GET", "/readyz", "200") == REQUESTS
        assert value(found, "patrol_db_pool_size") == 2 * POOL_SIZE
        assert value(found, "patrol_metrics_database_up") == 1
        assert value(found, "patrol_db_pool_connections") >= 2  # each worker keeps its connection

    dead = workers.pop()
    os.kill(dead, signal.SIGKILL)
    deadline = time.monotonic() + REPLACEMENT_WAIT_S
    while dead in server.worker_pids() or len(server.worker_pids()) < 2:
        assert time.monotonic() < deadline, "gunicorn did not replace the worker"
        time.sleep(0.2)
    assert dead not in recorded_by(directory, "gauge_livesum")
    # The replacement has its own pool once it has loaded the app: the dead one's is not summed.
    found = scrape(server.port)
    while value(found, "patrol_db_pool_size") != 2 * POOL_SIZE:
        assert value(found, "patrol_db_pool_size") < 2 * POOL_SIZE, "the dead worker's pool is still counted"
        assert time.monotonic() < deadline, "the new worker never loaded the app"
        time.sleep(0.5)
        found = scrape(server.port)
    assert requests_counted(found, "GET", "/readyz", "200") == REQUESTS
