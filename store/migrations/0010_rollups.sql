-- Rollups: small weekly tables the analytics read instead of scanning usage,
-- subscriptions and tickets on every call. After an ingest Uptake rewrites
-- the weeks it touched (analytics.Service.Refresh). Every row of one refresh
-- of a week carries the same version; queries read only the newest version
-- of each week, so a row that a refresh no longer produces (a ticket moved
-- to another category, say) drops out instead of being counted twice.

-- Active users per account, workload and week (weeks start on Monday).
CREATE TABLE IF NOT EXISTS adoption_weekly {{on_cluster}} (
    week       Date,
    account_id String,
    workload   String,
    active_7d  UInt32,
    active_28d UInt32,
    actions_7d UInt64,
    version    UInt64
) ENGINE = {{engine "ReplacingMergeTree(version)"}}
PARTITION BY toYYYYMM(week)
ORDER BY (week, account_id, workload);

-- Seats per account, workload and week, from the newest subscription
-- snapshot taken by the end of the week.
CREATE TABLE IF NOT EXISTS seats_weekly {{on_cluster}} (
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
) ENGINE = {{engine "ReplacingMergeTree(version)"}}
PARTITION BY toYYYYMM(week)
ORDER BY (week, account_id, workload);

-- Tickets per account, week and kind, with the support-load, SLA and
-- satisfaction counts. The SLA targets in force at the refresh are kept, so
-- a change of targets is noticed and the rollup rebuilt.
CREATE TABLE IF NOT EXISTS ticket_weekly {{on_cluster}} (
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
) ENGINE = {{engine "ReplacingMergeTree(version)"}}
PARTITION BY toYYYYMM(week)
ORDER BY (week, account_id, category, workload, priority, language);

-- How far each kind of data goes, written by the same refresh: the analytics
-- report on the last complete week without scanning the fact tables.
CREATE TABLE IF NOT EXISTS data_through {{on_cluster}} (
    kind    String,
    first   Date,
    last    Date,
    version UInt64
) ENGINE = {{engine "ReplacingMergeTree(version)"}}
ORDER BY kind;
