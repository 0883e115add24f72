"""With Redis as limiter storage, gunicorn workers share one sign-in throttle."""
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import redis

from backend.config import sqlalchemy_url
from backend.testing.database import TEST_DATABASE_URL

REDIS_URL = "redis://127.0.0.1:6379/0"
# One "worker": its own process and app, failing to sign in `attempts` times.
WORKER = """
import sys
from backend import create_app
database, storage, prefix, attempts = sys.argv[1:]
app = create_app({"PATROL_ENV": "testing", "SQLALCHEMY_DATABASE_URI": database,
                  "RATELIMIT_STORAGE_URI": storage, "RATELIMIT_KEY_PREFIX": prefix})
client = app.test_client()
for _ in range(int(attempts)):
    response = client.post("/api/v1/auth/token", json={"phone": "010-4444-5555", "password": "wrong-password"})
    print(response.status_code)
"""


@pytest.fixture
def key_prefix():
    prefix = f"patrol-test-{uuid.uuid4().hex}"
    yield prefix
    store = redis.Redis.from_url(REDIS_URL)
    for key in store.scan_iter(f"*{prefix}*"):
        store.delete(key)


def run_worker(prefix, attempts):
    result = subprocess.run(
        [sys.executable, "-c", WORKER, sqlalchemy_url(TEST_DATABASE_URL), REDIS_URL, prefix, str(attempts)],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return [int(line) for line in result.stdout.split()]


def test_failures_counted_by_one_worker_throttle_the_other(app, key_prefix):
    assert run_worker(key_prefix, 3) == [401, 401, 401]
    assert run_worker(key_prefix, 3) == [401, 401, 429]
