-- Every user, for the admin's user list (no password hashes).
SELECT username, display_name, role, manager, disabled, updated_at
FROM users FINAL
ORDER BY username
