#!/usr/bin/env bash
# Runs a command with a throw-away ClickHouse test server (Debian's 18.16)
# started for it and UPTAKE_TEST_CLICKHOUSE pointing at it, and a test
# cluster (two shards on three more servers, and ZooKeeper) with UPTAKE_TEST_CLUSTER
# pointing at it; stops them after. If one cannot start, the command still
# runs: its tests then skip, or fail when UPTAKE_TEST_REQUIRE_ENGINES=1 (as
# in CI). UPTAKE_TEST_NO_CLUSTER=1 leaves the cluster out (benchmarks).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
export UPTAKE_TEST_CH_DIR=${UPTAKE_TEST_CH_DIR:-$(mktemp -d /tmp/uptake-test-clickhouse.XXXXXX)}
export UPTAKE_TEST_CLUSTER_DIR=${UPTAKE_TEST_CLUSTER_DIR:-$(mktemp -d /tmp/uptake-test-cluster.XXXXXX)}
stop_all() {
	"$here/clickhouse-test-server.sh" stop
	"$here/clickhouse-test-cluster.sh" stop
}
trap stop_all EXIT
if url=$("$here/clickhouse-test-server.sh" start); then
	export UPTAKE_TEST_CLICKHOUSE="$url"
	echo "test ClickHouse server: ${url/:*@/://***@}"
else
	echo "could not start the test ClickHouse server: server-engine tests will skip (or fail under UPTAKE_TEST_REQUIRE_ENGINES=1)" >&2
fi
if [ "${UPTAKE_TEST_NO_CLUSTER:-}" != 1 ]; then
	if url=$("$here/clickhouse-test-cluster.sh" start); then
		export UPTAKE_TEST_CLUSTER="$url"
		echo "test ClickHouse cluster: ${url/:*@/://***@}"
	else
		echo "could not start the test ClickHouse cluster: cluster tests will skip (or fail under UPTAKE_TEST_REQUIRE_ENGINES=1)" >&2
	fi
fi
CHDB_LIB_PATH=${CHDB_LIB_PATH:-$("$here/libchdb.sh")}
export CHDB_LIB_PATH
"$@"
