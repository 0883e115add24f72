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
# Gunicorn workers share sign-in throttling only through Redis; use it when it answers.
if [[ -z ${PATROL_RATELIMIT_STORAGE_URI:-} ]] &&
    python -c 'import redis; redis.Redis(socket_connect_timeout=1).ping()' 2>/dev/null; then
    export PATROL_RATELIMIT_STORAGE_URI="redis://127.0.0.1:6379/0"
fi

echo "==> applying database migrations"
flask --app wsgi db upgrade
echo "==> loading seed data"
flask --app wsgi seed load

# Without Firebase credentials, pushes go to a local fake FCM through the real SDK; it
# prints what each phone would show. Never in production, which refuses to start without them.
FAKE_FCM=
if [[ $PATROL_ENV != production && -z ${PATROL_FIREBASE_CREDENTIALS:-} && -z ${GOOGLE_APPLICATION_CREDENTIALS:-} ]]; then
    echo "==> starting a local fake FCM (no Firebase credentials given)"
    export PATROL_FIREBASE_CREDENTIALS="$ROOT/instance/fake-fcm-service-account.json"
    export PATROL_FCM_URL="http://127.0.0.1:${PATROL_FAKE_FCM_PORT:-8765}"
    rm -f "$PATROL_FIREBASE_CREDENTIALS"
    flask --app wsgi notifications fake-fcm --port "${PATROL_FAKE_FCM_PORT:-8765}" --credentials "$PATROL_FIREBASE_CREDENTIALS" &
    FAKE_FCM=$!
    for _ in $(seq 100); do [[ -s $PATROL_FIREBASE_CREDENTIALS ]] && break; sleep 0.1; done
fi
echo "==> starting the notification dispatcher"
flask --app wsgi notifications dispatch &
DISPATCHER=$!
# The background exports' worker makes the report files too large for a request.
echo "==> starting the background export worker"
flask --app wsgi reports work &
EXPORT_WORKER=$!
# Dwell, route coverage and attendance are derived by their worker after each upload commits.
echo "==> starting the derivation worker"
flask --app wsgi derive work &
DERIVATION_WORKER=$!
trap 'kill "$DISPATCHER" "$EXPORT_WORKER" "$DERIVATION_WORKER" $FAKE_FCM 2>/dev/null' EXIT

echo "==> starting gunicorn on ${PATROL_BIND:-127.0.0.1:8000}"
# No gunicorn access log: the app writes its own (JSON, with request ids), which names
# routes instead of raw paths, since paths and query strings can carry secrets.
gunicorn --config gunicorn.conf.py --workers "${PATROL_WORKERS:-2}" --bind "${PATROL_BIND:-127.0.0.1:8000}" wsgi:app
