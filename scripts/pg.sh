#!/usr/bin/env bash
# A private PostgreSQL for tests and benchmarks, on a free loopback port, owned by this run.
#   scripts/pg.sh start DIR [SETTING=VALUE ...]  → prints the connection string (user tradehall, can create databases)
#   scripts/pg.sh stop DIR
set -euo pipefail
cmd=${1:?start or stop}; dir=${2:?folder}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
as_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }

case "$cmd" in
  start)
    shift 2; extra=""; for setting in "$@"; do extra="$extra -c $setting"; done
    mkdir -p "$dir"
    chmod o+x "$(dirname "$dir")"  # the server runs as postgres and must reach its folder
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    as_pg "$PGBIN/initdb -D $dir/data -U postgres --auth-local=trust --auth-host=trust -E UTF8 --locale=C.UTF-8" >/dev/null
    # shared_buffers: a benchmark's million-listing tables stay in the server's own cache (memory is taken as used).
    as_pg "$PGBIN/pg_ctl -D $dir/data -l $dir/log -o \"-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300 -c shared_buffers=1GB$extra\" -w start" >/dev/null
    psql -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE ROLE tradehall LOGIN PASSWORD 'tradehall' CREATEDB" >/dev/null
    echo "$port" > "$dir/port"
    echo "Host=127.0.0.1;Port=$port;Username=tradehall;Password=tradehall;Database=postgres;Maximum Pool Size=20"
    ;;
  stop)
    [ -d "$dir/data" ] && as_pg "$PGBIN/pg_ctl -D $dir/data -m fast -w stop" >/dev/null || true
    ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
