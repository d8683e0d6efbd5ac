CREATE TABLE IF NOT EXISTS uptake.courses_local ON CLUSTER uptake_cluster (
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
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/uptake/courses_local', '{replica}', ingested_at)
ORDER BY course_id;

CREATE TABLE IF NOT EXISTS uptake.courses ON CLUSTER uptake_cluster AS uptake.courses_local
ENGINE = Distributed(uptake_cluster, uptake, courses_local, cityHash64(course_id));
