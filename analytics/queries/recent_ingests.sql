-- The latest file ingests, newest first.
SELECT file_name, entity, format, status, rows_read, rows_loaded, rows_quarantined, rows_duplicate,
       message, updated_at
FROM ingest_ledger FINAL
ORDER BY updated_at DESC, file_name
LIMIT @limit
