#!/usr/bin/env bash
# The test run behind `make test`: every package, both engines, with a summary
# that names the engines each contract test passed on.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
log=$(mktemp /tmp/uptake-test-log.XXXXXX)
# Browser screenshots and other test artifacts land here.
export UPTAKE_ARTIFACTS=${UPTAKE_ARTIFACTS:-$(cd "$here/.." && pwd)/artifacts}

"$here/with-test-server.sh" go test -race -count=1 -v -timeout 20m ./... >"$log" 2>&1
status=$?

grep -E '^(ok|FAIL|---|panic:)|^    --- (PASS|FAIL|SKIP).*(embedded|server)|^\s+\S+_test\.go:[0-9]+:' "$log"
passed=$(grep -cE -- '--- PASS' "$log")
failed=$(grep -cE -- '--- FAIL' "$log")
skipped=$(grep -cE -- '--- SKIP' "$log")
embedded=$(grep -cE -- '--- PASS: .*/embedded-' "$log")
server=$(grep -cE -- '--- PASS: .*/server-' "$log")
cluster=$(grep -cE -- '--- PASS: TestOnCluster' "$log")
echo
echo "contract tests passed on the embedded engine (chDB): $embedded, on the server engine (ClickHouse server): $server"
echo "cluster-mode tests passed on the test cluster (two shards, three servers): $cluster"
if [ "$status" -ne 0 ]; then
	echo "some tests failed; the full log follows"
	cat "$log"
fi
echo "tests: $passed passed, $failed failed, $skipped skipped; artifacts (screenshots) in $UPTAKE_ARTIFACTS"
rm -f "$log"
exit "$status"
