INSERT INTO app_secrets (name, value, created_at)
SELECT @name, @value, @created_at
