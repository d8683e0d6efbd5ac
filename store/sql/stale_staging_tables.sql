-- Staging tables left by ingests that died (kill -9, power loss): named
-- staging_<table>_<unix time>_<id>, older than @before. On a cluster each
-- also has a staging_…_local table, which DropTable removes with it.
SELECT name
FROM system.tables
WHERE database = currentDatabase()
  AND startsWith(name, 'staging_')
  AND NOT endsWith(name, '_local')
  AND toUInt64OrZero(splitByChar('_', name)[-2]) < @before
