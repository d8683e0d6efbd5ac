-- Rows an ingest could not use, with where they were and why, so nothing is lost silently.
CREATE TABLE IF NOT EXISTS quarantine {{on_cluster}} (
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
) ENGINE = {{engine "ReplacingMergeTree(quarantined_at)"}}
PARTITION BY toYYYYMM(quarantined_at)
ORDER BY (file_checksum, line, column_name);
