-- The audit log: who signed in (or was refused), exported or uploaded
-- what, and when. Rows are only ever added; partitions by month let an
-- admin drop old ones (ALTER TABLE audit_log DROP PARTITION 202601).
CREATE TABLE IF NOT EXISTS audit_log {{on_cluster}} (
    at         DateTime('UTC'),
    username   String,
    role       String,
    action     String,
    outcome    String,
    detail     String,
    ip         String,
    request_id String
) ENGINE = {{engine "MergeTree"}}
PARTITION BY toYYYYMM(at)
ORDER BY (at, username);
