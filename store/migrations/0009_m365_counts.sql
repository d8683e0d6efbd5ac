-- Microsoft 365 aggregate report figures (active-user, services and Teams
-- activity counts): one row per account, report, workload, measure and day.
-- Kept apart from usage, which holds one row per user, so no per-user figure
-- ever counts these totals a second time.
CREATE TABLE IF NOT EXISTS m365_counts {{on_cluster}} (
    account_id    String,
    report        String,
    day           Date,
    workload      String,
    measure       String,
    value         UInt64,
    report_period String,
    source        String,
    ingested_at   DateTime('UTC') DEFAULT now()
) ENGINE = {{engine "ReplacingMergeTree(ingested_at)"}}
PARTITION BY toYYYYMM(day)
ORDER BY (account_id, report, workload, measure, day);
