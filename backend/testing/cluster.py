"""A PostgreSQL cluster of one's own, to stop and start at will, and the app served on it.

The shared server other test runs use must never go down. This cluster lives in a
directory of its own, listens on a free port of 127.0.0.1 (TCP only, no Unix socket that
could clash with a system cluster), and runs the installed PostgreSQL with its PostGIS, as
scripts/setup.sh's private cluster does.
"""
import os
import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path

import flask_migrate
import psycopg

from backend import create_app
from backend.config import sqlalchemy_url
from backend.testing.servers import HOST, Server, free_port

REPO = Path(__file__).resolve().parents[2]
BOOT_TIMEOUT_S = 120  # two workers importing the app take seconds, and half a minute on a saturated machine
DEBIAN_SERVER_BINARIES = Path("/usr/lib/postgresql")  # /usr/lib/postgresql/<major>/bin: off PATH


def server_binaries():
    """The directory of initdb, pg_ctl and postgres: on PATH, or the newest Debian install."""
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).parent
    installed = sorted(DEBIAN_SERVER_BINARIES.glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]))
    if not installed:
        raise RuntimeError("PostgreSQL server binaries (initdb) are not installed: scripts/setup.sh installs them")
    return installed[-1].parent


class PrivateCluster:
    """initdb, pg_ctl start/stop, and URLs of databases in it.

    initdb and postgres refuse to run as root: as root, they run as the postgres system user,
    who owns the directory.
    """

    def __init__(self, directory):
        self.directory = Path(directory)
        self.data = self.directory / "data"
        self.log = self.directory / "postgres.log"
        self.port = free_port()
        self.bin = server_binaries()

    def _run(self, program, *args):
        command = [str(self.bin / program), *args]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        # cwd "/": the postgres user may not be allowed into the current directory.
        done = subprocess.run(command, cwd="/", capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"{program} {' '.join(args)} failed:\n{done.stderr}\n{self.log_tail()}")

    def initialise(self):
        if os.geteuid() == 0:
            shutil.chown(self.directory, "postgres", "postgres")
        # --no-sync: a throwaway cluster need not wait for the disk to be created. Its
        # commits still do (fsync and synchronous_commit keep their defaults).
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync")

    def start(self):
        options = f"-c listen_addresses={HOST} -c port={self.port} -c unix_socket_directories=''"
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60", "-o", options, "start")

    def stop(self, mode="fast"):
        """fast: sessions are ended and rolled back; immediate: the server dies at once and
        recovers from its write-ahead log at the next start, as after a crash."""
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def is_running(self):
        return (self.data / "postmaster.pid").exists()

    def url(self, dbname):
        return f"postgresql://postgres@{HOST}:{self.port}/{dbname}"

    def create_database(self, dbname):
        with psycopg.connect(self.url("postgres"), autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{dbname}"')
        return self.url(dbname)

    def log_tail(self, lines=20):
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


@contextmanager
def running_cluster():
    """A cluster started in a new temporary directory; stopped and deleted afterwards,
    whatever happened."""
    directory = tempfile.mkdtemp(prefix="patrol-faults-")  # in /tmp: the postgres user can reach it
    cluster = PrivateCluster(directory)
    try:
        cluster.initialise()
        cluster.start()
        yield cluster
    finally:
        if cluster.is_running():
            cluster.stop("immediate")
        shutil.rmtree(directory, ignore_errors=True)


def migrated_app(database_url):
    """The app on an empty database, the schema built by the migrations."""
    app = create_app({"PATROL_ENV": "testing", "SQLALCHEMY_DATABASE_URI": sqlalchemy_url(database_url)})
    with app.app_context():
        flask_migrate.upgrade()
    return app


@contextmanager
def gunicorn_serving(database_url, workers=2, **settings):
    """Real gunicorn workers serving the app on that database, with these further environment
    settings; stopped afterwards."""
    environment = {
        **os.environ,
        "DATABASE_URL": database_url,
        "PATROL_ENV": "testing",  # the development secret, as migrated_app's: its tokens are valid
        "PATROL_RATELIMIT_ENABLED": "false",  # phones sending as fast as they can, by design
        **settings,
    }
    server = Server("gunicorn", "wsgi:app", REPO, environment, workers=workers)
    try:
        server.wait_until_answering("/api/v1/openapi.json", timeout_s=BOOT_TIMEOUT_S)
        yield server
    finally:
        server.stop()
