-- The newest audit entries, optionally of one user and one action
-- (store.AuditLog); an empty filter matches all.
SELECT at, username, role, action, outcome, detail, ip, request_id
FROM audit_log
WHERE (@username = '' OR username = @username)
  AND (@action = '' OR action = @action)
ORDER BY at DESC, username
LIMIT @limit
