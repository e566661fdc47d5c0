#!/usr/bin/env bash
# Runs a command beside a throw-away PostgreSQL server (issue 22): a fresh cluster in a temporary
# folder, listening on 127.0.0.1 at a free port and on a Unix socket in that folder, never on
# another interface. The command sees its URL in PAYBATCH_TEST_POSTGRES_URL. The server is stopped
# and the folder removed however the command ends (success, failure, Ctrl-C), and the script exits
# with the command's code.
#
#   Scripts/with-postgres.sh -- swift test --skip-build --parallel
set -euo pipefail

[ "${1:-}" = "--" ] && shift
if [ "$#" -eq 0 ]; then
    echo "usage: Scripts/with-postgres.sh -- COMMAND [ARGUMENT...]" >&2
    exit 64
fi

# initdb, pg_ctl and postgres: pg_config's folder when it holds them (Debian's pg_config may come
# from libpq-dev without a server), else the newest /usr/lib/postgresql/*/bin.
bindir=""
if command -v pg_config >/dev/null && [ -x "$(pg_config --bindir)/initdb" ]; then
    bindir=$(pg_config --bindir)
else
    for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V); do
        [ -x "$candidate/initdb" ] && bindir=$candidate
    done
fi
if [ -z "$bindir" ]; then
    echo "with-postgres: no PostgreSQL server found; run \`make deps\` (it installs Debian's postgresql)" >&2
    exit 69
fi

# initdb refuses root, and CI runs as root: then the cluster belongs to the postgres user.
run_as=()
if [ "$(id -u)" = 0 ]; then run_as=(runuser -u postgres --); fi

folder=$(mktemp -d "${TMPDIR:-/tmp}/paybatch-pg.XXXXXX")
data="$folder/data"
started=0
cleanup() {
    status=$?
    if [ "$started" = 1 ]; then
        "${run_as[@]}" "$bindir/pg_ctl" stop -D "$data" -m immediate -s >/dev/null 2>&1 || true
    fi
    rm -rf "$folder"
    exit "$status"
}
child=""
# A signal stops the command and what it started, then the server. The command runs in the
# background, in a process group of its own (setsid), so that the trap fires at once. It gets
# SIGINT whatever the signal: swift test stops its test runner (a process group of its own) on
# SIGINT, not on SIGTERM, after which the runner would outlive everything.
stop() {
    if [ -n "$child" ]; then
        kill -INT -- -"$child" 2>/dev/null || true
        for _ in $(seq 100); do kill -0 "$child" 2>/dev/null || break; sleep 0.1; done
        kill -KILL -- -"$child" 2>/dev/null || true
        wait "$child" 2>/dev/null || true
    fi
    exit "$1"
}
trap cleanup EXIT
trap 'stop 130' INT
trap 'stop 143' TERM
if [ "$(id -u)" = 0 ]; then chown postgres: "$folder"; fi

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"${run_as[@]}" "$bindir/initdb" -D "$data" -U paybatch -A trust -E UTF8 --locale=C.UTF-8 \
    >"$folder/initdb.log" 2>&1 || { cat "$folder/initdb.log" >&2; exit 70; }
# fsync off: a test cluster is thrown away, and its speed matters more than surviving a power cut.
started=1
"${run_as[@]}" "$bindir/pg_ctl" start -D "$data" -w -t 60 -s -l "$folder/server.log" \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $folder -c fsync=off -c max_connections=200" \
    || { cat "$folder/server.log" >&2; exit 70; }

export PAYBATCH_TEST_POSTGRES_URL="postgres://paybatch@127.0.0.1:$port/postgres?sslmode=disable"
setsid "$@" <&0 &
child=$!
status=0
wait "$child" || status=$?
exit "$status"
