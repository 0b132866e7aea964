#!/usr/bin/env bash
# Runs every test: the suite on SQLite, the same suite on a private PostgreSQL, and the browser
# journeys in headless Chromium. Installs what it needs first (scripts/install-deps.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

# docs/rules.md lists every rule with the files citing it; code citing an unlisted ID, or a stale
# document, fails here before anything is built.
python3 scripts/rules.py --check

scripts/install-deps.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build Tradehall.slnx -c Release -nologo -v quiet

work=$(mktemp -d /tmp/tradehall-test.XXXXXX)
cleanup() { scripts/pg.sh stop "$work/pg" || true; }
trap cleanup EXIT
# Without autovacuum: a test drops its database at the end, and a server worker vacuuming inside (which the test role
# may not end) would hold the drop; test databases live for seconds, so nothing is lost by not vacuuming them.
pg=$(scripts/pg.sh start "$work/pg" autovacuum=off)

results="$root/artifacts/test-results"
rm -rf "$results"; mkdir -p "$results"
status=0
durations="$work/durations"
run() { # name, project, env...
  local name=$1 project=$2; shift 2
  local started=$SECONDS rc=0
  echo "== $name"
  env "$@" dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" || rc=1
  echo "$name $((SECONDS - started)) s" >> "$durations"
  echo "== $name took $((SECONDS - started)) s"
  return $rc
}
run sqlite tests/Tradehall.Tests TRADEHALL_TEST_PROVIDER=sqlite || status=1
run postgres tests/Tradehall.Tests TRADEHALL_TEST_PROVIDER=postgres "TRADEHALL_TEST_PG=$pg" || status=1
run browser tests/Tradehall.BrowserTests TRADEHALL_TEST_PROVIDER=sqlite "TRADEHALL_ARTIFACTS=$root/artifacts/screenshots" || status=1

echo "== durations: $(paste -sd, "$durations" | sed 's/,/, /g')"

# One closing line over all runs, counted from the result files.
python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(f).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(c.get("passed")); failed += int(c.get("failed")) + int(c.get("error")) + int(c.get("timeout"))
    # A skipped test is counted in total but not executed (the trx "notExecuted" counter stays 0 for it).
    skipped += int(c.get("total")) - int(c.get("executed"))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
