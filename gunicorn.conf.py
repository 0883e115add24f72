"""gunicorn settings for scripts/run.sh (read from the working directory by default)."""
from gunicorn import util

from backend.core.gunicorn_errors import write_problem

# The requests gunicorn refuses before the app sees them (a request line past
# limit_request_line, a flood of headers) are answered as problem+json too. write_error is
# gunicorn's own function, not a setting: the version is pinned in requirements.txt, and
# tests/test_gunicorn_errors.py fails if a new one stops calling it.
util.write_error = write_problem
