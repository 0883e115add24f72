#!/usr/bin/env bash
# Idempotent project setup: virtualenv + Python deps, a reachable PostgreSQL
# (a private cluster under instance/ when nothing listens locally), PostGIS,
# the console's npm packages and its build, and the application database. Writes
# instance/env.sh for the other scripts.
#
#   scripts/setup.sh                 # run it
#   scripts/setup.sh --with-browser  # also Debian's Chromium, for the console's browser tests
#   . scripts/setup.sh      # or source it: runs it, then imports instance/env.sh

# When sourced, run as a child process (so `set -e`/`exit` cannot kill the
# caller's shell) and then import the resolved environment.
if [[ "${BASH_SOURCE[0]}" != "$0" ]]; then
    # shellcheck source=/dev/null
    bash "${BASH_SOURCE[0]}" &&
        . "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/instance/env.sh"
    return
fi

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export DEBIAN_FRONTEND=noninteractive PIP_NO_INPUT=1 PIP_DISABLE_PIP_VERSION_CHECK=1

VENV="$ROOT/.venv"
PY="$VENV/bin/python"
INSTANCE="$ROOT/instance"
mkdir -p "$INSTANCE"

log() { printf '==> %s\n' "$*"; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

# Run a command as root (directly, or through sudo when available).
as_root() {
    if [[ $EUID -eq 0 ]]; then "$@"
    elif command -v sudo >/dev/null; then sudo "$@"
    else return 1
    fi
}

# Run an installer (command $4...) unless the file $1 is unchanged since the stamp $2 was
# written: installs are idempotent but slow, and most runs change nothing. A failed install
# writes no stamp, so the next run tries again.
install_when_changed() {
    local file="$1" stamp="$2" what="$3"; shift 3
    local sha; sha="$(sha256sum "$file" | cut -d' ' -f1)"
    if [[ "$(cat "$stamp" 2>/dev/null || true)" == "$sha" ]]; then
        log "$what up to date"
    else
        log "installing $what"
        "$@" || return
        echo "$sha" >"$stamp"
    fi
}

APT_UPDATED=
apt_install() {
    if ! command -v apt-get >/dev/null || { [[ $EUID -ne 0 ]] && ! command -v sudo >/dev/null; }; then
        die "cannot install packages automatically; please install: $* (e.g. apt-get install -y $*)"
    fi
    local apt=(env DEBIAN_FRONTEND=noninteractive apt-get -qq -o DPkg::Lock::Timeout=300
               -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
    if [[ -z $APT_UPDATED ]]; then
        log "apt-get update"
        as_root "${apt[@]}" update >/dev/null || die "apt-get update failed"
        APT_UPDATED=1
    fi
    log "apt-get install $*"
    as_root "${apt[@]}" install -y --no-install-recommends "$@" </dev/null >/dev/null ||
        die "apt-get install $* failed; please install it manually"
}

# --- Python virtualenv --------------------------------------------------------
if [[ ! -x $PY ]]; then
    log "creating virtualenv .venv"
    if ! python3 -m venv "$VENV"; then
        # Debian ships venv/ensurepip in a separate package.
        rm -rf "$VENV"
        apt_install python3-venv
        python3 -m venv "$VENV"
    fi
fi
install_python_requirements() {
    "$PY" -m pip install -q --upgrade pip
    "$PY" -m pip install -q -r requirements.txt
}
install_when_changed requirements.txt "$VENV/.requirements.sha256" "Python requirements" install_python_requirements

# --- Database URLs ------------------------------------------------------------
export DATABASE_URL="${DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/patrol}"
# Default test DB: same server, database "patrol_test".
if [[ -z ${PATROL_TEST_DATABASE_URL:-} ]]; then
    PATROL_TEST_DATABASE_URL="$("$PY" -c 'import sys, urllib.parse as p
print(p.urlsplit(sys.argv[1])._replace(path="/patrol_test").geturl())' "$DATABASE_URL")"
fi
export PATROL_TEST_DATABASE_URL

# Sets DB_HOST DB_PORT DB_USER DB_PASS DB_NAME from URL $1 (scheme may be
# e.g. postgresql+psycopg://, so psql cannot be handed the URL directly).
parse_url() {
    eval "$("$PY" -c 'import shlex, sys, urllib.parse as p
u = p.urlsplit(sys.argv[1])
for k, v in dict(HOST=u.hostname or "127.0.0.1", PORT=u.port or 5432,
                 USER=p.unquote(u.username or "postgres"), PASS=p.unquote(u.password or ""),
                 NAME=p.unquote(u.path.lstrip("/")) or "postgres").items():
    print(f"DB_{k}={shlex.quote(str(v))}")' "$1")"
}
parse_url "$PATROL_TEST_DATABASE_URL"
TEST_SERVER="$DB_HOST:$DB_PORT" TEST_NAME="$DB_NAME"
parse_url "$DATABASE_URL"
if [[ "$TEST_SERVER" == "$DB_HOST:$DB_PORT" && "$TEST_NAME" == "$DB_NAME" ]]; then
    die "PATROL_TEST_DATABASE_URL must not point at the application database (the tests drop it)"
fi

is_local() { [[ $DB_HOST == 127.0.0.1 || $DB_HOST == localhost || $DB_HOST == ::1 ]]; }

# psql against the parsed server: pg DBNAME [psql args...]
pg() {
    local db="$1"; shift
    PGPASSWORD="$DB_PASS" PGCONNECT_TIMEOUT=5 PGOPTIONS="-c client_min_messages=warning" psql -X -q -At -v ON_ERROR_STOP=1 \
        -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d "$db" "$@"
}

server_up() {
    if command -v pg_isready >/dev/null; then
        pg_isready -q -h "$DB_HOST" -p "$DB_PORT" -t 5
    else
        pg postgres -c 'SELECT 1' >/dev/null 2>&1
    fi
}

# Newest installed server binaries directory, empty if none.
pg_bindir() {
    local v
    v="$(find /usr/lib/postgresql -mindepth 3 -maxdepth 3 -path '*/bin/initdb' 2>/dev/null |
         sed 's|/usr/lib/postgresql/||; s|/bin/initdb||' | sort -V | tail -n1)"
    [[ -n $v ]] && echo "/usr/lib/postgresql/$v/bin"
}

# initdb/postgres refuse to run as root: use the postgres system user then.
as_pg() {
    if [[ $EUID -eq 0 ]]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

start_private_cluster() {
    local bin pgdata pglog
    bin="$(pg_bindir)"
    pgdata="$INSTANCE/pgdata"
    pglog="$INSTANCE/postgres.log"
    if [[ $EUID -eq 0 ]]; then
        id postgres >/dev/null 2>&1 || die "system user 'postgres' missing (reinstall the postgresql package)"
        # The postgres user must be able to reach instance/; if a parent
        # directory blocks it, keep the cluster in its home directory instead.
        if ! runuser -u postgres -- test -x "$INSTANCE"; then
            pgdata="$(getent passwd postgres | cut -d: -f6)/patrol-$(printf '%s' "$ROOT" | cksum | cut -d' ' -f1)"
            pglog="$pgdata.log"
            log "postgres user cannot reach $INSTANCE; using cluster directory $pgdata instead"
        fi
        mkdir -p "$pgdata"
        touch "$pglog"
        chown postgres:postgres "$pgdata" "$pglog"
    fi
    mkdir -p "$pgdata"
    chmod 700 "$pgdata"
    if [[ ! -f $pgdata/PG_VERSION ]]; then
        log "initialising private PostgreSQL cluster in $pgdata"
        as_pg "$bin/initdb" -D "$pgdata" -U "$DB_USER" --auth=trust -E UTF8 >/dev/null
    fi
    log "starting private PostgreSQL cluster on 127.0.0.1:$DB_PORT (log: $pglog)"
    # TCP only: no Unix socket, so it cannot clash with a system cluster.
    as_pg "$bin/pg_ctl" -D "$pgdata" -l "$pglog" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -c port=$DB_PORT -c unix_socket_directories=''" start >/dev/null ||
        die "private PostgreSQL cluster failed to start; see $pglog"
    local su=""; [[ $EUID -eq 0 ]] && su="runuser -u postgres -- "
    log "stop it with: $su$bin/pg_ctl -D $pgdata stop"
}

# --- PostgreSQL server --------------------------------------------------------
command -v psql >/dev/null || apt_install postgresql-client
if server_up; then
    log "PostgreSQL reachable at $DB_HOST:$DB_PORT"
else
    is_local || die "PostgreSQL at $DB_HOST:$DB_PORT is not reachable"
    if [[ -z "$(pg_bindir)" ]]; then
        apt_install postgresql
    fi
    # Installing the package may itself have started a server on this port.
    server_up || start_private_cluster
fi
server_up || die "PostgreSQL at $DB_HOST:$DB_PORT is still not reachable"
pg postgres -c 'SELECT 1' >/dev/null || die "cannot connect to PostgreSQL as '$DB_USER' at $DB_HOST:$DB_PORT"

# --- PostGIS ------------------------------------------------------------------
PG_MAJOR=$(( $(pg postgres -c 'SHOW server_version_num') / 10000 ))
postgis_available() { [[ -n "$(pg postgres -c "SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'")" ]]; }
if ! postgis_available; then
    is_local || die "PostGIS is not installed on $DB_HOST:$DB_PORT; install postgresql-$PG_MAJOR-postgis-3 there"
    apt_install "postgresql-$PG_MAJOR-postgis-3"
    postgis_available || die "PostGIS still unavailable after installing postgresql-$PG_MAJOR-postgis-3"
fi
log "PostGIS available (PostgreSQL $PG_MAJOR)"

# --- Fonts and PDF tools ------------------------------------------------------
# PDF reports embed a Korean font; the tests read PDFs back with poppler's tools.
[[ -f /usr/share/fonts/truetype/nanum/NanumGothic.ttf ]] || apt_install fonts-nanum
command -v pdftotext >/dev/null || apt_install poppler-utils

# --- Console npm packages -----------------------------------------------------
# console/ is the station console's npm package; the tests run its OpenAPI linter.
# console/.npmrc makes npm refuse a Node.js older than the packages need.
command -v node >/dev/null && command -v npm >/dev/null || apt_install nodejs npm
install_console_packages() {
    (cd console && npm ci --loglevel=error) && return
    # The API runs without them: only the console, its build and its tests need them.
    warn "npm ci failed in console/ (its packages need Node.js 20.19+ or 22.12+; Debian 12's nodejs is 18);" \
        "going on without the console's packages: the tests that need them will fail saying so"
    return 1
}
CONSOLE_PACKAGES=1
install_when_changed console/package-lock.json console/node_modules/.lock.sha256 \
    "console npm packages (Node.js $(node --version))" install_console_packages || CONSOLE_PACKAGES=

# --- Console build -------------------------------------------------------------
# Rebuilt when its sources, its packages or the API spec its types come from change. The
# build fails when src/api/schema.d.ts no longer matches mobile_api_spec/openapi.yaml.
console_sources_sha() {
    find console/src console/index.html console/vite.config.ts console/tsconfig.json \
        console/package-lock.json mobile_api_spec/openapi.yaml -type f -print0 |
        sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1
}
build_console() {
    (cd console && npm run --silent build) || die "the console's build failed (npm run build in console/)"
}
CONSOLE_BUILT="$(cat console/dist/.sources.sha256 2>/dev/null || true)"
if [[ -z $CONSOLE_PACKAGES ]]; then
    warn "the console is not built (its npm packages are missing); the API runs without it"
elif [[ -f console/dist/index.html && $CONSOLE_BUILT == "$(console_sources_sha)" ]]; then
    log "console build up to date"
else
    log "building the console"
    build_console
    console_sources_sha >console/dist/.sources.sha256
fi

# --- Browser for the console's tests ------------------------------------------
# Only the test command asks for it (--with-browser): Debian's Chromium, driven by Playwright;
# nothing downloads a browser of its own.
if [[ " $* " == *" --with-browser "* ]] && [[ ! -x ${PATROL_CHROMIUM:-/usr/bin/chromium} ]]; then
    apt_install chromium
fi

# --- Application database -----------------------------------------------------
# psql only interpolates :"var" in scripts read from stdin, not in -c.
if [[ -z "$(pg postgres -v db="$DB_NAME" <<<"SELECT 1 FROM pg_database WHERE datname = :'db'")" ]]; then
    log "creating database $DB_NAME"
    pg postgres -v db="$DB_NAME" <<<'CREATE DATABASE :"db" ENCODING UTF8 TEMPLATE template0'
fi
pg "$DB_NAME" -c 'CREATE EXTENSION IF NOT EXISTS postgis' >/dev/null
log "database $DB_NAME ready with PostGIS"

# The test suite creates/drops its own database; only check its server here.
if [[ $TEST_SERVER != "$DB_HOST:$DB_PORT" ]]; then
    parse_url "$PATROL_TEST_DATABASE_URL"
    postgis_available || die "PostGIS not available on test server $TEST_SERVER"
fi

{
    echo "# Generated by scripts/setup.sh; sourced by scripts/run.sh and scripts/test.sh."
    printf 'export DATABASE_URL=%q\n' "$DATABASE_URL"
    printf 'export PATROL_TEST_DATABASE_URL=%q\n' "$PATROL_TEST_DATABASE_URL"
} >"$INSTANCE/env.sh"
log "setup complete (environment in instance/env.sh)"
