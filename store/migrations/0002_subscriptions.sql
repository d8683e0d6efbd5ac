-- Seats per subscription, as snapshots: one row per subscription and snapshot day.
CREATE TABLE IF NOT EXISTS subscriptions {{on_cluster}} (
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
) ENGINE = {{engine "ReplacingMergeTree(ingested_at)"}}
PARTITION BY toYYYYMM(snapshot_date)
ORDER BY (account_id, subscription_id, snapshot_date);
