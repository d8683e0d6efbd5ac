-- A finished ingest of a file with this exact content, if any.
SELECT file_name, updated_at, rows_loaded
FROM ingest_ledger FINAL
WHERE file_checksum = @checksum AND status = 'complete'
ORDER BY updated_at
LIMIT 1
