#!/usr/bin/env bash
# A throwaway PostgreSQL server for the PostgreSQL store's tests: installs the server when its binaries are missing,
# runs initdb into a temporary directory as a non-root user (the server refuses to run as root), and starts it on a free
# loopback port with its socket inside that directory, so nothing outside the directory is touched.
#
#   eval "$(bash .ci/postgres.sh start)"   # prints export lines: CLASSET_BOOOPLY_TEST_POSTGRES (an Npgsql connection
#                                           # string) and CLASSET_BOOOPLY_TEST_POSTGRES_DATA (the data directory)
#   bash .ci/postgres.sh stop DIR           # stops the server and deletes DIR
#   bash .ci/postgres.sh pause DIR          # stops the server, keeps DIR   (the tests' "database down")
#   bash .ci/postgres.sh resume DIR         # starts it again on the same port
#   bash .ci/postgres.sh check-results TRXDIR  # fails unless the PostgreSQL tests ran, passed and none was skipped
#
# Progress goes to stderr; only `start` writes to stdout.
set -euo pipefail

log() { echo "postgres.sh: $*" >&2; }

find_bin() {
  local dir
  if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v pg_ctl)"
    return 0
  fi
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/pg_ctl" ] && [ -x "$dir/initdb" ]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

ensure_bin() {
  local bin
  if bin=$(find_bin); then
    echo "$bin"
    return 0
  fi
  if [ "$(id -u)" -ne 0 ]; then
    log "PostgreSQL's server binaries (initdb, pg_ctl) are not installed; install the 'postgresql' package"
    return 1
  fi
  log "PostgreSQL is not installed: apt-get install -y postgresql"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  find_bin
}

# Runs a command as the server's owner: the 'postgres' system user when we are root, ourselves otherwise.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

pg_ctl_in() {
  local dir=$1
  shift
  local bin
  bin=$(cat "$dir/.bin")
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 "$@" >&2
}

start() {
  local bin dir port
  bin=$(ensure_bin)
  dir=${1:-$(mktemp -d "${TMPDIR:-/tmp}/classet-boooply-pg.XXXXXX")}
  mkdir -p "$dir"
  chmod 755 "$dir"
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || { log "no 'postgres' system user to run the server as"; return 1; }
    chown postgres "$dir"
  fi
  echo "$bin" >"$dir/.bin"
  port=$(free_port)
  echo "$port" >"$dir/.port"
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --no-locale --no-sync >"$dir/initdb.log" 2>&1 \
    || { log "initdb failed:"; cat "$dir/initdb.log" >&2; return 1; }
  # Loopback only, socket in the data directory; room for several processes' pools and the multi-process tests.
  cat >>"$dir/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
max_connections = 300
shared_buffers = 64MB
EOF
  pg_ctl_in "$dir" start || { log "the server did not start:"; cat "$dir/server.log" >&2; return 1; }
  log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') is listening on 127.0.0.1:$port (data in $dir)"
  echo "export CLASSET_BOOOPLY_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres'"
  echo "export CLASSET_BOOOPLY_TEST_POSTGRES_DATA='$dir'"
}

stop() {
  local dir=${1:?usage: postgres.sh stop DIR}
  [ -f "$dir/.bin" ] || { log "$dir is not a server made by this script"; return 1; }
  pg_ctl_in "$dir" stop -m immediate || true
  rm -rf "$dir"
}

check_results() {
  local results=${1:?usage: postgres.sh check-results TRXDIR}
  python3 - "$results" <<'PY'
import glob, sys
import xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = other = 0
for f in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    root = ET.parse(f).getroot()
    names = {d.get("id"): d.find("t:TestMethod", ns).get("className", "") for d in root.iterfind("t:TestDefinitions/t:UnitTest", ns)}
    for r in root.iterfind("t:Results/t:UnitTestResult", ns):
        if ".PostgreSql." not in names.get(r.get("testId"), ""):
            continue
        if r.get("outcome") == "Passed":
            passed += 1
        else:
            other += 1
            print(f"postgres.sh: {r.get('testName')}: {r.get('outcome')}", file=sys.stderr)
if passed == 0 or other:
    print(f"postgres.sh: the PostgreSQL tests must all run and pass in CI: {passed} passed, {other} did not", file=sys.stderr)
    sys.exit(1)
print(f"postgres.sh: {passed} PostgreSQL test results passed, none skipped", file=sys.stderr)
PY
}

case "${1:-}" in
  start) start "${2:-}" ;;
  stop) stop "${2:-}" ;;
  pause) pg_ctl_in "${2:?usage: postgres.sh pause DIR}" stop -m fast ;;
  resume) pg_ctl_in "${2:?usage: postgres.sh resume DIR}" start ;;
  check-results) check_results "${2:-}" ;;
  *) echo "usage: postgres.sh start [DIR] | stop DIR | pause DIR | resume DIR | check-results TRXDIR" >&2; exit 2 ;;
esac
