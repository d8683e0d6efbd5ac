-- The partner's training catalogue.
CREATE TABLE IF NOT EXISTS courses {{on_cluster}} (
    course_id      String,
    title          String,
    workload       String,
    level          String,
    language       String,
    duration_hours Float32,
    price          Nullable(Float64),
    currency       String,
    description    String,
    ingested_at    DateTime('UTC') DEFAULT now()
) ENGINE = {{engine "ReplacingMergeTree(ingested_at)"}}
ORDER BY course_id;
