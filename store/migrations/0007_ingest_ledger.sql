-- One row per file ingest, keyed by the file's content checksum so a rerun of the same file is recognised.
CREATE TABLE IF NOT EXISTS ingest_ledger {{on_cluster}} (
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
) ENGINE = {{engine "ReplacingMergeTree(updated_at)"}}
PARTITION BY toYYYYMM(started_at)
ORDER BY (file_checksum, ingest_id);
