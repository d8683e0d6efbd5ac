-- Rollups that keep the course recommendations, SLA attainment and data
-- status pages from reading fine-grained or raw tables on every call.

-- SLA counts and median states per priority and week, from ticket_weekly
-- (which also keeps account, category, workload and language).
CREATE TABLE IF NOT EXISTS priority_weekly {{on_cluster}} (
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
) ENGINE = {{engine "ReplacingMergeTree(version)"}}
PARTITION BY toYYYYMM(week)
ORDER BY (week, priority);

-- Tickets per account, language and week: an account's main language is
-- the language courses are offered in.
CREATE TABLE IF NOT EXISTS account_language_weekly {{on_cluster}} (
    week       Date,
    account_id String,
    language   String,
    tickets    UInt32,
    version    UInt64
) ENGINE = {{engine "ReplacingMergeTree(version)"}}
PARTITION BY toYYYYMM(week)
ORDER BY (week, account_id, language);

-- Tickets per theme, account and week of one theme run (written by
-- `uptake themes` with the per-ticket assignments): training needs read a
-- quarter of it instead of every ticket's theme.
CREATE TABLE IF NOT EXISTS theme_account_weekly {{on_cluster}} (
    scope      String,
    run_id     UInt64,
    week       Date,
    account_id String,
    theme_id   String,
    tickets    UInt32
) ENGINE = {{engine "MergeTree"}}
ORDER BY (scope, run_id, week, account_id, theme_id);

-- Rows, accounts and dates per data table, deduplicated, as of the last
-- rollup refresh (the admin's data status).
CREATE TABLE IF NOT EXISTS table_status {{on_cluster}} (
    position      UInt8,
    table_name    String,
    row_count     UInt64,
    account_count UInt64,
    first_day     Date,
    last_day      Date,
    refreshed_at  DateTime('UTC'),
    version       UInt64
) ENGINE = {{engine "ReplacingMergeTree(version)"}}
ORDER BY table_name;
