#!/usr/bin/env bash
# A private PostgreSQL for the execution tests: start | stop | status | url.
#
# The cluster lives in ${PS_PGDATA:-/tmp/python-specialist-pg}, listens on 127.0.0.1:${PS_PGPORT:-55432} only,
# and has one superuser role `ps` (password `ps`, md5 over TCP) so tests may create databases.
# Idempotent: `start` on a running server and `stop` on a stopped one do nothing. On a machine without
# PostgreSQL, `start` installs it with apt-get. As root the server runs as the `postgres` OS user.
set -euo pipefail

PGDATA_DIR="${PS_PGDATA:-/tmp/python-specialist-pg}"
PORT="${PS_PGPORT:-55432}"
HOST=127.0.0.1
ROLE="ps"
PASSWORD="ps"

say() { echo "postgres.sh: $*" >&2; }
die() {
  say "$*"
  exit 1
}

url() { echo "postgresql+asyncpg://${ROLE}:${PASSWORD}@${HOST}:${PORT}/postgres"; }

# The directory holding initdb/pg_ctl: the one matching an existing cluster's version, else the newest
# under /usr/lib/postgresql, else whatever PATH has.
find_bindir() {
  local want="" dir
  [ -f "$PGDATA_DIR/PG_VERSION" ] && want="$(cat "$PGDATA_DIR/PG_VERSION" 2>/dev/null || true)"
  if [ -n "$want" ] && [ -x "/usr/lib/postgresql/$want/bin/pg_ctl" ]; then
    echo "/usr/lib/postgresql/$want/bin"
    return 0
  fi
  for dir in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V -r); do
    if [ -x "$dir/pg_ctl" ] && [ -x "$dir/initdb" ]; then
      echo "$dir"
      return 0
    fi
  done
  if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v pg_ctl)")"
    return 0
  fi
  return 1
}

install_postgres() {
  say "PostgreSQL not found; installing it with apt-get"
  bash "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh" postgresql
}

# Runs a PostgreSQL binary as the server's owner: `postgres` when we are root (the server refuses root).
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && "$@")
  fi
}

ready() {
  local isready
  isready="$(command -v pg_isready || echo "$BINDIR/pg_isready")"
  "$isready" -q -h "$HOST" -p "$PORT" -t 2 >/dev/null 2>&1
}

init_cluster() {
  if [ -d "$PGDATA_DIR" ] && [ ! -f "$PGDATA_DIR/PG_VERSION" ]; then
    say "removing incomplete cluster directory $PGDATA_DIR"
    rm -rf "$PGDATA_DIR"
  fi
  [ -f "$PGDATA_DIR/PG_VERSION" ] && return 0

  mkdir -p "$PGDATA_DIR"
  chmod 700 "$PGDATA_DIR"
  local pwfile
  pwfile="$(mktemp)"
  echo "$PASSWORD" >"$pwfile"
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /bin/bash postgres
    chown postgres: "$PGDATA_DIR" "$pwfile"
  fi
  local log
  log="$(mktemp)"
  if ! as_owner "$BINDIR/initdb" -D "$PGDATA_DIR" -U "$ROLE" --pwfile="$pwfile" \
    --auth-local=trust --auth-host=md5 --encoding=UTF8 --no-locale >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$pwfile" "$log"
    rm -rf "$PGDATA_DIR"
    die "initdb failed"
  fi
  rm -f "$pwfile" "$log"
  # A throwaway test server: local TCP only, its socket inside the data directory, durability off for speed.
  cat >>"$PGDATA_DIR/postgresql.conf" <<CONF

# python-specialist test cluster
listen_addresses = '$HOST'
port = $PORT
unix_socket_directories = '$PGDATA_DIR'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
}

# Whether PID is a live (not zombie) postgres process.
live_postgres() {
  local pid="$1" state
  [ -n "$pid" ] && [ -r "/proc/$pid/stat" ] || return 1
  grep -q '^postgres' "/proc/$pid/comm" 2>/dev/null || return 1
  state="$(sed -E 's/^[0-9]+ \(.*\) ([A-Z]).*/\1/' "/proc/$pid/stat" 2>/dev/null || true)"
  [ "$state" != "Z" ] && [ "$state" != "X" ]
}

# After a server was killed, postmaster.pid and the socket lock file stay behind; if the PID in them is
# reused (or a zombie), the server refuses to start. Remove them when no live postgres owns that PID.
clear_stale_pidfile() {
  local file pid
  for file in "$PGDATA_DIR/postmaster.pid" "$PGDATA_DIR"/.s.PGSQL.*.lock; do
    [ -f "$file" ] || continue
    pid="$(head -n 1 "$file" 2>/dev/null || true)"
    live_postgres "$pid" && continue
    say "removing stale $file (PID ${pid:-?} is not a running server)"
    rm -f "$file"
  done
}

start() {
  if ready; then
    return 0
  fi
  BINDIR="$(find_bindir)" || {
    install_postgres
    BINDIR="$(find_bindir)" || die "PostgreSQL installed but initdb/pg_ctl not found"
  }
  init_cluster
  clear_stale_pidfile
  local log="$PGDATA_DIR/server.log"
  if ! as_owner "$BINDIR/pg_ctl" -D "$PGDATA_DIR" -l "$log" -w -t 60 start >/dev/null 2>&1; then
    tail -n 40 "$log" >&2 || true
    die "pg_ctl start failed (data directory $PGDATA_DIR, port $PORT)"
  fi
  for _ in $(seq 1 60); do
    if ready; then
      return 0
    fi
    sleep 1
  done
  tail -n 40 "$log" >&2 || true
  die "server did not become ready on $HOST:$PORT"
}

stop() {
  [ -f "$PGDATA_DIR/PG_VERSION" ] || return 0
  BINDIR="$(find_bindir)" || return 0
  if as_owner "$BINDIR/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1; then
    as_owner "$BINDIR/pg_ctl" -D "$PGDATA_DIR" -m fast -w stop >/dev/null
  fi
}

status() {
  if ready; then
    echo "running on $HOST:$PORT ($(url))"
  else
    echo "not running"
    return 3
  fi
}

BINDIR=""
case "${1:-}" in
start) start ;;
stop) stop ;;
status) status ;;
url) url ;;
*)
  echo "usage: $0 start|stop|status|url" >&2
  exit 2
  ;;
esac
