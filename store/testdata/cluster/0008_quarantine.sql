CREATE TABLE IF NOT EXISTS uptake.quarantine_local ON CLUSTER uptake_cluster (
    file_checksum  String,
    line           UInt64,
    column_name    String,
    ingest_id      String,
    account_id     String,
    file_name      String,
    entity         String,
    reason         String,
    raw            String,
    quarantined_at DateTime('UTC')
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/uptake/quarantine_local', '{replica}', quarantined_at)
PARTITION BY toYYYYMM(quarantined_at)
ORDER BY (file_checksum, line, column_name);

CREATE TABLE IF NOT EXISTS uptake.quarantine ON CLUSTER uptake_cluster AS uptake.quarantine_local
ENGINE = Distributed(uptake_cluster, uptake, quarantine_local, cityHash64(file_checksum));
