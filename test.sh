#!/usr/bin/env bash
# The test command. Installs what the tests need on a fresh machine (Debian's chromium and postgresql),
# starts a throw-away PostgreSQL server, runs every test project on SQLite (one after another), then the projects that touch
# the database again on PostgreSQL, and ends with one line "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")"

# Whatever stops the run early, CI still reads a closing line.
fail() { echo "$1" >&2; echo "0 passed, 1 failed, 0 skipped"; exit 1; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Browser tests drive Debian's Chromium (Playwright cannot download its own browsers here).
if [ -z "${SCORECARD_CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's chromium for the browser tests..."
    apt-get update -qq || fail "apt-get update failed."
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null || fail "Installing chromium failed."
  else
    fail "chromium is missing: install Debian's 'chromium' package (or set SCORECARD_CHROMIUM to a Chromium binary)."
  fi
fi

dotnet tool restore >/dev/null || fail "dotnet tool restore failed."
dotnet restore Scorecard.sln || fail "dotnet restore failed."

# PostgreSQL in a folder of this run, on a free loopback port; stopped and removed when the run ends.
pgdir=$(mktemp -d /tmp/scorecard-pg.XXXXXX)
log=$(mktemp)
trap 'scripts/test-postgres.sh stop "$pgdir"; rm -f "$log"' EXIT
SCORECARD_TEST_POSTGRES=$(scripts/test-postgres.sh start "$pgdir") || fail "Starting PostgreSQL for the tests failed."
export SCORECARD_TEST_POSTGRES
echo "PostgreSQL for the tests: $SCORECARD_TEST_POSTGRES"

status=0
dotnet build Scorecard.sln --no-restore -v q -nologo 2>&1 | tee "$log" || fail "The build failed."
# 1. Every project on SQLite (the embedded default); the tests that need PostgreSQL whatever the provider use the server too.
#    One project at a time: the host-process, two-instance and browser tests each start real servers, and on two
#    cores they must not compete with each other for the CPU.
for project in tests/*.Tests; do
  dotnet test "$project" --no-build "$@" 2>&1 | tee -a "$log" || status=$?
done
# 2. The same tests of every project that touches the database, on PostgreSQL.
for project in Platform Organization Strategy Okr Reviews Host; do
  SCORECARD_TEST_PROVIDER=postgres dotnet test "tests/Scorecard.$project.Tests" --no-build "$@" 2>&1 | tee -a "$log" || status=$?
done

# Sum the per-project summaries ("Passed!  - Failed: 0, Passed: 12, Skipped: 0, ...") into the closing line CI reads.
read -r passed failed skipped < <(grep -E '^(Passed|Failed)! +- ' "$log" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\2 \1 \3/' \
  | awk '{p+=$1; f+=$2; s+=$3} END {printf "%d %d %d\n", p, f, s}')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi   # a build or runner failure counts as a failure
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
