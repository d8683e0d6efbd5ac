-- Second-level rollups, written by the same refresh from the weekly ones:
-- per account and week (tickets) and per account, workload and week (seats
-- joined with active users, and the usage % of the 12 weeks up to each
-- week: trend_x is the week, 0 … 11, trend_y its usage %). The pages read these: a year of them is a few
-- hundred thousand rows, where ticket_weekly keeps a row per category,
-- workload, priority and language.
CREATE TABLE IF NOT EXISTS account_tickets_weekly {{on_cluster}} (
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
) ENGINE = {{engine "ReplacingMergeTree(version)"}}
PARTITION BY toYYYYMM(week)
ORDER BY (week, account_id);

CREATE TABLE IF NOT EXISTS workload_weekly {{on_cluster}} (
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
) ENGINE = {{engine "ReplacingMergeTree(version)"}}
PARTITION BY toYYYYMM(week)
ORDER BY (week, account_id, workload);
