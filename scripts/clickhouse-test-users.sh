# Sourced by clickhouse-test-server.sh and clickhouse-test-cluster.sh:
# writes the users file of a throw-away test server.
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
