#!/usr/bin/env bash
# Runs a command with a throw-away ClickHouse test server (Debian's 18.16)
# started for it and UPTAKE_TEST_CLICKHOUSE pointing at it; stops it after.
# If the server cannot start, the command still runs: server tests then skip,
# or fail when UPTAKE_TEST_REQUIRE_ENGINES=1 (as in CI).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
export UPTAKE_TEST_CH_DIR=${UPTAKE_TEST_CH_DIR:-$(mktemp -d /tmp/uptake-test-clickhouse.XXXXXX)}
if url=$("$here/clickhouse-test-server.sh" start); then
	export UPTAKE_TEST_CLICKHOUSE="$url"
	trap '"$here/clickhouse-test-server.sh" stop' EXIT
	echo "test ClickHouse server: ${url/:*@/://***@}"
else
	echo "could not start the test ClickHouse server: server-engine tests will skip (or fail under UPTAKE_TEST_REQUIRE_ENGINES=1)" >&2
fi
CHDB_LIB_PATH=${CHDB_LIB_PATH:-$("$here/libchdb.sh")}
export CHDB_LIB_PATH
"$@"
