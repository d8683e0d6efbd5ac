CREATE TABLE IF NOT EXISTS uptake.usage_local ON CLUSTER uptake_cluster (
    day            Date,
    account_id     String,
    user_id        String,
    workload       String,
    activity_count UInt32,
    ingested_at    DateTime('UTC') DEFAULT now()
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/uptake/usage_local', '{replica}', ingested_at)
PARTITION BY toYYYYMM(day)
ORDER BY (account_id, workload, day, user_id);

CREATE TABLE IF NOT EXISTS uptake.usage ON CLUSTER uptake_cluster AS uptake.usage_local
ENGINE = Distributed(uptake_cluster, uptake, usage_local, cityHash64(account_id));
