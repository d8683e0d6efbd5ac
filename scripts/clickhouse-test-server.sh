#!/usr/bin/env bash
# Starts or stops a throw-away ClickHouse server (Debian's clickhouse-server)
# for the test suite: loopback only, its own ports, data in a temporary folder.
#
#   scripts/clickhouse-test-server.sh start   # installs if missing, starts, waits, prints the store URL
#   scripts/clickhouse-test-server.sh stop    # stops it and removes its folder
#   scripts/clickhouse-test-server.sh url     # prints the store URL of the running server
#
# Settings (environment): UPTAKE_TEST_CH_DIR (state folder, default /tmp/uptake-test-clickhouse),
# UPTAKE_TEST_CH_TCP_PORT (default 19000), UPTAKE_TEST_CH_HTTP_PORT (default 18123).
set -euo pipefail

dir=${UPTAKE_TEST_CH_DIR:-/tmp/uptake-test-clickhouse}
tcp_port=${UPTAKE_TEST_CH_TCP_PORT:-19000}
http_port=${UPTAKE_TEST_CH_HTTP_PORT:-18123}
user=uptake
password=uptake-test-password
# http_port: backup and restore use the HTTP interface.
url="clickhouse://${user}:${password}@127.0.0.1:${tcp_port}/default?http_port=${http_port}"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

install_server() {
	command -v clickhouse-server >/dev/null && return
	echo "clickhouse-server is missing: installing Debian's package" >&2
	as_root apt-get update -qq >&2
	DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq clickhouse-server >&2
}

answers() { curl -fsS "http://127.0.0.1:${http_port}/ping" >/dev/null 2>&1; }

# shellcheck source=scripts/clickhouse-test-lib.sh
. "$(dirname "$0")/clickhouse-test-lib.sh"
write_users() { write_test_users "$dir/users.xml" "$user" "$password"; }

start() {
	install_server
	if [ -f "$dir/pid" ] && kill -0 "$(cat "$dir/pid")" 2>/dev/null && answers; then
		echo "$url"
		return
	fi
	rm -rf "$dir"
	mkdir -p "$dir/data" "$dir/tmp" "$dir/user_files" "$dir/format_schemas" "$dir/log"
	write_users
	# The package's own config, with everything that touches the system overridden.
	nohup clickhouse-server --config-file=/etc/clickhouse-server/config.xml -- \
		--path="$dir/data/" --tmp_path="$dir/tmp/" --user_files_path="$dir/user_files/" \
		--format_schema_path="$dir/format_schemas/" --users_config="$dir/users.xml" \
		--logger.log="$dir/log/server.log" --logger.errorlog="$dir/log/error.log" --logger.console=0 \
		--tcp_port="$tcp_port" --http_port="$http_port" --interserver_http_port=0 \
		--listen_host=127.0.0.1 >"$dir/log/stdout.log" 2>&1 &
	echo $! >"$dir/pid"
	for _ in $(seq 1 120); do
		if answers; then
			echo "$url"
			return
		fi
		if ! kill -0 "$(cat "$dir/pid")" 2>/dev/null; then
			echo "the test ClickHouse server exited while starting; its log:" >&2
			tail -n 30 "$dir/log/error.log" "$dir/log/stdout.log" >&2 || true
			exit 1
		fi
		sleep 0.5
	done
	echo "the test ClickHouse server did not answer on port ${http_port} within 60 s" >&2
	exit 1
}

stop() {
	stop_pid "$dir/pid"
	rm -rf "$dir"
}

case "${1:-}" in
start) start ;;
stop) stop ;;
url) echo "$url" ;;
*) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
