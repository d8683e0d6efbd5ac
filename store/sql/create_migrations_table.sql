-- A DDL template like the migrations (see Layout): on a cluster, one list for all nodes.
CREATE TABLE IF NOT EXISTS schema_migrations {{on_cluster}} (
    version    UInt32,
    name       String,
    checksum   String,
    applied_at DateTime('UTC')
) ENGINE = {{engine "ReplacingMergeTree(applied_at)"}}
ORDER BY version
