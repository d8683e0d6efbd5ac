CREATE TABLE IF NOT EXISTS uptake.adoption_weekly_local ON CLUSTER uptake_cluster (
    week       Date,
    account_id String,
    workload   String,
    active_7d  UInt32,
    active_28d UInt32,
    actions_7d UInt64,
    version    UInt64
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/uptake/adoption_weekly_local', '{replica}', version)
PARTITION BY toYYYYMM(week)
ORDER BY (week, account_id, workload);

CREATE TABLE IF NOT EXISTS uptake.adoption_weekly ON CLUSTER uptake_cluster AS uptake.adoption_weekly_local
ENGINE = Distributed(uptake_cluster, uptake, adoption_weekly_local, cityHash64(account_id));

CREATE TABLE IF NOT EXISTS uptake.seats_weekly_local ON CLUSTER uptake_cluster (
    week            Date,
    account_id      String,
    workload        String,
    seats_purchased UInt32,
    seats_assigned  UInt32,
    monthly_value   Float64,
    priced_seats    UInt32,
    currency        String,
    products        String,
    version         UInt64
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/uptake/seats_weekly_local', '{replica}', version)
PARTITION BY toYYYYMM(week)
ORDER BY (week, account_id, workload);

CREATE TABLE IF NOT EXISTS uptake.seats_weekly ON CLUSTER uptake_cluster AS uptake.seats_weekly_local
ENGINE = Distributed(uptake_cluster, uptake, seats_weekly_local, cityHash64(account_id));

CREATE TABLE IF NOT EXISTS uptake.ticket_weekly_local ON CLUSTER uptake_cluster (
    week                 Date,
    account_id           String,
    category             String,
    workload             String,
    priority             String,
    language             String,
    tickets              UInt32,
    escalated            UInt32,
    responded            UInt32,
    response_minutes     Float64,
    response_in_target   UInt32,
    response_median      AggregateFunction(quantileTDigestIf(0.5), Float64, UInt8),
    resolved             UInt32,
    resolution_minutes   Float64,
    resolution_in_target UInt32,
    resolution_median    AggregateFunction(quantileTDigestIf(0.5), Float64, UInt8),
    rated                UInt32,
    rated_good           UInt32,
    sla_targets          String,
    version              UInt64
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/uptake/ticket_weekly_local', '{replica}', version)
PARTITION BY toYYYYMM(week)
ORDER BY (week, account_id, category, workload, priority, language);

CREATE TABLE IF NOT EXISTS uptake.ticket_weekly ON CLUSTER uptake_cluster AS uptake.ticket_weekly_local
ENGINE = Distributed(uptake_cluster, uptake, ticket_weekly_local, cityHash64(account_id));

CREATE TABLE IF NOT EXISTS uptake.data_through_local ON CLUSTER uptake_cluster (
    kind    String,
    first   Date,
    last    Date,
    version UInt64
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/uptake/data_through_local', '{replica}', version)
ORDER BY kind;

CREATE TABLE IF NOT EXISTS uptake.data_through ON CLUSTER uptake_cluster AS uptake.data_through_local
ENGINE = Distributed(uptake_cluster, uptake, data_through_local, cityHash64(kind));
