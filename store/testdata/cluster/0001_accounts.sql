CREATE TABLE IF NOT EXISTS uptake.accounts_local ON CLUSTER uptake_cluster (
    account_id      String,
    name            String,
    segment         String,
    industry        String,
    country         String,
    employees       UInt32,
    account_manager String,
    source          String,
    ingested_at     DateTime('UTC') DEFAULT now()
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/uptake/accounts_local', '{replica}', ingested_at)
ORDER BY account_id;

CREATE TABLE IF NOT EXISTS uptake.accounts ON CLUSTER uptake_cluster AS uptake.accounts_local
ENGINE = Distributed(uptake_cluster, uptake, accounts_local, cityHash64(account_id));
