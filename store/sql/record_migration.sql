-- INSERT … SELECT, not VALUES: over the native protocol an 18.16 server waits
-- for client data blocks after "INSERT … VALUES" and the statement never ends.
INSERT INTO schema_migrations (version, name, checksum, applied_at)
SELECT @version, @name, @checksum, @applied_at
