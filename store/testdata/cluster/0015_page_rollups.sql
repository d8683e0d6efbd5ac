CREATE TABLE IF NOT EXISTS uptake.priority_weekly_local ON CLUSTER uptake_cluster (
    week                 Date,
    priority             String,
    tickets              UInt32,
    responded            UInt32,
    response_in_target   UInt32,
    response_median      AggregateFunction(quantileTDigestIf(0.5), Float64, UInt8),
    resolved             UInt32,
    resolution_in_target UInt32,
    resolution_median    AggregateFunction(quantileTDigestIf(0.5), Float64, UInt8),
    sla_targets          String,
    version              UInt64
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/uptake/priority_weekly_local', '{replica}', version)
PARTITION BY toYYYYMM(week)
ORDER BY (week, priority);

CREATE TABLE IF NOT EXISTS uptake.priority_weekly ON CLUSTER uptake_cluster AS uptake.priority_weekly_local
ENGINE = Distributed(uptake_cluster, uptake, priority_weekly_local, cityHash64(week));

CREATE TABLE IF NOT EXISTS uptake.account_language_weekly_local ON CLUSTER uptake_cluster (
    week       Date,
    account_id String,
    language   String,
    tickets    UInt32,
    version    UInt64
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/uptake/account_language_weekly_local', '{replica}', version)
PARTITION BY toYYYYMM(week)
ORDER BY (week, account_id, language);

CREATE TABLE IF NOT EXISTS uptake.account_language_weekly ON CLUSTER uptake_cluster AS uptake.account_language_weekly_local
ENGINE = Distributed(uptake_cluster, uptake, account_language_weekly_local, cityHash64(account_id));

CREATE TABLE IF NOT EXISTS uptake.theme_account_weekly_local ON CLUSTER uptake_cluster (
    scope      String,
    run_id     UInt64,
    week       Date,
    account_id String,
    theme_id   String,
    tickets    UInt32
) ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/uptake/theme_account_weekly_local', '{replica}')
ORDER BY (scope, run_id, week, account_id, theme_id);

CREATE TABLE IF NOT EXISTS uptake.theme_account_weekly ON CLUSTER uptake_cluster AS uptake.theme_account_weekly_local
ENGINE = Distributed(uptake_cluster, uptake, theme_account_weekly_local, cityHash64(account_id));

CREATE TABLE IF NOT EXISTS uptake.table_status_local ON CLUSTER uptake_cluster (
    position      UInt8,
    table_name    String,
    row_count     UInt64,
    account_count UInt64,
    first_day     Date,
    last_day      Date,
    refreshed_at  DateTime('UTC'),
    version       UInt64
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/uptake/table_status_local', '{replica}', version)
ORDER BY table_name;

CREATE TABLE IF NOT EXISTS uptake.table_status ON CLUSTER uptake_cluster AS uptake.table_status_local
ENGINE = Distributed(uptake_cluster, uptake, table_status_local, cityHash64(table_name));
