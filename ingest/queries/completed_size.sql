-- Whether a finished ingest had a file of exactly this size: only then is it
-- worth hashing a file before reading it, to recognise a rerun.
SELECT count() AS files
FROM ingest_ledger FINAL
WHERE file_size = @size AND status = 'complete'
