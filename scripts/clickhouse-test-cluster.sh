#!/usr/bin/env bash
# Starts or stops a throw-away ClickHouse cluster for the cluster-mode tests:
# one ZooKeeper (Debian's package) and three ClickHouse 18.16 servers forming
# the cluster "uptake_test" of two shards, node 1 alone in shard 1 and nodes
# 2 and 3 replicas of shard 2, all on loopback ports of their own with their
# data in a temporary folder.
#
#   scripts/clickhouse-test-cluster.sh start   # installs if missing, starts, waits, prints the store URL (node 1)
#   scripts/clickhouse-test-cluster.sh stop    # stops everything and removes the folder
#
# Settings (environment): UPTAKE_TEST_CLUSTER_DIR (default /tmp/uptake-test-cluster),
# UPTAKE_TEST_CLUSTER_PORT (base port, default 19200: ZooKeeper on it, the nodes
# on the next ones).
set -euo pipefail

dir=${UPTAKE_TEST_CLUSTER_DIR:-/tmp/uptake-test-cluster}
base=${UPTAKE_TEST_CLUSTER_PORT:-19200}
zk_port=$base
user=uptake
password=uptake-test-password
cluster=uptake_test
# shellcheck source=scripts/clickhouse-test-lib.sh
. "$(dirname "$0")/clickhouse-test-lib.sh"

tcp_port() { echo $((base + 10 * $1)); }
http_port() { echo $((base + 10 * $1 + 1)); }
interserver_port() { echo $((base + 10 * $1 + 2)); }
url="clickhouse://${user}:${password}@127.0.0.1:$(tcp_port 1)/default?http_port=$(http_port 1)&cluster=${cluster}"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

install_packages() {
	local missing=()
	command -v clickhouse-server >/dev/null || missing+=(clickhouse-server)
	[ -f /usr/share/java/zookeeper.jar ] || missing+=(zookeeper)
	[ ${#missing[@]} -eq 0 ] && return
	echo "installing Debian's ${missing[*]} for the test cluster" >&2
	as_root apt-get update -qq >&2
	DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

zookeeper_answers() {
	[ "$(timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$zk_port; printf ruok >&3; cat <&3" 2>/dev/null)" = imok ]
}

node_answers() { curl -fsS "http://127.0.0.1:$(http_port "$1")/ping" >/dev/null 2>&1; }

start_zookeeper() {
	mkdir -p "$dir/zookeeper/data"
	cat >"$dir/zookeeper/zoo.cfg" <<CFG
tickTime=2000
dataDir=$dir/zookeeper/data
clientPort=$zk_port
clientPortAddress=127.0.0.1
admin.enableServer=false
4lw.commands.whitelist=ruok
CFG
	nohup java -Xmx256m -cp /usr/share/java/zookeeper.jar org.apache.zookeeper.server.ZooKeeperServerMain \
		"$dir/zookeeper/zoo.cfg" >"$dir/zookeeper/stdout.log" 2>&1 &
	echo $! >"$dir/zookeeper/pid"
}

# The same cluster definition goes to every node; only the macros differ.
# shard_xml NODE... writes a shard whose replicas are those nodes.
shard_xml() {
	echo "      <shard><internal_replication>true</internal_replication>"
	for n in "$@"; do
		echo "        <replica><host>127.0.0.1</host><port>$(tcp_port "$n")</port><user>${user}</user><password>${password}</password></replica>"
	done
	echo "      </shard>"
}

shard_of() { if [ "$1" = 1 ]; then echo 01; else echo 02; fi; }

write_node_config() {
	local n=$1 d="$dir/node$1"
	mkdir -p "$d/data" "$d/tmp" "$d/user_files" "$d/format_schemas" "$d/log"
	# A statement ON CLUSTER gives up after 20 s (not 3 minutes) when a node
	# is down, so the node-down test does not wait long. An 18.16 replica
	# forwards some statements on a replicated table (TRUNCATE, OPTIMIZE) to
	# its shard's leader as the user default: it may sign in from loopback.
	write_test_users "$d/users.xml" "$user" "$password" \
		"<distributed_ddl_task_timeout>20</distributed_ddl_task_timeout>" \
		"<default><password></password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks><profile>default</profile><quota>default</quota></default>"
	cat >"$d/config.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <logger><level>information</level><log>$d/log/server.log</log><errorlog>$d/log/error.log</errorlog><console>0</console></logger>
  <listen_host>127.0.0.1</listen_host>
  <tcp_port>$(tcp_port "$n")</tcp_port>
  <http_port>$(http_port "$n")</http_port>
  <interserver_http_port>$(interserver_port "$n")</interserver_http_port>
  <interserver_http_host>127.0.0.1</interserver_http_host>
  <path>$d/data/</path>
  <tmp_path>$d/tmp/</tmp_path>
  <user_files_path>$d/user_files/</user_files_path>
  <format_schema_path>$d/format_schemas/</format_schema_path>
  <users_config>$d/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <mark_cache_size>536870912</mark_cache_size>
  <max_concurrent_queries>100</max_concurrent_queries>
  <remote_servers>
    <${cluster}>
$(shard_xml 1)
$(shard_xml 2 3)
    </${cluster}>
  </remote_servers>
  <zookeeper><node><host>127.0.0.1</host><port>${zk_port}</port></node></zookeeper>
  <macros><shard>$(shard_of "$n")</shard><replica>node${n}</replica></macros>
  <distributed_ddl><path>/clickhouse/task_queue/ddl</path></distributed_ddl>
</yandex>
XML
}

start_node() {
	local d="$dir/node$1"
	nohup clickhouse-server --config-file="$d/config.xml" >"$d/log/stdout.log" 2>&1 &
	echo $! >"$d/pid"
}

wait_for() {
	local what=$1 check=$2 pidfile=$3 log=$4
	for _ in $(seq 1 120); do
		if $check; then return; fi
		if ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
			echo "the test cluster's $what exited while starting; its log:" >&2
			tail -n 30 "$log" >&2 || true
			exit 1
		fi
		sleep 0.5
	done
	echo "the test cluster's $what did not answer within 60 s" >&2
	exit 1
}

start() {
	install_packages
	if [ -f "$dir/node3/pid" ] && node_answers 1 && node_answers 2 && node_answers 3 && zookeeper_answers; then
		echo "$url"
		return
	fi
	stop
	mkdir -p "$dir"
	start_zookeeper
	wait_for ZooKeeper zookeeper_answers "$dir/zookeeper/pid" "$dir/zookeeper/stdout.log"
	for n in 1 2 3; do
		write_node_config "$n"
		start_node "$n"
	done
	for n in 1 2 3; do
		wait_for "node $n" "node_answers $n" "$dir/node$n/pid" "$dir/node$n/log/error.log"
	done
	echo "$url"
}

stop() {
	stop_pid "$dir/node1/pid"
	stop_pid "$dir/node2/pid"
	stop_pid "$dir/node3/pid"
	stop_pid "$dir/zookeeper/pid"
	rm -rf "$dir"
}

case "${1:-}" in
start) start ;;
stop) stop ;;
url) echo "$url" ;;
*) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
