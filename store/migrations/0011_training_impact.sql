-- The before/after figures behind the training-impact estimate, computed at
-- the rollup refresh (analytics.Service.Refresh): per training and outcome,
-- the trained account's weekly average in the weeks before and after the
-- course (role 'trained'), and the same for each of its matched untrained
-- accounts over the same weeks (role 'control'). Reading them back is
-- cheap; the matching is not.
CREATE TABLE IF NOT EXISTS training_impact {{on_cluster}} (
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
) ENGINE = {{engine "ReplacingMergeTree(version)"}}
ORDER BY (outcome, training_id, role, account_id);
