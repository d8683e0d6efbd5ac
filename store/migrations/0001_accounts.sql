-- Customer tenants the partner supports. One row per account; the newest ingest wins.
CREATE TABLE IF NOT EXISTS accounts {{on_cluster}} (
    account_id      String,
    name            String,
    segment         String,
    industry        String,
    country         String,
    employees       UInt32,
    account_manager String,
    source          String,
    ingested_at     DateTime('UTC') DEFAULT now()
) ENGINE = {{engine "ReplacingMergeTree(ingested_at)"}}
ORDER BY account_id;
