-- Quarantined rows, newest first; @file = '' lists every file.
SELECT file_name, line, column_name, reason, raw, entity, quarantined_at
FROM quarantine FINAL
WHERE @file = '' OR file_name = @file
ORDER BY quarantined_at DESC, file_name, line
LIMIT @limit
