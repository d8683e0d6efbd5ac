-- Staging tables left by ingests that died (kill -9, power loss): named
-- staging_<table>_<unix time>_<id>, older than @before.
SELECT name
FROM system.tables
WHERE database = currentDatabase()
  AND startsWith(name, 'staging_')
  AND toUInt64OrZero(splitByChar('_', name)[-2]) < @before
