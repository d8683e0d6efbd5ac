-- First and last day of each kind of dated data, for the rollup refresh.
-- min/max over the partition key read little more than the part index.
SELECT 'usage' AS kind, min(day) AS first, max(day) AS last, count() AS row_count FROM usage
UNION ALL SELECT 'tickets', toDate(min(created_at)), toDate(max(created_at)), count() FROM tickets
UNION ALL SELECT 'subscriptions', min(snapshot_date), max(snapshot_date), count() FROM subscriptions
