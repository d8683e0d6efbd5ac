-- Usage telemetry: one row per day, account, user and workload.
CREATE TABLE IF NOT EXISTS usage {{on_cluster}} (
    day            Date,
    account_id     String,
    user_id        String,
    workload       String,
    activity_count UInt32,
    ingested_at    DateTime('UTC') DEFAULT now()
) ENGINE = {{engine "ReplacingMergeTree(ingested_at)"}}
PARTITION BY toYYYYMM(day)
ORDER BY (account_id, workload, day, user_id);
