# Sourced by clickhouse-test-server.sh and clickhouse-test-cluster.sh: what
# both do with their throw-away servers.

# Writes the users file of a test server.
#
#   write_test_users FILE USER PASSWORD [PROFILE_XML [USERS_XML]]
#
# USER signs in with PASSWORD from loopback only. PROFILE_XML is added to
# the default profile, USERS_XML to the users.
write_test_users() {
	local file=$1 user=$2 password=$3 profile=${4:-} more_users=${5:-}
	cat >"$file" <<XML
<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>4000000000</max_memory_usage>${profile}</default></profiles>
  <users>${more_users}
    <${user}>
      <password>${password}</password>
      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
      <profile>default</profile>
      <quota>default</quota>
    </${user}>
  </users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors>
    <result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
XML
}

# Stops the process whose id is in PIDFILE, if any: politely, then after
# 30 s by force.
stop_pid() {
	[ -f "$1" ] || return 0
	local pid
	pid=$(cat "$1")
	kill "$pid" 2>/dev/null || true
	for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
	kill -9 "$pid" 2>/dev/null || true
}
