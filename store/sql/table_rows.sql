-- Rows per Uptake table as the analytics see them: deduplicated on each table's key.
SELECT 'accounts' AS table_name, count() AS row_count FROM accounts FINAL
UNION ALL SELECT 'subscriptions', count() FROM subscriptions FINAL
UNION ALL SELECT 'usage', count() FROM usage FINAL
UNION ALL SELECT 'tickets', count() FROM tickets FINAL
UNION ALL SELECT 'courses', count() FROM courses FINAL
UNION ALL SELECT 'trainings', count() FROM trainings FINAL
UNION ALL SELECT 'ingest_ledger', count() FROM ingest_ledger FINAL
UNION ALL SELECT 'quarantine', count() FROM quarantine FINAL
UNION ALL SELECT 'm365_counts', count() FROM m365_counts FINAL
