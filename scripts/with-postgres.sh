#!/usr/bin/env bash
# Run a command with a throwaway PostgreSQL server on loopback, for the storage tests.
#
#   scripts/with-postgres.sh .venv/bin/pytest -q
#
# When a PostgreSQL server is installed (Debian: /usr/lib/postgresql/*/bin; elsewhere initdb on
# PATH), a new cluster is made in a temporary directory, started on 127.0.0.1 (port 54330, or
# another free one) with its own unix socket directory and trust authentication, and
# DIFFUSION_DESK_TEST_PG_URL=postgresql+psycopg://postgres@127.0.0.1:PORT/postgres is exported
# for the command. The server is stopped and the directory removed however the command ends;
# the script exits with the command's status. As root the server runs as the `postgres` user
# (initdb refuses root); otherwise as the current user.
#
# Without a server, a one-line note is printed and the command runs without the variable (the
# PostgreSQL tests are then skipped). When DIFFUSION_DESK_TEST_PG_URL is already set, that
# server is used and none is started.
set -euo pipefail

[[ $# -ge 1 ]] || {
    echo "usage: $0 COMMAND [ARGS...]" >&2
    exit 2
}

# Never fatal: stderr may be a pipe whose reader is gone (the command was interrupted), and the
# clean-up must still run.
note() { echo "with-postgres: $*" >&2 2>/dev/null || true; }

if [[ -n ${DIFFUSION_DESK_TEST_PG_URL:-} ]]; then
    note "using the server in DIFFUSION_DESK_TEST_PG_URL"
    exec "$@"
fi

find_bindir() {
    local dir
    dir=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -1) # the newest major
    if [[ -n $dir && -x $dir/initdb && -x $dir/pg_ctl && -x $dir/postgres ]]; then
        echo "$dir"
        return 0
    fi
    dir=$(command -v initdb 2>/dev/null || true)
    if [[ -n $dir && -x ${dir%/*}/pg_ctl && -x ${dir%/*}/postgres ]]; then
        echo "${dir%/*}"
        return 0
    fi
    return 1
}

if ! bindir=$(find_bindir); then
    note "no PostgreSQL server installed; running without it (its tests are skipped)"
    exec "$@"
fi

as_root=false
[[ $(id -u) -eq 0 ]] && as_root=true
if $as_root && ! id -u postgres >/dev/null 2>&1; then
    note "running as root and there is no 'postgres' user to run the server; running without it (its tests are skipped)"
    exec "$@"
fi

# The server's own commands: as the postgres user when we are root, from inside the temporary
# directory (the postgres user may not be able to read the current one). PG* variables of the
# caller's environment must not redirect them to another cluster.
as_server() {
    (
        cd "$tmp"
        unset PGDATA PGHOST PGHOSTADDR PGPORT PGUSER PGDATABASE PGOPTIONS
        if $as_root; then
            if command -v runuser >/dev/null 2>&1; then
                runuser -u postgres -- "$@"
            else
                su -s /bin/sh postgres -c "$(printf '%q ' "$@")"
            fi
        else
            "$@"
        fi
    )
}

now() { echo "${EPOCHREALTIME/,/.}"; }
seconds_since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# A short path: the unix socket path must stay under ~100 bytes. As root, /tmp, which the
# postgres user can reach (a root TMPDIR may not be).
base=/tmp
if ! $as_root && [[ -n ${TMPDIR:-} && ${#TMPDIR} -lt 60 && -d $TMPDIR && $TMPDIR != *[\'\ ]* ]]; then
    base=${TMPDIR%/}
fi
tmp=$(mktemp -d "$base/desk-pg.XXXXXX")
data=$tmp/data
log=$tmp/server.log
started=false

# shellcheck disable=SC2317  # called by the EXIT trap
cleanup() {
    local began pid
    set +e
    if $started; then
        began=$(now)
        if as_server "$bindir/pg_ctl" -D "$data" -m fast -w -t 30 stop >/dev/null 2>&1; then
            note "server stopped in $(seconds_since "$began") s"
        else
            # Never leave a server running on a deleted directory.
            pid=$(head -1 "$data/postmaster.pid" 2>/dev/null || true)
            if [[ $pid =~ ^[0-9]+$ ]]; then
                kill -KILL "$pid" 2>/dev/null || true
            fi
            note "the server did not stop cleanly; killed it"
        fi
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP
# Caught rather than left to kill us: when the reader of our stderr is gone (`... | head`,
# an interrupted pipeline), bash's own messages would otherwise end the script before it
# stops the server. A caught signal is reset to the default in the command we run.
trap ':' PIPE

began=$(now)
$as_root && chown postgres: "$tmp"
chmod 700 "$tmp"
if ! as_server "$bindir/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --no-locale \
    --no-sync >"$tmp/initdb.log" 2>&1; then
    note "initdb failed:"
    tail -20 "$tmp/initdb.log" >&2
    exit 1
fi
# Settings go in the file, not on the pg_ctl command line, so no path needs shell quoting. fsync
# and friends are off: the cluster is thrown away after the run.
cat >>"$data/postgresql.conf" <<EOF

# with-postgres.sh: a throwaway test server, loopback only, its own socket directory.
listen_addresses = '127.0.0.1'
unix_socket_directories = '$tmp'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
EOF

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
    if command -v python3 >/dev/null 2>&1; then
        python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
    else
        echo $((49152 + RANDOM % 16000))
    fi
}

port=54330
for attempt in 1 2 3 4 5 6 7 8; do
    if port_in_use "$port"; then
        port=$(free_port)
        continue
    fi
    rm -f "$log"
    if as_server "$bindir/pg_ctl" -D "$data" -l "$log" -o "-p $port" -w -t 60 start >/dev/null 2>&1; then
        started=true
        break
    fi
    # Another server may have taken the port between the check and the start: try another.
    if grep -qiE 'could not (bind|create listen)|address already in use|lock file .* already exists' "$log" 2>/dev/null; then
        port=$(free_port)
        continue
    fi
    note "the PostgreSQL server in $bindir did not start:"
    tail -20 "$log" >&2 2>/dev/null || true
    exit 1
done
if ! $started; then
    note "found no free port for the PostgreSQL server after $attempt attempts"
    exit 1
fi

version=$("$bindir/postgres" --version 2>/dev/null | awk '{ print $3 }' || true)
note "PostgreSQL ${version:-?} on 127.0.0.1:$port, started in $(seconds_since "$began") s"
export DIFFUSION_DESK_TEST_PG_URL="postgresql+psycopg://postgres@127.0.0.1:$port/postgres"

set +e
"$@"
status=$?
set -e
exit "$status"
