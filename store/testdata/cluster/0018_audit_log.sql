CREATE TABLE IF NOT EXISTS uptake.audit_log_local ON CLUSTER uptake_cluster (
    at         DateTime('UTC'),
    username   String,
    role       String,
    action     String,
    outcome    String,
    detail     String,
    ip         String,
    request_id String
) ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/uptake/audit_log_local', '{replica}')
PARTITION BY toYYYYMM(at)
ORDER BY (at, username);

CREATE TABLE IF NOT EXISTS uptake.audit_log ON CLUSTER uptake_cluster AS uptake.audit_log_local
ENGINE = Distributed(uptake_cluster, uptake, audit_log_local, cityHash64(at));
