CREATE TABLE IF NOT EXISTS uptake.users_local ON CLUSTER uptake_cluster (
    username      String,
    display_name  String,
    role          String,
    manager       String,
    password_hash String,
    disabled      UInt8,
    updated_at    DateTime('UTC')
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/uptake/users_local', '{replica}', updated_at)
ORDER BY username;

CREATE TABLE IF NOT EXISTS uptake.users ON CLUSTER uptake_cluster AS uptake.users_local
ENGINE = Distributed(uptake_cluster, uptake, users_local, cityHash64(username));

CREATE TABLE IF NOT EXISTS uptake.app_secrets_local ON CLUSTER uptake_cluster (
    name       String,
    value      String,
    created_at DateTime('UTC')
) ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/uptake/app_secrets_local', '{replica}')
ORDER BY name;

CREATE TABLE IF NOT EXISTS uptake.app_secrets ON CLUSTER uptake_cluster AS uptake.app_secrets_local
ENGINE = Distributed(uptake_cluster, uptake, app_secrets_local, cityHash64(name));
