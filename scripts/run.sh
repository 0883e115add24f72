#!/usr/bin/env bash
# Set up (idempotent), apply migrations, load seed data, then serve with gunicorn.
# Env: PATROL_ENV (default development), PATROL_WORKERS (2), PATROL_BIND (127.0.0.1:8000).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/scripts/setup.sh"
# shellcheck source=/dev/null
. "$ROOT/instance/env.sh"

cd "$ROOT"
export PATH="$ROOT/.venv/bin:$PATH"
export PATROL_ENV="${PATROL_ENV:-development}"

echo "==> applying database migrations"
flask --app wsgi db upgrade
echo "==> loading seed data"
flask --app wsgi seed load

echo "==> starting gunicorn on ${PATROL_BIND:-127.0.0.1:8000}"
exec gunicorn --workers "${PATROL_WORKERS:-2}" --bind "${PATROL_BIND:-127.0.0.1:8000}" \
    --access-logfile - wsgi:app
