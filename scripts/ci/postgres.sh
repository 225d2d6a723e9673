#!/usr/bin/env bash
# Makes PostgreSQL answer at 127.0.0.1:5432 for user postgres without a password, which is where
# the PostgreSQL tests connect (tests/support/postgres.ts). Run by .ci/run as root; idempotent.
#
#   1. HEARTH_PG_ADMIN_URL set: the tests use that server; nothing to do here.
#   2. Something already lets postgres in at 127.0.0.1:5432 (the machine's own server): use it.
#   3. Otherwise Debian's server: installed with apt-get if missing, its cluster on port 5432
#      (created if there is none) started, and, if postgres still cannot log in over TCP without a
#      password, a `trust` line for postgres from 127.0.0.1 put first in that cluster's pg_hba.conf.
#
# Fails (non-zero, with the reason) when PostgreSQL still does not let the tests in.
set -euo pipefail

HOST=127.0.0.1
PORT=5432

say() { echo "postgres: $*"; }
die() {
  echo "postgres: $*" >&2
  exit 1
}

# postgres logs in over TCP with no password (-w: never prompt; a listener that never answers,
# not being PostgreSQL, is given up on after 5 s).
can_log_in() {
  command -v psql >/dev/null 2>&1 &&
    PGCONNECT_TIMEOUT=5 psql -w -X -q -h "$HOST" -p "$PORT" -U postgres -d postgres -tAc 'SELECT 1' >/dev/null 2>&1
}

# Something accepts TCP connections on the port (whatever it is).
port_open() { (: <>"/dev/tcp/$HOST/$PORT") 2>/dev/null; }

# Waits (up to 30 s) until the server on the port accepts connections; else shows the end of
# the cluster's log ($1) and fails.
wait_until_ready() {
  local deadline=$((SECONDS + 30))
  until pg_isready -q -t 2 -h "$HOST" -p "$PORT"; do
    if ((SECONDS >= deadline)); then
      [[ -r "$1" ]] && tail -n 20 "$1" >&2
      die "PostgreSQL did not start answering at $HOST:$PORT within 30 s (log: $1)"
    fi
    sleep 0.5
  done
}

# Installs Debian packages, from the package lists at hand first, then from fresh ones.
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq "$@" >/dev/null 2>&1 || {
    apt-get update -qq
    apt-get install -y -qq "$@" >/dev/null
  }
}

# The newest PostgreSQL server installed from Debian's packages (a version number), if any.
server_version() {
  local bins
  bins=$(ls -d /usr/lib/postgresql/*/bin/postgres 2>/dev/null) || return 1
  echo "$bins" | sed -E 's|^/usr/lib/postgresql/([^/]+)/.*|\1|' | sort -V | tail -n 1
}

# "<version> <name> <status> <log file>" of the Debian cluster configured on the port, if any.
cluster_on_port() {
  pg_lsclusters -h 2>/dev/null | awk -v port="$PORT" '$3 == port { print $1, $2, $4, $7; found = 1; exit } END { exit !found }'
}

if [[ -n "${HEARTH_PG_ADMIN_URL:-}" ]]; then
  say "HEARTH_PG_ADMIN_URL is set: the tests use that server"
  exit 0
fi

if can_log_in; then
  say "using the server already answering at $HOST:$PORT"
  exit 0
fi

if port_open && ! command -v psql >/dev/null 2>&1; then
  # A server is there but this machine has no client to ask it with.
  apt_install postgresql-client
  if can_log_in; then
    say "using the server already answering at $HOST:$PORT"
    exit 0
  fi
fi

if ! server_version >/dev/null; then
  say "installing Debian's postgresql"
  apt_install postgresql
fi
version=$(server_version) || die "no PostgreSQL server under /usr/lib/postgresql after installing Debian's postgresql"

if ! cluster=$(cluster_on_port); then
  say "creating cluster $version/main on port $PORT"
  pg_createcluster --port "$PORT" "$version" main >/dev/null
  cluster=$(cluster_on_port) || die "pg_createcluster made no cluster on port $PORT"
fi
read -r cluster_version cluster_name cluster_status cluster_log <<<"$cluster"

if [[ "$cluster_status" != online* ]]; then
  if port_open; then
    die "port $PORT is taken by a server that does not let postgres in without a password, and cluster $cluster_version/$cluster_name is not running; free the port, or set HEARTH_PG_ADMIN_URL"
  fi
  say "starting cluster $cluster_version/$cluster_name"
  pg_ctlcluster --skip-systemctl-redirect "$cluster_version" "$cluster_name" start
fi
wait_until_ready "$cluster_log"

if ! can_log_in; then
  hba="/etc/postgresql/$cluster_version/$cluster_name/pg_hba.conf"
  [[ -f "$hba" ]] || die "postgres cannot log in at $HOST:$PORT and there is no $hba to allow it"
  say "allowing postgres from $HOST without a password ($hba)"
  # First match wins in pg_hba.conf, so the line goes first.
  sed -i "1i # Added by Hearth's scripts/ci/postgres.sh: the tests log in as postgres from $HOST without a password.\nhost all postgres $HOST/32 trust" "$hba"
  pg_ctlcluster --skip-systemctl-redirect "$cluster_version" "$cluster_name" reload
  wait_until_ready "$cluster_log"
  for _ in $(seq 20); do # the reload is a signal: give the server a moment to read the file
    can_log_in && break
    sleep 0.5
  done
  can_log_in || die "postgres still cannot log in at $HOST:$PORT without a password (see $hba)"
fi
say "ready at $HOST:$PORT (cluster $cluster_version/$cluster_name)"
