"""Programs run beside a test or bench: gunicorn serving the app on a free local port,
or any other command, each in a session of its own with its output kept."""
import http.client
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HOST = "127.0.0.1"  # every server a bench starts listens here, and all load goes here

def free_port():
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def children_of(pid):
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:  # kernels without CONFIG_PROC_CHILDREN: scan for the parent pid
        found = []
        for entry in os.scandir("/proc"):
            if entry.name.isdigit():
                try:
                    stat = Path(entry.path, "stat").read_text()
                except OSError:
                    continue
                if int(stat[stat.rindex(")") + 2:].split()[1]) == pid:
                    found.append(int(entry.name))
        return found


class Background:
    """A program the bench runs beside itself, in a session of its own, its output kept
    in a temporary file; stop() sends it `stop_signal`, then ends it whatever happened."""

    def __init__(self, name, command, cwd, env, stop_signal=signal.SIGTERM):
        self.name = name
        self.stop_signal = stop_signal
        self.log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(command, cwd=cwd, env=env, stdout=self.log, stderr=subprocess.STDOUT,
                                        start_new_session=True)

    @property
    def pid(self):
        return self.process.pid

    def log_lines(self):
        self.log.seek(0)
        return self.log.read().decode(errors="replace").splitlines()

    def log_tail(self, lines=30):
        return "\n".join(self.log_lines()[-lines:])

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(self.stop_signal)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)  # the session this bench started
                self.process.wait(timeout=5)
        self.log.close()


class Server(Background):
    """`gunicorn --workers N` on a free port of 127.0.0.1 (its master stops its workers on TERM)."""

    def __init__(self, name, app_spec, cwd, env, workers):
        self.workers = workers
        self.port = free_port()
        command = [sys.executable, "-m", "gunicorn", "--workers", str(workers),
                   "--bind", f"{HOST}:{self.port}", app_spec]
        super().__init__(name, command, cwd, env)

    def wait_until_answering(self, path, timeout_s=30):
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited ({self.process.returncode}):\n{self.log_tail()}")
            try:
                connection = http.client.HTTPConnection(HOST, self.port, timeout=2)
                connection.request("GET", path)
                connection.getresponse().read()
                connection.close()
            except OSError:
                time.sleep(0.2)
                continue
            if len(self.worker_pids()) >= self.workers:  # every worker booted before the clock starts
                return
            time.sleep(0.2)
        raise RuntimeError(f"{self.name} did not answer within {timeout_s} s:\n{self.log_tail()}")

    def worker_pids(self):
        return children_of(self.process.pid)
