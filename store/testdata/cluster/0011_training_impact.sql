CREATE TABLE IF NOT EXISTS uptake.training_impact_local ON CLUSTER uptake_cluster (
    outcome      String,
    training_id  String,
    role         String,
    account_id   String,
    course_id    String,
    workload     String,
    delivered_on Date,
    segment      String,
    weeks        UInt8,
    before       Float64,
    after        Float64,
    version      UInt64
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/uptake/training_impact_local', '{replica}', version)
ORDER BY (outcome, training_id, role, account_id);

CREATE TABLE IF NOT EXISTS uptake.training_impact ON CLUSTER uptake_cluster AS uptake.training_impact_local
ENGINE = Distributed(uptake_cluster, uptake, training_impact_local, cityHash64(account_id));
