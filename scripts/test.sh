#!/usr/bin/env bash
# Set up (idempotent), then run pytest with the given arguments.
# pytest's exit status is returned unchanged (e.g. 5 = no tests collected).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/scripts/setup.sh" --with-browser
# shellcheck source=/dev/null
. "$ROOT/instance/env.sh"

cd "$ROOT"
export PATH="$ROOT/.venv/bin:$PATH"
exec "$ROOT/.venv/bin/python" -m pytest "$@"
