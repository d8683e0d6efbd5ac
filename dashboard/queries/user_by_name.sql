-- One user, newest version.
SELECT username, display_name, role, manager, password_hash, disabled
FROM users FINAL
WHERE username = @username
