CREATE TABLE IF NOT EXISTS uptake.course_recommendations_local ON CLUSTER uptake_cluster (
    position          UInt32,
    account_id        String,
    account_name      String,
    manager           String,
    kind              String,
    workload          String,
    language          String,
    theme_id          String,
    theme_label       String,
    avoidable_tickets Float64,
    activatable_seats UInt32,
    audience          UInt32,
    evidence          String,
    course_id         String,
    score             Float64,
    reason            String,
    sessions          UInt32,
    benefit           Float64,
    fallback          UInt8,
    fingerprint       String,
    version           UInt64
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/uptake/course_recommendations_local', '{replica}', version)
ORDER BY (position);

CREATE TABLE IF NOT EXISTS uptake.course_recommendations ON CLUSTER uptake_cluster AS uptake.course_recommendations_local
ENGINE = Distributed(uptake_cluster, uptake, course_recommendations_local, cityHash64(position));

CREATE TABLE IF NOT EXISTS uptake.course_plan_local ON CLUSTER uptake_cluster (
    position           UInt32,
    month              Date,
    course_id          String,
    course_title       String,
    language           String,
    sessions           UInt32,
    accounts           Array(String),
    account_names      Array(String),
    attendees          UInt32,
    reason             String,
    benefit            Float64,
    start_month        Date,
    sessions_per_month UInt32,
    fingerprint        String,
    version            UInt64
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/uptake/course_plan_local', '{replica}', version)
ORDER BY (position);

CREATE TABLE IF NOT EXISTS uptake.course_plan ON CLUSTER uptake_cluster AS uptake.course_plan_local
ENGINE = Distributed(uptake_cluster, uptake, course_plan_local, cityHash64(position));

CREATE TABLE IF NOT EXISTS uptake.upsell_chances_local ON CLUSTER uptake_cluster (
    position     UInt32,
    kind         String,
    account_id   String,
    account_name String,
    manager      String,
    workload     String,
    value        Float64,
    currency     String,
    value_basis  String,
    evidence     String,
    rule         String,
    week         Date,
    fingerprint  String,
    version      UInt64
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/uptake/upsell_chances_local', '{replica}', version)
ORDER BY (position);

CREATE TABLE IF NOT EXISTS uptake.upsell_chances ON CLUSTER uptake_cluster AS uptake.upsell_chances_local
ENGINE = Distributed(uptake_cluster, uptake, upsell_chances_local, cityHash64(position));

CREATE TABLE IF NOT EXISTS uptake.findings_runs_local ON CLUSTER uptake_cluster (
    kind               String,
    version            UInt64,
    fingerprint        String,
    start_month        Date,
    sessions_per_month UInt32,
    week               Date,
    computed_at        DateTime('UTC')
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/uptake/findings_runs_local', '{replica}', version)
ORDER BY kind;

CREATE TABLE IF NOT EXISTS uptake.findings_runs ON CLUSTER uptake_cluster AS uptake.findings_runs_local
ENGINE = Distributed(uptake_cluster, uptake, findings_runs_local, cityHash64(kind));
