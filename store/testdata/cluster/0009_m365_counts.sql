CREATE TABLE IF NOT EXISTS uptake.m365_counts_local ON CLUSTER uptake_cluster (
    account_id    String,
    report        String,
    day           Date,
    workload      String,
    measure       String,
    value         UInt64,
    report_period String,
    source        String,
    ingested_at   DateTime('UTC') DEFAULT now()
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/uptake/m365_counts_local', '{replica}', ingested_at)
PARTITION BY toYYYYMM(day)
ORDER BY (account_id, report, workload, measure, day);

CREATE TABLE IF NOT EXISTS uptake.m365_counts ON CLUSTER uptake_cluster AS uptake.m365_counts_local
ENGINE = Distributed(uptake_cluster, uptake, m365_counts_local, cityHash64(account_id));
