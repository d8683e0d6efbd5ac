CREATE TABLE IF NOT EXISTS uptake.theme_models_local ON CLUSTER uptake_cluster (
    scope       String,
    run_id      UInt64,
    created_at  DateTime('UTC'),
    rediscovery UInt8,
    options     String,
    model       String
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/uptake/theme_models_local', '{replica}', run_id)
ORDER BY scope;

CREATE TABLE IF NOT EXISTS uptake.theme_models ON CLUSTER uptake_cluster AS uptake.theme_models_local
ENGINE = Distributed(uptake_cluster, uptake, theme_models_local, cityHash64(scope));

CREATE TABLE IF NOT EXISTS uptake.themes_local ON CLUSTER uptake_cluster (
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
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/uptake/themes_local', '{replica}', run_id)
ORDER BY (scope, run_id, theme_id);

CREATE TABLE IF NOT EXISTS uptake.themes ON CLUSTER uptake_cluster AS uptake.themes_local
ENGINE = Distributed(uptake_cluster, uptake, themes_local, cityHash64(scope));

CREATE TABLE IF NOT EXISTS uptake.ticket_themes_local ON CLUSTER uptake_cluster (
    scope      String,
    account_id String,
    source     String,
    ticket_id  String,
    created_at DateTime('UTC'),
    theme_id   String,
    score      Float32,
    run_id     UInt64
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/uptake/ticket_themes_local', '{replica}', run_id)
PARTITION BY toYYYYMM(created_at)
ORDER BY (scope, account_id, source, ticket_id);

CREATE TABLE IF NOT EXISTS uptake.ticket_themes ON CLUSTER uptake_cluster AS uptake.ticket_themes_local
ENGINE = Distributed(uptake_cluster, uptake, ticket_themes_local, cityHash64(account_id));
