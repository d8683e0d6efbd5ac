-- Staging tables left by ingests that died (kill -9, power loss): named
-- staging_<table>_<unix time>_<id>, older than @before. On a cluster each
-- also has staging_…_local, which DropTable removes with it; a local table
-- whose Distributed one is already gone (a drop that reached some nodes
-- only) is found by its own name.
SELECT DISTINCT replaceRegexpOne(name, '_local$', '') AS base
FROM system.tables
WHERE database = currentDatabase()
  AND startsWith(name, 'staging_')
  AND toUInt64OrZero(splitByChar('_', replaceRegexpOne(name, '_local$', ''))[-2]) < @before
