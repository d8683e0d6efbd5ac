-- A stored secret (the session-signing key), oldest first: when two
-- processes create one at the same time, both then use the first.
SELECT value
FROM app_secrets
WHERE name = @name
ORDER BY created_at, value
LIMIT 1
