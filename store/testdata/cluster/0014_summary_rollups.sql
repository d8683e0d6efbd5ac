CREATE TABLE IF NOT EXISTS uptake.account_tickets_weekly_local ON CLUSTER uptake_cluster (
    week                 Date,
    account_id           String,
    tickets              UInt32,
    howto                UInt32,
    escalated            UInt32,
    responded            UInt32,
    response_minutes     Float64,
    response_in_target   UInt32,
    resolved             UInt32,
    resolution_minutes   Float64,
    resolution_in_target UInt32,
    rated                UInt32,
    rated_good           UInt32,
    nps_responses        UInt32,
    promoters            UInt32,
    detractors           UInt32,
    version              UInt64
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/uptake/account_tickets_weekly_local', '{replica}', version)
PARTITION BY toYYYYMM(week)
ORDER BY (week, account_id);

CREATE TABLE IF NOT EXISTS uptake.account_tickets_weekly ON CLUSTER uptake_cluster AS uptake.account_tickets_weekly_local
ENGINE = Distributed(uptake_cluster, uptake, account_tickets_weekly_local, cityHash64(account_id));

CREATE TABLE IF NOT EXISTS uptake.workload_weekly_local ON CLUSTER uptake_cluster (
    week            Date,
    account_id      String,
    workload        String,
    seats_purchased UInt32,
    seats_assigned  UInt32,
    monthly_value   Float64,
    priced_seats    UInt32,
    currency        String,
    products        String,
    active_7d       UInt32,
    active_28d      UInt32,
    actions_7d      UInt64,
    trend_x         Array(UInt8),
    trend_y         Array(Float64),
    version         UInt64
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/uptake/workload_weekly_local', '{replica}', version)
PARTITION BY toYYYYMM(week)
ORDER BY (week, account_id, workload);

CREATE TABLE IF NOT EXISTS uptake.workload_weekly ON CLUSTER uptake_cluster AS uptake.workload_weekly_local
ENGINE = Distributed(uptake_cluster, uptake, workload_weekly_local, cityHash64(account_id));
