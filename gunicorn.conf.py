"""gunicorn settings for scripts/run.sh (read from the working directory by default)."""
from gunicorn import util

from backend.core.gunicorn_errors import write_problem

# The requests gunicorn refuses before the app sees them (a request line past
# limit_request_line, a flood of headers) are answered as problem+json too.
util.write_error = write_problem
