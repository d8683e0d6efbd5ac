-- The partitions holding rows in a staging table, to attach them to the target.
SELECT DISTINCT partition_id
FROM system.parts
WHERE database = currentDatabase() AND table = @table AND active
ORDER BY partition_id
