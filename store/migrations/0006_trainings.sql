-- Training sessions delivered to an account.
CREATE TABLE IF NOT EXISTS trainings {{on_cluster}} (
    account_id   String,
    training_id  String,
    course_id    String,
    delivered_on Date,
    attendees    UInt32,
    language     String,
    trainer      String,
    ingested_at  DateTime('UTC') DEFAULT now()
) ENGINE = {{engine "ReplacingMergeTree(ingested_at)"}}
PARTITION BY toYYYYMM(delivered_on)
ORDER BY (account_id, training_id);
