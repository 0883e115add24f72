"""gunicorn settings for scripts/run.sh (read from the working directory by default)."""
import os
import shutil
import tempfile

# /metrics sums every worker's figures: prometheus-client's multiprocess mode, in which each
# worker writes its own files to this directory. It must be set before prometheus-client is
# first imported (the app's modules, imported below, import it).
OWN_METRICS_DIR = "PROMETHEUS_MULTIPROC_DIR" not in os.environ
if OWN_METRICS_DIR:
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="patrol-metrics-")

from gunicorn import util  # noqa: E402
from prometheus_client import multiprocess  # noqa: E402

from backend.core.gunicorn_errors import write_problem  # noqa: E402

# The requests gunicorn refuses before the app sees them (a request line past
# limit_request_line, a flood of headers) are answered as problem+json too. write_error is
# gunicorn's own function, not a setting: the version is pinned in requirements.txt, and
# tests/test_gunicorn_errors.py fails if a new one stops calling it.
util.write_error = write_problem


def on_starting(server):
    # A previous server's files would add its counts to this one's.
    directory = os.environ["PROMETHEUS_MULTIPROC_DIR"]
    os.makedirs(directory, exist_ok=True)
    for name in os.listdir(directory):
        if name.endswith(".db"):
            os.remove(os.path.join(directory, name))


def child_exit(server, worker):
    # A dead worker's pool no longer counts; its requests, having happened, still do.
    multiprocess.mark_process_dead(worker.pid)


def on_exit(server):
    if OWN_METRICS_DIR:
        shutil.rmtree(os.environ["PROMETHEUS_MULTIPROC_DIR"], ignore_errors=True)
