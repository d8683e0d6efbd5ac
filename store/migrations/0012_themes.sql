-- Recurring ticket themes (analytics/themes). A run discovers themes (or
-- assigns tickets to the themes of the stored model) over one scope of
-- tickets; the newest run of a scope is the one shown.

-- The model of a run: vocabulary, centroids and themes, as JSON, so later
-- tickets join the same themes with the same ids.
CREATE TABLE IF NOT EXISTS theme_models {{on_cluster}} (
    scope       String,
    run_id      UInt64,
    created_at  DateTime('UTC'),
    rediscovery UInt8,
    options     String,
    model       String
) ENGINE = {{engine "ReplacingMergeTree(run_id)"}}
ORDER BY scope;

-- One row per theme and run, with the figures the pages show.
CREATE TABLE IF NOT EXISTS themes {{on_cluster}} (
    scope           String,
    run_id          UInt64,
    theme_id        String,
    label           String,
    workload        String,
    terms           Array(String),
    languages       Array(String),
    tickets         UInt32,
    accounts        UInt32,
    weeks           UInt32,
    first_seen      DateTime('UTC'),
    last_seen       DateTime('UTC'),
    trend           String,
    recent_tickets  UInt32,
    prior_tickets   UInt32,
    recurring       UInt8,
    is_new          UInt8,
    rated           UInt32,
    rated_good      UInt32,
    example_ids     Array(String),
    example_subjects Array(String)
) ENGINE = {{engine "ReplacingMergeTree(run_id)"}}
ORDER BY (scope, run_id, theme_id);

-- Which theme each ticket belongs to (empty theme_id: none).
CREATE TABLE IF NOT EXISTS ticket_themes {{on_cluster}} (
    scope      String,
    account_id String,
    source     String,
    ticket_id  String,
    created_at DateTime('UTC'),
    theme_id   String,
    score      Float32,
    run_id     UInt64
) ENGINE = {{engine "ReplacingMergeTree(run_id)"}}
PARTITION BY toYYYYMM(created_at)
ORDER BY (scope, account_id, source, ticket_id);
