CREATE TABLE IF NOT EXISTS uptake.ingest_ledger_local ON CLUSTER uptake_cluster (
    file_checksum    String,
    ingest_id        String,
    account_id       String,
    file_name        String,
    file_size        UInt64,
    format           String,
    entity           String,
    status           String,
    started_at       DateTime('UTC'),
    updated_at       DateTime('UTC'),
    rows_read        UInt64,
    rows_loaded      UInt64,
    rows_quarantined UInt64,
    rows_duplicate   UInt64,
    message          String
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/uptake/ingest_ledger_local', '{replica}', updated_at)
PARTITION BY toYYYYMM(started_at)
ORDER BY (file_checksum, ingest_id);

CREATE TABLE IF NOT EXISTS uptake.ingest_ledger ON CLUSTER uptake_cluster AS uptake.ingest_ledger_local
ENGINE = Distributed(uptake_cluster, uptake, ingest_ledger_local, cityHash64(file_checksum));
