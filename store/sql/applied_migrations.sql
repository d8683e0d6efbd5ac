-- Migrations already applied, one row each (FINAL: a migration recorded twice counts once).
SELECT version, name, checksum
FROM schema_migrations FINAL
ORDER BY version
