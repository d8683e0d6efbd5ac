CREATE TABLE IF NOT EXISTS uptake.subscriptions_local ON CLUSTER uptake_cluster (
    account_id      String,
    subscription_id String,
    snapshot_date   Date,
    product         String,
    workload        String,
    seats_purchased UInt32,
    seats_assigned  UInt32,
    start_date      Date,
    end_date        Nullable(Date),
    unit_price      Nullable(Float64),
    currency        String,
    source          String,
    ingested_at     DateTime('UTC') DEFAULT now()
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/uptake/subscriptions_local', '{replica}', ingested_at)
PARTITION BY toYYYYMM(snapshot_date)
ORDER BY (account_id, subscription_id, snapshot_date);

CREATE TABLE IF NOT EXISTS uptake.subscriptions ON CLUSTER uptake_cluster AS uptake.subscriptions_local
ENGINE = Distributed(uptake_cluster, uptake, subscriptions_local, cityHash64(account_id));
