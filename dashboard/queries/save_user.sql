-- Adds a user or replaces one (the newest updated_at wins).
INSERT INTO users (username, display_name, role, manager, password_hash, disabled, updated_at)
SELECT @username, @display_name, @role, @manager, @password_hash, @disabled, @updated_at
