CREATE TABLE IF NOT EXISTS uptake.trainings_local ON CLUSTER uptake_cluster (
    account_id   String,
    training_id  String,
    course_id    String,
    delivered_on Date,
    attendees    UInt32,
    language     String,
    trainer      String,
    ingested_at  DateTime('UTC') DEFAULT now()
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/uptake/trainings_local', '{replica}', ingested_at)
PARTITION BY toYYYYMM(delivered_on)
ORDER BY (account_id, training_id);

CREATE TABLE IF NOT EXISTS uptake.trainings ON CLUSTER uptake_cluster AS uptake.trainings_local
ENGINE = Distributed(uptake_cluster, uptake, trainings_local, cityHash64(account_id));
