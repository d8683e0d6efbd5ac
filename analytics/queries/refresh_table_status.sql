-- Rewrites table_status: rows, accounts and covered dates per data table,
-- deduplicated (FINAL). first_day/last_day mean nothing when row_count is 0.
INSERT INTO table_status (position, table_name, row_count, account_count, first_day, last_day, refreshed_at, version)
SELECT position, table_name, row_count, account_count, first_day, last_day, now(), @version
FROM (
SELECT toUInt8(1) AS position, 'accounts' AS table_name, count() AS row_count, uniqExact(account_id) AS account_count,
       toDate(min(ingested_at)) AS first_day, toDate(max(ingested_at)) AS last_day
FROM accounts FINAL
UNION ALL
SELECT toUInt8(2), 'subscriptions', count(), uniqExact(account_id), min(snapshot_date), max(snapshot_date)
FROM subscriptions FINAL
UNION ALL
SELECT toUInt8(3), 'usage', count(), uniqExact(account_id), min(day), max(day)
FROM usage FINAL
UNION ALL
SELECT toUInt8(4), 'tickets', count(), uniqExact(account_id), toDate(min(created_at)), toDate(max(created_at))
FROM tickets FINAL
UNION ALL
SELECT toUInt8(5), 'courses', count(), toUInt64(0), toDate(min(ingested_at)), toDate(max(ingested_at))
FROM courses FINAL
UNION ALL
SELECT toUInt8(6), 'trainings', count(), uniqExact(account_id), min(delivered_on), max(delivered_on)
FROM trainings FINAL
)
