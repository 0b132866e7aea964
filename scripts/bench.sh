#!/usr/bin/env bash
# Benchmarks of Tradehall's own code paths on a private PostgreSQL, each next to a reference figure
# taken on the same server in the same run, so the result reads as a ratio that travels between
# machines. Results and how to read them: docs/benchmarks.md.
#
#   scripts/bench.sh ledger        postings per second through Ledger.PostAsync (BIL-02), next to
#                                  pgbench TPC-B; last line: ledger postings_per_s=N pgbench_tps=N ratio=R
#   scripts/bench.sh billing-run   the daily billing run (BIL-09) over BENCH_SERVICES services due on one day,
#                                  seeded by `tradehall demo seed`, on SQLite and PostgreSQL; last line per engine:
#                                  billing-run engine=E services=N seconds=S renewals_per_s=R
#   scripts/bench.sh chat          live message latency (MSG-02, RUN-03): BENCH_CLIENTS (2000) SignalR clients,
#                                  BENCH_RATE (500) messages/s, clients on the sending node and then on a second
#                                  node, next to the bare LISTEN/NOTIFY round trip; last line:
#                                  chat clients=N msgs_per_s=N p50_ms=X p99_ms=X p99_ms_two_nodes=X notify_rtt_ms=X
#   scripts/bench.sh search        listing search capacity (MKT-02): BENCH_LISTINGS (1000000) demo listings on SQLite and on PostgreSQL,
#                                  GET /api/v1/listings/search under an open loop (searches arrive at a fixed rate from a fixed
#                                  mix, up to BENCH_CONNECTIONS (64) in flight), the rate stepped up, each step BENCH_STEP_SECONDS
#                                  (BENCH_SECONDS, else 10) long, until its p95 passes 50 ms; beside them, by the same rule on the
#                                  same data and mix, a plain PostgreSQL full-text search with GROUP BY facets and Lucene.NET;
#                                  the SQLite market is cached in BENCH_CACHE (/tmp/tradehall-bench-cache); last line:
#                                  search listings=N capacity_sqlite=R cpu_ms_sqlite=X capacity_postgres=R ... capacity_pg_plain=R
#                                  ... capacity_lucene=R ... p50_ms_sqlite=X p95_ms_sqlite=X p50_ms_postgres=X p95_ms_postgres=X ...
#   scripts/bench.sh startup       the site's start in a warm process (build, start, first answer of /health/ready) on SQLite,
#                                  BENCH_ROUNDS (20) times after one uncounted start, next to an empty ASP.NET Core site started
#                                  the same way; last line: startup rounds=N site_ms=X site_cpu_ms=X empty_ms=X empty_cpu_ms=X ratio=R
#
# BENCH_CLIENTS (4; 2000 for chat), BENCH_SECONDS (20; 30 for chat) and BENCH_ACCOUNTS (1000) change the load;
# BENCH_CONNECTION_OPTIONS is appended to the application's connection string (e.g. "Max Auto Prepare=20").
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
  cat >&2 <<USAGE
usage: scripts/bench.sh NAME
  ledger        postings per second through Ledger.PostAsync, next to pgbench TPC-B on the same server
  billing-run   the daily billing run over BENCH_SERVICES (100000) due services, per engine in BENCH_ENGINES
  chat          live message latency over BENCH_CLIENTS (2000) connections at BENCH_RATE (500) messages/s,
                on one node and across two, next to LISTEN/NOTIFY; BENCH_SENDER http (the chat API) or live
  search        listing search capacity (the highest arrival rate with p95 <= 50 ms, open loop) over BENCH_LISTINGS
                (1000000) listings on SQLite and PostgreSQL, next to plain PostgreSQL full-text search and Lucene.NET;
                steps of BENCH_STEP_SECONDS (BENCH_SECONDS, else 10), BENCH_CONNECTIONS (64) searches in flight at most,
                BENCH_SEARCH_ENGINES (sqlite,postgres,pg_plain,lucene) to run only some
  startup       the site's start to its first answer in a warm process, BENCH_ROUNDS (20) times, next to an empty site
environment: BENCH_CLIENTS (4), BENCH_SECONDS (20), BENCH_ACCOUNTS (1000), BENCH_QUIET_WAIT (60),
             BENCH_SERVICES (100000), BENCH_ENGINES ("sqlite postgres"), BENCH_RATE (500), BENCH_SENDER (http),
             BENCH_CONNECTION_OPTIONS (appended to the application's connection string),
             BENCH_LISTINGS (1000000), BENCH_STEP_SECONDS (10), BENCH_CONNECTIONS (64),
             BENCH_SEARCH_ENGINES (sqlite,postgres,pg_plain,lucene), BENCH_CACHE (/tmp/tradehall-bench-cache), BENCH_ROUNDS (20)
USAGE
  exit 2
}

clients=${BENCH_CLIENTS:-4}
seconds=${BENCH_SECONDS:-20}
accounts=${BENCH_ACCOUNTS:-1000}

# The figures are only worth something on an otherwise idle machine: wait up to BENCH_QUIET_WAIT
# seconds (60) for other work to stop, and say so when it does not.
cpu_busy() { # percent of all cores busy over two seconds
  local a b
  a=$(awk '/^cpu /{print $2+$3+$4+$6+$7+$8, $5}' /proc/stat)
  sleep 2
  b=$(awk '/^cpu /{print $2+$3+$4+$6+$7+$8, $5}' /proc/stat)
  echo "$a $b" | awk '{d=($3-$1)+($4-$2); if (d>0) printf "%d\n", 100*($3-$1)/d; else print 0}'
}
wait_quiet() { # label
  local busy waited=0
  busy=$(cpu_busy)
  while [ "$busy" -gt 10 ] && [ "$waited" -lt "${BENCH_QUIET_WAIT:-60}" ]; do
    sleep 3; waited=$((waited + 5)); busy=$(cpu_busy)
  done
  if [ "$busy" -gt 10 ]; then
    echo "bench: before $1 the machine was ${busy}% busy with other work; the figures will be low" >&2
  fi
}

ledger() {
  if ! ls /usr/lib/postgresql/*/bin/pgbench >/dev/null 2>&1; then
    scripts/install-deps.sh
  fi
  local pgbin work conn port tps out rate
  pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  work=$(mktemp -d /tmp/tradehall-bench.XXXXXX)
  trap 'scripts/pg.sh stop "'"$work"'/pg" || true; rm -rf "'"$work"'"' EXIT
  conn=$(scripts/pg.sh start "$work/pg")
  port=$(cat "$work/pg/port")

  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
  echo "bench: building bench/Tradehall.Bench (Release)" >&2
  dotnet build bench/Tradehall.Bench -c Release -nologo -v quiet >&2

  # The reference: pgbench's TPC-B-like transaction on its own database of the same server.
  psql -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE pgbench OWNER tradehall" >/dev/null
  echo "bench: pgbench -i -s 10" >&2
  out=$("$pgbin/pgbench" -h 127.0.0.1 -p "$port" -U tradehall -i -s 10 -q pgbench 2>&1) || { echo "$out" >&2; exit 1; }
  wait_quiet pgbench
  echo "bench: pgbench -c $clients -j $(( clients < 2 ? 1 : 2 )) -T $seconds" >&2
  out=$("$pgbin/pgbench" -h 127.0.0.1 -p "$port" -U tradehall -c "$clients" -j $(( clients < 2 ? 1 : 2 )) -T "$seconds" pgbench 2>&1)
  tps=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)$/\1/p' <<<"$out")
  [ -n "$tps" ] || { echo "$out" >&2; echo "bench: pgbench printed no tps" >&2; exit 1; }
  echo "bench: pgbench tps=$tps" >&2

  # The product: the same clients and duration through the real services (the program creates its database).
  wait_quiet ledger
  out=$(dotnet bench/Tradehall.Bench/bin/Release/net10.0/tradehall-bench.dll ledger \
    --connection "$conn${BENCH_CONNECTION_OPTIONS:+;$BENCH_CONNECTION_OPTIONS}" --seconds "$seconds" --clients "$clients" --accounts "$accounts")
  rate=$(tail -n 1 <<<"$out" | sed -n 's/^ledger postings_per_s=\([0-9.]*\) .*/\1/p')
  [ -n "$rate" ] || { echo "$out" >&2; echo "bench: the ledger benchmark printed no figure" >&2; exit 1; }

  awk -v r="$rate" -v t="$tps" 'BEGIN { printf "ledger postings_per_s=%d pgbench_tps=%d ratio=%.2f\n", r, t, r / t }'
}

billing_run() {
  local services=${BENCH_SERVICES:-100000} day=2026-11-02 work conn engine out line seconds renewed status
  work=$(mktemp -d /tmp/tradehall-bench.XXXXXX)
  trap 'scripts/pg.sh stop "'"$work"'/pg" >/dev/null 2>&1 || true; rm -rf "'"$work"'"' EXIT
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 Logging__LogLevel__Default=Warning
  echo "bench: building src/Tradehall.Web (Release)" >&2
  dotnet build src/Tradehall.Web -c Release -nologo -v quiet >&2
  local app=src/Tradehall.Web/bin/Release/net10.0/tradehall.dll
  status=0
  for engine in ${BENCH_ENGINES:-sqlite postgres}; do
    case "$engine" in
      sqlite) export Database__Provider=sqlite Tradehall__DataPath="$work/sqlite"; unset ConnectionStrings__Default ;;
      postgres)
        if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then scripts/install-deps.sh; fi
        conn=$(scripts/pg.sh start "$work/pg")
        psql -h 127.0.0.1 -p "$(cat "$work/pg/port")" -U postgres -qc "CREATE DATABASE billing OWNER tradehall" >/dev/null
        export Database__Provider=postgres ConnectionStrings__Default="${conn/Database=postgres/Database=billing}" Tradehall__DataPath="$work/pgdata" ;;
      *) echo "bench: unknown engine $engine" >&2; exit 2 ;;
    esac
    echo "bench: $engine: demo seed --services $services --due-on $day" >&2
    DOTNET_ENVIRONMENT=Production dotnet "$app" demo seed --services "$services" --due-on "$day" >&2
    wait_quiet "billing run ($engine)"
    echo "bench: $engine: billing run --as-of $day" >&2
    # --as-of is a Development switch; the rest of the configuration is the production one given above.
    out=$(DOTNET_ENVIRONMENT=Development dotnet "$app" billing run --as-of "$day")
    echo "$out" >&2
    line=$(tail -n 1 <<<"$out")
    seconds=$(sed -n 's/.* seconds=\([0-9.]*\).*/\1/p' <<<"$line")
    renewed=$(sed -n 's/.* renewed=\([0-9]*\) .*/\1/p' <<<"$line")
    if [ -z "$seconds" ] || [ -z "$renewed" ]; then echo "bench: the run printed no report" >&2; status=1; continue; fi
    DOTNET_ENVIRONMENT=Production dotnet "$app" ledger verify >&2 || { echo "bench: the ledger does not verify after the run" >&2; status=1; continue; }
    awk -v e="$engine" -v n="$services" -v s="$seconds" -v r="$renewed" \
      'BEGIN { printf "billing-run engine=%s services=%d seconds=%.1f renewals_per_s=%d\n", e, n, s, r / s }'
  done
  return $status
}

# A benchmark of the program in bench/: a private PostgreSQL (stopped on exit) in $conn, the program built, a quiet machine.
bench_program() {
  if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then scripts/install-deps.sh; fi
  local work
  work=$(mktemp -d /tmp/tradehall-bench.XXXXXX)
  trap 'scripts/pg.sh stop "'"$work"'/pg" >/dev/null 2>&1 || true; rm -rf "'"$work"'"' EXIT
  conn=$(scripts/pg.sh start "$work/pg")
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
  echo "bench: building bench/Tradehall.Bench (Release)" >&2
  dotnet build bench/Tradehall.Bench -c Release -nologo -v quiet >&2
  wait_quiet "$1"
}

# Runs `tradehall-bench NAME ARGS...` and prints its figures (the last line, starting with NAME); a non-zero status with
# figures (some work failed, said on standard error) is kept.
bench_run() {
  local name=$1 out line status=0
  shift
  out=$(dotnet bench/Tradehall.Bench/bin/Release/net10.0/tradehall-bench.dll "$name" "$@") || status=$?
  line=$(tail -n 1 <<<"$out")
  [[ "$line" == "$name "* ]] || { echo "$out" >&2; echo "bench: the $name benchmark printed no figures" >&2; exit 1; }
  echo "$line"
  return $status
}

chat() {
  bench_program chat
  # Node A runs in the benchmark program with the clients and the sender; it starts node B itself.
  bench_run chat --connection "$conn${BENCH_CONNECTION_OPTIONS:+;$BENCH_CONNECTION_OPTIONS}" --clients "${BENCH_CLIENTS:-2000}" \
    --rate "${BENCH_RATE:-500}" --seconds "${BENCH_SECONDS:-30}" --sender "${BENCH_SENDER:-http}"
}

search() {
  bench_program search
  # Both engines and both peers run in one program, one after the other; each engine's site on a loopback port of its own.
  bench_run search --postgres "$conn${BENCH_CONNECTION_OPTIONS:+;$BENCH_CONNECTION_OPTIONS}" --listings "${BENCH_LISTINGS:-1000000}" \
    --seconds "${BENCH_STEP_SECONDS:-${BENCH_SECONDS:-10}}" --connections "${BENCH_CONNECTIONS:-64}" \
    --engines "${BENCH_SEARCH_ENGINES:-sqlite,postgres,pg_plain,lucene}" --cache "${BENCH_CACHE:-/tmp/tradehall-bench-cache}"
}

startup() {
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
  echo "bench: building bench/Tradehall.Bench (Release)" >&2
  dotnet build bench/Tradehall.Bench -c Release -nologo -v quiet >&2
  wait_quiet startup
  bench_run startup --rounds "${BENCH_ROUNDS:-20}"
}

case "${1:-}" in
  ledger) ledger ;;
  billing-run) billing_run ;;
  chat) chat ;;
  search) search ;;
  startup) startup ;;
  *) usage ;;
esac
